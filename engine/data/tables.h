// data: the typed tables every later stage reads — observations, targets, action plans. Rows
// remember their source line so later stages can point at them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/civil_date.h"
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
    // Texts repeated down a plan (the same objectives, actions and owners for every setting):
    // views of the plan's one copy of each (ActionPlan::text), not a string per row.
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

struct ActionPlan {
    std::vector<Action> actions;  ///< in file order
    /// Actions of one entity (or all when entity is empty), in file order. O(log n + found)
    /// once index() has been called on the plan as it is now, else a pass over the actions.
    std::vector<const Action*> for_entity(const std::string& entity) const;
    /// Indexes the actions by entity; load_actions calls it when the plan is read.
    void index();
    /// A lasting view of `s` for an action's texts, each distinct text kept once; the views
    /// stay good as long as this plan or a copy of it does (copies share the texts).
    std::string_view text(std::string_view s) { return texts_->name(texts_->intern(s)); }

private:
    std::shared_ptr<StringPool> texts_ = std::make_shared<StringPool>();
    std::map<std::string, std::vector<std::size_t>, std::less<>> by_entity_;
    std::size_t indexed_ = 0;  ///< actions.size() when index() ran (0: never)
};

// ---- settings and other entities ---------------------------------------------------------------

/// One entity (an early-years setting, a school …) with its attributes.
struct Entity {
    std::string id;       ///< setting_id
    std::string name;     ///< setting_name
    std::string la_name;  ///< local authority
    std::vector<std::pair<std::string, std::string>> attributes;  ///< other columns, in file order
    core::SourceLocation where;

    /// An attribute or a built-in field by column name ("" when absent).
    std::string get(const std::string& key) const;
};

class EntityTable {
public:
    /// Adds an entity; returns the earlier one with the same id instead (a duplicate).
    const Entity* add(Entity e);
    const Entity* find(std::string_view id) const;
    const std::vector<Entity>& all() const { return entities_; }
    bool empty() const { return entities_.empty(); }
    std::vector<std::string> ids() const;
    /// The settings file's header, in file order (set by load_entities).
    const std::vector<std::string>& columns() const { return columns_; }
    void set_columns(std::vector<std::string> c) { columns_ = std::move(c); }

private:
    std::vector<Entity> entities_;
    std::vector<std::string> columns_;
    std::map<std::string, std::size_t, std::less<>> index_;
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
