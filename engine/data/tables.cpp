#include "engine/data/tables.h"

#include <algorithm>
#include <set>

#include "engine/core/text.h"

namespace engine::data {

std::uint64_t ObservationTable::key_hash(std::string_view measure, std::string_view group,
                                         std::string_view level, std::string_view area, int period) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a, fields separated by a byte no text holds
    auto mix = [&h](std::string_view s) {
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0xFFu) * 1099511628211ull;
    };
    mix(measure);
    mix(group);
    mix(level);
    mix(area);
    return h ^ (static_cast<std::uint64_t>(static_cast<std::uint32_t>(period)) * 0x9E3779B97F4A7C15ull);
}

namespace {
bool same_key(const Observation& o, std::string_view measure, std::string_view group, std::string_view level,
              std::string_view area, int period) {
    return o.period.sort_key() == period && o.measure == measure && o.group == group && o.level == level &&
           o.area == area;
}
}  // namespace

int ObservationTable::add(Observation o) {
    const int period = o.period.sort_key();
    const std::uint64_t h = key_hash(o.measure, o.group, o.level, o.area, period);
    auto [lo, hi] = index_.equal_range(h);
    for (auto it = lo; it != hi; ++it)
        if (same_key(rows_[it->second], o.measure, o.group, o.level, o.area, period))
            return static_cast<int>(it->second);
    index_.emplace(h, rows_.size());
    rows_.push_back(std::move(o));
    return -1;
}

const Observation* ObservationTable::find(const std::string& measure, const std::string& group,
                                          const std::string& level, const std::string& area,
                                          const Period& period) const {
    const int p = period.sort_key();
    auto [lo, hi] = index_.equal_range(key_hash(measure, group, level, area, p));
    for (auto it = lo; it != hi; ++it)
        if (same_key(rows_[it->second], measure, group, level, area, p)) return &rows_[it->second];
    return nullptr;
}

std::vector<Period> ObservationTable::periods(const std::string& measure, const std::string& level,
                                              const std::string& area) const {
    std::vector<Period> out;
    for (const auto& o : rows_)
        if (o.measure == measure && o.level == level && o.area == area &&
            std::find(out.begin(), out.end(), o.period) == out.end())
            out.push_back(o.period);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> ObservationTable::measures() const {
    std::set<std::string> s;
    for (const auto& o : rows_) s.insert(o.measure);
    return {s.begin(), s.end()};
}

std::vector<std::string> ObservationTable::groups() const {
    std::set<std::string> s;
    for (const auto& o : rows_) s.insert(o.group);
    return {s.begin(), s.end()};
}

std::vector<std::string> ObservationTable::areas(const std::string& level) const {
    std::set<std::string> s;
    for (const auto& o : rows_)
        if (o.level == level) s.insert(o.area);
    return {s.begin(), s.end()};
}

const std::vector<std::string>& target_kind_names() {
    static const std::vector<std::string> v = {"gap_at_most", "value_at_least",
                                               "at_or_above_comparator", "gap_narrows_by",
                                               "improves_faster_than_comparator_by"};
    return v;
}

std::string target_kind_name(TargetKind k) {
    return target_kind_names()[static_cast<std::size_t>(k)];
}

std::string ComparatorRef::label() const {
    if (national) return group + " (National)";
    if (local_authority) return group + " (local authority)";
    return group;
}

namespace {
struct Synonym {
    const char* word;
    ActionState state;
};
constexpr Synonym kStates[] = {
    {"Not started", ActionState::NotStarted}, {"In progress", ActionState::InProgress},
    {"Complete", ActionState::Complete},      {"Completed", ActionState::Complete},
    {"Done", ActionState::Complete},          {"Planned", ActionState::NotStarted},
    {"Not yet started", ActionState::NotStarted}, {"Ongoing", ActionState::InProgress},
    {"Started", ActionState::InProgress},     {"Underway", ActionState::InProgress},
    {"On track", ActionState::InProgress},
};
}  // namespace

const std::vector<std::string>& action_state_names() {
    static const std::vector<std::string> v = [] {
        std::vector<std::string> out;
        for (const auto& s : kStates) out.emplace_back(s.word);
        return out;
    }();
    return v;
}

std::optional<ActionState> parse_action_state(const std::string& s) {
    std::string_view t = core::trim(s);
    for (const auto& k : kStates)
        if (core::iequals_ascii(t, k.word)) return k.state;
    return std::nullopt;
}

const std::vector<std::string>& rag_names() {
    static const std::vector<std::string> v = {"Red", "Amber", "Green"};
    return v;
}

std::optional<Rag> parse_rag(const std::string& s) {
    std::string_view t = core::trim(s);
    if (t.empty()) return Rag::None;
    if (core::iequals_ascii(t, "red") || core::iequals_ascii(t, "r")) return Rag::Red;
    if (core::iequals_ascii(t, "amber") || core::iequals_ascii(t, "a")) return Rag::Amber;
    if (core::iequals_ascii(t, "green") || core::iequals_ascii(t, "g")) return Rag::Green;
    return std::nullopt;
}

std::vector<const Action*> ActionPlan::for_entity(const std::string& entity) const {
    std::vector<const Action*> out;
    for (const auto& a : actions)
        if (entity.empty() || a.entity == entity) out.push_back(&a);
    return out;
}

std::string Entity::get(const std::string& key) const {
    if (key == "setting_id" || key == "id") return id;
    if (key == "setting_name" || key == "name") return name;
    if (key == "la_name") return la_name;
    for (const auto& [k, v] : attributes)
        if (k == key) return v;
    return "";
}

const Entity* EntityTable::add(Entity e) {
    auto it = index_.find(e.id);
    if (it != index_.end()) return &entities_[it->second];
    index_.emplace(e.id, entities_.size());
    entities_.push_back(std::move(e));
    return nullptr;
}

const Entity* EntityTable::find(std::string_view id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &entities_[it->second];
}

std::vector<std::string> EntityTable::ids() const {
    std::vector<std::string> v;
    for (const auto& e : entities_) v.push_back(e.id);
    return v;
}

const std::vector<std::string>& activity_kind_names() {
    static const std::vector<std::string> v = {"coaching", "training", "network meeting", "visit"};
    return v;
}

}  // namespace engine::data
