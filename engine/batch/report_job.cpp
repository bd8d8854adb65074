#include "engine/batch/report_job.h"

#include "engine/batch/context_values.h"

#include "charts/render/export.h"
#include "engine/layout/report_layout.h"
#include "engine/metrics/report_metrics.h"
#include "engine/pdf/pdf_writer.h"
#include "engine/templating/chart_builder.h"
#include "engine/templating/context_builder.h"
#include "engine/templating/report_builder.h"

namespace engine::batch {

namespace {

// A report up to the drawing: its pages laid out and its charts built at their slots' sizes.
// The PDF and the chart export both start here, so an exported chart is the one in the PDF.
struct Composed {
    layout::LaidOutReport laid;
    std::vector<charts::scene::Scene> scenes;  // one per chart, in report order
    std::vector<std::string> kinds;            // each chart's kind
};

std::optional<Composed> compose(const BatchData& b, const Unit& unit, const core::Date& as_of,
                                const Term& term, core::DiagnosticSink& sink) {
    const config::ReportConfig& r = *unit.report;
    auto tmpl = b.templates.find(r.template_path);
    if (tmpl == b.templates.end()) {
        sink.error(r.where, "template '" + r.template_path + "' was not loaded");
        return std::nullopt;
    }

    metrics::MetricsInputs in;
    in.view = b.view.get();
    in.catalog = &b.config.catalog;
    in.targets = b.has_targets ? &b.targets : nullptr;
    in.actions = b.has_actions ? &b.actions : nullptr;
    in.area = {unit.area.level, unit.area.name, unit.entity ? unit.entity->la_name : ""};
    in.action_entity = unit.action_entity;
    in.as_of = as_of;
    in.at_risk_days = b.config.at_risk_days;
    metrics::ReportMetrics mx = metrics::compute_report_metrics(in);
    if (!mx.problems.empty()) {
        for (const auto& d : mx.problems) sink.add(d);
        return std::nullopt;
    }

    templating::ContextInputs ci;
    ci.batch = &b.config;
    ci.report = &r;
    ci.metrics = &mx;
    ci.view = b.view.get();
    ci.as_of = as_of;
    ci.extra["term"] = term_value(term);
    ci.extra["settings"] = b.settings_context;
    ci.extra["activity_summary"] = activity_value(
        metrics::summarise_activities(b.activities, b.settings, unit.action_entity));
    ci.extra["tables"] = b.tables_context;
    if (unit.entity) ci.extra["entity"] = entity_value(*unit.entity);
    templating::Value root = templating::build_context(ci, sink);
    if (sink.has_errors()) return std::nullopt;

    auto expanded = templating::expand_template(tmpl->second, root, sink);
    if (!expanded) return std::nullopt;

    // Lay out once to learn each chart's slot size, then build the charts at exactly that size.
    Composed out;
    const int n_charts = static_cast<int>(expanded->charts.size());
    out.laid = layout::layout_report(expanded->doc, *b.fonts, n_charts);
    if (!out.laid.errors.empty()) {
        for (const auto& d : out.laid.errors) sink.add(d);
        return std::nullopt;
    }
    if (n_charts > 0) {
        templating::ChartContext cc{&b.config.catalog, b.view.get(), &mx, in.area, &b.targets,
                                    unit.entity ? unit.entity->name : in.area.area};
        std::vector<templating::ChartSlot> slots;
        for (const auto& s : out.laid.chart_sizes) slots.push_back({s.width, s.height});
        auto scenes = templating::build_chart_scenes(expanded->charts, slots, cc, sink);
        if (!scenes) return std::nullopt;
        out.scenes = std::move(*scenes);
        std::vector<std::string> alt_texts;
        for (const auto& scene : out.scenes) alt_texts.push_back(scene.alt_text);
        layout::set_figure_alt_texts(out.laid.document, alt_texts);
        for (const auto& req : expanded->charts) {
            auto kind = req.options.find("kind");
            out.kinds.push_back(kind == req.options.end() ? "chart" : kind->second);
        }
    }
    return out;
}

RenderedReport render(const BatchData& b, const Unit& unit, const core::Date& as_of,
                      const Term& term, core::DiagnosticSink& sink) {
    RenderedReport out;
    auto composed = compose(b, unit, as_of, term, sink);
    if (!composed) return out;
    std::vector<const charts::scene::Scene*> scenes;
    for (const auto& s : composed->scenes) scenes.push_back(&s);
    const std::string chart_pdf = charts::render::render_pdf(scenes);
    out.pdf = pdf::write_pdf(composed->laid.document, chart_pdf, b.fonts->files());
    out.pages = static_cast<int>(composed->laid.document.pages.size());
    out.charts = static_cast<int>(scenes.size());
    out.ok = true;
    return out;
}

// Runs one unit's work, turning EngineError and other exceptions into diagnostics.
template <typename Result, typename Work>
Result guarded(const Unit& unit, core::DiagnosticSink& sink, const char* doing, Work&& work) {
    try {
        return work();
    } catch (const core::EngineError& e) {
        sink.add(e.diagnostic());
    } catch (const std::exception& e) {
        sink.error(unit.report->where, std::string("internal error while ") + doing + ": " + e.what());
    }
    return {};
}

}  // namespace

RenderedReport render_report(const BatchData& b, const Unit& unit, const core::Date& as_of,
                             const Term& term, core::DiagnosticSink& sink) {
    return guarded<RenderedReport>(unit, sink, "rendering",
                                   [&] { return render(b, unit, as_of, term, sink); });
}

ReportCharts build_report_charts(const BatchData& b, const Unit& unit, const core::Date& as_of,
                                 const Term& term, core::DiagnosticSink& sink) {
    return guarded<ReportCharts>(unit, sink, "building the charts", [&] {
        ReportCharts out;
        auto composed = compose(b, unit, as_of, term, sink);
        if (!composed) return out;
        out.scenes = std::move(composed->scenes);
        out.kinds = std::move(composed->kinds);
        out.ok = true;
        return out;
    });
}

}  // namespace engine::batch
