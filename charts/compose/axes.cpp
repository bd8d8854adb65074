#include "charts/compose/axes.h"

#include <algorithm>
#include <cmath>

#include "charts/compose/format.h"

namespace charts::compose {

using scene::Anchor;
using scene::Path;

std::optional<std::pair<double, double>> value_range(const std::vector<model::Value>& values) {
    std::optional<std::pair<double, double>> r;
    for (const model::Value& v : values) {
        if (!v || !std::isfinite(*v)) continue;
        if (!r) {
            r = std::pair{*v, *v};
        } else {
            r->first = std::min(r->first, *v);
            r->second = std::max(r->second, *v);
        }
    }
    return r;
}

std::optional<std::pair<double, double>> merge_ranges(std::optional<std::pair<double, double>> a,
                                                      std::optional<std::pair<double, double>> b) {
    if (!a) return b;
    if (!b) return a;
    return std::pair{std::min(a->first, b->first), std::max(a->second, b->second)};
}

Ticks value_ticks(const model::ValueAxis& axis, std::optional<std::pair<double, double>> data,
                  bool force_zero, int max_ticks) {
    double lo = 0.0;
    double hi = axis.unit == "%" ? 100.0 : 1.0;
    if (data) {
        lo = data->first;
        hi = data->second;
    }
    if (force_zero || axis.include_zero) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
    }
    if (axis.min) lo = *axis.min;
    if (axis.max) hi = *axis.max;
    if (axis.min && axis.max) return ticks_within(lo, hi, max_ticks);
    Ticks t = nice_ticks(lo, hi, max_ticks);
    // Bars reaching a little past zero (a gap of −1.5 on a 0–30 axis) should not buy a whole
    // step of empty axis: end the axis just past the data on that side, without a tick there.
    if (force_zero && data && data->first < 0.0 && data->second > 0.0) {
        const double pad = 0.25 * t.step;
        if (!axis.min && -data->first < data->second && t.lo < data->first - 0.5 * t.step) {
            t.lo = data->first - pad;
            std::erase_if(t.values, [&](double v) { return v < t.lo; });
        }
        if (!axis.max && data->second < -data->first && t.hi > data->second + 0.5 * t.step) {
            t.hi = data->second + pad;
            std::erase_if(t.values, [&](double v) { return v > t.hi; });
        }
    }
    // A fixed end replaces the nice end; keep only ticks inside.
    if (axis.min || axis.max) {
        if (axis.min) t.lo = *axis.min;
        if (axis.max) t.hi = *axis.max;
        std::erase_if(t.values, [&](double v) { return v < t.lo - 1e-9 || v > t.hi + 1e-9; });
    }
    return t;
}

std::string tick_label(double v, const Ticks& ticks, const std::string& unit) {
    return format_value(v, ticks.decimals, unit);
}

double max_tick_label_width(const Canvas& canvas, const Ticks& ticks, const std::string& unit) {
    double w = 0.0;
    for (double v : ticks.values)
        w = std::max(w, canvas.text_width(tick_label(v, ticks, unit), kTickFont));
    return w;
}

double centred_baseline(const TextMeasure& m, const FontSpec& font, double y) {
    return y + (m.ascent(font) - m.descent(font)) / 2.0;
}

void add_horizontal_grid(scene::Group& g, const Canvas& canvas, const Ticks& ticks,
                         const LinearScale& y, double x0, double x1, double label_right,
                         const std::string& unit) {
    const bool has_zero = ticks.lo <= 0.0 && ticks.hi >= 0.0;
    for (double v : ticks.values) {
        const double py = y(v);
        const bool axis_line = has_zero ? std::fabs(v) < 1e-12 : v == ticks.values.front();
        Path p = Path::line({x0, py}, {x1, py});
        p.stroke = axis_line ? model::palette::kAxis : model::palette::kGridline;
        p.line_width = axis_line ? kAxisWidth : kGridWidth;
        g.items.emplace_back(std::move(p));
        g.items.emplace_back(canvas.text(tick_label(v, ticks, unit), label_right,
                                         centred_baseline(canvas.measure(), kTickFont, py),
                                         Anchor::Right, kTickFont, model::palette::kTextSecondary));
    }
}

void add_vertical_grid(scene::Group& g, const Canvas& canvas, const Ticks& ticks,
                       const LinearScale& x, double y0, double y1, double label_top,
                       const std::string& unit) {
    const double base = label_top + canvas.measure().ascent(kTickFont);
    for (double v : ticks.values) {
        const double px = x(v);
        const bool zero = std::fabs(v) < 1e-12;
        Path p = Path::line({px, y0}, {px, y1});
        p.stroke = zero ? model::palette::kAxis : model::palette::kGridline;
        p.line_width = zero ? kAxisWidth : kGridWidth;
        g.items.emplace_back(std::move(p));
        g.items.emplace_back(canvas.text(tick_label(v, ticks, unit), px, base, Anchor::Centre,
                                         kTickFont, model::palette::kTextSecondary));
    }
}

}  // namespace charts::compose
