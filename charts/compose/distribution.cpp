// charts compose: a distribution across entities (e.g. each setting's gap) as a sorted dot plot —
// grey dots in order, one entity highlighted and labelled, the median drawn and labelled.
#include "charts/compose/build_chart.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "charts/compose/axes.h"
#include "charts/compose/canvas.h"
#include "charts/compose/describe.h"
#include "charts/compose/format.h"
#include "charts/compose/scales.h"

namespace charts::compose {

using scene::Anchor;
using scene::Path;
namespace palette = model::palette;

scene::Scene build_distribution(const model::DistributionSpec& spec, scene::Size size,
                                const TextMeasure& m) {
    Canvas c(size, m);
    double top = c.header(resolve_title(spec.text, finding_title(spec)), spec.text.subtitle);
    if (top > 0.0) top += 6.0;

    // Present values in ascending order (stable, so equal values keep their input order).
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < spec.points.size(); ++i)
        if (spec.points[i].value && std::isfinite(*spec.points[i].value)) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return *spec.points[a].value < *spec.points[b].value;
    });
    const std::size_t n = order.size();
    const std::size_t suppressed = spec.points.size() - n;

    std::string note;
    if (suppressed > 0) {
        note = counted(suppressed, spec.entity_noun_one, spec.entity_noun) +
               " with suppressed values (small numbers) " + (suppressed == 1 ? "is" : "are") +
               " not shown.";
    }
    const double footer_top = c.footer(caption_lines(spec.text, {note}));
    const double bottom_limit = footer_top - (footer_top < size.height ? 6.0 : 0.0);

    std::vector<model::Value> values;
    for (std::size_t i : order) values.push_back(spec.points[i].value);
    std::optional<double> median;
    if (n > 0) {
        const std::size_t h = n / 2;
        median = n % 2 ? *values[h] : (*values[h - 1] + *values[h]) / 2.0;
    }
    const int dp = spec.y.decimals;

    // Right column: the median label.
    std::string median_text;
    if (median) median_text = spec.median_label + " " + format_value(*median, dp, spec.y.unit);
    const double median_w = median ? c.text_width(median_text, kLabelFont) : 0.0;

    const double tick_asc = m.ascent(kTickFont);
    const double tick_desc = m.descent(kTickFont);
    const double tick_lh = tick_asc + tick_desc;
    double plot_top = top;
    if (!spec.y.label.empty()) {
        scene::Group g;
        g.name = "y-title";
        g.items.emplace_back(c.text(spec.y.label, 0.0, top + tick_asc, Anchor::Left, kTickFont,
                                    palette::kTextSecondary));
        c.add(std::move(g));
        plot_top = top + tick_lh + 2.0;
    }
    plot_top += tick_lh / 2.0 + 1.0;
    const double plot_bottom = std::max(plot_top + 20.0, bottom_limit - tick_lh - 6.0);
    const int max_ticks =
        std::clamp(static_cast<int>((plot_bottom - plot_top) / (tick_lh * 1.5)) + 1, 2, 6);
    const Ticks ticks = value_ticks(spec.y, value_range(values), false, max_ticks);
    const double plot_left = max_tick_label_width(c, ticks, spec.y.unit) + 6.0;
    const double plot_right = size.width - (median ? median_w + 6.0 : 2.0);
    const LinearScale ys(ticks.lo, ticks.hi, plot_bottom, plot_top);

    const double step_guess =
        n > 1 ? (plot_right - plot_left - 12.0) / static_cast<double>(n - 1) : 12.0;
    const double r = std::clamp(step_guess * 0.42, 1.6, 3.5);
    const PointScale xs(n, plot_left, plot_right, r + 4.0);

    scene::Group axes;
    axes.name = "axes";
    add_horizontal_grid(axes, c, ticks, ys, plot_left, plot_right, plot_left - 6.0, spec.y.unit);
    std::string x_title =
        counted(n, spec.entity_noun_one, spec.entity_noun) + ", sorted by " + spec.value_name;
    axes.items.emplace_back(c.text(std::move(x_title), (plot_left + plot_right) / 2.0,
                                   plot_bottom + 6.0 + tick_asc, Anchor::Centre, kTickFont,
                                   palette::kTextSecondary));
    c.add(std::move(axes));

    scene::Group plot;
    plot.name = "plot";
    std::optional<std::size_t> hi_rank;
    for (std::size_t k = 0; k < n; ++k) {
        if (spec.highlight && order[k] == *spec.highlight) {
            hi_rank = k;
            continue;  // drawn last, on top
        }
        Path dot = Path::circle({xs(k), ys(*values[k])}, r);
        dot.fill = palette::kFocusOther;
        plot.items.emplace_back(std::move(dot));
    }
    if (median) {
        const double my = ys(*median);
        Path line = Path::line({plot_left, my}, {plot_right, my});
        line.stroke = palette::kText;
        line.line_width = 1.0;
        line.dash = {3.0, 2.0};
        plot.items.emplace_back(std::move(line));
    }
    scene::Group labels;
    labels.name = "labels";
    if (median) {
        labels.items.emplace_back(c.text(median_text, plot_right + 6.0,
                                         centred_baseline(m, kLabelFont, ys(*median)), Anchor::Left,
                                         kLabelFont, palette::kText));
    }
    if (hi_rank) {
        const std::size_t k = *hi_rank;
        const scene::Point p{xs(k), ys(*values[k])};
        Path dot = Path::circle(p, r + 1.0);
        dot.fill = palette::kFocus;
        dot.stroke = palette::kWhite;
        dot.line_width = 0.75;
        plot.items.emplace_back(std::move(dot));
        // Dots are ascending left to right, so the space up and to the left of a dot is free
        // (and down and to the right): put the label there.
        const std::string t =
            spec.points[order[k]].label + " " + format_value(*values[k], dp, spec.y.unit);
        const double tw = c.text_width(t, kLabelFont);
        const double asc = m.ascent(kLabelFont);
        const double desc = m.descent(kLabelFont);
        scene::Text label;
        if (p.x - r - 3.0 - tw >= plot_left &&
            p.y - r - 2.0 - asc - desc >= plot_top - tick_lh / 2.0) {
            label = c.text(t, p.x - r - 3.0, p.y - r - 2.0 - desc, Anchor::Right, kLabelFont,
                           palette::kFocus);
        } else if (p.x + r + 3.0 + tw <= plot_right) {
            label = c.text(t, p.x + r + 3.0, std::min(p.y + r + 2.0 + asc, plot_bottom - desc),
                           Anchor::Left, kLabelFont, palette::kFocus);
        } else {
            label = c.text(t, std::max(p.x + r + 3.0 - tw, plot_left), p.y - r - 2.0 - desc,
                           Anchor::Left, kLabelFont, palette::kFocus);
        }
        // Keep clear of the median label in the right column.
        labels.items.emplace_back(std::move(label));
    }
    c.add(std::move(plot));
    c.add(std::move(labels));
    std::string alt = spec.text.alt_text.empty() ? describe_chart(spec) : spec.text.alt_text;
    return std::move(c).finish(std::move(alt));
}

}  // namespace charts::compose
