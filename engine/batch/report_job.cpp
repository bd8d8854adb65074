#include "engine/batch/report_job.h"

#include "engine/layout/report_layout.h"
#include "engine/metrics/report_metrics.h"
#include "engine/pdf/pdf_writer.h"
#include "engine/templating/chart_builder.h"
#include "engine/templating/context_builder.h"
#include "engine/templating/report_builder.h"

namespace engine::batch {

namespace {

RenderedReport render(const BatchData& b, const config::ReportConfig& r, const core::Date& as_of,
                      core::DiagnosticSink& sink) {
    RenderedReport out;
    auto tmpl = b.templates.find(r.template_path);
    if (tmpl == b.templates.end()) {
        sink.error(r.where, "template '" + r.template_path + "' was not loaded");
        return out;
    }

    metrics::MetricsInputs in;
    in.view = b.view.get();
    in.catalog = &b.config.catalog;
    in.targets = b.has_targets ? &b.targets : nullptr;
    in.actions = b.has_actions ? &b.actions : nullptr;
    in.area = {r.area.level, r.area.name};
    in.as_of = as_of;
    in.at_risk_days = b.config.at_risk_days;
    metrics::ReportMetrics mx = metrics::compute_report_metrics(in);

    templating::ContextInputs ci;
    ci.batch = &b.config;
    ci.report = &r;
    ci.metrics = &mx;
    ci.view = b.view.get();
    ci.as_of = as_of;
    templating::Value root = templating::build_context(ci, sink);
    if (sink.has_errors()) return out;

    auto expanded = templating::expand_template(tmpl->second, root, sink);
    if (!expanded) return out;

    // Lay out once to learn each chart's slot size, then draw the charts at exactly that size.
    const int n_charts = static_cast<int>(expanded->charts.size());
    layout::LaidOutReport laid = layout::layout_report(expanded->doc, *b.fonts, n_charts);
    std::string chart_pdf;
    if (n_charts > 0) {
        templating::ChartContext cc{&b.config.catalog, b.view.get(), &mx, in.area, &b.targets};
        std::vector<templating::ChartSlot> slots;
        for (const auto& s : laid.chart_sizes) slots.push_back({s.width, s.height});
        auto charts = templating::build_charts(expanded->charts, slots, cc, sink);
        if (!charts) return out;
        chart_pdf = std::move(charts->pdf);
    }
    out.pdf = pdf::write_pdf(laid.document, chart_pdf, b.fonts->files());
    out.pages = static_cast<int>(laid.document.pages.size());
    out.charts = n_charts;
    out.ok = true;
    return out;
}

}  // namespace

RenderedReport render_report(const BatchData& b, const config::ReportConfig& r,
                             const core::Date& as_of, core::DiagnosticSink& sink) {
    try {
        return render(b, r, as_of, sink);
    } catch (const core::EngineError& e) {
        sink.add(e.diagnostic());
    } catch (const std::exception& e) {
        sink.error(r.where, std::string("internal error while rendering: ") + e.what());
    }
    return {};
}

}  // namespace engine::batch
