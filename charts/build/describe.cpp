#include "charts/build/describe.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <vector>

#include "charts/build/format.h"

namespace charts::build {

namespace {

using model::Series;
using model::Value;

bool present(const std::vector<Value>& v, std::size_t i) {
    return i < v.size() && v[i].has_value() && std::isfinite(*v[i]);
}

// "39%" for unit "%", "21 ppts" / "1 ppt" for word units, the bare number without a unit.
std::string with_unit(double v, int dp, const std::string& unit) {
    std::string num = format_value(v, dp);
    if (unit.empty()) return num;
    if (std::isalpha(static_cast<unsigned char>(unit.front())))
        return num + " " + unit_for(num, unit);
    return num + unit;
}

// A number printed by format_value without sign or unit (locale-independent).
double parse(const std::string& s) {
    double v = 0.0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::string lower_first(std::string s) {
    if (!s.empty() && std::isupper(static_cast<unsigned char>(s.front())) &&
        (s.size() < 2 || !std::isupper(static_cast<unsigned char>(s[1])))) {
        s.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(s.front())));
    }
    return s;
}

// "A", "A and B", "A, B and C".
std::string join_and(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

std::string measure_prefix(const std::string& measure) {
    return measure.empty() ? std::string() : measure + ": ";
}

// First and last periods where both series have values.
std::optional<std::pair<std::size_t, std::size_t>> common_span(const Series& a, const Series& b,
                                                               std::size_t n) {
    std::optional<std::size_t> first, last;
    for (std::size_t i = 0; i < n; ++i) {
        if (present(a.values, i) && present(b.values, i)) {
            if (!first) first = i;
            last = i;
        }
    }
    if (!first) return std::nullopt;
    return std::pair{*first, *last};
}

std::string target_sentence(const std::optional<Series>& target,
                            const std::vector<std::string>& periods, const model::ValueAxis& y) {
    if (!target) return "";
    for (std::size_t i = periods.size(); i-- > 0;) {
        if (present(target->values, i)) {
            std::string name = target->name.empty() ? std::string("Target") : target->name;
            return " " + name + ": " + with_unit(*target->values[i], y.decimals, y.unit) + " in " +
                   periods[i] + ".";
        }
    }
    return "";
}

std::string missing_sentence(std::size_t missing) {
    if (missing == 0) return "";
    if (missing == 1) return " 1 value is suppressed or not available.";
    return " " + std::to_string(missing) + " values are suppressed or not available.";
}

// ---- gap trend -------------------------------------------------------------------------------

std::string describe_gap_trend(const model::GapTrendSpec& s) {
    const std::size_t n = s.periods.size();
    const int dp = s.y.decimals;
    std::string out = "Line chart. ";
    auto span = common_span(s.group, s.comparator, n);
    if (!span) {
        out += measure_prefix(s.measure) + "no period has values for both " + s.group.name +
               " and " + s.comparator.name + ".";
    } else if (span->first == span->second) {
        const std::size_t i = span->first;
        const double g = *s.comparator.values[i] - *s.group.values[i];
        out += (s.measure.empty() ? std::string() : s.measure + " ") + "in " + s.periods[i] + ": " +
               s.group.name + " " + with_unit(*s.group.values[i], dp, s.y.unit) + ", " +
               s.comparator.name + " " + with_unit(*s.comparator.values[i], dp, s.y.unit) +
               "; a gap of " + with_unit(g, dp, s.gap_unit) + ".";
    } else {
        const std::size_t a = span->first;
        const std::size_t b = span->second;
        auto from_to = [&](const Series& x) {
            return x.name + " " + with_unit(*x.values[a], dp, s.y.unit) + " to " +
                   with_unit(*x.values[b], dp, s.y.unit);
        };
        out += measure_prefix(s.measure) + from_to(s.group) + ", " + from_to(s.comparator);
        if (s.reference && present(s.reference->values, a) && present(s.reference->values, b))
            out += ", " + from_to(*s.reference);
        out += ", " + s.periods[a] + " to " + s.periods[b] + "; the gap ";
        const double g0 = *s.comparator.values[a] - *s.group.values[a];
        const double g1 = *s.comparator.values[b] - *s.group.values[b];
        const std::string d0 = format_value(std::fabs(g0), dp);
        const std::string d1 = format_value(std::fabs(g1), dp);
        if (format_value(g0, dp) == format_value(g1, dp)) {
            out += "was unchanged at " + with_unit(g1, dp, s.gap_unit) + ".";
        } else {
            const bool narrowed = parse(d1) < parse(d0);
            out += std::string(narrowed ? "narrowed" : "widened") + " from " +
                   format_value(g0, dp) + " to " + with_unit(g1, dp, s.gap_unit) + ".";
        }
    }
    std::size_t missing = 0;
    for (std::size_t i = 0; i < n; ++i) {
        missing += present(s.group.values, i) ? 0 : 1;
        missing += present(s.comparator.values, i) ? 0 : 1;
    }
    out += missing_sentence(missing);
    out += target_sentence(s.target, s.periods, s.y);
    return out;
}

std::string finding_gap_trend(const model::GapTrendSpec& s) {
    auto span = common_span(s.group, s.comparator, s.periods.size());
    if (!span || span->first == span->second) return "";
    const int dp = s.y.decimals;
    const double g0 = *s.comparator.values[span->first] - *s.group.values[span->first];
    const double g1 = *s.comparator.values[span->second] - *s.group.values[span->second];
    std::string subject = s.measure.empty() ? "The gap" : "The " + s.measure + " gap";
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

std::string describe_line_chart(const model::LineChartSpec& s) {
    const std::size_t n = s.periods.size();
    const int dp = s.y.decimals;
    std::optional<std::size_t> p0, p1;
    for (const Series& x : s.series) {
        for (std::size_t i = 0; i < n; ++i) {
            if (!present(x.values, i)) continue;
            if (!p0 || i < *p0) p0 = i;
            if (!p1 || i > *p1) p1 = i;
        }
    }
    std::string out = "Line chart. ";
    if (!p0) return out + measure_prefix(s.measure) + "no data.";
    std::vector<std::string> parts;
    std::size_t missing = 0;
    for (const Series& x : s.series) {
        std::optional<std::size_t> a, b;
        for (std::size_t i = 0; i < n; ++i) {
            if (!present(x.values, i)) {
                ++missing;
                continue;
            }
            if (!a) a = i;
            b = i;
        }
        if (!a) {
            parts.push_back(x.name + " no data");
        } else if (*a == *b) {
            parts.push_back(x.name + " " + with_unit(*x.values[*a], dp, s.y.unit) + " (" +
                            s.periods[*a] + ")");
        } else {
            std::string part = x.name + " " + with_unit(*x.values[*a], dp, s.y.unit) + " to " +
                               with_unit(*x.values[*b], dp, s.y.unit);
            if (*a != *p0 || *b != *p1) part += " (" + s.periods[*a] + " to " + s.periods[*b] + ")";
            parts.push_back(std::move(part));
        }
    }
    std::string list;
    for (std::size_t i = 0; i < parts.size(); ++i) list += (i ? ", " : "") + parts[i];
    out += measure_prefix(s.measure) + list;
    if (*p0 != *p1) {
        out += ", " + s.periods[*p0] + " to " + s.periods[*p1] + ".";
    } else {
        out += ", " + s.periods[*p0] + ".";
    }
    out += missing_sentence(missing);
    out += target_sentence(s.target, s.periods, s.y);
    return out;
}

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

std::string describe_gap_target(const model::GapTargetBarsSpec& s) {
    const int dp = s.x.decimals;
    std::string out = "Bar chart of gaps against targets for " + std::to_string(s.rows.size()) +
                      (s.rows.size() == 1 ? " measure." : " measures.");
    for (const model::GapTargetRow& r : s.rows) {
        out += " " + r.label + ": ";
        out += r.gap ? "gap " + with_unit(*r.gap, dp, s.gap_unit) : std::string("gap suppressed");
        if (r.target) out += " against a target of " + with_unit(*r.target, dp, s.gap_unit);
        if (!r.status.label.empty()) out += " (" + r.status.label + ")";
        out += ".";
    }
    return out;
}

std::string describe_grouped_bars(const model::GroupedBarsSpec& s) {
    std::vector<std::string> names;
    for (const Series& g : s.groups) names.push_back(g.name);
    std::string out = "Bar chart comparing " + join_and(names) + ".";
    for (std::size_t c = 0; c < s.categories.size(); ++c) {
        out += " " + s.categories[c] + ": ";
        for (std::size_t g = 0; g < s.groups.size(); ++g) {
            if (g) out += ", ";
            const Series& x = s.groups[g];
            out += x.name + " " +
                   (present(x.values, c) ? with_unit(*x.values[c], s.y.decimals, s.y.unit)
                                         : std::string("suppressed"));
        }
        out += ".";
    }
    return out;
}

std::vector<int> status_totals(const model::ActionStatusSpec& s) {
    std::vector<int> totals(s.statuses.size(), 0);
    if (s.last_row_is_total && !s.rows.empty()) {
        const auto& counts = s.rows.back().counts;
        for (std::size_t i = 0; i < totals.size() && i < counts.size(); ++i) totals[i] = counts[i];
        return totals;
    }
    for (const model::ActionStatusRow& r : s.rows)
        for (std::size_t i = 0; i < totals.size() && i < r.counts.size(); ++i)
            totals[i] += r.counts[i];
    return totals;
}

std::string describe_action_status(const model::ActionStatusSpec& s) {
    std::string out = "Stacked bar chart of " + s.item_noun + " by status.";
    for (const model::ActionStatusRow& r : s.rows) {
        int total = 0;
        std::vector<std::string> parts;
        for (std::size_t i = 0; i < s.statuses.size() && i < r.counts.size(); ++i) {
            total += r.counts[i];
            if (r.counts[i] > 0)
                parts.push_back(s.statuses[i].label + " " + std::to_string(r.counts[i]));
        }
        if (total == 0) {
            out += " " + r.label + ": no " + s.item_noun + ".";
            continue;
        }
        out += " " + r.label + " (" + std::to_string(total) + "): ";
        for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
        out += ".";
    }
    return out;
}

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

std::optional<double> median_of(std::vector<double> v) {
    if (v.empty()) return std::nullopt;
    std::sort(v.begin(), v.end());
    const std::size_t h = v.size() / 2;
    return v.size() % 2 ? v[h] : (v[h - 1] + v[h]) / 2.0;
}

std::vector<double> present_values(const model::DistributionSpec& s) {
    std::vector<double> out;
    for (const model::DistributionPoint& p : s.points)
        if (p.value && std::isfinite(*p.value)) out.push_back(*p.value);
    return out;
}

std::string describe_distribution(const model::DistributionSpec& s) {
    const int dp = s.y.decimals;
    std::vector<double> values = present_values(s);
    const std::size_t suppressed = s.points.size() - values.size();
    std::string out = "Dot plot of the " + s.value_name + " in " +
                      counted(values.size(), s.entity_noun_one, s.entity_noun);
    if (values.empty()) {
        out += ".";
    } else {
        auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        out += ", sorted from smallest to largest: from " + format_value(*lo, dp) + " to " +
               with_unit(*hi, dp, s.value_unit) + ", " + lower_first(s.median_label) + " " +
               with_unit(*median_of(values), dp, s.value_unit) + ".";
    }
    if (s.highlight && *s.highlight < s.points.size()) {
        const model::DistributionPoint& h = s.points[*s.highlight];
        out += " " + h.label + ": " +
               (h.value ? with_unit(*h.value, dp, s.value_unit) : std::string("suppressed")) + ".";
    }
    if (suppressed > 0)
        out +=
            " " + counted(suppressed, s.entity_noun_one, s.entity_noun) + " suppressed and not shown.";
    return out;
}

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

std::string describe_chart(const model::GapTrendSpec& s) { return describe_gap_trend(s); }
std::string describe_chart(const model::GapTargetBarsSpec& s) { return describe_gap_target(s); }
std::string describe_chart(const model::GroupedBarsSpec& s) { return describe_grouped_bars(s); }
std::string describe_chart(const model::ActionStatusSpec& s) { return describe_action_status(s); }
std::string describe_chart(const model::DistributionSpec& s) { return describe_distribution(s); }
std::string describe_chart(const model::LineChartSpec& s) { return describe_line_chart(s); }

std::string describe_chart(const model::ChartSpec& spec) {
    return std::visit([](const auto& s) { return describe_chart(s); }, spec);
}

std::string finding_title(const model::GapTrendSpec& s) { return finding_gap_trend(s); }
std::string finding_title(const model::GapTargetBarsSpec&) { return ""; }
std::string finding_title(const model::GroupedBarsSpec&) { return ""; }
std::string finding_title(const model::ActionStatusSpec& s) { return finding_action_status(s); }
std::string finding_title(const model::DistributionSpec& s) { return finding_distribution(s); }
std::string finding_title(const model::LineChartSpec& s) { return finding_line_chart(s); }

std::string finding_title(const model::ChartSpec& spec) {
    return std::visit([](const auto& s) { return finding_title(s); }, spec);
}

}  // namespace charts::build
