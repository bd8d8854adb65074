// metrics: the trajectory point — where a target's straight line from its baseline to its
// target stands at a period (docs/metrics.md, "The trajectory point"). Pure and exact.
#pragma once

#include <optional>

#include "engine/core/exact.h"
#include "engine/data/tables.h"
#include "engine/data/value.h"
#include "engine/metrics/gap_series.h"

namespace engine::metrics {

struct TrajectoryPoint {
    std::optional<core::Exact> value;  ///< the gap (or, for value_at_least, the value) expected
    data::Missing missing = data::Missing::NotAvailable;  ///< why there is none
    std::optional<data::Period> at;    ///< the period it is for
    std::optional<data::Period> baseline;
};

/// The line's point at the series' latest period (or at `at` when given): the baseline B is
/// the target's baseline_period, else the first period with a gap (a value for
/// value_at_least); f = (at − B) / (P − B) in years, between 0 and 1 (1 when P is not after B).
/// gap_at_most, at_or_above_comparator, value_at_least: start + (T − start) × f;
/// gap_narrows_by: start − T × f; improves_faster_than_comparator_by: start − T × years from
/// B to `at` (at most to P). Missing (suppressed first) when the start is.
TrajectoryPoint trajectory_point(const data::Target& target, const GapSeries& series,
                                 std::optional<data::Period> at = std::nullopt);

}  // namespace engine::metrics
