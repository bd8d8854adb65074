#include "engine/data/tables.h"

#include <algorithm>

#include "engine/core/text.h"

namespace engine::data {

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

void ActionPlan::index() {
    by_entity_.clear();
    for (std::size_t i = 0; i < actions.size(); ++i) by_entity_[actions[i].entity].push_back(i);
    indexed_ = actions.size();
}

std::vector<const Action*> ActionPlan::for_entity(const std::string& entity) const {
    std::vector<const Action*> out;
    if (!entity.empty() && indexed_ > 0 && indexed_ == actions.size()) {
        if (auto it = by_entity_.find(entity); it != by_entity_.end())
            for (std::size_t i : it->second) out.push_back(&actions[i]);
        return out;
    }
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
