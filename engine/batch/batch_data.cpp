#include "engine/batch/batch_data.h"

#include <malloc.h>

#include <algorithm>

#include "engine/batch/context_values.h"
#include "engine/batch/entity_groups.h"
#include "engine/batch/entity_rows.h"

#include "engine/config/config_loader.h"
#include "engine/core/file_io.h"
#include "engine/core/text.h"
#include "engine/data/csv_columns.h"
#include "engine/data/loaders.h"
#include "engine/data/records.h"
#include "engine/layout/font_choice.h"
#include "engine/metrics/coverage.h"
#include "engine/pdf/srgb_profile.h"
#include "engine/templating/template_loader.h"

namespace engine::batch {

namespace {

// What a target names that is the same for every report — its national comparator, the area
// it is restricted to — must match rows of the data: otherwise it is an error of the batch
// (exit 2), found before any report runs. The rest is checked per report.
void check_target_references(const BatchData& b, core::DiagnosticSink& sink) {
    const auto& nat = b.observations.areas(data::kNational);
    const std::string england = nat.empty() ? "England" : nat.front();
    const auto& levels = data::geographic_levels();
    for (const auto& t : b.targets) {
        if (!t.area.empty() && std::none_of(levels.begin(), levels.end(), [&](const std::string& level) {
                return b.observations.has_area(level, t.area);
            })) {
            std::vector<std::string> all_areas;
            for (const auto& level : levels)
                for (const auto& a : b.observations.areas(level)) all_areas.push_back(a);
            sink.error(t.where, "target " + t.id + ": area '" + t.area + "' has no rows in any data file, so "
                                "no report would show this target",
                       {core::valid_values_hint("areas", t.area, all_areas)});
        }
        if (!t.comparator.national) continue;
        if (auto u = metrics::unmatched_rows(b.observations, t.measure, t.comparator.group, data::kNational, england))
            sink.error(t.where, "target " + t.id + ": " + u->message, u->hints);
    }
}

// The output intent's profile, read once for every report (the built-in sRGB profile when
// the batch names none); errors point at batch.icc_profile.
void load_document_level(const config::BatchConfig& c, pdf::DocumentLevel& level,
                         core::DiagnosticSink& sink) {
    level.language = c.language;
    if (c.icc_profile.empty()) {
        level.icc_profile = pdf::builtin_srgb_profile();
        return;
    }
    const std::vector<std::string> hints = {
        "set batch.icc_profile to an sRGB ICC profile file, or leave it out for the built-in "
        "sRGB profile"};
    try {
        level.icc_profile = core::read_file(c.icc_profile);
    } catch (const core::EngineError& e) {
        sink.error(c.icc_profile_where,
                   "cannot read the sRGB ICC profile '" + c.icc_profile +
                       "' for the PDFs' output intent (" + e.diagnostic().message + ")",
                   hints);
        return;
    }
    std::string problem = pdf::check_icc_profile(level.icc_profile);
    if (!problem.empty())
        sink.error(c.icc_profile_where, "'" + c.icc_profile + "' is " + problem, hints);
}

// The chart fonts: the same files as the body text's.
charts::render::FontPaths chart_font_paths(const layout::FontFiles& f) {
    using layout::FontFace;
    charts::render::FontPaths p;
    p.regular = f.path(FontFace::Regular);
    p.bold = f.path(FontFace::Bold);
    p.fallback_regular = f.path(FontFace::Symbol);
    p.fallback_bold = f.path(FontFace::SymbolBold);
    if (f.branded()) {
        p.latin_regular = f.path(FontFace::Latin);
        p.latin_bold = f.path(FontFace::LatinBold);
        p.family = f.family;
    }
    return p;
}

std::unique_ptr<BatchData> load_batch_data(const std::string& config_path, core::DiagnosticSink& sink) {
    auto cfg = config::read_batch_config(config_path, sink);
    if (!cfg) return nullptr;
    auto b = std::make_unique<BatchData>();
    b->config = std::move(*cfg);
    const auto& c = b->config;
    // Errors not on a row of one setting: those stop the whole batch.
    auto shared_errors = [&] {
        const auto entities = entities_of(c, b->settings, sink.diagnostics());
        std::size_t n = 0;
        for (std::size_t i = 0; i < entities.size(); ++i)
            n += sink.diagnostics()[i].severity == core::Severity::Error && entities[i].empty();
        return n + sink.dropped();
    };
    const std::size_t shared_before = shared_errors();

    if (!c.settings_path.empty()) data::load_entities(c.settings_path, b->settings, sink);
    // Each setting's rows go to a spill file, read back per report: the resident memory stays
    // flat in the number of settings. A fan-out over a settings column makes aggregates that
    // name their members by row number (data::AggregateRow), so such a batch keeps them resident.
    if (std::none_of(c.reports.begin(), c.reports.end(), fans_out_over_column))
        b->observations.spill_settings();
    for (const auto& src : c.observations)  // an empty path was reported by the config
        if (!src.path.empty()) data::load_observations(src, b->config.catalog, b->observations, sink);
    if (c.records && !c.records->path.empty()) data::load_records(*c.records, b->settings, b->observations, sink);
    add_entity_groups(*b, sink);
    b->observations.finish_loading();
    // Targets name groups and measures of the observations, so they are checked only against
    // observations that lack no shared row (a dropped row could make a sound target look
    // wrong); rows of single settings with errors are left out of those settings' reports.
    // A data file the config could not use (reported there) leaves the observations short too.
    const bool source_missing =
        std::any_of(c.observations.begin(), c.observations.end(),
                    [](const data::ObservationSource& o) { return o.path.empty(); }) ||
        (c.records && c.records->path.empty());
    if (!c.targets_path.empty() && shared_errors() == shared_before && !source_missing) {
        b->has_targets = true;
        data::load_targets(c.targets_path, c.catalog, b->observations, b->targets, sink);
        check_target_references(*b, sink);
    }
    if (!c.actions_path.empty()) {
        b->has_actions = true;
        data::load_actions(c.actions_path, b->settings, b->actions, sink);
    }
    if (!c.activities_path.empty()) data::load_activities(c.activities_path, b->settings, b->activities, sink);
    for (const auto& a : b->activities) b->activities_by_setting[a.setting_id].push_back(a);
    for (const auto& [name, path] : c.tables) {
        auto file = data::open_csv(path, sink);
        if (!file->reader || !file->reader->ok()) continue;
        auto& rows = b->tables[name];
        data::CsvRecord rec;
        while (file->reader->next(rec)) {
            std::vector<std::pair<std::string, std::string>> row;
            for (std::size_t i = 0; i < rec.fields.size(); ++i)
                row.emplace_back(file->reader->header()[i], std::string(rec.fields[i]));
            rows.push_back(std::move(row));
        }
    }
    for (const auto& r : c.reports) {
        if (r.template_path.empty() || b->templates.count(r.template_path)) continue;
        if (auto t = templating::load_template(r.template_path, sink))
            b->templates.emplace(r.template_path, std::move(*t));
    }
    b->observations.share_lists();  // every row is in (aggregates and records included)
    b->data_sound = shared_errors() == shared_before;
    if (auto files = layout::resolve_fonts(c.fonts.family, c.fonts.dir, c.fonts.family_where, sink)) {
        try {
            b->fonts = std::make_unique<layout::Fonts>(*files);
            b->chart_fonts = chart_font_paths(*files);
        } catch (const core::EngineError& e) {
            sink.add(e.diagnostic());
        }
    }
    load_document_level(c, b->document_level, sink);

    metrics::SuppressionRules rules;
    rules.min_cohort = c.min_cohort;
    rules.secondary = c.secondary_suppression;
    rules.partitions = c.partitions;
    rules.totals = c.totals;
    b->view = std::make_unique<metrics::SuppressedView>(b->observations, rules);
    b->view->protect_aggregates(b->aggregate_rows);
    for (const auto& w : b->view->warnings()) sink.add(w);
    data::ObservationTable::release_blocks();  // those the checks above read on this thread
    b->settings_context = settings_value(b->settings);
    b->tables_context = tables_value(b->tables);
    return b;
}

}  // namespace

std::unique_ptr<BatchData> load_batch(const std::string& config_path, core::DiagnosticSink& sink) {
    try {
        return load_batch_data(config_path, sink);
    } catch (const core::EngineError& e) {  // e.g. no temporary file for the settings' rows
        sink.add(e.diagnostic());
        return nullptr;
    }
}

void release_report_data(BatchData& b) {
    b.view.reset();  // reads the observations
    b.observations = data::ObservationTable();
    b.aggregate_rows = {};
    b.actions = data::ActionPlan();
    b.activities = {};
    b.activities_by_setting = {};
    b.tables = {};
    b.targets = {};
    b.settings_context = templating::Value();
    b.tables_context = templating::Value();
    ::malloc_trim(0);
}

void hold_entity_errors(BatchData& b, core::DiagnosticSink& sink,
                        const std::function<bool(const std::string&)>& isolated) {
    if (sink.dropped() > 0) return;  // more errors than are kept: the batch stops on them all
    const auto entities = entities_of(b.config, b.settings, sink.diagnostics());
    core::DiagnosticSink kept;
    for (std::size_t i = 0; i < entities.size(); ++i) {
        const auto& d = sink.diagnostics()[i];
        if (!entities[i].empty() && isolated(entities[i])) b.entity_errors[entities[i]].push_back(d);
        else kept.add(d);
    }
    sink = kept;
}

}  // namespace engine::batch
