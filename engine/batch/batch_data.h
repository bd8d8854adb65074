// batch: everything a batch's reports share, loaded once and then only read (reports may run
// on several threads): the config, the data tables, disclosure decisions, fonts and templates.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/config/batch_config.h"
#include "engine/core/diagnostic.h"
#include "engine/data/tables.h"
#include "engine/layout/font_metrics.h"
#include "engine/metrics/suppression.h"
#include "engine/templating/template_spec.h"
#include "engine/templating/value.h"

namespace engine::batch {

struct BatchData {
    config::BatchConfig config;
    data::EntityTable settings;
    data::ObservationTable observations;
    std::vector<data::Activity> activities;
    /// data.tables: every row as column -> text, by table name.
    std::map<std::string, std::vector<std::vector<std::pair<std::string, std::string>>>> tables;
    std::vector<data::Target> targets;
    data::ActionPlan actions;
    std::unique_ptr<metrics::SuppressedView> view;
    std::unique_ptr<layout::Fonts> fonts;
    std::map<std::string, templating::TemplateSpec> templates;  ///< by resolved path
    /// Template values every report shares, built once: `settings` and `tables`.
    templating::Value settings_context;
    templating::Value tables_context;
    bool has_targets = false;
    bool has_actions = false;
};

/// Loads the config, the data files, the templates and the fonts. Every problem goes to
/// `sink`; nullptr when any error was found (nothing can be rendered then).
std::unique_ptr<BatchData> load_batch(const std::string& config_path, core::DiagnosticSink& sink);

}  // namespace engine::batch
