// data: the typed tables every later stage reads — observations, targets, action plans. Rows
// remember their source line so later stages can point at them.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/civil_date.h"
#include "engine/core/spill_file.h"
#include "engine/core/source_location.h"
#include "engine/data/observation_table.h"
#include "engine/data/period.h"
#include "engine/data/string_pool.h"
#include "engine/data/value.h"

namespace engine::data {

// ---- targets -----------------------------------------------------------------------------------

enum class TargetKind {
    GapAtMost,                      ///< gap(period) <= value
    ValueAtLeast,                   ///< group value(period) >= value
    AtOrAboveComparator,            ///< group value(period) >= comparator value(period)
    GapNarrowsBy,                   ///< gap(baseline) - gap(period) >= value
    ImprovesFasterThanComparatorBy  ///< every year: group's improvement - comparator's >= value
};

const std::vector<std::string>& target_kind_names();
std::string target_kind_name(TargetKind k);

/// What a group is compared with: another group in the same area, or a group nationally, or a
/// group in the area's local authority (a setting against its LA).
struct ComparatorRef {
    bool national = false;         ///< compare with the National level
    bool local_authority = false;  ///< compare with the area's local authority
    std::string group;  ///< the comparator group (the target's own group for "National"/"LA")
    std::string label() const;
};

struct Target {
    std::string id;  ///< from the file, or "measure/group/period"
    std::string measure;
    std::string group;
    ComparatorRef comparator;
    Period period;                  ///< when the target must be met
    std::optional<Period> baseline; ///< for trajectories and narrowing
    TargetKind kind = TargetKind::GapAtMost;
    core::Exact value;              ///< ppts or %, per kind (exact, as written)
    std::string area;               ///< optional: restrict to one area (empty = every area)
    core::SourceLocation where;
};

// ---- action plans ------------------------------------------------------------------------------

/// The status an author writes in the plan.
enum class ActionState { NotStarted, InProgress, Complete };
enum class Rag { None, Red, Amber, Green };

/// Valid spellings for hints, and the parsers (case-insensitive, with documented synonyms).
const std::vector<std::string>& action_state_names();
std::optional<ActionState> parse_action_state(const std::string& s);
const std::vector<std::string>& rag_names();
std::optional<Rag> parse_rag(const std::string& s);

struct Action {
    std::string id;
    std::string entity;  ///< setting_id (or other entity) for per-entity plans, else empty
    // Views: of the CSV row while the plan is read, then of the ActionList the action was
    // read back into (each distinct text once there).
    std::string_view objective;
    std::string_view action;
    std::string_view owner;
    std::optional<core::Date> start;
    core::Date due;
    ActionState state = ActionState::NotStarted;
    std::string_view progress;  ///< progress note
    std::optional<core::Date> last_updated;
    Rag rag = Rag::None;   ///< optional override
    /// The row's first line in the action plan file (its errors were reported as it was read;
    /// a line, not a SourceLocation with its own copy of the file name: 45,000 actions at
    /// 5,000 settings).
    int line = 0;
};

/// Actions read back from a plan (ActionPlan::read): they own their texts, which the actions'
/// views point into, each distinct text once. Move-only; moving keeps the actions in place.
class ActionList {
public:
    ActionList() = default;
    ActionList(ActionList&&) noexcept = default;
    ActionList& operator=(ActionList&&) noexcept = default;
    ActionList(const ActionList&) = delete;
    ActionList& operator=(const ActionList&) = delete;

    const std::vector<Action>& actions() const { return actions_; }
    std::size_t size() const { return actions_.size(); }
    bool empty() const { return actions_.empty(); }
    const Action& operator[](std::size_t i) const { return actions_[i]; }
    std::vector<Action>::const_iterator begin() const { return actions_.begin(); }
    std::vector<Action>::const_iterator end() const { return actions_.end(); }
    /// Every action's address, in order (what metrics::summarise_actions takes).
    std::vector<const Action*> pointers() const;

private:
    friend class ActionPlan;
    std::unique_ptr<char[]> bytes_;  ///< the runs as read; the texts are views of it
    std::vector<Action> actions_;
};

/// An action plan kept out of the resident heap: each run of rows of one entity, in file
/// order, is a serialized block (texts included) in a SpillFile (in memory up to its spool
/// limit, then an unlinked temporary file); what stays resident is a directory of the runs
/// (about 30 bytes an entity). A report reads only its own entity's blocks. Copies share the
/// blocks; add only before the plan is copied (docs/performance.md, "Memory flat in the number
/// of settings").
class ActionPlan {
public:
    explicit ActionPlan(std::size_t spool_limit = core::SpillFile::kDefaultSpool);

    /// Adds the next action of the file (load_actions, in file order).
    void add(const Action& a);
    /// After the last add: the plan may then be read on any number of threads at once.
    void finish();
    /// The number of actions.
    std::size_t size() const { return count_; }
    bool empty() const { return count_ == 0; }
    /// Actions of one entity (or all when entity is empty), in file order, read back from the
    /// blocks. O(log n + found).
    ActionList read(std::string_view entity) const;
    /// Calls `f` for every action in file order, one block in memory at a time.
    void for_each(const std::function<void(const Action&)>& f) const;
    /// Bytes the plan holds in memory: its directory and, until it spills, the blocks.
    std::size_t resident_bytes() const;
    /// Whether the blocks are in the temporary file.
    bool spilled() const { return spill_ && spill_->on_disk(); }

private:
    struct Run {
        std::uint64_t offset = 0;  ///< in the spill file
        std::uint32_t bytes = 0;
        std::uint32_t count = 0;     ///< actions in the run
        std::uint32_t name_at = 0;   ///< the entity's id in names_
        std::uint32_t name_size = 0;
    };
    std::string_view name_of(const Run& r) const { return std::string_view(names_).substr(r.name_at, r.name_size); }
    void end_run();
    ActionList decode(const std::vector<const Run*>& runs) const;

    std::shared_ptr<core::SpillFile> spill_;
    std::string names_;                    ///< the runs' entity ids, one after another
    std::vector<Run> runs_;                ///< in file order
    std::vector<std::uint32_t> by_entity_; ///< runs_ indexes by (entity, file order), after finish
    std::string pending_;                  ///< the run being read
    std::uint32_t pending_count_ = 0;
    std::size_t count_ = 0;
};

// ---- settings and other entities ---------------------------------------------------------------

/// One entity (an early-years setting, a school …) with its attributes.
struct Entity {
    std::string id;       ///< setting_id
    std::string name;     ///< setting_name
    std::string la_name;  ///< local authority
    std::vector<std::pair<std::string, std::string>> attributes;  ///< other columns, in file order
    /// The row's place in the settings file (EntityTable::where adds the file, kept once for
    /// the table rather than a copy of its path in every setting).
    int line = 0;
    int column = 0;

    /// An attribute or a built-in field by column name ("" when absent).
    std::string get(const std::string& key) const;
};

class EntityTable {
public:
    /// Adds an entity; returns the earlier one with the same id instead (a duplicate).
    const Entity* add(Entity e);
    /// The entity of `id`: O(1), through an open-addressing index of 4 bytes a slot.
    const Entity* find(std::string_view id) const;
    /// The place of `id` in all() (what per-setting vectors are indexed by), or nullopt. O(1).
    std::optional<std::size_t> index_of(std::string_view id) const {
        const Entity* e = find(id);
        return e ? std::optional<std::size_t>(static_cast<std::size_t>(e - entities_.data())) : std::nullopt;
    }
    const std::vector<Entity>& all() const { return entities_; }
    bool empty() const { return entities_.empty(); }
    std::vector<std::string> ids() const;
    /// The settings file's header, in file order (set by load_entities).
    const std::vector<std::string>& columns() const { return columns_; }
    void set_columns(std::vector<std::string> c) { columns_ = std::move(c); }
    /// The settings file (set by load_entities) and an entity's place in it.
    void set_file(std::string file) { file_ = std::move(file); }
    core::SourceLocation where(const Entity& e) const { return {file_, e.line, e.column}; }
    /// Gives back the room kept for more entities (load_entities, once the file is read).
    void shrink_to_fit() { entities_.shrink_to_fit(); }

private:
    std::size_t slot_of(std::string_view id) const;  ///< where `id` is, or the empty slot it would take
    std::vector<Entity> entities_;
    std::vector<std::string> columns_;
    std::string file_;
    /// Open addressing, linear probing, at most three quarters full: an entity's index + 1, or
    /// 0 for an empty slot.
    std::vector<std::uint32_t> slots_;
};

// ---- delivery activity ------------------------------------------------------------------------

const std::vector<std::string>& activity_kind_names();

struct Activity {
    core::Date date;
    std::string setting_id;
    std::string kind;   ///< coaching, training, network meeting, visit
    std::string topic;
    std::string leader;
    core::Exact half_days;  ///< may be a half (0.5)
    std::optional<int> participants;
    std::optional<int> feedback_positive;
    std::optional<int> feedback_total;
    core::SourceLocation where;
};

}  // namespace engine::data
