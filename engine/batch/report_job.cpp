#include "engine/batch/report_job.h"

#include "charts/render/export.h"
#include "engine/layout/report_layout.h"
#include "engine/metrics/activity_summary.h"
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

templating::Value settings_value(const data::EntityTable& settings) {
    using templating::Value;
    templating::ValueList list;
    std::map<std::string, int> by_la;
    for (const auto& e : settings.all()) {
        list.emplace_back(entity_value(e));
        if (!e.la_name.empty()) ++by_la[e.la_name];
    }
    templating::ValueList las;
    for (const auto& [la, n] : by_la)
        las.emplace_back(templating::ValueMap{
            {"la_name", Value(la)}, {"count", Value(templating::number_of(n, templating::NumberUnit::Count, 0))}});
    templating::ValueMap m;
    m.emplace("count", Value(templating::number_of(static_cast<double>(settings.all().size()),
                                                    templating::NumberUnit::Count, 0)));
    m.emplace("list", Value(std::move(list)));
    m.emplace("by_la", Value(std::move(las)));
    return Value(std::move(m));
}

templating::Value activity_value(const metrics::ActivitySummary& s) {
    using templating::Value;
    using templating::NumberUnit;
    auto totals = [](const metrics::ActivityTotals& t) {
        templating::ValueMap m;
        m.emplace("name", Value(t.name));
        m.emplace("sessions", Value(templating::number_of(t.sessions, NumberUnit::Count, 0)));
        m.emplace("half_days", Value(templating::number_of(t.half_days, NumberUnit::Count,
                                                           t.half_days == static_cast<int>(t.half_days) ? 0 : 1)));
        m.emplace("days", Value(templating::number_of(t.half_days / 2, NumberUnit::Count,
                                                      t.half_days / 2 == static_cast<int>(t.half_days / 2) ? 0 : 1)));
        m.emplace("participants", Value(templating::number_of(t.participants, NumberUnit::Count, 0)));
        m.emplace("feedback_positive", Value(templating::number_of(t.feedback_positive, NumberUnit::Count, 0)));
        m.emplace("feedback_total", Value(templating::number_of(t.feedback_total, NumberUnit::Count, 0)));
        m.emplace("settings", Value(templating::number_of(t.settings, NumberUnit::Count, 0)));
        m.emplace("positive_pct", Value::number(t.positive_pct(), NumberUnit::Percent, 0, data::Missing::NotAvailable));
        return Value(std::move(m));
    };
    auto list = [&](const std::vector<metrics::ActivityTotals>& v) {
        templating::ValueList l;
        for (const auto& t : v) l.push_back(totals(t));
        return Value(std::move(l));
    };
    templating::ValueMap m;
    m.emplace("total", totals(s.total));
    m.emplace("by_kind", list(s.by_kind));
    m.emplace("by_leader", list(s.by_leader));
    m.emplace("by_la", list(s.by_la));
    return Value(std::move(m));
}

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

    templating::ContextInputs ci;
    ci.batch = &b.config;
    ci.report = &r;
    ci.metrics = &mx;
    ci.view = b.view.get();
    ci.as_of = as_of;
    ci.extra["term"] = term_value(term);
    ci.extra["settings"] = settings_value(b.settings);
    ci.extra["activity_summary"] = activity_value(
        metrics::summarise_activities(b.activities, b.settings, unit.action_entity));
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
    if (sink.has_errors()) return std::nullopt;

    auto expanded = templating::expand_template(tmpl->second, root, sink);
    if (!expanded) return std::nullopt;

    // Lay out once to learn each chart's slot size, then build the charts at exactly that size.
    Composed out;
    const int n_charts = static_cast<int>(expanded->charts.size());
    out.laid = layout::layout_report(expanded->doc, *b.fonts, n_charts);
    if (n_charts > 0) {
        templating::ChartContext cc{&b.config.catalog, b.view.get(), &mx, in.area, &b.targets,
                                    unit.entity ? unit.entity->name : in.area.area};
        std::vector<templating::ChartSlot> slots;
        for (const auto& s : out.laid.chart_sizes) slots.push_back({s.width, s.height});
        auto scenes = templating::build_chart_scenes(expanded->charts, slots, cc, sink);
        if (!scenes) return std::nullopt;
        out.scenes = std::move(*scenes);
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
