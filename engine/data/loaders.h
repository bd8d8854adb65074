// data: the stage entry points — load_observations, load_targets, load_actions — each reading
// one CSV file against its contract (DESIGN.md §2) and reporting every bad cell.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "engine/core/diagnostic.h"
#include "engine/data/catalog.h"
#include "engine/data/tables.h"

namespace engine::data {

/// One indicator column of a wide (EES) file and the measure it becomes.
struct IndicatorMap {
    std::string column;     ///< e.g. gld_percentage
    std::string measure;    ///< e.g. gld
    std::string cohort;     ///< column holding the denominator, e.g. children_number (optional)
    std::string numerator;  ///< column holding the numerator, e.g. gld_number (optional)
};

/// Where an observations file is and how its columns are named.
struct ObservationSource {
    std::string path;
    bool wide = false;  ///< EES layout: indicator columns instead of measure/value
    std::vector<IndicatorMap> indicators;           ///< wide only
    std::string group_column = "characteristic";    ///< the filter whose values become groups
    std::map<std::string, std::string> filters;     ///< keep only rows with these values
    std::string meta_path;  ///< <file>.meta.csv when present (labels, units, decimal places)
    /// canonical column name -> the file's column name ("characteristic" -> "breakdown")
    std::map<std::string, std::string> rename;
    /// `groups:` — the data's group name -> the report's ("FSM eligible" -> "FSM"): a rename,
    /// applied as rows are read, so every later stage sees only the report's name.
    std::map<std::string, std::string> group_names;
    /// Accept columns the contract does not know (EES files carry codes and other filters).
    bool ignore_unknown_columns = false;
    /// `source:` — where the figures come from, for the reports' "Source: …" lines ("": none).
    std::string source;
};

/// Canonical geographic levels and the column that names the area at each level.
const std::vector<std::string>& geographic_levels();

/// Appends a tidy observations file to `into`. Returns false if any error was reported.
/// Percentages must lie in 0–100 for measures the catalogue declares as percentages; cohorts are
/// non-negative integers; a numerator never exceeds its cohort; a row with the same measure,
/// group, level, area and period as an earlier one is a duplicate.
/// A wide source (src.wide) is read through its indicator mapping and its meta file; measures
/// the catalogue does not declare are added from the meta file's labels, units and dp.
/// A large file (at least `thread_min_bytes`) is checked on a worker thread while the calling
/// thread adds the checked rows to `into`; the diagnostics and the table are the same either way.
struct ObservationLoading {
    std::size_t block_rows = 512;                     ///< rows handed over at a time
    std::size_t thread_min_bytes = std::size_t{16} << 20; ///< smaller files start no thread
};
bool load_observations(const ObservationSource& src, Catalog& catalog, ObservationTable& into,
                       core::DiagnosticSink& sink, const ObservationLoading& tuning = {});

/// Reads an EES metadata file and checks it describes every mapped indicator; fills catalogue
/// entries for measures it does not already declare.
bool load_meta(const ObservationSource& src, Catalog& catalog, core::DiagnosticSink& sink);

/// Reads a targets file. Measures must be in the catalogue (when it declares any) and groups
/// must occur in `observations`.
bool load_targets(const std::string& path, const Catalog& catalog,
                  const ObservationTable& observations, std::vector<Target>& into,
                  core::DiagnosticSink& sink);

/// Reads an action plan. Dates are ISO; `due` must not precede `start`; a `setting_id` must be
/// in `settings` when settings are given.
bool load_actions(const std::string& path, const EntityTable& settings, ActionPlan& into,
                  core::DiagnosticSink& sink);

/// Reads the settings (entities) file: setting_id, setting_name, la_name and any attributes.
bool load_entities(const std::string& path, EntityTable& into, core::DiagnosticSink& sink);

/// Reads delivery activity (EYQIP): date, setting_id, activity, half_days, participants,
/// feedback counts.
bool load_activities(const std::string& path, const EntityTable& settings,
                     std::vector<Activity>& into, core::DiagnosticSink& sink);

}  // namespace engine::data
