// charts compose: small multiples for a line chart with many lines (more than four areas): a
// panel per area, highlighted against the others in grey, all on one scale.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "charts/compose/text_measure.h"
#include "charts/model/chart_spec.h"
#include "charts/scene/scene.h"

namespace charts::compose {

/// More lines than this become small multiples.
inline constexpr std::size_t kMaxLinesInOnePlot = 4;

/// The number of panels small multiples of `spec` would have: one per solid (not dashed) series.
std::size_t small_multiple_panels(const model::LineChartSpec& spec);

/// The chart as small multiples, with `alt` as its alt text, or nullopt when the panels do not
/// fit `size` (the caller then draws one plot). The values table and alt text (from the spec)
/// are those of the single chart: every series and value stays in them.
std::optional<scene::Scene> build_small_multiples(const model::LineChartSpec& spec, scene::Size size,
                                   const TextMeasure& m, const std::string& alt);

}  // namespace charts::compose
