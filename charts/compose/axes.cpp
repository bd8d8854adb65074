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

namespace {

// A rating scale's axis: a tick at every step, named by its word, from the first step (or 0
// when bars start there) to the last.
Ticks step_ticks(const model::ValueAxis& axis, bool force_zero) {
    Ticks t;
    t.lo = axis.steps.front().first;
    t.hi = axis.steps.back().first;
    if ((force_zero || axis.include_zero) && t.lo > 0.0) {
        t.lo = 0.0;
        t.values.push_back(0.0);
        t.labels.emplace_back();
    }
    for (const auto& [v, word] : axis.steps) {
        t.values.push_back(v);
        t.labels.push_back(word.empty() ? format_value(v, 0) : word);
    }
    t.step = axis.steps.size() > 1 ? axis.steps[1].first - axis.steps[0].first : 1.0;
    t.decimals = 0;
    return t;
}

}  // namespace

Ticks value_ticks(const model::ValueAxis& axis, std::optional<std::pair<double, double>> data,
                  bool force_zero, int max_ticks) {
    if (!axis.steps.empty()) return step_ticks(axis, force_zero);
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
    for (std::size_t i = 0; i < ticks.labels.size() && i < ticks.values.size(); ++i)
        if (ticks.values[i] == v) return ticks.labels[i];
    return format_value(v, ticks.decimals, unit);
}

void fit_step_labels(Ticks& ticks, const Canvas& canvas, const LinearScale& x, std::string& title) {
    if (ticks.labels.empty()) return;
    bool fits = true;
    for (std::size_t i = 1; i < ticks.values.size() && i < ticks.labels.size(); ++i) {
        const double need = (canvas.text_width(ticks.labels[i - 1], kTickFont) +
                             canvas.text_width(ticks.labels[i], kTickFont)) / 2.0 + 4.0;
        fits = fits && x(ticks.values[i]) - x(ticks.values[i - 1]) >= need;
    }
    if (fits) return;
    std::vector<std::string> key;
    for (std::size_t i = 0; i < ticks.values.size() && i < ticks.labels.size(); ++i) {
        if (ticks.labels[i].empty()) continue;
        const std::string number = format_value(ticks.values[i], 0);
        key.push_back(number + " " + ticks.labels[i]);
        ticks.labels[i] = number;
    }
    std::string joined;
    for (const auto& k : key) joined += (joined.empty() ? "" : ", ") + k;
    title = title.empty() ? joined : title + ": " + joined;
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
        if (tick_label(v, ticks, unit).empty()) continue;  // the unnamed 0 of a rating scale
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
        if (tick_label(v, ticks, unit).empty()) continue;  // the unnamed 0 of a rating scale
        g.items.emplace_back(canvas.text(tick_label(v, ticks, unit), px, base, Anchor::Centre,
                                         kTickFont, model::palette::kTextSecondary));
    }
}

}  // namespace charts::compose
