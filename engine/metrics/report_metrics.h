// metrics: the stage entry point — everything one report needs, computed from the batch's
// tables for the report's area and as-of date. Pure: no I/O, no clock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/core/civil_date.h"
#include "engine/core/diagnostic.h"
#include "engine/data/catalog.h"
#include "engine/data/tables.h"
#include "engine/metrics/action_status.h"
#include "engine/metrics/gap.h"
#include "engine/metrics/gap_series.h"
#include "engine/metrics/suppression.h"
#include "engine/metrics/target_status.h"

namespace engine::metrics {

/// One target with its series, latest figures, change and status.
struct GapRow {
    const data::Target* target = nullptr;
    GapSeries series;
    TargetResult result;
    std::optional<std::size_t> latest;    ///< index into series.points
    std::optional<std::size_t> previous;  ///< the period before latest
    std::optional<core::Exact> change;    ///< gap(latest) − gap(previous), exact
    std::optional<Direction> direction;
    bool change_suppressed = false;
    /// The target's baseline period, else the first period with data for the group.
    std::optional<std::size_t> baseline;
    std::optional<core::Exact> change_since_baseline;  ///< gap(latest) − gap(baseline)
    std::optional<Direction> direction_since_baseline;
    bool change_since_baseline_suppressed = false;

    const GapPoint* latest_point() const { return latest ? &series.points[*latest] : nullptr; }
    const GapPoint* previous_point() const {
        return previous ? &series.points[*previous] : nullptr;
    }
    const GapPoint* baseline_point() const {
        return baseline ? &series.points[*baseline] : nullptr;
    }
};

struct MetricsInputs {
    const SuppressedView* view = nullptr;
    const data::Catalog* catalog = nullptr;
    const std::vector<data::Target>* targets = nullptr;  ///< may be null
    /// The report's actions, read from the plan (a setting's own, or every one); may be null.
    const data::ActionList* actions = nullptr;
    AreaKey area;
    core::Date as_of;
    int at_risk_days = 14;
};

struct ReportMetrics {
    AreaKey area;
    std::vector<GapRow> rows;  ///< one per target for the area, in file order
    ActionSummary actions;
    std::optional<data::Period> latest_period;  ///< latest period with data in the area
    std::string suppression_footnote;
    /// Targets whose group or comparator matches no row of the data in any period, at the
    /// target's row: the report must not print them as "No data".
    std::vector<core::Diagnostic> problems;
};

ReportMetrics compute_report_metrics(const MetricsInputs& in);

/// A gap row for any measure/group/comparator (used by charts and templates beyond targets).
GapRow make_gap_row(const SuppressedView& view, const data::Catalog& catalog,
                    const std::string& measure, const std::string& group,
                    const data::ComparatorRef& comparator, const AreaKey& area,
                    const std::optional<data::Period>& baseline = std::nullopt);

}  // namespace engine::metrics
