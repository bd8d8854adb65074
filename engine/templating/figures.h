// templating: every observation by name — `gap.<measure>.<group>` with the qualifiers
// `vs.<comparator>`, `in.<area>`, `at.<period>` and `from.<period>`, worked out when a
// template first names them (docs/templates.md, "Any figure of the data"). A target's row
// keeps its fields; any other measure × group × area × period is reachable without one.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "engine/data/catalog.h"
#include "engine/metrics/report_metrics.h"
#include "engine/templating/value.h"

namespace engine::templating {

struct FiguresInputs {
    const data::Catalog* catalog = nullptr;
    const metrics::SuppressedView* view = nullptr;
    metrics::AreaKey area;  ///< the report's area (and its local authority, for a setting)
    /// A unit of a fan-out: its own area may have no rows of a measure (its figures are then
    /// "not recorded"); anywhere else a slice with no rows is an error.
    bool fan_out = false;
    /// The first target row of each (measure slug, group slug): its fields as `targets` lists
    /// them, and the row (for its comparator and baseline).
    std::map<std::pair<std::string, std::string>, std::pair<ValueMap, const metrics::GapRow*>> targets;
};

/// The value of the `gap` name: a lazy map of measures, then groups, then figure rows.
Value figures_value(FiguresInputs in);

/// The key of a period in names: the slug of its label ("2016_17", "summer_term_2018_19").
std::string period_key(const data::Period& p);

}  // namespace engine::templating
