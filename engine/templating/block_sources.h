// templating: which data sources a chart or table draws on, for its "Source: …" line — the
// data files' own `source:` (data.targets.source …), else the report's `source`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/config/batch_config.h"
#include "engine/metrics/report_metrics.h"
#include "engine/templating/template_spec.h"
#include "engine/templating/value.h"

namespace engine::templating {

/// `data_sources` of a report's context: the source line of every data file a block can draw
/// on — per measure the files with its rows for the report's area (`local`) and for England
/// (`national`); the targets (with the rows they compare), actions, activities, settings,
/// data.tables and statuses: each a list of lines. A file that names no source stands for the
/// report's `source` ("" adds nothing). `order` lists every line once: the batch's order,
/// then the report's.
Value data_sources_value(const config::BatchConfig& batch, const config::ReportConfig& report,
                         const metrics::ReportMetrics* metrics, const metrics::SuppressedView* view);

/// The source lines a block draws on, each once, in `order` (none known: empty). `options`
/// are a chart's expanded options (empty for a table).
std::vector<std::string> block_sources(const BlockSpec& block,
                                       const std::map<std::string, std::string>& options,
                                       const Value& root);

}  // namespace engine::templating
