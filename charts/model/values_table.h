// charts model: the values behind a chart as plain data — header and rows of formatted cells,
// filled by charts::compose::chart_values and carried on the scene for HTML tables and CSV.
#pragma once

#include <string>
#include <vector>

namespace charts::model {

struct ValuesTable {
    std::string caption;               ///< what the values are: the chart's headline or subtitle
    std::vector<std::string> columns;  ///< header row; the first names what each row is
    /// One row per period, measure, category or entity, as many cells as columns; the first
    /// cell is a row header. Absent values are their symbol ("c", "x" …), never 0.
    std::vector<std::vector<std::string>> rows;
};

}  // namespace charts::model
