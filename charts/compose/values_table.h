// charts compose: the values behind a chart as data — a table with the same formatted numbers
// the chart's labels show (absent values as their symbol, "c" for suppressed, never 0) and the
// same table as CSV (symbols as the report's tables write them; the report's footnotes say what
// they mean), for an HTML page's <details> table and its download link, or any reader
// who cannot see the chart.
#pragma once

#include <string>
#include <vector>

#include "charts/model/chart_spec.h"
#include "charts/model/values_table.h"

namespace charts::compose {

using model::ValuesTable;

/// The values of any chart kind: periods × series (with the gap, reference and target) for
/// trends and lines, a row per measure for gap bars (gap, target, status), a row per category
/// for grouped bars, a row per objective for action status (counts per status and the total),
/// a row per entity for distributions (in the spec's order, the median last). Numbers are
/// rounded once, half away from zero, at the axis's decimals with its unit, as the labels are.
/// build_chart stores it on the scene (Scene::values), captioned with the drawn headline.
ValuesTable chart_values(const model::ChartSpec& spec);

/// The table as CSV (RFC 4180: comma separated, fields with a comma, quote or line break
/// quoted, CRLF line ends, UTF-8 without a BOM): the header row, then the rows. Symbols stay
/// as they are ("c", "x").
std::string values_csv(const ValuesTable& table);

/// `csv` as a data: URL (text/csv;charset=utf-8, percent-encoded) for a download link.
std::string csv_data_url(const std::string& csv);

}  // namespace charts::compose
