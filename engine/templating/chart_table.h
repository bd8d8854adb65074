// templating: the figures behind a chart as a table of the document tree — what a chart's
// `data_table: true` puts after it, so that screen-reader users (and anyone who wants the
// numbers) read every value the chart draws, and its alt text can send them there.
#pragma once

#include <string>

#include "charts/model/chart_spec.h"
#include "engine/templating/doc_tree.h"

namespace engine::templating {

/// The table of `spec`'s figures under `caption`: one row per period (gap trend, line chart),
/// measure (gap against target, grouped bars), objective (action status) or entity
/// (distribution, in the spec's order), one column per series. Numbers use the chart's
/// decimals and unit, printed as the chart prints them; a missing value is "–", explained in
/// the table's note.
Table chart_table(const charts::model::ChartSpec& spec, std::string caption);

}  // namespace engine::templating
