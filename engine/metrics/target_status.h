// metrics: judging a target (DESIGN.md §3, docs/metrics.md) — pure, from unrounded values,
// with the one-line reason a reader can check by hand.
#pragma once

#include <optional>
#include <string>

#include "engine/data/catalog.h"
#include "engine/data/tables.h"
#include "engine/metrics/gap_series.h"
#include "engine/metrics/status.h"

namespace engine::metrics {

struct TargetResult {
    TargetStatus status = TargetStatus::NoData;
    std::string reason;                   ///< "gap 19.8 ppts against a target of at most 18.0"
    std::optional<data::Period> judged;   ///< the period the status is judged on
    std::optional<core::Exact> actual;    ///< gap, value or narrowing that was compared (exact)
    std::optional<core::Exact> required;  ///< what it was compared with (target or trajectory)
    bool future = false;                  ///< judged before the target period (trajectory)
};

/// Evaluates `target` on its gap series. `measure` supplies polarity and display precision;
/// `catalog`, when given, the group and comparator labels the reason uses (the same as the
/// table's), else the data names.
TargetResult evaluate_target(const data::Target& target, const GapSeries& series,
                             const data::MeasureInfo& measure,
                             const data::Catalog* catalog = nullptr);

}  // namespace engine::metrics
