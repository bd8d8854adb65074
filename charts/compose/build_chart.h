// charts compose: the stage entry point — a chart spec and a size in points become a scene, with
// text measured by the given TextMeasure and the alt text attached.
#pragma once

#include <optional>
#include <string>

#include "charts/compose/text_measure.h"
#include "charts/model/chart_spec.h"
#include "charts/scene/scene.h"

namespace charts::compose {

using scene::Size;

/// Smallest chart accepted by build_chart, in points.
inline constexpr double kMinChartWidth = 120.0;
inline constexpr double kMinChartHeight = 80.0;

/// What is wrong with a spec ("gap trend: series 'FSM' has 3 values for 4 periods"), or
/// nullopt when it can be drawn. Callers that know where the spec came from attach the location.
std::optional<std::string> check_chart_spec(const model::ChartSpec& spec);

/// Builds the scene of any chart kind at `size_pt`. Throws std::invalid_argument with the
/// check_chart_spec message when the spec is invalid or the size is below the minimum.
/// From 240 × 150 pt up no two texts overlap (tested for every kind); smaller charts still
/// build but their titles and captions may crowd the plot.
scene::Scene build_chart(const model::ChartSpec& spec, scene::Size size_pt,
                         const TextMeasure& measure);

// One builder per kind (build_chart dispatches to these; they expect a checked spec).
scene::Scene build_gap_trend(const model::GapTrendSpec& spec, scene::Size size,
                             const TextMeasure& measure);
scene::Scene build_line_chart(const model::LineChartSpec& spec, scene::Size size,
                              const TextMeasure& measure);
scene::Scene build_gap_target_bars(const model::GapTargetBarsSpec& spec, scene::Size size,
                                   const TextMeasure& measure);
scene::Scene build_grouped_bars(const model::GroupedBarsSpec& spec, scene::Size size,
                                const TextMeasure& measure);
scene::Scene build_action_status(const model::ActionStatusSpec& spec, scene::Size size,
                                 const TextMeasure& measure);
scene::Scene build_distribution(const model::DistributionSpec& spec, scene::Size size,
                                const TextMeasure& measure);

}  // namespace charts::compose
