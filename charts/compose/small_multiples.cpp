// charts compose: a line chart with more than four lines as small multiples — one panel per
// series, that series highlighted in dark blue with the others in grey behind it, every panel
// on the same scale, reference (dashed) and target lines in every panel.
#include "charts/compose/small_multiples.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "charts/compose/axes.h"
#include "charts/compose/canvas.h"
#include "charts/compose/describe.h"
#include "charts/compose/format.h"
#include "charts/compose/labels.h"
#include "charts/compose/scales.h"

namespace charts::compose {

namespace {

using model::Series;
using scene::Anchor;
using scene::Path;
using scene::Point;
namespace palette = model::palette;

bool present(const std::vector<model::Value>& v, std::size_t i) {
    return i < v.size() && v[i].has_value() && std::isfinite(*v[i]);
}

bool is_area(const Series& s) { return !s.dashed; }

// A series as a polyline with breaks at absent values.
Path polyline(const Series& s, const PointScale& xs, const LinearScale& ys, std::size_t n) {
    Path line;
    bool pen_down = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (!present(s.values, i)) {
            pen_down = false;
            continue;
        }
        if (pen_down) line.line_to(xs(i), ys(*s.values[i]));
        else line.move_to(xs(i), ys(*s.values[i]));
        pen_down = true;
    }
    line.join = scene::LineJoin::Round;
    line.cap = scene::LineCap::Round;
    return line;
}

}  // namespace

std::size_t small_multiple_panels(const model::LineChartSpec& spec) {
    std::size_t n = 0;
    for (const Series& s : spec.series) n += is_area(s) ? 1 : 0;
    return n;
}

std::optional<scene::Scene> build_small_multiples(const model::LineChartSpec& spec, scene::Size size,
                                   const TextMeasure& m, const std::string& alt) {
    Canvas c(size, m);
    const std::size_t n = spec.periods.size();
    const model::ValueAxis& axis = spec.y;
    std::vector<const Series*> areas, references;
    for (const Series& s : spec.series) (is_area(s) ? areas : references).push_back(&s);

    double top = c.header(resolve_title(spec.text, finding_title(spec)), spec.text.subtitle);
    if (top > 0.0) top += 6.0;
    {
        std::vector<LegendEntry> key;
        key.push_back({LegendEntry::Kind::Line, palette::kFocus, model::MarkerShape::Circle,
                       palette::kWhite, false, "The panel's area"});
        key.push_back({LegendEntry::Kind::Line, palette::kFocusOther, model::MarkerShape::None,
                       palette::kWhite, false, "Other areas"});
        for (const Series* r : references)
            key.push_back({LegendEntry::Kind::Line, r->color, model::MarkerShape::None,
                           palette::kWhite, true, r->name});
        if (spec.target)
            key.push_back({LegendEntry::Kind::Line, spec.target->color, model::MarkerShape::None,
                           palette::kWhite, true, spec.target->name});
        top = c.legend(key, top) + 4.0;
    }
    bool missing = false;
    for (const Series& s : spec.series)
        for (std::size_t i = 0; i < n; ++i) missing = missing || !present(s.values, i);
    const double bottom =
        c.footer(caption_lines(spec.text, {missing ? spec.suppressed_note : std::string()})) -
        (spec.text.source.empty() && spec.text.note.empty() && !missing ? 0.0 : 6.0);

    std::optional<std::pair<double, double>> range;
    for (const Series& s : spec.series) range = merge_ranges(range, value_range(s.values));
    if (spec.target) range = merge_ranges(range, value_range(spec.target->values));

    // The grid of panels, under the axis title.
    const double tick_asc = m.ascent(kTickFont), tick_desc = m.descent(kTickFont);
    if (!axis.label.empty()) {  // the axis title, above the panels
        scene::Group g;
        g.name = "y-title";
        g.items.emplace_back(c.text(axis.label, 0.0, top + tick_asc, Anchor::Left, kTickFont,
                                    palette::kTextSecondary));
        c.add(std::move(g));
        top += tick_asc + tick_desc + 4.0;
    }
    // Three columns (two when narrow), as many rows as needed; one row when the rows would be
    // too low, and nothing (the caller draws one plot) when even that does not fit.
    const std::size_t np = areas.size();
    const double half_line = (tick_asc + tick_desc) / 2.0;
    const double title_h = m.line_height(kLabelFont) + 2.0;
    const double x_label_h = tick_asc + tick_desc + 4.0;
    const double row_gap = 8.0;
    const double grid_h = bottom - top - x_label_h;
    auto plot_height = [&](std::size_t rows_n) {
        const double panel = (grid_h - row_gap * static_cast<double>(rows_n - 1)) / static_cast<double>(rows_n);
        return panel - title_h - half_line;
    };
    constexpr double kMinPlot = 30.0;
    constexpr double kMinPanelWidth = 60.0;
    std::size_t cols = size.width < 300.0 ? 2 : 3;
    if (plot_height((np + cols - 1) / cols) < kMinPlot) cols = np;
    const std::size_t rows = (np + cols - 1) / cols;
    const double plot_h = plot_height(rows);
    const double panel_h = plot_h + title_h + half_line;
    if (plot_h < kMinPlot) return std::nullopt;
    const int max_ticks = std::clamp(static_cast<int>(plot_h / ((tick_asc + tick_desc) * 1.6)) + 1, 2, 4);
    const Ticks ticks = value_ticks(axis, range, false, max_ticks);
    const double tick_w = max_tick_label_width(c, ticks, axis.unit);
    const double left = tick_w + 6.0;
    const double col_gap = 12.0;
    const double panel_w = (size.width - left - col_gap * static_cast<double>(cols - 1)) / static_cast<double>(cols);
    if (panel_w < kMinPanelWidth) return std::nullopt;

    auto value_text = [&](double v) { return format_value(v, axis.decimals, axis.unit); };
    for (std::size_t p = 0; p < np; ++p) {
        const std::size_t row = p / cols, col = p % cols;
        const double x0 = left + static_cast<double>(col) * (panel_w + col_gap);
        const double y0 = top + static_cast<double>(row) * (panel_h + row_gap);
        const double plot_top = y0 + title_h + half_line;
        const double plot_bottom = plot_top + plot_h;
        const Series& own = *areas[p];
        const double pad = 4.0;
        const PointScale xs(n, x0, x0 + panel_w, pad);
        const LinearScale ys(ticks.lo, ticks.hi, plot_bottom, plot_top);

        scene::Group panel;
        panel.name = "panel";
        // The panel's title: the area and its latest value.
        std::string head = own.name;
        for (std::size_t i = n; i-- > 0;) {
            if (!present(own.values, i)) continue;
            head += " " + value_text(*own.values[i]) + (i + 1 == n ? "" : " (" + spec.periods[i] + ")");
            break;
        }
        panel.items.emplace_back(c.text(fit_text(head, kLabelFont, panel_w, m), x0, y0 + m.ascent(kLabelFont),
                                        Anchor::Left, kLabelFont, palette::kText));
        // Gridlines; tick labels only on the first column.
        if (col == 0) {
            add_horizontal_grid(panel, c, ticks, ys, x0, x0 + panel_w, x0 - 6.0, axis.unit);
        } else {
            for (double t : ticks.values) {
                Path g = Path::line({x0, ys(t)}, {x0 + panel_w, ys(t)});
                g.stroke = t == 0.0 ? palette::kAxis : palette::kGridline;
                g.line_width = t == 0.0 ? kAxisWidth : kGridWidth;
                panel.items.emplace_back(std::move(g));
            }
        }
        // Period labels: the first and the last, under the panels of the bottom row of each column.
        const bool bottom_of_column = p + cols >= np;
        if (bottom_of_column && n > 0) {
            const double base = plot_bottom + 4.0 + tick_asc;
            panel.items.emplace_back(c.text(spec.periods.front(), x0, base, Anchor::Left, kTickFont,
                                            palette::kTextSecondary));
            if (n > 1 && c.text_width(spec.periods.front(), kTickFont) +
                                 c.text_width(spec.periods.back(), kTickFont) + 6.0 <= panel_w)
                panel.items.emplace_back(c.text(spec.periods.back(), x0 + panel_w, base, Anchor::Right,
                                                kTickFont, palette::kTextSecondary));
        }
        // Context: the other areas in grey, then reference and target lines, then this area.
        for (const Series* other : areas) {
            if (other == &own) continue;
            Path line = polyline(*other, xs, ys, n);
            line.stroke = palette::kFocusOther;
            line.line_width = 0.75;
            if (!line.cmds.empty()) panel.items.emplace_back(std::move(line));
        }
        for (const Series* r : references) {
            Path line = polyline(*r, xs, ys, n);
            line.stroke = r->color;
            line.line_width = 1.0;
            line.dash = {3.0, 2.0};
            if (!line.cmds.empty()) panel.items.emplace_back(std::move(line));
        }
        if (spec.target) {
            Path line = polyline(*spec.target, xs, ys, n);
            line.stroke = spec.target->color;
            line.line_width = 1.0;
            line.dash = {4.0, 3.0};
            if (!line.cmds.empty()) panel.items.emplace_back(std::move(line));
        }
        Path line = polyline(own, xs, ys, n);
        line.stroke = palette::kFocus;
        line.line_width = 2.0;
        if (!line.cmds.empty()) panel.items.emplace_back(std::move(line));
        for (std::size_t i = 0; i < n; ++i) {
            if (!present(own.values, i)) continue;
            Path mk = marker_path(model::MarkerShape::Circle, {xs(i), ys(*own.values[i])}, 2.0);
            mk.fill = palette::kFocus;
            mk.stroke = palette::kWhite;
            mk.line_width = 0.5;
            panel.items.emplace_back(std::move(mk));
        }
        c.add(std::move(panel));
    }
    return std::move(c).finish(alt);
}

}  // namespace charts::compose
