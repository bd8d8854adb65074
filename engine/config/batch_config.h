// config: the typed batch — what `boardpack run batch.yaml` will do. Plain structs filled by
// load_batch_config; every path is already resolved against the batch file's folder.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/config/text_tree.h"
#include "engine/core/civil_date.h"
#include "engine/core/source_location.h"
#include "engine/data/catalog.h"
#include "engine/data/loaders.h"
#include "engine/data/records.h"

namespace engine::config {

struct AreaRef {
    std::string level = "Local authority";
    std::string name;
};

struct MeetingInfo {
    std::string to;
    std::optional<core::Date> date;
    std::string from;
    std::string agenda_item;
};

struct SourceDocument {
    std::string title;
    std::string url;
};

struct ReportConfig {
    std::string id;
    std::string template_path;  ///< resolved
    std::string output;         ///< file name pattern relative to the output folder
    std::string title;
    std::string subtitle;
    std::string author;
    std::string organisation;
    std::string classification;  ///< e.g. "OFFICIAL"
    AreaRef area;
    MeetingInfo meeting;
    TextNode text;  ///< free-form narrative (a map), strings may hold placeholders
    std::vector<SourceDocument> sources;
    core::SourceLocation where;
};

struct BatchConfig {
    std::string path;      ///< the batch file as given
    std::string base_dir;  ///< its folder; relative paths inside are resolved against it
    std::string name;
    std::optional<core::Date> as_of;
    std::string output_dir;  ///< resolved; --out overrides
    int min_cohort = 5;      ///< disclosure control: cohorts below this are suppressed
    bool secondary_suppression = true;
    /// Groups that together make up a total, for secondary suppression ("X"/"Not X" pairs in
    /// the data are found without being listed).
    std::vector<std::vector<std::string>> partitions;
    int at_risk_days = 14;   ///< actions due within this many days and not complete are at risk

    std::string settings_path;  ///< settings/entities file, empty when none
    std::vector<data::ObservationSource> observations;
    std::optional<data::RecordsSpec> records;  ///< pupil-level records to aggregate
    std::string activities_path;               ///< delivery activity, empty when none
    std::string targets_path;  ///< empty when the batch has no targets
    std::string actions_path;  ///< empty when the batch has no action plan
    data::Catalog catalog;
    std::vector<ReportConfig> reports;
};

}  // namespace engine::config
