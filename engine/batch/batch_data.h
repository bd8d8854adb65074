// batch: everything a batch's reports share, loaded once and then only read (reports may run
// on several threads): the config, the data tables, disclosure decisions, fonts, templates and
// the PDFs' document level (language, ICC profile).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "charts/render/fonts.h"
#include "engine/config/batch_config.h"
#include "engine/core/diagnostic.h"
#include "engine/data/entity_aggregates.h"
#include "engine/data/tables.h"
#include "engine/layout/font_metrics.h"
#include "engine/metrics/suppression.h"
#include "engine/pdf/pdf_document_level.h"
#include "engine/templating/template_spec.h"
#include "engine/templating/value.h"

namespace engine::batch {

struct BatchData {
    config::BatchConfig config;
    data::EntityTable settings;
    data::ObservationTable observations;
    std::vector<data::Activity> activities;
    /// The same by setting_id, in file order: a setting's report reads its own, not every row.
    std::map<std::string, std::vector<data::Activity>, std::less<>> activities_by_setting;
    /// data.tables: every row as column -> text, by table name.
    std::map<std::string, std::vector<std::vector<std::pair<std::string, std::string>>>> tables;
    /// Fan-outs over a settings-file column: column -> value -> its settings (entity_groups),
    /// and the rows their figures were added as, for disclosure control.
    std::map<std::string, std::map<std::string, std::vector<const data::Entity*>>> entity_groups;
    std::vector<data::AggregateRow> aggregate_rows;
    std::vector<data::Target> targets;
    data::ActionPlan actions;
    std::unique_ptr<metrics::SuppressedView> view;
    std::unique_ptr<layout::Fonts> fonts;
    charts::render::FontPaths chart_fonts;  ///< the same files for chart text (batch.fonts)
    pdf::DocumentLevel document_level;  ///< language and the output intent's ICC profile
    std::map<std::string, templating::TemplateSpec> templates;  ///< by resolved path
    /// Template values every report shares, built once: `settings` and `tables`.
    templating::Value settings_context;
    templating::Value tables_context;
    bool has_targets = false;
    bool has_actions = false;
    /// No data file had an error (the tables are complete).
    bool data_sound = true;
    /// Errors on rows that belong to one setting (entities_of), by setting id: they stop only
    /// the reports that read that setting's rows (batch_runner decides which).
    std::map<std::string, std::vector<core::Diagnostic>> entity_errors;
};

/// Loads the config, the data files, the templates and the fonts, going on past errors
/// wherever what is left can still be checked: the data files and templates a batch file
/// names are read even when another key of it is wrong, and every data file is read even
/// when another has errors. Every problem goes to `sink`; nullptr only when the batch file
/// itself cannot be read. When `sink` has errors the batch must not be rendered, but its
/// units and templates can still be checked (check_templates).
std::unique_ptr<BatchData> load_batch(const std::string& config_path, core::DiagnosticSink& sink);

/// Frees what only the reports read — the observations and their disclosure decisions, the
/// action plan, activities, tables and the template values built from them — and hands the
/// freed memory back to the OS (malloc_trim), once every report is done: the manifest is
/// written without them (docs/performance.md, "Memory at 5,000 settings"). The config, the
/// settings, the templates and the fonts stay.
void release_report_data(BatchData& batch);

/// Moves each error of `sink` that lies on a row of one setting (entities_of) into
/// `batch.entity_errors` when `isolated(setting id)` says some report does not read that
/// setting's rows; every other diagnostic stays in `sink`, in order.
void hold_entity_errors(BatchData& batch, core::DiagnosticSink& sink,
                        const std::function<bool(const std::string&)>& isolated);

}  // namespace engine::batch
