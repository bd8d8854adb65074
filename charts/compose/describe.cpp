#include "charts/compose/describe.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <vector>

#include "charts/compose/describe_common.h"
#include "charts/compose/format.h"

namespace charts::compose {

namespace {

using namespace describe_common;
using model::Series;
using model::Value;

// ---- gap trend -------------------------------------------------------------------------------

std::string finding_gap_trend(const model::GapTrendSpec& s) {
    auto span = common_span(s.group, s.comparator, s.periods.size());
    if (!span || span->first == span->second) return "";
    const int dp = s.y.decimals;
    const double g0 = *s.comparator.values[span->first] - *s.group.values[span->first];
    const double g1 = *s.comparator.values[span->second] - *s.group.values[span->second];
    // "The gap in parents taking part", never "The Parents engaged gap".
    const std::string& what = s.measure_phrase.empty() ? s.measure : s.measure_phrase;
    std::string subject = what.empty() ? "The gap" : "The gap in " + what;
    const std::string since = " since " + s.periods[span->first];
    const double change = std::fabs(g0) - std::fabs(g1);
    if (format_value(std::fabs(g0), dp) == format_value(std::fabs(g1), dp) ||
        format_value(change, dp) == format_value(0.0, dp)) {
        return subject + " has not changed" + since;
    }
    return subject + (change > 0 ? " narrowed by " : " widened by ") +
           with_unit(std::fabs(change), dp, s.gap_unit) + since;
}

// ---- line chart ------------------------------------------------------------------------------

std::string finding_line_chart(const model::LineChartSpec& s) {
    if (s.series.empty()) return "";
    const Series& x = s.series.front();
    std::optional<std::size_t> a, b;
    for (std::size_t i = 0; i < s.periods.size(); ++i) {
        if (!present(x.values, i)) continue;
        if (!a) a = i;
        b = i;
    }
    if (!a || *a == *b) return "";
    const int dp = s.y.decimals;
    const double v0 = *x.values[*a];
    const double v1 = *x.values[*b];
    std::string subject = s.measure.empty() ? x.name : s.measure + " in " + x.name;
    const std::string between = " between " + s.periods[*a] + " and " + s.periods[*b];
    if (format_value(v0, dp) == format_value(v1, dp))
        return subject + " was unchanged at " + with_unit(v1, dp, s.y.unit) + between;
    return subject + (v1 > v0 ? " rose from " : " fell from ") + with_unit(v0, dp, s.y.unit) +
           " to " + with_unit(v1, dp, s.y.unit) + between;
}

// ---- bars ------------------------------------------------------------------------------------

std::string finding_action_status(const model::ActionStatusSpec& s) {
    if (s.statuses.empty()) return "";
    std::vector<int> totals = status_totals(s);
    int total = 0;
    for (int t : totals) total += t;
    if (total == 0) return "";
    return std::to_string(totals.front()) + " of " +
           counted(static_cast<std::size_t>(total), s.item_noun_one, s.item_noun) +
           (totals.front() == 1 ? " is " : " are ") + lower_first(s.statuses.front().label);
}

// ---- distribution ----------------------------------------------------------------------------

std::string finding_distribution(const model::DistributionSpec& s) {
    const int dp = s.y.decimals;
    std::optional<double> med = median_of(present_values(s));
    if (!med) return "";
    if (s.highlight && *s.highlight < s.points.size()) {
        const model::DistributionPoint& h = s.points[*s.highlight];
        if (!h.value) return "";
        const std::string v = format_value(*h.value, dp);
        const std::string m = format_value(*med, dp);
        std::string rel = v == m ? "in line with" : *h.value > *med ? "above" : "below";
        return h.label + " has a " + s.value_name + " of " + with_unit(*h.value, dp, s.value_unit) +
               ", " + rel + " the " + lower_first(s.median_label) + " of " +
               with_unit(*med, dp, s.value_unit);
    }
    return "The " + lower_first(s.median_label) + " " + s.value_name + " across " +
           counted(present_values(s).size(), s.entity_noun_one, s.entity_noun) + " is " +
           with_unit(*med, dp, s.value_unit);
}

}  // namespace

std::string finding_title(const model::GapTrendSpec& s) { return finding_gap_trend(s); }
std::string finding_title(const model::GapTargetBarsSpec&) { return ""; }
std::string finding_title(const model::GroupedBarsSpec&) { return ""; }
std::string finding_title(const model::ActionStatusSpec& s) { return finding_action_status(s); }
std::string finding_title(const model::DistributionSpec& s) { return finding_distribution(s); }
std::string finding_title(const model::LineChartSpec& s) { return finding_line_chart(s); }

std::string finding_title(const model::ChartSpec& spec) {
    return std::visit([](const auto& s) { return finding_title(s); }, spec);
}

}  // namespace charts::compose
