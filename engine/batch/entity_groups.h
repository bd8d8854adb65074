// batch: fan-outs over any column of the settings file (`for_each: locality`). The column is
// checked against the settings file's header, every setting a report would fan out over must
// have a value in it, and each value's figures are worked out once, before disclosure control
// (data::add_aggregates), so a report of one value reads them in O(1).
#pragma once

#include <string>

#include "engine/batch/batch_data.h"
#include "engine/config/batch_config.h"
#include "engine/core/diagnostic.h"

namespace engine::batch {

/// True when `r` fans out over a column of the settings file rather than over settings or
/// local authorities.
bool fans_out_over_column(const config::ReportConfig& r);

/// Whether setting `e` passes the report's `where` (every listed column has a listed value).
bool matches_where(const data::Entity& e, const config::ReportConfig& r);

/// For every column a report fans out over: checks it (an unknown column is an error at the
/// report's for_each, with the header's closest names; a setting the report would include
/// whose value is empty is an error at its row), groups the settings by value into
/// `batch.entity_groups` and adds the groups' figures to `batch.observations` (their rows in
/// `batch.aggregate_rows`). Call after the observations are loaded, before disclosure control.
void add_entity_groups(BatchData& batch, core::DiagnosticSink& sink);

}  // namespace engine::batch
