// data: the stage entry points — load_observations, load_targets, load_actions — each reading
// one CSV file against its contract (DESIGN.md §2) and reporting every bad cell.
#pragma once

#include <map>
#include <string>

#include "engine/core/diagnostic.h"
#include "engine/data/catalog.h"
#include "engine/data/tables.h"

namespace engine::data {

/// Where an observations file is and how its columns are named.
struct ObservationSource {
    std::string path;
    /// canonical column name -> the file's column name ("characteristic" -> "breakdown")
    std::map<std::string, std::string> rename;
    /// Accept columns the contract does not know (EES files carry codes and other filters).
    bool ignore_unknown_columns = false;
};

/// Canonical geographic levels and the column that names the area at each level.
const std::vector<std::string>& geographic_levels();

/// Appends a tidy observations file to `into`. Returns false if any error was reported.
/// Percentages must lie in 0–100 for measures the catalogue declares as percentages; cohorts are
/// non-negative integers; a numerator never exceeds its cohort; a row with the same measure,
/// group, level, area and period as an earlier one is a duplicate.
bool load_observations(const ObservationSource& src, const Catalog& catalog,
                       ObservationTable& into, core::DiagnosticSink& sink);

/// Reads a targets file. Measures must be in the catalogue (when it declares any) and groups
/// must occur in `observations`.
bool load_targets(const std::string& path, const Catalog& catalog,
                  const ObservationTable& observations, std::vector<Target>& into,
                  core::DiagnosticSink& sink);

/// Reads an action plan. Dates are ISO; `due` must not precede `start`.
bool load_actions(const std::string& path, ActionPlan& into, core::DiagnosticSink& sink);

}  // namespace engine::data
