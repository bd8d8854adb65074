// charts compose: value axes — the tick range from a ValueAxis and the data, tick labels, and
// light gridlines with their labels (horizontal lines for vertical axes and vice versa).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "charts/compose/canvas.h"
#include "charts/compose/scales.h"
#include "charts/compose/ticks.h"
#include "charts/model/chart_spec.h"

namespace charts::compose {

/// Smallest and largest present value, or nullopt when there are none.
std::optional<std::pair<double, double>> value_range(const std::vector<model::Value>& values);
/// The union of two ranges.
std::optional<std::pair<double, double>> merge_ranges(std::optional<std::pair<double, double>> a,
                                                      std::optional<std::pair<double, double>> b);

/// Ticks for `axis` over the data range: fixed ends are kept, open ends get nice ticks;
/// `force_zero` (bars) or axis.include_zero makes the range reach 0. No data gives 0–100 for
/// "%" and 0–1 otherwise.
Ticks value_ticks(const model::ValueAxis& axis, std::optional<std::pair<double, double>> data,
                  bool force_zero, int max_ticks = 6);

/// A tick label: the value at the ticks' decimals with the unit.
std::string tick_label(double v, const Ticks& ticks, const std::string& unit);

/// A rating scale's words under a horizontal axis, when they do not fit side by side, become
/// their numbers (1, 2, 3 …) and `title` gains the key: "Rating (1–4): 1 Beginning, 2 …".
/// Nothing changes for numeric ticks or words that fit.
void fit_step_labels(Ticks& ticks, const Canvas& canvas, const LinearScale& x, std::string& title);

/// Widest tick label.
double max_tick_label_width(const Canvas& canvas, const Ticks& ticks, const std::string& unit);

/// Baseline that centres a line of `font` text vertically on y.
double centred_baseline(const TextMeasure& m, const FontSpec& font, double y);

/// Horizontal gridlines from x0 to x1 at each tick of a vertical axis, labels right-aligned at
/// label_right. The line at 0 (or the bottom line when 0 is not shown) uses the axis colour.
void add_horizontal_grid(scene::Group& g, const Canvas& canvas, const Ticks& ticks,
                         const LinearScale& y, double x0, double x1, double label_right,
                         const std::string& unit);

/// Vertical gridlines from y0 to y1 at each tick of a horizontal axis, labels centred below
/// label_top. The line at 0 uses the axis colour.
void add_vertical_grid(scene::Group& g, const Canvas& canvas, const Ticks& ticks,
                       const LinearScale& x, double y0, double y1, double label_top,
                       const std::string& unit);

}  // namespace charts::compose
