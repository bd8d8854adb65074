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

/// The files a report is written as (`formats:` in the batch, `--format` on the command line).
struct OutputFormats {
    bool pdf = true;
    bool html = true;
    bool operator==(const OutputFormats&) const = default;
};

/// "pdf", "html": the format names, in that order.
inline const std::vector<std::string>& output_format_names() {
    static const std::vector<std::string> names = {"pdf", "html"};
    return names;
}

/// `batch.fonts`: the brand font family (by name) and a folder of font files for it.
struct FontChoice {
    std::string family;
    std::string dir;
    core::SourceLocation family_where, dir_where;
};

struct ReportConfig {
    std::string id;
    /// Fan-out: "" (one report), "setting" (one per settings-file row), "local_authority"
    /// (one per la_name of the settings file) or any other column of the settings file (one
    /// per distinct value: the settings that share it, their figures aggregated).
    std::string for_each;
    core::SourceLocation for_each_where;  ///< the for_each value
    /// Keep only entities whose attribute has one of the values (e.g. la_name: [Kent]).
    std::vector<std::pair<std::string, std::vector<std::string>>> entity_filter;
    /// The report's YAML as written, for incremental builds (a change rebuilds the report).
    std::string fingerprint;
    std::string template_path;  ///< resolved
    std::string output;         ///< file name pattern relative to the output folder
    OutputFormats formats;      ///< PDF and/or HTML (the HTML beside the PDF, named `.html`)
    std::string title;
    std::string subtitle;
    std::string author;
    std::string organisation;
    std::string classification;  ///< e.g. "OFFICIAL"
    /// Where the figures come from, printed as "Source: …" under every chart and table that
    /// names no source of its own (`report.source`).
    std::string source;
    AreaRef area;
    MeetingInfo meeting;
    TextNode text;  ///< free-form narrative (a map), strings may hold placeholders
    std::vector<SourceDocument> sources;
    core::SourceLocation where;
};

/// First day (month, day) of each school term; the defaults are English school terms.
struct TermCalendar {
    int autumn_month = 9, autumn_day = 1;
    int spring_month = 1, spring_day = 1;
    int summer_month = 4, summer_day = 15;
};

/// A data file's `source:` (data.observations[i].source, data.targets.source …): the
/// "Source: …" line of every chart and table whose figures come from that file.
struct DataSourceLine {
    std::string path;    ///< the data file, resolved
    std::string source;  ///< as written, never empty
};

struct BatchConfig {
    std::string path;      ///< the batch file as given
    std::string base_dir;  ///< its folder; relative paths inside are resolved against it
    std::string name;
    std::optional<core::Date> as_of;
    std::string output_dir;  ///< resolved; --out overrides
    /// batch.allow_symlinked_folders: write through a symlinked folder inside the output
    /// folder (refused by default: a link could send reports anywhere).
    bool allow_symlinked_folders = false;
    int min_cohort = 5;      ///< disclosure control: cohorts below this are suppressed
    bool secondary_suppression = true;
    /// Groups that together make up a total, for secondary suppression ("X"/"Not X" pairs in
    /// the data are found without being listed).
    std::vector<std::vector<std::string>> partitions;
    /// Names of a breakdown's total beside the built-in ones ("Total", "All pupils" …).
    std::vector<std::string> totals;
    int at_risk_days = 14;   ///< actions due within this many days and not complete are at risk
    TermCalendar terms;
    /// The reports' language, a BCP 47 tag (PDF /Lang and XMP dc:language).
    std::string language = "en-GB";
    /// The sRGB ICC profile file for the PDFs' output intent (resolved), empty for the built-in
    /// sRGB profile (engine/pdf/srgb_profile.h), and where the batch set it (the batch file when
    /// it did not).
    std::string icc_profile;
    core::SourceLocation icc_profile_where;
    /// batch.fonts: a font family for body text and charts, found by fontconfig (empty: Liberation
    /// Sans), and a folder of font files searched before the system's (resolved; may be empty).
    FontChoice fonts;
    /// Abbreviations the charts' alt text spells out (abbreviation -> words), on top of the
    /// built-in table (an entry here overrides a built-in one), e.g. HWB -> Health and Wellbeing Board.
    std::vector<std::pair<std::string, std::string>> abbreviations;
    /// Everything but the reports, as written: a change here rebuilds every report.
    std::string fingerprint;

    std::string settings_path;  ///< settings/entities file, empty when none
    std::vector<data::ObservationSource> observations;
    std::optional<data::RecordsSpec> records;  ///< pupil-level records to aggregate
    std::string activities_path;               ///< delivery activity, empty when none
    /// Extra CSV files a template can list (quotes, case studies …): name -> path.
    std::vector<std::pair<std::string, std::string>> tables;
    std::string targets_path;  ///< empty when the batch has no targets
    std::string actions_path;  ///< empty when the batch has no action plan
    /// The data files that name their source, in the order the batch's data section lists
    /// them (observations, settings, records, activities, tables, targets, actions): the
    /// order a block drawing on several lists them in.
    std::vector<DataSourceLine> data_sources;
    data::Catalog catalog;
    std::vector<ReportConfig> reports;
};

}  // namespace engine::config
