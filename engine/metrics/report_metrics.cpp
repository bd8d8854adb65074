#include "engine/metrics/report_metrics.h"

#include "engine/metrics/coverage.h"

namespace engine::metrics {

namespace {
data::MeasureInfo measure_info(const data::Catalog& catalog, const std::string& id) {
    if (const auto* mi = catalog.measure(id)) return *mi;
    data::MeasureInfo m;
    m.id = id;
    m.label = id;
    m.short_label = id;
    return m;
}
}  // namespace

GapRow make_gap_row(const SuppressedView& view, const data::Catalog& catalog,
                    const std::string& measure, const std::string& group,
                    const data::ComparatorRef& comparator, const AreaKey& area,
                    const std::optional<data::Period>& baseline) {
    GapRow row;
    row.series = build_gap_series(view, catalog, measure, group, comparator, area);
    const auto& pts = row.series.points;
    for (std::size_t i = pts.size(); i-- > 0;) {
        if (pts[i].group.observation) {
            row.latest = i;
            if (i > 0) row.previous = i - 1;
            break;
        }
    }
    const GapPoint* l = row.latest_point();
    const GapPoint* p = row.previous_point();
    if (l && p) {
        if (l->suppressed() || p->suppressed()) {
            row.change_suppressed = true;
        } else if (l->gap && p->gap) {
            row.change = gap_change(*p->gap, *l->gap);
            row.direction = direction_of(*row.change, measure_info(catalog, measure).dp);
        }
    }
    // Change since the baseline (the target's, or the first period with the group).
    for (std::size_t i = 0; i < pts.size(); ++i) {
        bool match = baseline ? pts[i].period == *baseline : pts[i].group.observation.has_value();
        if (match) {
            row.baseline = i;
            break;
        }
    }
    const GapPoint* b = row.baseline_point();
    if (l && b && b != l) {
        if (l->suppressed() || b->suppressed()) {
            row.change_since_baseline_suppressed = true;
        } else if (l->gap && b->gap) {
            row.change_since_baseline = gap_change(*b->gap, *l->gap);
            row.direction_since_baseline =
                direction_of(*row.change_since_baseline, measure_info(catalog, measure).dp);
        }
    }
    return row;
}

ReportMetrics compute_report_metrics(const MetricsInputs& in) {
    ReportMetrics out;
    out.area = in.area;
    // The footnote describes what was done to the figures this report can show: a setting's
    // report shows its setting, its local authority and England; any other report may chart
    // every area of the data.
    out.suppression_footnote =
        in.area.level == data::kSetting
            ? in.view->footnote({{in.area.level, in.area.area},
                                 {data::kLocalAuthority, in.area.la_name},
                                 {data::kNational, ""}})
            : in.view->footnote();
    out.latest_period = in.view->table().latest_period(in.area.level, in.area.area);

    if (in.targets) {
        for (const auto& t : *in.targets) {
            if (!t.area.empty() && t.area != in.area.area) continue;
            GapRow row = make_gap_row(*in.view, *in.catalog, t.measure, t.group, t.comparator,
                                      in.area, t.baseline);
            row.target = &t;
            for (auto& u : unmatched_in_series(in.view->table(), row.series)) {
                // A setting with no rows of the measure at all, where other settings have them,
                // is a genuinely empty unit ("No data"), not a misnamed group or measure.
                if (u.area_empty && !u.comparator && in.area.level == data::kSetting) continue;
                out.problems.push_back({core::Severity::Error, t.where,
                                        "target " + t.id + ": " + u.message, std::move(u.hints)});
            }
            row.result = evaluate_target(t, row.series, measure_info(*in.catalog, t.measure),
                                         in.catalog);
            out.rows.push_back(std::move(row));
        }
    }
    if (in.actions) {
        out.actions = summarise_actions(in.actions->pointers(), in.as_of,
                                        in.at_risk_days);
    }
    return out;
}

}  // namespace engine::metrics
