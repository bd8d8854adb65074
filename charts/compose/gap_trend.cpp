// charts compose: line charts over periods — the gap trend (group against comparator, gap shaded,
// optional reference and target) and the general line chart share this code.
#include "charts/compose/build_chart.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "charts/compose/axes.h"
#include "charts/compose/canvas.h"
#include "charts/compose/describe.h"
#include "charts/compose/format.h"
#include "charts/compose/labels.h"
#include "charts/compose/scales.h"
#include "charts/compose/small_multiples.h"

namespace charts::compose {

namespace {

using model::Series;
using model::Value;
using scene::Anchor;
using scene::Path;
using scene::Point;

struct LineInput {
    std::string title;
    std::string subtitle;
    std::vector<std::string> captions;
    const std::vector<std::string>* periods = nullptr;
    std::vector<const Series*> series;  ///< index 0 is drawn on top and labelled first
    const Series* target = nullptr;
    const Series* gap_group = nullptr;  ///< shade between these two when set
    const Series* gap_comparator = nullptr;
    std::string gap_unit;
    const model::ValueAxis* y = nullptr;
    bool label_values = true;
};

bool present(const std::vector<Value>& v, std::size_t i) {
    return i < v.size() && v[i].has_value() && std::isfinite(*v[i]);
}

std::optional<std::size_t> last_present(const std::vector<Value>& v) {
    for (std::size_t i = v.size(); i-- > 0;)
        if (present(v, i)) return i;
    return std::nullopt;
}

bool any_missing(const Series& s, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        if (!present(s.values, i)) return true;
    return false;
}

// A direct label in the right-hand column: one or more lines, centred as near `anchor_y` as
// the other labels allow.
struct DirectLabel {
    std::vector<std::string> lines;
    model::Color color;
    std::size_t period = 0;  ///< where the labelled value is
    double value = 0.0;
};

// How the series are named: direct labels (names wrapped when long, or kept on one line), or
// a key above the plot when direct labels do not fit.
enum class LabelMode { Wrapped, SingleLine, Key };

// The scene, or nullopt when the direct labels of `mode` do not fit beside the plot.
std::optional<scene::Scene> build_lines(const LineInput& in, scene::Size size, const TextMeasure& m,
                                        const std::string& alt, LabelMode mode) {
    Canvas c(size, m);
    const std::vector<std::string>& periods = *in.periods;
    const std::size_t n = periods.size();
    const model::ValueAxis& axis = *in.y;

    double top = c.header(in.title, in.subtitle);
    if (top > 0.0) top += 6.0;

    if (mode == LabelMode::Key) {
        std::vector<LegendEntry> key;
        for (const Series* s : in.series)
            key.push_back({LegendEntry::Kind::Line, s->color, s->marker, model::palette::kWhite,
                           s->dashed, s->name});
        if (in.target)
            key.push_back({LegendEntry::Kind::Line, in.target->color, model::MarkerShape::None,
                           model::palette::kWhite, true, in.target->name});
        top = c.legend(key, top) + 6.0;
    }

    const double bottom_limit = c.footer(in.captions) - (in.captions.empty() ? 0.0 : 6.0);

    std::optional<std::pair<double, double>> range;
    for (const Series* s : in.series) range = merge_ranges(range, value_range(s->values));
    if (in.target) range = merge_ranges(range, value_range(in.target->values));

    // Direct labels (text first: their width sets the right margin).
    std::vector<DirectLabel> labels;
    auto value_text = [&](double v) { return format_value(v, axis.decimals, axis.unit); };
    auto period_suffix = [&](std::size_t i) {
        return i + 1 == n ? std::string() : " (" + periods[i] + ")";
    };
    std::optional<std::size_t> gap_at;
    if (in.gap_group && in.gap_comparator) {
        for (std::size_t i = n; i-- > 0;) {
            if (present(in.gap_group->values, i) && present(in.gap_comparator->values, i)) {
                gap_at = i;
                break;
            }
        }
    }
    const double wrap_w = std::max(60.0, size.width * 0.3);
    const double max_w = std::max(60.0, size.width * 0.45);
    auto make_lines = [&](const std::string& name, const std::string& value) {
        std::string one = name.empty() ? value : name + " " + value;
        const double w = c.text_width(one, kLabelFont);
        if (w <= wrap_w) return std::vector<std::string>{one};
        if (mode == LabelMode::SingleLine) {
            if (w <= max_w) return std::vector<std::string>{one};
            const double value_w = c.text_width(" " + value, kLabelFont);
            return std::vector<std::string>{fit_text(name, kLabelFont, max_w - value_w, m) + " " +
                                            value};
        }
        std::vector<std::string> lines;
        for (std::string& l : wrap_text(name, kLabelFont, wrap_w, m))
            lines.push_back(fit_text(l, kLabelFont, wrap_w, m));
        lines.push_back(value);
        return lines;
    };
    if (mode != LabelMode::Key) {
        for (const Series* s : in.series) {
            auto j = last_present(s->values);
            if (!j) continue;
            labels.push_back({make_lines(s->name, value_text(*s->values[*j]) + period_suffix(*j)),
                              label_color(s->color), *j, *s->values[*j]});
        }
        if (gap_at) {
            const double a = *in.gap_group->values[*gap_at];
            const double b = *in.gap_comparator->values[*gap_at];
            std::string num = format_value(b - a, axis.decimals);
            labels.push_back(
                {make_lines("Gap", num + " " + unit_for(num, in.gap_unit) + period_suffix(*gap_at)),
                 model::palette::kTextSecondary, *gap_at, (a + b) / 2.0});
        }
        if (in.target) {
            auto j = last_present(in.target->values);
            if (j) {
                labels.push_back({make_lines(in.target->name, value_text(*in.target->values[*j]) +
                                                                  period_suffix(*j)),
                                  label_color(in.target->color), *j, *in.target->values[*j]});
            }
        }
    }
    double label_w = 0.0;
    for (const DirectLabel& l : labels)
        for (const std::string& s : l.lines)
            label_w = std::max(label_w, c.text_width(s, kLabelFont));

    // Vertical layout: axis title | plot | period labels.
    const double tick_asc = m.ascent(kTickFont);
    const double tick_desc = m.descent(kTickFont);
    double plot_top = top;
    if (!axis.label.empty()) {
        scene::Group g;
        g.name = "y-title";
        g.items.emplace_back(c.text(axis.label, 0.0, top + tick_asc, Anchor::Left, kTickFont,
                                    model::palette::kTextSecondary));
        c.add(std::move(g));
        plot_top = top + tick_asc + tick_desc + 3.0;
    }
    // The top tick label is centred on the top gridline: leave room for its upper half.
    const double half_line = (tick_asc + tick_desc) / 2.0;
    plot_top += half_line + 1.0;
    const double x_label_h = tick_asc + tick_desc;
    const double plot_bottom = std::max(plot_top + 20.0, bottom_limit - x_label_h - 6.0);

    // Direct labels must fit beside the plot; otherwise the caller tries another mode.
    const double label_lh = m.line_height(kLabelFont);
    const double label_lo = plot_top - half_line;
    const double label_hi = plot_bottom + half_line;
    {
        double need = 0.0;
        for (const DirectLabel& l : labels)
            need += label_lh * static_cast<double>(l.lines.size()) + 1.0;
        if (need > label_hi - label_lo + 1.0) return std::nullopt;
    }

    // Ticks: as many as the plot height allows (up to 6), so tick labels never touch.
    const int max_ticks =
        std::clamp(static_cast<int>((plot_bottom - plot_top) / (x_label_h * 1.5)) + 1, 2, 6);
    const Ticks ticks = value_ticks(axis, range, false, max_ticks);

    // Horizontal layout: tick labels | plot | direct labels.
    const double tick_w = max_tick_label_width(c, ticks, axis.unit);
    const double plot_left = tick_w + 6.0;
    const double label_gap = kMarkerRadius + 6.0;
    const double plot_right = labels.empty() ? size.width - 2.0 : size.width - label_w - label_gap;

    // Periods: keep the first and last labels inside the plot.
    double pad = 10.0;
    if (n > 0) {
        pad = std::max(pad, c.text_width(periods.front(), kTickFont) / 2.0 + 2.0);
        if (labels.empty())
            pad = std::max(pad, c.text_width(periods.back(), kTickFont) / 2.0 + 2.0);
    }
    const PointScale xs(n, plot_left, plot_right, pad);
    const LinearScale ys(ticks.lo, ticks.hi, plot_bottom, plot_top);

    // Axes.
    scene::Group axes;
    axes.name = "axes";
    add_horizontal_grid(axes, c, ticks, ys, plot_left, plot_right, plot_left - 6.0, axis.unit);
    {
        double widest = 0.0;
        for (const std::string& p : periods) widest = std::max(widest, c.text_width(p, kTickFont));
        std::size_t every = 1;
        if (n > 1 && xs.step() > 0.0)
            every = static_cast<std::size_t>(std::ceil((widest + 6.0) / xs.step()));
        every = std::max<std::size_t>(every, 1);
        const double base = plot_bottom + 6.0 + tick_asc;
        for (std::size_t i = 0; i < n; ++i) {
            if ((n - 1 - i) % every != 0) continue;
            Path tick = Path::line({xs(i), plot_bottom}, {xs(i), plot_bottom + 3.0});
            tick.stroke = model::palette::kAxis;
            tick.line_width = kAxisWidth;
            axes.items.emplace_back(std::move(tick));
            axes.items.emplace_back(c.text(periods[i], xs(i), base, Anchor::Centre, kTickFont,
                                           model::palette::kTextSecondary));
        }
    }
    c.add(std::move(axes));

    // Data, clipped to the plot with room for markers on the edges.
    scene::Group plot;
    plot.name = "plot";
    plot.clip = scene::Rect{plot_left - 8.0, plot_top - 8.0, plot_right - plot_left + 16.0,
                            plot_bottom - plot_top + 16.0};
    auto pt = [&](std::size_t i, double v) { return Point{xs(i), ys(v)}; };

    if (in.gap_group && in.gap_comparator) {
        const auto& a = in.gap_group->values;
        const auto& b = in.gap_comparator->values;
        std::size_t i = 0;
        while (i < n) {
            if (!(present(a, i) && present(b, i))) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j + 1 < n && present(a, j + 1) && present(b, j + 1)) ++j;
            if (j > i) {
                Path p;
                p.move_to(pt(i, *b[i]).x, pt(i, *b[i]).y);
                for (std::size_t k = i + 1; k <= j; ++k) p.line_to(pt(k, *b[k]).x, pt(k, *b[k]).y);
                for (std::size_t k = j + 1; k-- > i;) p.line_to(pt(k, *a[k]).x, pt(k, *a[k]).y);
                p.close();
                p.fill = model::with_alpha(in.gap_group->color, 0.12);
                plot.items.emplace_back(std::move(p));
            }
            i = j + 1;
        }
    }

    if (in.target) {
        std::vector<std::size_t> idx;
        for (std::size_t i = 0; i < n; ++i)
            if (present(in.target->values, i)) idx.push_back(i);
        if (idx.size() == 1) {
            Point p0 = pt(idx[0], *in.target->values[idx[0]]);
            Path p = Path::line({p0.x - 7.0, p0.y}, {p0.x + 7.0, p0.y});
            p.stroke = in.target->color;
            p.line_width = 2.5;
            plot.items.emplace_back(std::move(p));
        } else if (idx.size() > 1) {
            Path p;
            for (std::size_t k = 0; k < idx.size(); ++k) {
                Point q = pt(idx[k], *in.target->values[idx[k]]);
                if (k == 0) {
                    p.move_to(q.x, q.y);
                } else {
                    p.line_to(q.x, q.y);
                }
            }
            p.stroke = in.target->color;
            p.line_width = 1.5;
            p.dash = {4.0, 3.0};
            plot.items.emplace_back(std::move(p));
        }
    }

    // Series from last to first so that the first is on top.
    for (std::size_t s_i = in.series.size(); s_i-- > 0;) {
        const Series& s = *in.series[s_i];
        Path line;
        bool pen_down = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (!present(s.values, i)) {
                pen_down = false;  // a break: missing or suppressed, never zero
                continue;
            }
            Point q = pt(i, *s.values[i]);
            if (pen_down) {
                line.line_to(q.x, q.y);
            } else {
                line.move_to(q.x, q.y);
            }
            pen_down = true;
        }
        line.stroke = s.color;
        line.line_width = s.dashed ? 1.5 : 2.0;
        if (s.dashed) line.dash = {4.0, 2.5};
        line.join = scene::LineJoin::Round;
        line.cap = scene::LineCap::Round;
        if (!line.cmds.empty()) plot.items.emplace_back(std::move(line));
        if (s.marker != model::MarkerShape::None) {
            for (std::size_t i = 0; i < n; ++i) {
                if (!present(s.values, i)) continue;
                Path mk = marker_path(s.marker, pt(i, *s.values[i]), kMarkerRadius);
                mk.fill = s.color;
                mk.stroke = model::palette::kWhite;
                mk.line_width = 0.75;
                plot.items.emplace_back(std::move(mk));
            }
        }
    }
    if (!range) {
        plot.items.emplace_back(c.text("No data to show", (plot_left + plot_right) / 2.0,
                                       (plot_top + plot_bottom) / 2.0, Anchor::Centre, kLabelFont,
                                       model::palette::kTextSecondary));
    }
    c.add(std::move(plot));

    // Direct labels, nudged apart.
    if (!labels.empty()) {
        scene::Group g;
        g.name = "labels";
        const double lh = label_lh;
        std::vector<LabelSlot> slots;
        for (const DirectLabel& l : labels)
            slots.push_back({ys(l.value), lh * static_cast<double>(l.lines.size())});
        std::vector<double> centres = spread_labels(slots, label_lo, label_hi, 1.0);
        const double x_text = xs(n - 1) + label_gap;
        for (std::size_t k = 0; k < labels.size(); ++k) {
            const DirectLabel& l = labels[k];
            const Point anchor = pt(l.period, l.value);
            const double block_top = centres[k] - slots[k].extent / 2.0;
            // A leader line when the label moved, or labels a value before the last period.
            if (std::fabs(centres[k] - anchor.y) > 3.0 || l.period + 1 < n) {
                Path leader = Path::line({anchor.x + kMarkerRadius + 1.5, anchor.y},
                                         {x_text - 2.0, centres[k]});
                leader.stroke = model::palette::kAxis;
                leader.line_width = 0.5;
                g.items.emplace_back(std::move(leader));
            }
            for (std::size_t li = 0; li < l.lines.size(); ++li) {
                const double base = block_top + lh * static_cast<double>(li) + m.ascent(kLabelFont);
                g.items.emplace_back(
                    c.text(l.lines[li], x_text, base, Anchor::Left, kLabelFont, l.color));
            }
        }
        c.add(std::move(g));
    }

    return std::move(c).finish(alt);
}

scene::Scene build_lines(const LineInput& in, scene::Size size, const TextMeasure& m,
                         const std::string& alt) {
    if (in.label_values) {
        for (LabelMode mode : {LabelMode::Wrapped, LabelMode::SingleLine})
            if (auto s = build_lines(in, size, m, alt, mode)) return std::move(*s);
    }
    return std::move(*build_lines(in, size, m, alt, LabelMode::Key));
}

}  // namespace

scene::Scene build_gap_trend(const model::GapTrendSpec& spec, scene::Size size,
                             const TextMeasure& measure) {
    LineInput in;
    in.title = resolve_title(spec.text, finding_title(spec));
    in.subtitle = spec.text.subtitle;
    const std::size_t n = spec.periods.size();
    bool missing = any_missing(spec.group, n) || any_missing(spec.comparator, n) ||
                   (spec.reference && any_missing(*spec.reference, n));
    in.captions = caption_lines(spec.text, {missing ? spec.suppressed_note : std::string()});
    in.periods = &spec.periods;
    in.series = {&spec.group, &spec.comparator};
    if (spec.reference) in.series.push_back(&*spec.reference);
    if (spec.target) in.target = &*spec.target;
    if (spec.shade_gap) {
        in.gap_group = &spec.group;
        in.gap_comparator = &spec.comparator;
    }
    in.gap_unit = spec.gap_unit;
    in.y = &spec.y;
    in.label_values = spec.label_values;
    std::string alt = spec.text.alt_text.empty() ? describe_chart(spec) : spec.text.alt_text;
    return build_lines(in, size, measure, alt);
}

scene::Scene build_line_chart(const model::LineChartSpec& spec, scene::Size size,
                              const TextMeasure& measure) {
    // More than four lines in one plot cannot be told apart: one panel per line instead.
    if (small_multiple_panels(spec) > kMaxLinesInOnePlot) {
        std::string alt = spec.text.alt_text.empty() ? describe_chart(spec) : spec.text.alt_text;
        if (auto s = build_small_multiples(spec, size, measure, alt)) return std::move(*s);
    }
    LineInput in;
    in.title = resolve_title(spec.text, finding_title(spec));
    in.subtitle = spec.text.subtitle;
    const std::size_t n = spec.periods.size();
    bool missing = false;
    for (const Series& s : spec.series) missing = missing || any_missing(s, n);
    in.captions = caption_lines(spec.text, {missing ? spec.suppressed_note : std::string()});
    in.periods = &spec.periods;
    // More than three lines: each solid line with markers gets its own shape, so that lines
    // stay apart in greyscale and for colour-blind readers (dashed reference lines keep theirs).
    std::vector<Series> cued = spec.series;
    std::size_t solid = 0;
    for (const Series& s : cued) solid += s.dashed || s.marker == model::MarkerShape::None ? 0 : 1;
    if (solid > 3) {
        std::size_t k = 0;
        for (Series& s : cued)
            if (!s.dashed && s.marker != model::MarkerShape::None) s.marker = model::series_marker(k++);
    }
    for (const Series& s : cued) in.series.push_back(&s);
    if (spec.target) in.target = &*spec.target;
    in.y = &spec.y;
    in.label_values = spec.label_values;
    std::string alt = spec.text.alt_text.empty() ? describe_chart(spec) : spec.text.alt_text;
    return build_lines(in, size, measure, alt);
}

}  // namespace charts::compose
