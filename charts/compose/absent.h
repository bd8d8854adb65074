// charts compose: whether a chart has anything to draw — a chart whose every figure is
// suppressed or missing is not drawn (an empty plot and an axis from 0 to 1 says nothing);
// the caller states why in its place.
#pragma once

#include <optional>
#include <string>

#include "charts/model/chart_spec.h"

namespace charts::compose {

/// Why the spec has nothing to draw, or nullopt when it has at least one figure: "every figure
/// it would show is suppressed (c)", or "none of the figures it would show is available (c, x)"
/// naming the symbols the tables print. Action status charts always have something to draw.
std::optional<std::string> nothing_to_draw(const model::ChartSpec& spec);

}  // namespace charts::compose
