// metrics: one group against its comparator over every period of an area — the values after
// disclosure control and the gap where both sides can be shown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/data/catalog.h"
#include "engine/metrics/suppression.h"

namespace engine::metrics {

struct AreaKey {
    std::string level;
    std::string area;
    std::string la_name;  ///< the area's local authority (for settings), for LA comparators
};

struct GapPoint {
    data::Period period;
    Cell group;
    Cell comparator;
    std::optional<core::Exact> gap;  ///< when both values can be shown (exact)
    bool suppressed() const { return group.suppressed() || comparator.suppressed(); }
};

struct GapSeries {
    std::string measure;
    std::string group;
    data::ComparatorRef comparator;
    AreaKey area;
    std::string comparator_level, comparator_area;  ///< where the comparator's rows are read
    data::Polarity polarity = data::Polarity::HigherIsBetter;
    std::vector<GapPoint> points;  ///< ascending by period

    const GapPoint* at(const data::Period& p) const;
    /// The last period with a row for the group (whatever its value), or nullptr.
    const GapPoint* latest() const;
    /// The period before `p` in the series, or nullptr.
    const GapPoint* before(const data::Period& p) const;
    /// The group as tables print it: the catalog's label ("FSM eligible" for "FSM").
    std::string group_label(const data::Catalog& catalog) const;
    /// The comparator as tables print it: "Not FSM", "FSM (England)", "FSM (Cambridgeshire)".
    std::string comparator_label(const data::Catalog& catalog) const;
};

/// The comparator as tables, charts and reasons print it: "Not FSM", "FSM (England)",
/// "FSM (Cambridgeshire)" — group labels from the catalog.
std::string comparator_label(const data::Catalog& catalog, const data::ComparatorRef& comparator,
                             const AreaKey& area);

/// Builds the series over the periods in which the group has rows in the area.
GapSeries build_gap_series(const SuppressedView& view, const data::Catalog& catalog,
                           const std::string& measure, const std::string& group,
                           const data::ComparatorRef& comparator, const AreaKey& area);

/// Position of a period on a time axis in years, exactly (terms are thirds of their academic
/// year: Spring 2016/17 is 2016 + 1/3).
core::Exact period_position(const data::Period& p);

}  // namespace engine::metrics
