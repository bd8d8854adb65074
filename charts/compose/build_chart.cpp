#include "charts/compose/build_chart.h"

#include <cmath>
#include <stdexcept>

#include "charts/compose/values_table.h"

namespace charts::compose {

namespace {

using Problem = std::optional<std::string>;

std::string quote(const std::string& s) { return "'" + s + "'"; }

Problem check_series(const model::Series& s, std::size_t n, const std::string& what) {
    if (s.values.size() != n) {
        return what + " " + quote(s.name) + " has " + std::to_string(s.values.size()) +
               " values for " + std::to_string(n) + (n == 1 ? " period" : " periods");
    }
    for (const model::Value& v : s.values)
        if (v && !std::isfinite(*v))
            return what + " " + quote(s.name) + " has a value that is not finite";
    return std::nullopt;
}

Problem check_axis(const model::ValueAxis& a) {
    if (a.min && a.max && !(*a.min < *a.max))
        return std::string("the axis minimum must be below its maximum");
    if (a.decimals < 0 || a.decimals > 6) return std::string("axis decimals must be 0 to 6");
    return std::nullopt;
}

Problem check(const model::GapTrendSpec& s) {
    if (s.periods.empty()) return std::string("no periods");
    if (auto p = check_series(s.group, s.periods.size(), "group")) return p;
    if (auto p = check_series(s.comparator, s.periods.size(), "comparator")) return p;
    if (s.reference)
        if (auto p = check_series(*s.reference, s.periods.size(), "reference")) return p;
    if (s.target)
        if (auto p = check_series(*s.target, s.periods.size(), "target")) return p;
    return check_axis(s.y);
}

Problem check(const model::LineChartSpec& s) {
    if (s.periods.empty()) return std::string("no periods");
    if (s.series.empty()) return std::string("no series");
    for (const model::Series& x : s.series)
        if (auto p = check_series(x, s.periods.size(), "series")) return p;
    if (s.target)
        if (auto p = check_series(*s.target, s.periods.size(), "target")) return p;
    return check_axis(s.y);
}

Problem check(const model::GapTargetBarsSpec& s) {
    if (s.rows.empty()) return std::string("no rows");
    for (const model::GapTargetRow& r : s.rows) {
        if ((r.gap && !std::isfinite(*r.gap)) || (r.target && !std::isfinite(*r.target)))
            return "row " + quote(r.label) + " has a value that is not finite";
    }
    return check_axis(s.x);
}

Problem check(const model::GroupedBarsSpec& s) {
    if (s.categories.empty()) return std::string("no categories");
    if (s.groups.empty()) return std::string("no groups");
    for (const model::Series& g : s.groups) {
        if (g.values.size() != s.categories.size()) {
            return "group " + quote(g.name) + " has " + std::to_string(g.values.size()) +
                   " values for " + std::to_string(s.categories.size()) + " categories";
        }
    }
    return check_axis(s.y);
}

Problem check(const model::ActionStatusSpec& s) {
    if (s.statuses.empty()) return std::string("no statuses");
    if (s.rows.empty()) return std::string("no rows");
    for (const model::ActionStatusRow& r : s.rows) {
        if (r.counts.size() != s.statuses.size()) {
            return "row " + quote(r.label) + " has " + std::to_string(r.counts.size()) +
                   " counts for " + std::to_string(s.statuses.size()) + " statuses";
        }
        for (int c : r.counts)
            if (c < 0) return "row " + quote(r.label) + " has a negative count";
    }
    return std::nullopt;
}

Problem check(const model::DistributionSpec& s) {
    if (s.highlight && *s.highlight >= s.points.size()) {
        return "highlight index " + std::to_string(*s.highlight) + " is out of range (" +
               std::to_string(s.points.size()) + " points)";
    }
    return check_axis(s.y);
}

}  // namespace

std::optional<std::string> check_chart_spec(const model::ChartSpec& spec) {
    Problem p = std::visit([](const auto& s) { return check(s); }, spec);
    if (!p) return std::nullopt;
    return std::string(model::chart_kind_name(spec)) + ": " + *p;
}

scene::Scene build_chart(const model::ChartSpec& spec, scene::Size size_pt,
                         const TextMeasure& measure) {
    if (!(size_pt.width >= kMinChartWidth) || !(size_pt.height >= kMinChartHeight)) {
        throw std::invalid_argument(std::string(model::chart_kind_name(spec)) +
                                    ": chart size must be at least 120 x 80 pt");
    }
    if (auto problem = check_chart_spec(spec)) throw std::invalid_argument(*problem);
    struct Visitor {
        scene::Size size;
        const TextMeasure& m;
        scene::Scene operator()(const model::GapTrendSpec& s) const {
            return build_gap_trend(s, size, m);
        }
        scene::Scene operator()(const model::LineChartSpec& s) const {
            return build_line_chart(s, size, m);
        }
        scene::Scene operator()(const model::GapTargetBarsSpec& s) const {
            return build_gap_target_bars(s, size, m);
        }
        scene::Scene operator()(const model::GroupedBarsSpec& s) const {
            return build_grouped_bars(s, size, m);
        }
        scene::Scene operator()(const model::ActionStatusSpec& s) const {
            return build_action_status(s, size, m);
        }
        scene::Scene operator()(const model::DistributionSpec& s) const {
            return build_distribution(s, size, m);
        }
    };
    scene::Scene scene = std::visit(Visitor{size_pt, measure}, spec);
    scene.values = chart_values(spec);
    if (!scene.title.empty()) scene.values.caption = scene.title;
    return scene;
}

}  // namespace charts::compose
