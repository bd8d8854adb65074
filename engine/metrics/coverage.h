// metrics: nothing silent — a target, comparator or chart series whose group, area or measure
// matches no row of the data in any period is the author's error, not a quiet "No data". This
// says what the data has instead, so the message can point at the fix.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/data/tables.h"
#include "engine/metrics/gap_series.h"

namespace engine::metrics {

/// Why nothing matched, with hints ("map one with data.observations.groups …").
struct Unmatched {
    std::string message;
    std::vector<std::string> hints;
    bool comparator = false;  ///< the comparator's side of a series, not the group's
    bool area_empty = false;  ///< the area has no rows of the measure at all, though others have
};

/// nullopt when `group` of `measure` has a row at `level`/`area` in some period; otherwise
/// what the data has there instead: "group 'FSM' has no rows for gld in England in
/// national.csv, which has 'FSM eligible' and 'Not known to be FSM eligible'". An empty `area`
/// means any area of the level (a name that no area has: a chart in a fan-out).
std::optional<Unmatched> unmatched_rows(const data::ObservationTable& table, const std::string& measure,
                                        const std::string& group, const std::string& level,
                                        const std::string& area);

/// The sides of a gap series (the group in its area, the comparator in its area) that match
/// no row in any period. A local-authority comparator of an area without one is left out: it
/// is "No data" by design.
std::vector<Unmatched> unmatched_in_series(const data::ObservationTable& table, const GapSeries& series);

}  // namespace engine::metrics
