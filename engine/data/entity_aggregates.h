// data: the figures of a group of settings — all the settings that share a value of one column
// of the settings file (a locality, a provider type, a coach) — worked out once per batch from
// the settings' own rows and added to the observation store at a level named after the
// column, so a report of the group reads them like any other area's (O(1), no pass over the
// rows). Which rows a group's figure is made of is kept for disclosure control.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/data/catalog.h"
#include "engine/data/observation_table.h"
#include "engine/data/tables.h"

namespace engine::data {

/// The settings of each value of `column` (any column of the settings file, or setting_id,
/// setting_name, la_name), by value in sorted order, each value's settings in file order.
/// Settings whose value is empty are left out (the batch reports them).
std::map<std::string, std::vector<const Entity*>> settings_by_value(const EntityTable& settings,
                                                                   const std::string& column);

/// An added row and the setting rows it is made of.
struct AggregateRow {
    std::uint32_t row = 0;
    std::vector<std::uint32_t> members;
};

/// Adds to `table`, at level `column`, one row per value × measure × group × period that any of
/// the value's settings has a row for (level Setting, area = setting_id), made of those rows:
///  - any member missing (c, x, …): the aggregate is missing too — `c` when a member is `c`,
///    else `x` — never a figure made of part of the group;
///  - a count (unit `number`): the sum;
///  - a percentage whose members all have a numerator and a cohort: 100 × Σ numerators ÷
///    Σ cohorts; otherwise, when every member has a whole cohort, the cohort-weighted mean;
///    otherwise the plain mean (each setting once), with no cohort. Scores likewise.
/// Cohorts and numerators add up when every member has one. The aggregate's place is its first
/// member's row. Reads only the value's settings' slices: O(their rows).
std::vector<AggregateRow> add_aggregates(ObservationTable& table, const Catalog& catalog,
                                         const std::string& column,
                                         const std::map<std::string, std::vector<const Entity*>>& groups);

}  // namespace engine::data
