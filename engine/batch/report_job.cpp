#include "engine/batch/report_job.h"

#include "engine/layout/report_layout.h"
#include "engine/metrics/report_metrics.h"
#include "engine/pdf/pdf_writer.h"
#include "engine/templating/chart_builder.h"
#include "engine/templating/context_builder.h"
#include "engine/templating/report_builder.h"

namespace engine::batch {

namespace {

templating::Value entity_value(const data::Entity& e) {
    templating::ValueMap m;
    m["id"] = templating::Value(e.id);
    m["name"] = templating::Value(e.name);
    m["la_name"] = templating::Value(e.la_name);
    for (const auto& [k, v] : e.attributes) m.emplace(k, templating::Value(v));
    return templating::Value(m);
}

templating::Value term_value(const Term& t) {
    templating::ValueMap m;
    m["name"] = templating::Value(t.name);
    m["slug"] = templating::Value(t.slug());
    m["label"] = templating::Value(t.label());
    m["start"] = templating::Value(t.start);
    m["end"] = templating::Value(t.end);
    return templating::Value(m);
}

RenderedReport render(const BatchData& b, const Unit& unit, const core::Date& as_of,
                      const Term& term, core::DiagnosticSink& sink) {
    RenderedReport out;
    const config::ReportConfig& r = *unit.report;
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
    in.area = {unit.area.level, unit.area.name};
    in.action_entity = unit.action_entity;
    in.as_of = as_of;
    in.at_risk_days = b.config.at_risk_days;
    metrics::ReportMetrics mx = metrics::compute_report_metrics(in);

    templating::ContextInputs ci;
    ci.batch = &b.config;
    ci.report = &r;
    ci.metrics = &mx;
    ci.view = b.view.get();
    ci.as_of = as_of;
    ci.extra["term"] = term_value(term);
    {
        templating::ValueMap tables;
        for (const auto& [name, rows] : b.tables) {
            templating::ValueList list;
            for (const auto& row : rows) {
                templating::ValueMap m;
                for (const auto& [k, v] : row) m.emplace(k, v);
                list.emplace_back(std::move(m));
            }
            tables.emplace(name, std::move(list));
        }
        ci.extra.emplace("tables", std::move(tables));
    }
    if (unit.entity) ci.extra["entity"] = entity_value(*unit.entity);
    templating::Value root = templating::build_context(ci, sink);
    if (sink.has_errors()) return out;

    auto expanded = templating::expand_template(tmpl->second, root, sink);
    if (!expanded) return out;

    // Lay out once to learn each chart's slot size, then draw the charts at exactly that size.
    const int n_charts = static_cast<int>(expanded->charts.size());
    layout::LaidOutReport laid = layout::layout_report(expanded->doc, *b.fonts, n_charts);
    std::string chart_pdf;
    if (n_charts > 0) {
        templating::ChartContext cc{&b.config.catalog, b.view.get(), &mx, in.area, &b.targets,
                                    unit.entity ? unit.entity->name : in.area.area};
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

RenderedReport render_report(const BatchData& b, const Unit& unit, const core::Date& as_of,
                             const Term& term, core::DiagnosticSink& sink) {
    const config::ReportConfig& r = *unit.report;
    try {
        return render(b, unit, as_of, term, sink);
    } catch (const core::EngineError& e) {
        sink.add(e.diagnostic());
    } catch (const std::exception& e) {
        sink.error(r.where, std::string("internal error while rendering: ") + e.what());
    }
    return {};
}

}  // namespace engine::batch
