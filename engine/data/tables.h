// data: the typed tables every later stage reads — observations, targets, action plans. Rows
// remember their source line so later stages can point at them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/core/civil_date.h"
#include "engine/core/source_location.h"
#include "engine/data/period.h"
#include "engine/data/value.h"

namespace engine::data {

// ---- observations -----------------------------------------------------------------------------

/// Geographic levels (EES names; "Setting" is our name for an early-years setting or school).
inline constexpr const char* kNational = "National";
inline constexpr const char* kLocalAuthority = "Local authority";
inline constexpr const char* kSetting = "Setting";
inline constexpr const char* kProject = "Project";

struct Observation {
    Period period;
    std::string level;    ///< geographic level, canonical spelling
    std::string area;     ///< the area's key at that level: "England", la_name, setting_id …
    std::string group;    ///< characteristic: "FSM", "Not FSM", "Total" …
    std::string measure;  ///< measure id
    Value value;
    std::optional<double> cohort;     ///< denominator (children), when known
    std::optional<double> numerator;  ///< children meeting the measure, when known
    core::SourceLocation where;
};

class ObservationTable {
public:
    /// Adds a row; returns the index of an existing row with the same key instead (a
    /// duplicate), or -1 when added.
    int add(Observation o);

    const Observation* find(const std::string& measure, const std::string& group,
                            const std::string& level, const std::string& area,
                            const Period& period) const;
    /// Periods with any row for this measure/level/area, ascending.
    std::vector<Period> periods(const std::string& measure, const std::string& level,
                                const std::string& area) const;
    const std::vector<Observation>& rows() const { return rows_; }
    std::vector<std::string> measures() const;
    std::vector<std::string> groups() const;
    std::vector<std::string> areas(const std::string& level) const;
    bool empty() const { return rows_.empty(); }
    /// Makes room for `n` rows in all (a hint: the table still grows past it).
    void reserve(std::size_t n) {
        rows_.reserve(n);
        index_.reserve(n);
    }

private:
    /// Hash of the key fields; rows with equal hashes are told apart by comparing the fields
    /// of the row itself, so the index holds no copy of the key strings.
    static std::uint64_t key_hash(std::string_view measure, std::string_view group, std::string_view level,
                                  std::string_view area, int period);
    std::vector<Observation> rows_;
    std::unordered_multimap<std::uint64_t, std::size_t> index_;
};

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
    std::string objective;
    std::string action;
    std::string owner;
    std::optional<core::Date> start;
    core::Date due;
    ActionState state = ActionState::NotStarted;
    std::string progress;  ///< progress note
    std::optional<core::Date> last_updated;
    Rag rag = Rag::None;   ///< optional override
    core::SourceLocation where;
};

struct ActionPlan {
    std::vector<Action> actions;  ///< in file order
    /// Actions of one entity (or all when entity is empty), in file order.
    std::vector<const Action*> for_entity(const std::string& entity) const;
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

private:
    std::vector<Entity> entities_;
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
