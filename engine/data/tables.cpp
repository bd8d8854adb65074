#include "engine/data/tables.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <unordered_set>

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

namespace {

// An action's bytes in a block: its fields in a fixed order, numbers as their bytes in memory
// (the blocks never leave the process), texts as a 32-bit length and the bytes.
template <typename T>
void put_raw(std::string& out, const T& v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

void put_text(std::string& out, std::string_view s) {
    put_raw(out, static_cast<std::uint32_t>(s.size()));
    out.append(s);
}

void put_date(std::string& out, const std::optional<core::Date>& d) {
    put_raw(out, static_cast<std::uint8_t>(d.has_value()));
    if (d) put_raw(out, *d);
}

class BlockReader {
public:
    BlockReader(const char* p, const char* end) : p_(p), end_(end) {}
    template <typename T>
    T raw() {
        T v;
        need(sizeof v);
        std::memcpy(&v, p_, sizeof v);
        p_ += sizeof v;
        return v;
    }
    std::string_view text() {
        const auto n = raw<std::uint32_t>();
        need(n);
        std::string_view s(p_, n);
        p_ += n;
        return s;
    }
    std::optional<core::Date> date() {
        if (!raw<std::uint8_t>()) return std::nullopt;
        return raw<core::Date>();
    }

private:
    void need(std::size_t n) const {
        if (static_cast<std::size_t>(end_ - p_) < n) throw std::logic_error("an action plan block is cut short");
    }
    const char* p_;
    const char* end_;
};

}  // namespace

std::vector<const Action*> ActionList::pointers() const {
    std::vector<const Action*> out;
    out.reserve(actions_.size());
    for (const auto& a : actions_) out.push_back(&a);
    return out;
}

ActionPlan::ActionPlan(std::size_t spool_limit) : spill_(std::make_shared<core::SpillFile>(spool_limit)) {}

void ActionPlan::add(const Action& a) {
    if (!runs_.empty() && pending_count_ > 0 && name_of(runs_.back()) != a.entity) end_run();
    if (pending_count_ == 0) {
        Run r;
        r.name_at = static_cast<std::uint32_t>(names_.size());
        r.name_size = static_cast<std::uint32_t>(a.entity.size());
        names_ += a.entity;
        runs_.push_back(r);
    }
    put_raw(pending_, a.line);
    put_raw(pending_, static_cast<std::uint8_t>(a.state));
    put_raw(pending_, static_cast<std::uint8_t>(a.rag));
    put_raw(pending_, a.due);
    put_date(pending_, a.start);
    put_date(pending_, a.last_updated);
    for (std::string_view t : {std::string_view(a.id), a.objective, a.action, a.owner, a.progress}) put_text(pending_, t);
    ++pending_count_;
    ++count_;
}

void ActionPlan::end_run() {
    Run& r = runs_.back();
    r.offset = spill_->append(pending_.data(), pending_.size());
    r.bytes = static_cast<std::uint32_t>(pending_.size());
    r.count = pending_count_;
    pending_.clear();
    pending_count_ = 0;
}

void ActionPlan::finish() {
    if (pending_count_ > 0) end_run();
    std::string().swap(pending_);
    spill_->finish();
    names_.shrink_to_fit();
    runs_.shrink_to_fit();
    by_entity_.resize(runs_.size());
    for (std::size_t i = 0; i < runs_.size(); ++i) by_entity_[i] = static_cast<std::uint32_t>(i);
    std::stable_sort(by_entity_.begin(), by_entity_.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return name_of(runs_[x]) < name_of(runs_[y]); });
}

ActionList ActionPlan::decode(const std::vector<const Run*>& runs) const {
    ActionList out;
    std::size_t bytes = 0, count = 0;
    for (const Run* r : runs) {
        bytes += r->bytes;
        count += r->count;
    }
    out.bytes_ = std::make_unique<char[]>(bytes);
    out.actions_.reserve(count);
    std::unordered_set<std::string_view> seen;  // each distinct text once in the list
    auto kept = [&seen](std::string_view s) { return *seen.insert(s).first; };
    char* at = out.bytes_.get();
    for (const Run* r : runs) {
        spill_->read(r->offset, at, r->bytes);
        BlockReader in(at, at + r->bytes);
        const std::string entity(name_of(*r));
        for (std::uint32_t k = 0; k < r->count; ++k) {
            Action& a = out.actions_.emplace_back();
            a.entity = entity;
            a.line = in.raw<int>();
            a.state = static_cast<ActionState>(in.raw<std::uint8_t>());
            a.rag = static_cast<Rag>(in.raw<std::uint8_t>());
            a.due = in.raw<core::Date>();
            a.start = in.date();
            a.last_updated = in.date();
            a.id = std::string(in.text());
            a.objective = kept(in.text());
            a.action = kept(in.text());
            a.owner = kept(in.text());
            a.progress = kept(in.text());
        }
        at += r->bytes;
    }
    return out;
}

ActionList ActionPlan::read(std::string_view entity) const {
    std::vector<const Run*> runs;
    if (entity.empty()) {
        for (const auto& r : runs_) runs.push_back(&r);
    } else {
        auto lo = std::lower_bound(by_entity_.begin(), by_entity_.end(), entity,
                                   [&](std::uint32_t i, std::string_view e) { return name_of(runs_[i]) < e; });
        for (; lo != by_entity_.end() && name_of(runs_[*lo]) == entity; ++lo) runs.push_back(&runs_[*lo]);
    }
    return decode(runs);
}

void ActionPlan::for_each(const std::function<void(const Action&)>& f) const {
    for (const auto& r : runs_) {
        const ActionList block = decode({&r});
        for (const auto& a : block) f(a);
    }
}

std::size_t ActionPlan::resident_bytes() const {
    return sizeof *this + names_.capacity() + runs_.capacity() * sizeof(Run) +
           by_entity_.capacity() * sizeof(std::uint32_t) + pending_.capacity() + (spill_ ? spill_->resident_bytes() : 0);
}

std::string Entity::get(const std::string& key) const {
    if (key == "setting_id" || key == "id") return id;
    if (key == "setting_name" || key == "name") return name;
    if (key == "la_name") return la_name;
    for (const auto& [k, v] : attributes)
        if (k == key) return v;
    return "";
}

std::size_t EntityTable::slot_of(std::string_view id) const {
    const std::size_t mask = slots_.size() - 1;  // a power of two
    for (std::size_t i = std::hash<std::string_view>{}(id) & mask;; i = (i + 1) & mask)
        if (slots_[i] == 0 || entities_[slots_[i] - 1].id == id) return i;
}

const Entity* EntityTable::add(Entity e) {
    if ((entities_.size() + 1) * 4 > slots_.size() * 3) {  // grow: every entity placed again
        std::vector<std::uint32_t>(std::max<std::size_t>(16, slots_.size() * 2)).swap(slots_);
        for (std::size_t i = 0; i < entities_.size(); ++i) slots_[slot_of(entities_[i].id)] = static_cast<std::uint32_t>(i + 1);
    }
    const std::size_t slot = slot_of(e.id);
    if (slots_[slot] != 0) return &entities_[slots_[slot] - 1];
    slots_[slot] = static_cast<std::uint32_t>(entities_.size() + 1);
    entities_.push_back(std::move(e));
    return nullptr;
}

const Entity* EntityTable::find(std::string_view id) const {
    if (slots_.empty()) return nullptr;
    const std::uint32_t at = slots_[slot_of(id)];
    return at == 0 ? nullptr : &entities_[at - 1];
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
