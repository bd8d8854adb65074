// metrics: gap arithmetic — pure functions over unrounded values. A positive gap always means
// the group is behind its comparator, whatever the measure's polarity.
#pragma once

#include <optional>

#include "engine/data/catalog.h"
#include "engine/metrics/status.h"

namespace engine::metrics {

/// comparator − group for higher-is-better measures; group − comparator for lower-is-better.
double gap_between(double group_value, double comparator_value, data::Polarity polarity);

/// Change in a gap from `earlier` to `later` (negative = narrowed).
inline double gap_change(double earlier_gap, double later_gap) { return later_gap - earlier_gap; }

/// "unchanged" when the change rounds to zero at `dp` places, else narrowed/widened.
Direction direction_of(double change, int dp);

/// Tolerance for comparisons of unrounded values with targets (a gap exactly at target meets
/// it despite binary noise).
inline constexpr double kEpsilon = 1e-9;

}  // namespace engine::metrics
