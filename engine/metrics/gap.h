// metrics: gap arithmetic — pure functions over unrounded values. A positive gap always means
// the group is behind its comparator, whatever the measure's polarity.
#pragma once

#include <optional>

#include "engine/core/exact.h"
#include "engine/data/catalog.h"
#include "engine/metrics/status.h"

namespace engine::metrics {

/// comparator − group for higher-is-better measures; group − comparator for lower-is-better.
/// Exact: 65.1 − 55.6 is 9.5, not 9.499999999999993.
core::Exact gap_between(const core::Exact& group_value, const core::Exact& comparator_value,
                        data::Polarity polarity);

/// Change in a gap from `earlier` to `later` (negative = narrowed).
inline core::Exact gap_change(const core::Exact& earlier_gap, const core::Exact& later_gap) {
    return later_gap - earlier_gap;
}

/// "unchanged" when the change rounds to zero at `dp` places, else narrowed/widened.
Direction direction_of(const core::Exact& change, int dp);

}  // namespace engine::metrics
