// data: pupil-level tracking records (Tracking for Success) and their aggregation into
// observations — % of children at the expected level or above, by group, setting, local
// authority, project and term, plus GLD from the areas of learning. One pass, no row kept:
// a million records validate and aggregate in about a second.
#pragma once

#include <string>
#include <vector>

#include "engine/core/diagnostic.h"
#include "engine/data/tables.h"

namespace engine::data {

/// A group defined by the children's flags: every condition must hold ("send" in
/// {"SEN support", "EHCP"}). No conditions = every child (Total).
struct RecordGroup {
    std::string name;
    std::vector<std::pair<std::string, std::vector<std::string>>> conditions;
};

/// How records are read and aggregated (batch YAML `data.records`, docs/data.md).
struct RecordsSpec {
    std::string path;
    /// `source:` — where the records come from, for the reports' "Source: …" lines ("": none).
    std::string source;
    std::vector<std::string> at_or_above = {"expected", "exceeding"};
    std::vector<std::string> below = {"emerging"};
    /// Allowed area-of-learning ids (empty: any).
    std::vector<std::string> areas = {"communication_language", "physical_development", "psed",
                                      "literacy", "mathematics", "understanding_world",
                                      "expressive_arts"};
    std::vector<RecordGroup> groups = {
        {"Disadvantaged", {{"disadvantaged", {"Y"}}}},
        {"Not disadvantaged", {{"disadvantaged", {"N"}}}},
        {"Total", {}},
    };
    bool gld = true;  ///< also produce GLD: at or above in every one of gld_areas
    std::string gld_measure = "gld";
    std::vector<std::string> gld_areas = {"communication_language", "physical_development", "psed",
                                          "literacy", "mathematics"};
    std::vector<std::string> levels = {"Setting", "Local authority", "Project"};
    std::string project_name = "Project";
};

struct RecordsSummary {
    std::size_t rows = 0;
    std::size_t children = 0;
    std::size_t observations = 0;
};

/// Validates the records (unknown setting, area or judgement, a flag value no group names, an
/// unparseable period, a repeated child/term/area) and appends the aggregates to `into`.
/// Returns false if any error was reported (then nothing is appended).
bool load_records(const RecordsSpec& spec, const EntityTable& settings, ObservationTable& into,
                  core::DiagnosticSink& sink, RecordsSummary* summary = nullptr);

}  // namespace engine::data
