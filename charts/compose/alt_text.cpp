// charts compose: the alt text of every chart kind (declared in describe.h). GOV.UK and Analysis
// Function guidance: the key message first in plain words, abbreviations spelled out, about
// 250 characters at most, and where the chart holds more figures than that, the table that
// gives them.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "charts/compose/describe.h"
#include "charts/compose/describe_common.h"
#include "charts/compose/format.h"
#include "charts/compose/plain_words.h"

namespace charts::compose {

namespace {

using namespace describe_common;
using model::Series;

/// More plotted figures than this and the alt text points to the table (when one is named)
/// even if the figures it lists happen to fit.
constexpr std::size_t kManyValues = 10;

// Plain words for one chart: its own abbreviations on top of the built-in table.
class Words {
public:
    explicit Words(const model::ChartText& t) : text_(t) {}

    std::string operator()(const std::string& s) const { return spell_out(s, text_.plain_words); }

    // "57.4%", "25.9 percentage points", "1 percentage point", "12".
    std::string value(double v, int dp, const std::string& unit) const {
        return (*this)(with_unit(v, dp, unit));
    }

    // The same at the axis's decimals and unit; a step of a rating scale adds its word:
    // "3 (Embedding)".
    std::string value(double v, const model::ValueAxis& axis) const {
        std::string s = value(v, axis.decimals, axis.unit);
        const std::string word = axis.step_label(v);
        return word.empty() ? s : s + " (" + word + ")";
    }

    // The closing sentence naming the table ("" when the template names none): "Table 3 gives
    // the figures." for a numbered caption ("Table 3: Actions by objective"), else the caption.
    std::string table_sentence() const {
        const std::string& t = text_.table;
        if (t.empty()) return "";
        const auto colon = t.find(": ");
        if (t.rfind("Table ", 0) == 0 && colon != std::string::npos && colon > 6 &&
            std::all_of(t.begin() + 6, t.begin() + static_cast<std::ptrdiff_t>(colon),
                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return t.substr(0, colon) + " gives the figures.";
        return "The table \xE2\x80\x98" + t + "\xE2\x80\x99 gives the figures.";
    }

    // Starts the alt text with its key message, keeping room for the table sentence.
    AltText start(std::string lead) const {
        AltText alt;
        alt.lead(std::move(lead));
        alt.reserve(utf8_length(table_sentence()));
        return alt;
    }

    // Ends it: the table sentence when figures were left out or there are many of them.
    std::string finish(AltText& alt, std::size_t values) const {
        if (alt.dropped() || values > kManyValues) alt.close(table_sentence());
        return alt.str();
    }

private:
    const model::ChartText& text_;
};

// A group or measure name inside a sentence: "All children" -> "all children", "Parents
// engaged" -> "parents engaged"; one-word names ("Mathematics", "Stoke-on-Trent") and names
// whose second word is capitalised ("Key Stage 2 …", "Staffordshire Moorlands") are kept.
std::string mid_sentence(std::string s) {
    const auto space = s.find(' ');
    if (space == std::string::npos || space + 1 >= s.size()) return s;
    if (!std::islower(static_cast<unsigned char>(s[space + 1]))) return s;
    return lower_first(std::move(s));
}

std::size_t count_present(const std::vector<model::Value>& v) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < v.size(); ++i) n += present(v, i) ? 1 : 0;
    return n;
}

std::string missing_sentence(std::size_t missing) {
    if (missing == 0) return "";
    if (missing == 1) return "1 value is suppressed or not available.";
    return std::to_string(missing) + " values are suppressed or not available.";
}

// "rose from 50.1% to 57.4%", "fell from …", "stayed at 57.4%".
std::string movement(const Words& w, double a, double b, int dp, const std::string& unit) {
    if (format_value(a, dp) == format_value(b, dp)) return "stayed at " + w.value(b, dp, unit);
    return std::string(b > a ? "rose" : "fell") + " from " + w.value(a, dp, unit) + " to " +
           w.value(b, dp, unit);
}

std::string target_sentence(const Words& w, const std::optional<Series>& target,
                            const std::vector<std::string>& periods, const model::ValueAxis& y) {
    if (!target) return "";
    for (std::size_t i = periods.size(); i-- > 0;) {
        if (present(target->values, i)) {
            std::string name = target->name.empty() || target->name == "Target"
                                   ? std::string("the target")
                                   : w(target->name);
            return upper_first(name) + " is " + w.value(*target->values[i], y.decimals, y.unit) +
                   " in " + periods[i] + ".";
        }
    }
    return "";
}

// ---- gap trend -------------------------------------------------------------------------------

std::string alt_gap_trend(const model::GapTrendSpec& s) {
    const Words w(s.text);
    const std::size_t n = s.periods.size();
    const int dp = s.y.decimals;
    const std::string measure = mid_sentence(w(s.measure));
    const std::string in_measure = measure.empty() ? "" : " in " + measure;
    const std::string g = mid_sentence(w(s.group.name));
    const std::string c = mid_sentence(w(s.comparator.name));
    std::size_t values = count_present(s.group.values) + count_present(s.comparator.values);
    const std::size_t missing = 2 * n - values;
    if (s.reference) values += count_present(s.reference->values);

    auto span = common_span(s.group, s.comparator, n);
    AltText alt;
    if (!span) {
        alt = w.start("No period has figures for both " + g + " and " + c + in_measure + ".");
    } else if (span->first == span->second) {
        const std::size_t i = span->first;
        const double gv = *s.group.values[i], cv = *s.comparator.values[i];
        alt = w.start("In " + s.periods[i] + ", the gap" + in_measure + " between " + g + " and " +
                      c + " was " + w.value(cv - gv, dp, s.gap_unit) + ".");
        alt.add(upper_first(g) + ": " + w.value(gv, dp, s.y.unit) + "; " + c + ": " +
                w.value(cv, dp, s.y.unit) + ".");
    } else {
        const std::size_t a = span->first, b = span->second;
        const double g0 = *s.comparator.values[a] - *s.group.values[a];
        const double g1 = *s.comparator.values[b] - *s.group.values[b];
        std::string change;
        if (format_value(g0, dp) == format_value(g1, dp)) {
            change = "was unchanged at " + w.value(g1, dp, s.gap_unit);
        } else {
            const bool narrowed = parse(format_value(std::fabs(g1), dp)) <
                                  parse(format_value(std::fabs(g0), dp));
            change = std::string(narrowed ? "narrowed" : "widened") + " from " +
                     format_value(g0, dp) + " to " + w.value(g1, dp, s.gap_unit);
        }
        alt = w.start("The gap" + in_measure + " between " + g + " and " + c + " " + change +
                      " between " + s.periods[a] + " and " + s.periods[b] + ".");
        alt.add(upper_first(g) + " " +
                movement(w, *s.group.values[a], *s.group.values[b], dp, s.y.unit) + " and " + c +
                " " + movement(w, *s.comparator.values[a], *s.comparator.values[b], dp, s.y.unit) +
                ".");
        alt.add(missing_sentence(missing));
        alt.add(target_sentence(w, s.target, s.periods, s.y));
        if (s.reference && present(s.reference->values, a) && present(s.reference->values, b))
            alt.add(upper_first(w(s.reference->name)) + " " +
                    movement(w, *s.reference->values[a], *s.reference->values[b], dp, s.y.unit) +
                    ".");
        return w.finish(alt, values);
    }
    alt.add(missing_sentence(missing));
    alt.add(target_sentence(w, s.target, s.periods, s.y));
    return w.finish(alt, values);
}

// ---- line chart ------------------------------------------------------------------------------

struct SeriesSpan {
    std::string name;
    std::size_t first = 0, last = 0;
    bool any = false;
};

std::string alt_line_chart(const model::LineChartSpec& s) {
    const Words w(s.text);
    const std::size_t n = s.periods.size();
    const int dp = s.y.decimals;
    const std::string measure = upper_first(w(s.measure));
    std::vector<SeriesSpan> spans;
    std::size_t values = 0, missing = 0;
    std::optional<std::size_t> p0, p1;
    for (const Series& x : s.series) {
        SeriesSpan sp{w(x.name)};
        for (std::size_t i = 0; i < n; ++i) {
            if (!present(x.values, i)) {
                ++missing;
                continue;
            }
            ++values;
            if (!sp.any) sp.first = i;
            sp.any = true;
            sp.last = i;
            if (!p0 || i < *p0) p0 = i;
            if (!p1 || i > *p1) p1 = i;
        }
        spans.push_back(sp);
    }
    const std::string subject = measure.empty() ? "The figures" : measure;
    if (!p0) {
        AltText alt = w.start(subject + ": no figures to show.");
        alt.add(missing_sentence(missing));
        return w.finish(alt, values);
    }

    // Key message: which lines rose, fell or stayed, over the whole span.
    std::vector<std::string> rose, fell, same;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        const SeriesSpan& sp = spans[k];
        if (!sp.any || sp.first == sp.last) continue;
        const double a = *s.series[k].values[sp.first], b = *s.series[k].values[sp.last];
        auto& bucket = format_value(a, dp) == format_value(b, dp) ? same : b > a ? rose : fell;
        bucket.push_back(sp.name);
    }
    std::vector<std::string> moves;
    if (!rose.empty()) moves.push_back("rose in " + join_and(rose));
    if (!fell.empty()) moves.push_back("fell in " + join_and(fell));
    if (!same.empty()) moves.push_back("stayed the same in " + join_and(same));
    const std::string when = *p0 == *p1 ? " in " + s.periods[*p0]
                                         : " between " + s.periods[*p0] + " and " + s.periods[*p1];
    AltText alt;
    if (moves.empty()) {
        std::vector<std::string> parts;
        for (std::size_t k = 0; k < spans.size(); ++k)
            if (spans[k].any)
                parts.push_back(spans[k].name + " " +
                                w.value(*s.series[k].values[spans[k].last], dp, s.y.unit));
        alt = w.start(subject + when + ": " + join_and(parts) + ".");
    } else {
        alt = w.start(subject + " " + join_and(moves) + when + ".");
    }

    // Highest and lowest in the last period.
    std::optional<std::size_t> hi, lo;
    for (std::size_t k = 0; k < s.series.size(); ++k) {
        if (!present(s.series[k].values, *p1)) continue;
        const double v = *s.series[k].values[*p1];
        if (!hi || v > *s.series[*hi].values[*p1]) hi = k;
        if (!lo || v < *s.series[*lo].values[*p1]) lo = k;
    }
    if (hi && lo && *hi != *lo && s.series.size() >= 3)
        alt.add("In " + s.periods[*p1] + " the highest was " + spans[*hi].name + " at " +
                w.value(*s.series[*hi].values[*p1], dp, s.y.unit) + " and the lowest " +
                spans[*lo].name + " at " + w.value(*s.series[*lo].values[*p1], dp, s.y.unit) + ".");

    std::vector<std::string> each;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        const SeriesSpan& sp = spans[k];
        if (!sp.any || sp.first == sp.last) continue;
        each.push_back(sp.name + " " + w.value(*s.series[k].values[sp.first], dp, s.y.unit) +
                       " to " + w.value(*s.series[k].values[sp.last], dp, s.y.unit));
    }
    if (!each.empty()) alt.add(upper_first(join_and(each)) + ".");
    alt.add(missing_sentence(missing));
    alt.add(target_sentence(w, s.target, s.periods, s.y));
    return w.finish(alt, values);
}

// ---- bars ------------------------------------------------------------------------------------

std::string alt_gap_target(const model::GapTargetBarsSpec& s) {
    const Words w(s.text);
    const int dp = s.x.decimals;
    // Rows per status word, in order of first appearance.
    std::vector<std::pair<std::string, int>> by_status;
    std::size_t values = 0;
    for (const model::GapTargetRow& r : s.rows) {
        values += (r.gap ? 1 : 0) + (r.target ? 1 : 0);
        std::string label = r.status.label.empty() ? "without a status" : lower_first(r.status.label);
        auto it = std::find_if(by_status.begin(), by_status.end(),
                               [&](const auto& e) { return e.first == label; });
        if (it == by_status.end()) by_status.emplace_back(label, 1);
        else ++it->second;
    }
    const std::size_t n = s.rows.size();
    // Gaps are "against their targets"; the bars of a status rule are rated values ("ratings")
    // whose marker is the earlier value.
    const bool gaps_chart = s.value_noun == "gap";
    const std::string gaps = n == 1 ? "1 " + s.value_noun : std::to_string(n) + " " + s.value_noun_plural;
    AltText alt;
    if (by_status.size() == 1) {
        alt = w.start((n == 1 ? "The " + s.value_noun : "All " + gaps) +
                      (gaps_chart ? std::string(" against ") + (n == 1 ? "its target " : "their targets ") : " ") +
                      (n == 1 ? "is " : "are ") + by_status.front().first + ".");
    } else {
        std::vector<std::string> parts;
        for (std::size_t i = 0; i < by_status.size(); ++i)
            parts.push_back(std::to_string(by_status[i].second) +
                            (i == 0 ? (by_status[i].second == 1 ? " is " : " are ") : " ") +
                            by_status[i].first);
        alt = w.start("Of " + gaps + (gaps_chart ? " against their targets" : "") + ", " + join_and(parts) + ".");
    }
    for (const model::GapTargetRow& r : s.rows) {
        if (!r.gap) continue;
        std::string row = upper_first(w(r.label)) + ": " +
                          (gaps_chart ? w.value(*r.gap, dp, s.gap_unit) : w.value(*r.gap, s.x));
        if (r.target)
            row += gaps_chart ? " against a target of " + format_value(*r.target, dp)
                              : " against " + w.value(*r.target, s.x) + " in " + s.target_label;
        alt.add(row + ".");
    }
    return w.finish(alt, values);
}

std::string alt_grouped_bars(const model::GroupedBarsSpec& s) {
    const Words w(s.text);
    const int dp = s.y.decimals;
    std::vector<std::string> names, categories;
    for (const Series& g : s.groups) names.push_back(mid_sentence(w(g.name)));
    for (const std::string& c : s.categories) categories.push_back(mid_sentence(w(c)));
    std::size_t values = 0, cells = 0;
    for (const Series& g : s.groups) {
        values += count_present(g.values);
        cells += s.categories.size();
    }
    const std::string measures = s.categories.size() == 1
                                     ? "1 measure"
                                     : std::to_string(s.categories.size()) + " measures";
    if (values == 0) {
        AltText alt = w.start("All " + std::to_string(cells) + " figures for " + join_and(names) +
                              " are suppressed or not available.");
        return w.finish(alt, values);
    }
    AltText alt;
    std::optional<std::size_t> widest;
    if (s.groups.size() == 2) {
        const Series& a = s.groups[0];
        const Series& b = s.groups[1];
        std::size_t both = 0, below = 0, above = 0;
        for (std::size_t c = 0; c < s.categories.size(); ++c) {
            if (!present(a.values, c) || !present(b.values, c)) continue;
            ++both;
            const double d = *a.values[c] - *b.values[c];
            if (format_value(*a.values[c], dp) != format_value(*b.values[c], dp))
                (d < 0 ? below : above) += 1;
            if (!widest || std::fabs(d) > std::fabs(*a.values[*widest] - *b.values[*widest]))
                widest = c;
        }
        const std::string of = both == s.categories.size()
                                   ? "all " + measures
                                   : std::to_string(both) + " of " + measures;
        if (both == 0) {
            alt = w.start("No measure has figures for both " + names[0] + " and " + names[1] + ".");
        } else if (s.groups_are_periods) {
            // below: the earlier period's figure is lower, so the measure rose.
            const std::size_t same = both - below - above;
            std::vector<std::string> moves;
            if (below) moves.push_back("rose in " + std::to_string(below));
            if (above) moves.push_back("fell in " + std::to_string(above));
            if (same) moves.push_back("stayed the same in " + std::to_string(same));
            alt = w.start("From " + names[0] + " to " + names[1] + ", figures " + join_and(moves) +
                          " of the " + std::to_string(both) + " measures with figures for both.");
        } else if (below == both || above == both) {
            alt = w.start(upper_first(names[0]) + " are " + (below == both ? "below " : "above ") +
                          names[1] + " in " + of + " shown.");
        } else {
            alt = w.start(upper_first(names[0]) + " are below " + names[1] + " in " +
                          std::to_string(below) + " of the " + std::to_string(both) +
                          " measures with figures for both, and above in " + std::to_string(above) +
                          ".");
        }
        if (widest && both > 1)
            alt.add("The widest difference is in " + categories[*widest] + ": " +
                    w.value(*a.values[*widest], s.y) + " against " +
                    w.value(*b.values[*widest], s.y) + ".");
    } else {
        alt = w.start("Figures for " + join_and(names) + " in " + measures + ".");
    }
    for (std::size_t c = 0; c < s.categories.size(); ++c) {
        std::vector<std::string> parts;
        for (std::size_t g = 0; g < s.groups.size(); ++g)
            parts.push_back(names[g] + " " +
                            (present(s.groups[g].values, c)
                                 ? w.value(*s.groups[g].values[c], s.y)
                                 : std::string("suppressed")));
        alt.add(upper_first(categories[c]) + ": " + join_and(parts) + ".");
    }
    alt.add(missing_sentence(cells - values));
    return w.finish(alt, values);
}

std::string alt_action_status(const model::ActionStatusSpec& s) {
    const Words w(s.text);
    std::vector<int> totals = status_totals(s);
    int total = 0;
    for (int t : totals) total += t;
    if (total == 0 || s.statuses.empty()) {
        AltText alt = w.start("There are no " + s.item_noun + " to show.");
        return w.finish(alt, 0);
    }
    std::vector<std::string> rest;
    for (std::size_t i = 1; i < totals.size() && i < s.statuses.size(); ++i)
        if (totals[i] > 0)
            rest.push_back(std::to_string(totals[i]) + " " + lower_first(w(s.statuses[i].label)));
    std::string lead = std::to_string(totals.front()) + " of " +
                       counted(static_cast<std::size_t>(total), s.item_noun_one, s.item_noun) +
                       (totals.front() == 1 ? " is " : " are ") +
                       lower_first(w(s.statuses.front().label));
    if (!rest.empty()) lead += rest.size() == 1 ? " and " + rest.front() : ", " + join_and(rest);
    AltText alt = w.start(lead + ".");
    std::size_t values = 0;
    const std::size_t rows = s.rows.size() - (s.last_row_is_total && !s.rows.empty() ? 1 : 0);
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
        values += s.rows[r].counts.size();
        if (r >= rows || rows < 2) continue;
        int row_total = 0;
        for (int c : s.rows[r].counts) row_total += c;
        const int first = s.rows[r].counts.empty() ? 0 : s.rows[r].counts.front();
        alt.add(upper_first(w(s.rows[r].label)) + ": " + std::to_string(first) + " of " +
                std::to_string(row_total) + " " + lower_first(w(s.statuses.front().label)) + ".");
    }
    return w.finish(alt, values);
}

// ---- distribution ----------------------------------------------------------------------------

std::string alt_distribution(const model::DistributionSpec& s) {
    const Words w(s.text);
    const int dp = s.y.decimals;
    std::vector<double> values = present_values(s);
    const std::size_t suppressed = s.points.size() - values.size();
    const std::string name =
        w(s.value_name) + (s.measure.empty() ? "" : " in " + mid_sentence(w(s.measure)));
    const std::string entities = counted(values.size(), s.entity_noun_one, s.entity_noun);
    const std::string median = lower_first(w(s.median_label));
    const std::string suppressed_sentence =
        suppressed == 0 ? ""
                        : counted(suppressed, s.entity_noun_one, s.entity_noun) +
                              (suppressed == 1 ? " is" : " are") + " suppressed and not shown.";
    if (values.empty()) {
        AltText alt = w.start("No " + s.entity_noun + " have a " + name + " to show.");
        alt.add(suppressed_sentence);
        return w.finish(alt, 0);
    }
    auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    const double med = *median_of(values);
    const std::string range = "the " + name + " ranges from " + format_value(*lo, dp) + " to " +
                              w.value(*hi, dp, s.value_unit);
    AltText alt;
    const model::DistributionPoint* h =
        s.highlight && *s.highlight < s.points.size() ? &s.points[*s.highlight] : nullptr;
    if (h && h->value) {
        const std::string v = format_value(*h->value, dp);
        const std::string m = format_value(med, dp);
        const std::string rel = v == m ? "in line with" : *h->value > med ? "above" : "below";
        alt = w.start(h->label + " has a " + name + " of " + w.value(*h->value, dp, s.value_unit) +
                      ", " + rel + " the " + median + " of " + w.value(med, dp, s.value_unit) +
                      " across " + entities + ".");
        alt.add(upper_first(range) + ".");
    } else {
        alt = w.start(upper_first(range) + " across " + entities + "; the " + median + " is " +
                      w.value(med, dp, s.value_unit) + ".");
        if (h) alt.add(h->label + " is suppressed.");
    }
    alt.add(suppressed_sentence);
    return w.finish(alt, values.size());
}

}  // namespace

std::string describe_chart(const model::GapTrendSpec& s) { return alt_gap_trend(s); }
std::string describe_chart(const model::GapTargetBarsSpec& s) { return alt_gap_target(s); }
std::string describe_chart(const model::GroupedBarsSpec& s) { return alt_grouped_bars(s); }
std::string describe_chart(const model::ActionStatusSpec& s) { return alt_action_status(s); }
std::string describe_chart(const model::DistributionSpec& s) { return alt_distribution(s); }
std::string describe_chart(const model::LineChartSpec& s) { return alt_line_chart(s); }

std::string describe_chart(const model::ChartSpec& spec) {
    return std::visit([](const auto& s) { return describe_chart(s); }, spec);
}

}  // namespace charts::compose
