// charts compose: bar charts — gap against target by measure (horizontal, coloured by status with
// the status word), latest values for groups across measures (grouped vertical bars) and
// action-plan status (100%-stacked horizontal bars per objective).
#include "charts/compose/build_chart.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "charts/compose/axes.h"
#include "charts/compose/canvas.h"
#include "charts/compose/describe.h"
#include "charts/compose/format.h"
#include "charts/compose/labels.h"
#include "charts/compose/scales.h"

namespace charts::compose {

namespace {

using model::Category;
using model::Color;
using scene::Anchor;
using scene::Path;
namespace palette = model::palette;

bool present(const model::Value& v) { return v.has_value() && std::isfinite(*v); }

// Light fills (yellow, light grey) get a thin dark outline so the shape still shows on white.
// Row labels in a left column: wrapped to at most `max_lines` lines of wrap_w (one line of up
// to 0.4 of the chart width when only one fits), shortened with "…" when still too long.
std::vector<std::vector<std::string>> wrap_rows(const Canvas& c,
                                                const std::vector<std::string>& labels,
                                                const FontSpec& base_font, std::size_t max_lines,
                                                double& widest, bool bold_last = false) {
    const double wrap_w = c.width() * 0.3;
    const double single_w = c.width() * 0.4;
    std::vector<std::vector<std::string>> out;
    widest = 0.0;
    for (const std::string& l : labels) {
        const FontSpec font{base_font.bold || (bold_last && out.size() + 1 == labels.size()),
                            base_font.size};
        std::vector<std::string> lines;
        if (max_lines <= 1 || c.text_width(l, font) <= wrap_w) {
            lines.push_back(fit_text(l, font, single_w, c.measure()));
        } else {
            for (std::string& line : wrap_text(l, font, wrap_w, c.measure(), max_lines))
                lines.push_back(fit_text(line, font, wrap_w, c.measure()));
        }
        for (const std::string& line : lines) widest = std::max(widest, c.text_width(line, font));
        out.push_back(std::move(lines));
    }
    return out;
}

// How many label lines fit in a row of height `step` (1 or 2).
std::size_t lines_per_row(const TextMeasure& m, const FontSpec& font, double step) {
    return step >= 2.0 * m.line_height(font) + 1.0 ? 2 : 1;
}

// Draws a (possibly two-line) label left-aligned at x, centred vertically on cy.
void add_block(scene::Group& g, const Canvas& c, const std::vector<std::string>& lines, double x,
               double cy, const FontSpec& font, const Color& color) {
    const TextMeasure& m = c.measure();
    const double lh = m.line_height(font);
    const double top = cy - lh * static_cast<double>(lines.size()) / 2.0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        g.items.emplace_back(c.text(lines[i], x, top + lh * static_cast<double>(i) + m.ascent(font),
                                    Anchor::Left, font, color));
}

}  // namespace

// ---- gap against target ------------------------------------------------------------------------

scene::Scene build_gap_target_bars(const model::GapTargetBarsSpec& spec, scene::Size size,
                                   const TextMeasure& m) {
    Canvas c(size, m);
    double top = c.header(resolve_title(spec.text, finding_title(spec)), spec.text.subtitle);
    if (top > 0.0) top += 6.0;
    bool any_target = false;
    for (const auto& r : spec.rows) any_target = any_target || present(r.target);
    if (any_target) {
        top = c.legend({{LegendEntry::Kind::TargetMark, palette::kText, model::MarkerShape::None,
                         palette::kWhite, false, spec.target_label}},
                       top) +
              6.0;
    }
    const double footer_top = c.footer(caption_lines(spec.text));
    const double bottom_limit = footer_top - (footer_top < size.height ? 6.0 : 0.0);

    const int dp = spec.x.decimals;
    std::optional<std::pair<double, double>> range;
    for (const auto& r : spec.rows) {
        range = merge_ranges(range, value_range({r.gap}));
        range = merge_ranges(range, value_range({r.target}));
    }
    Ticks ticks = value_ticks(spec.x, range, true);
    std::string x_title = spec.x.label;

    // Rows first: the row height decides how many lines a measure label may take.
    const double tick_asc = m.ascent(kTickFont);
    const double tick_lh = m.line_height(kTickFont);
    const bool has_title = !x_title.empty() || !ticks.labels.empty();
    const double below = 4.0 + tick_lh + (has_title ? 3.0 + tick_lh : 0.0);
    const double rows_top = top;
    const double rows_bottom = std::max(rows_top + 20.0, bottom_limit - below);
    const BandScale band(spec.rows.size(), rows_top, rows_bottom, 0.35, 0.15);
    const double bar_h = std::min(band.bandwidth(), 16.0);

    // Left column: measure labels.
    std::vector<std::string> names;
    for (const auto& r : spec.rows) names.push_back(r.label);
    double label_w = 0.0;
    auto wrapped =
        wrap_rows(c, names, kLabelFont, lines_per_row(m, kLabelFont, band.step()), label_w);
    const double plot_left = label_w + 10.0;

    // End text: value, marker, status word.
    const double mk_w = 9.0;
    auto value_str = [&](const model::GapTargetRow& r) {
        return present(r.gap) ? format_value(*r.gap, dp, spec.x.unit) : model::absent_symbol(r.gap_symbol);
    };
    std::vector<double> end_w;
    for (const auto& r : spec.rows) {
        double w = c.text_width(value_str(r), kValueFont);
        if (!r.status.label.empty()) w += 6.0 + mk_w + c.text_width(r.status.label, kValueFont);
        end_w.push_back(w + 4.0);
    }
    // Widest plot such that every row's end text fits, and the last tick label too.
    double plot_right = size.width - max_tick_label_width(c, ticks, spec.x.unit) / 2.0 - 1.0;
    const double span = ticks.hi - ticks.lo;
    for (std::size_t i = 0; i < spec.rows.size(); ++i) {
        const auto& r = spec.rows[i];
        double v_end = std::max(present(r.gap) ? *r.gap : 0.0, 0.0);
        if (present(r.target)) v_end = std::max(v_end, *r.target);
        const double frac = span > 0 ? (v_end - ticks.lo) / span : 0.0;
        const double limit = size.width - end_w[i] - 3.0;  // 3 = gap after bar or target
        if (frac > 0) plot_right = std::min(plot_right, plot_left + (limit - plot_left) / frac);
    }
    plot_right = std::max(plot_right, plot_left + 40.0);

    const LinearScale xs(ticks.lo, ticks.hi, plot_left, plot_right);
    fit_step_labels(ticks, c, xs, x_title);

    scene::Group axes;
    axes.name = "axes";
    add_vertical_grid(axes, c, ticks, xs, rows_top, rows_bottom, rows_bottom + 4.0, spec.x.unit);
    if (!x_title.empty()) {
        axes.items.emplace_back(c.text(fit_text(x_title, kTickFont, plot_right - plot_left, c.measure()),
                                       (plot_left + plot_right) / 2.0,
                                       rows_bottom + 4.0 + tick_lh + 3.0 + tick_asc, Anchor::Centre,
                                       kTickFont, palette::kTextSecondary));
    }
    c.add(std::move(axes));

    scene::Group bars;
    bars.name = "bars";
    scene::Group labels;
    labels.name = "labels";
    const double zero_x = xs(std::clamp(0.0, ticks.lo, ticks.hi));
    for (std::size_t i = 0; i < spec.rows.size(); ++i) {
        const auto& r = spec.rows[i];
        const double cy = band.centre(i);
        add_block(labels, c, wrapped[i], 0.0, cy, kLabelFont, palette::kText);
        double end_x = zero_x;
        if (present(r.gap)) {
            const double x1 = xs(*r.gap);
            Path bar =
                Path::rect({std::min(zero_x, x1), cy - bar_h / 2.0, std::fabs(x1 - zero_x), bar_h});
            bar.fill = r.status.fill;
            outline_if_light(bar, r.status.fill);
            bars.items.emplace_back(std::move(bar));
            end_x = std::max(end_x, x1);
        }
        if (present(r.target)) {
            const double tx = xs(*r.target);
            Path mark = Path::line({tx, cy - bar_h / 2.0 - 3.0}, {tx, cy + bar_h / 2.0 + 3.0});
            mark.stroke = palette::kText;
            mark.line_width = 2.0;
            bars.items.emplace_back(std::move(mark));
            // The value and status follow the bar unless the target line would cross them.
            if (tx >= end_x - 2.0 && tx <= end_x + 4.0 + end_w[i] + 2.0) end_x = tx + 1.0;
        }
        double x = end_x + 4.0;
        const double base = centred_baseline(m, kValueFont, cy);
        scene::Text value = c.text(value_str(r), x, base, Anchor::Left, kValueFont, palette::kText);
        x += value.width + 6.0;
        labels.items.emplace_back(std::move(value));
        if (!r.status.label.empty()) {
            Path mk = marker_path(r.status.marker, {x + 3.5, cy}, 3.0);
            mk.fill = r.status.fill;
            outline_if_light(mk, r.status.fill);
            labels.items.emplace_back(std::move(mk));
            labels.items.emplace_back(
                c.text(r.status.label, x + mk_w, base, Anchor::Left, kValueFont, palette::kText));
        }
    }
    c.add(std::move(bars));
    c.add(std::move(labels));
    std::string alt = spec.text.alt_text.empty() ? describe_chart(spec) : spec.text.alt_text;
    return std::move(c).finish(std::move(alt));
}

// ---- grouped bars ------------------------------------------------------------------------------

scene::Scene build_grouped_bars(const model::GroupedBarsSpec& spec, scene::Size size,
                                const TextMeasure& m) {
    Canvas c(size, m);
    double top = c.header(resolve_title(spec.text, finding_title(spec)), spec.text.subtitle);
    if (top > 0.0) top += 6.0;
    {
        std::vector<LegendEntry> key;
        for (std::size_t gi = 0; gi < spec.groups.size(); ++gi)
            key.push_back({LegendEntry::Kind::Swatch, spec.groups[gi].color, model::MarkerShape::None,
                           palette::kWhite, false, spec.groups[gi].name,
                           series_pattern(gi, spec.groups.size())});
        top = c.legend(key, top) + (key.empty() ? 0.0 : 6.0);
    }
    bool any_missing = false;
    for (const auto& g : spec.groups)
        for (std::size_t i = 0; i < spec.categories.size(); ++i)
            any_missing = any_missing || i >= g.values.size() || !present(g.values[i]);
    const double footer_top = c.footer(caption_lines(
        spec.text,
        {any_missing && spec.value_labels ? "c = suppressed or not available." : std::string()}));
    const double bottom_limit = footer_top - (footer_top < size.height ? 6.0 : 0.0);

    std::optional<std::pair<double, double>> range;
    for (const auto& g : spec.groups) range = merge_ranges(range, value_range(g.values));
    const std::size_t nc = spec.categories.size();
    const std::size_t ng = std::max<std::size_t>(spec.groups.size(), 1);

    const double tick_asc = m.ascent(kTickFont);
    const double tick_desc = m.descent(kTickFont);
    const double tick_lh = tick_asc + tick_desc;
    const double cat_lh = m.line_height(kTickFont);
    const double plot_right = size.width - 2.0;

    double plot_top = top;
    if (!spec.y.label.empty()) {
        scene::Group g;
        g.name = "y-title";
        g.items.emplace_back(c.text(spec.y.label, 0.0, top + tick_asc, Anchor::Left, kTickFont,
                                    palette::kTextSecondary));
        c.add(std::move(g));
        plot_top = top + tick_lh + 3.0;
    }

    // The layout depends on itself: tick labels set the plot's left edge, which sets the bar
    // width, which sets the value labels and the category label lines, which set the plot
    // height, which sets how many ticks fit. A round or two settles it.
    struct LabelStyle {
        bool unit;
        FontSpec font;
    };
    Ticks ticks = value_ticks(spec.y, range, true);
    double plot_left = 0, plot_bottom = 0, slot = 0, bar_w = 0, value_h = 0;
    double plot_top_used = plot_top;
    std::vector<std::vector<std::string>> cat_lines;
    std::optional<LabelStyle> style;
    std::optional<BandScale> band;
    for (int round = 0; round < 3; ++round) {
        plot_left = max_tick_label_width(c, ticks, spec.y.unit) + 6.0;
        band.emplace(nc, plot_left, plot_right, 0.3, 0.15);
        slot = band->bandwidth() / static_cast<double>(ng);
        bar_w = std::max(1.0, slot - 1.5);

        // Category labels under the axis, wrapped to the band step.
        cat_lines.clear();
        std::size_t max_lines = 1;
        for (const std::string& s : spec.categories) {
            std::vector<std::string> lines;
            for (std::string& l : wrap_text(s, kTickFont, band->step() - 4.0, m, 3))
                lines.push_back(fit_text(l, kTickFont, band->step() - 2.0, m));
            max_lines = std::max(max_lines, lines.size());
            cat_lines.push_back(std::move(lines));
        }

        // Value labels: the largest style at which every label fits its bar slot.
        const LabelStyle styles[] = {
            {true, kValueFont}, {false, kValueFont}, {false, FontSpec{false, 7.0}}};
        style.reset();
        if (spec.value_labels) {
            for (const LabelStyle& st : styles) {
                bool fits = true;
                for (const auto& g : spec.groups) {
                    for (std::size_t i = 0; i < nc && fits; ++i) {
                        std::string t = i < g.values.size() && present(g.values[i])
                                            ? format_value(*g.values[i], spec.y.decimals,
                                                           st.unit ? spec.y.unit : std::string())
                                            : g.symbol_at(i);
                        fits = c.text_width(t, st.font) <= slot - 0.5;
                    }
                }
                if (fits) {
                    style = st;
                    break;
                }
            }
        }
        value_h = style ? m.line_height(style->font) + 2.0 : 0.0;
        plot_top_used = plot_top + std::max(tick_lh / 2.0 + 1.0, value_h);
        const double below = 5.0 + cat_lh * static_cast<double>(max_lines);
        const bool neg = ticks.lo < 0.0;
        plot_bottom = std::max(plot_top_used + 20.0, bottom_limit - below - (neg ? value_h : 0.0));
        const int max_ticks =
            std::clamp(static_cast<int>((plot_bottom - plot_top_used) / (tick_lh * 1.5)) + 1, 2, 6);
        Ticks next = value_ticks(spec.y, range, true, max_ticks);
        if (round == 2 ||
            (next.values == ticks.values && next.lo == ticks.lo && next.hi == ticks.hi))
            break;
        ticks = next;  // lay out again with these ticks
    }
    const bool negatives = ticks.lo < 0.0;
    const LinearScale ys(ticks.lo, ticks.hi, plot_bottom, plot_top_used);
    const double zero_y = ys(std::clamp(0.0, ticks.lo, ticks.hi));

    scene::Group axes;
    axes.name = "axes";
    add_horizontal_grid(axes, c, ticks, ys, plot_left, plot_right, plot_left - 6.0, spec.y.unit);
    const double cat_top = plot_bottom + (negatives ? value_h : 0.0) + 5.0;
    for (std::size_t i = 0; i < nc; ++i) {
        for (std::size_t li = 0; li < cat_lines[i].size(); ++li) {
            axes.items.emplace_back(c.text(cat_lines[i][li], band->centre(i),
                                           cat_top + cat_lh * static_cast<double>(li) + tick_asc,
                                           Anchor::Centre, kTickFont, palette::kText));
        }
    }
    c.add(std::move(axes));

    scene::Group bars;
    bars.name = "bars";
    scene::Group values;
    values.name = "values";
    for (std::size_t gi = 0; gi < spec.groups.size(); ++gi) {
        const auto& g = spec.groups[gi];
        for (std::size_t i = 0; i < nc; ++i) {
            const double x0 =
                band->start(i) + slot * static_cast<double>(gi) + (slot - bar_w) / 2.0;
            const double cx = x0 + bar_w / 2.0;
            const bool has = i < g.values.size() && present(g.values[i]);
            if (has) {
                const double y1 = ys(*g.values[i]);
                const scene::Rect r{x0, std::min(zero_y, y1), bar_w, std::fabs(zero_y - y1)};
                Path bar = Path::rect(r);
                bar.fill = g.color;
                bars.items.emplace_back(std::move(bar));
                // More than three groups: a pattern over the fill tells them apart without colour.
                if (auto p = series_pattern(gi, spec.groups.size()); p != FillPattern::None)
                    bars.items.emplace_back(pattern_over(p, r, g.color));
            }
            if (!style) continue;
            std::string t = has ? format_value(*g.values[i], spec.y.decimals,
                                               style->unit ? spec.y.unit : std::string())
                                : g.symbol_at(i);
            const double v = has ? *g.values[i] : 0.0;
            double base;
            if (v >= 0.0) {
                base = ys(v) - 2.0 - m.descent(style->font);
            } else {
                base = ys(v) + 2.0 + m.ascent(style->font);
            }
            values.items.emplace_back(c.text(std::move(t), cx, base, Anchor::Centre, style->font,
                                             has ? palette::kText : palette::kTextSecondary));
        }
    }
    c.add(std::move(bars));
    c.add(std::move(values));
    std::string alt = spec.text.alt_text.empty() ? describe_chart(spec) : spec.text.alt_text;
    return std::move(c).finish(std::move(alt));
}

// ---- action status -----------------------------------------------------------------------------

scene::Scene build_action_status(const model::ActionStatusSpec& spec, scene::Size size,
                                 const TextMeasure& m) {
    Canvas c(size, m);
    double top = c.header(resolve_title(spec.text, finding_title(spec)), spec.text.subtitle);
    if (top > 0.0) top += 6.0;

    const std::size_t ns = spec.statuses.size();
    std::vector<int> totals(ns, 0);
    if (spec.last_row_is_total && !spec.rows.empty()) {
        const auto& counts = spec.rows.back().counts;
        for (std::size_t i = 0; i < ns && i < counts.size(); ++i) totals[i] = counts[i];
    } else {
        for (const auto& r : spec.rows)
            for (std::size_t i = 0; i < ns && i < r.counts.size(); ++i) totals[i] += r.counts[i];
    }
    {
        std::vector<LegendEntry> key;
        for (std::size_t i = 0; i < ns; ++i) {
            const Category& s = spec.statuses[i];
            key.push_back({LegendEntry::Kind::Swatch, s.fill, s.marker, s.text_on_fill, false,
                           s.label + " (" + std::to_string(totals[i]) + ")"});
        }
        top = c.legend(key, top) + (key.empty() ? 0.0 : 8.0);
    }
    const double footer_top = c.footer(caption_lines(spec.text));
    const double bottom = footer_top - (footer_top < size.height ? 6.0 : 0.0);

    // Rows; a total row is set apart by a little space and a rule.
    const bool split = spec.last_row_is_total && spec.rows.size() > 1;
    const double extra = split ? 6.0 : 0.0;
    const std::size_t nr = spec.rows.size();
    const double rows_h = std::max(20.0, bottom - top - extra);
    const BandScale band(nr, top, top + rows_h, 0.3, 0.1);
    const double seg_font_lh = m.line_height(kValueFont);

    // Row labels carry the row's total: "2. Parental involvement (6)".
    std::vector<int> row_totals;
    std::vector<std::string> names;
    for (const auto& r : spec.rows) {
        int t = 0;
        for (std::size_t i = 0; i < ns && i < r.counts.size(); ++i) t += std::max(r.counts[i], 0);
        row_totals.push_back(t);
        names.push_back(r.label + " (" + std::to_string(t) + ")");
    }
    double label_w = 0.0;
    auto wrapped =
        wrap_rows(c, names, kLabelFont, lines_per_row(m, kLabelFont, band.step()), label_w, split);
    const double plot_left = label_w + 10.0;
    const double plot_right = size.width - 1.0;
    const double w_all = plot_right - plot_left;

    // A segment too narrow for its marker and count inside gets them under the bar instead, so
    // its status symbol is never lost; the bars then leave room for that line.
    auto fits_inside = [&](int n, double w, const Category& st) {
        const double tw = c.text_width(std::to_string(n), kValueFont);
        return st.marker == model::MarkerShape::None ? tw + 3.0 <= w : tw + 10.0 + 4.0 <= w;
    };
    bool any_outside = false;
    for (std::size_t ri = 0; ri < nr; ++ri) {
        const auto& r = spec.rows[ri];
        for (std::size_t si = 0; si < ns && si < r.counts.size() && row_totals[ri] > 0; ++si) {
            const int n = std::max(r.counts[si], 0);
            const double w = w_all * static_cast<double>(n) / static_cast<double>(row_totals[ri]);
            if (n > 0 && !fits_inside(n, w, spec.statuses[si])) any_outside = true;
        }
    }
    const double outside_h = any_outside ? seg_font_lh + 2.0 : 0.0;
    const double bar_h = std::clamp(band.bandwidth() - outside_h, 6.0, 18.0);

    auto row_centre = [&](std::size_t i) {
        return band.centre(i) + (split && i + 1 == nr ? extra : 0.0) - outside_h / 2.0;
    };

    scene::Group bars;
    bars.name = "bars";
    scene::Group labels;
    labels.name = "labels";
    if (split) {
        const double prev_bottom = band.start(nr - 2) + band.bandwidth();
        const double last_top = band.start(nr - 1) + extra;
        const double ry = (prev_bottom + last_top) / 2.0;
        Path rule = Path::line({0.0, ry}, {size.width, ry});
        rule.stroke = palette::kGridline;
        rule.line_width = kAxisWidth;
        bars.items.emplace_back(std::move(rule));
    }
    for (std::size_t ri = 0; ri < nr; ++ri) {
        const auto& r = spec.rows[ri];
        const double cy = row_centre(ri);
        const bool is_total = split && ri + 1 == nr;
        const FontSpec lf{is_total, kLabelFont.size};
        add_block(labels, c, wrapped[ri], 0.0, cy, lf, palette::kText);
        const int total = row_totals[ri];
        const double base = centred_baseline(m, kValueFont, cy);
        if (total <= 0) {
            labels.items.emplace_back(c.text("No " + spec.item_noun, plot_left, base, Anchor::Left,
                                             kValueFont, palette::kTextSecondary));
            continue;
        }
        double x = plot_left;
        // Labels of narrow segments, placed under the bar after the loop.
        std::vector<LabelSlot> outside;
        std::vector<std::pair<std::size_t, int>> outside_of;  // status, count
        std::vector<double> outside_w;
        for (std::size_t si = 0; si < ns && si < r.counts.size(); ++si) {
            const int n = std::max(r.counts[si], 0);
            if (n == 0) continue;
            const Category& st = spec.statuses[si];
            const double w = w_all * static_cast<double>(n) / static_cast<double>(total);
            Path seg = Path::rect({x, cy - bar_h / 2.0, w, bar_h});
            seg.fill = st.fill;
            seg.stroke = palette::kWhite;  // a hairline between segments
            seg.line_width = 0.75;
            outline_if_light(seg, st.fill);  // or an outline that shows the segment on white
            bars.items.emplace_back(std::move(seg));
            const std::string count = std::to_string(n);
            const double tw = c.text_width(count, kValueFont);
            if (!fits_inside(n, w, st) || bar_h < seg_font_lh) {
                const double lw = tw + (st.marker == model::MarkerShape::None ? 0.0 : 10.0);
                outside.push_back({x + w / 2.0, lw});
                outside_of.emplace_back(si, n);
                outside_w.push_back(lw);
            } else {
                const bool with_marker = st.marker != model::MarkerShape::None;
                if (with_marker) {
                    const double x0 = x + (w - (tw + 10.0)) / 2.0;
                    Path mk = marker_path(st.marker, {x0 + 3.0, cy}, 2.6);
                    mk.fill = st.text_on_fill;
                    labels.items.emplace_back(std::move(mk));
                    labels.items.emplace_back(
                        c.text(count, x0 + 10.0, base, Anchor::Left, kValueFont, st.text_on_fill));
                } else {
                    labels.items.emplace_back(c.text(count, x + w / 2.0, base, Anchor::Centre,
                                                     kValueFont, st.text_on_fill));
                }
            }
            x += w;
        }
        // Outside labels: marker (in the segment's colour) and count on white, under the bar,
        // nudged apart along it, each joined to its segment by a short leader when moved.
        const std::vector<double> centres = spread_labels(outside, plot_left, plot_right, 4.0);
        const double out_base = cy + bar_h / 2.0 + 1.5 + m.ascent(kValueFont);
        for (std::size_t k = 0; k < outside.size(); ++k) {
            const Category& st = spec.statuses[outside_of[k].first];
            const double x0 = centres[k] - outside_w[k] / 2.0;
            if (std::fabs(centres[k] - outside[k].desired) > 1.0) {
                Path leader = Path::line({outside[k].desired, cy + bar_h / 2.0},
                                         {centres[k], cy + bar_h / 2.0 + 1.5});
                leader.stroke = palette::kAxis;
                leader.line_width = 0.5;
                labels.items.emplace_back(std::move(leader));
            }
            double tx = x0;
            if (st.marker != model::MarkerShape::None) {
                const double my = out_base - m.ascent(kValueFont) / 2.0 + 0.5;
                Path mk = marker_path(st.marker, {x0 + 3.0, my}, 2.6);
                mk.fill = st.fill;
                outline_if_light(mk, st.fill);
                labels.items.emplace_back(std::move(mk));
                tx += 10.0;
            }
            labels.items.emplace_back(c.text(std::to_string(outside_of[k].second), tx, out_base,
                                             Anchor::Left, kValueFont, palette::kText));
        }
    }
    c.add(std::move(bars));
    c.add(std::move(labels));
    std::string alt = spec.text.alt_text.empty() ? describe_chart(spec) : spec.text.alt_text;
    return std::move(c).finish(std::move(alt));
}

}  // namespace charts::compose
