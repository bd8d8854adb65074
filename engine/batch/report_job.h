// batch: one report through the pipeline — metrics, context, template, charts, layout, pdf —
// returning the PDF bytes or the diagnostics that stopped it. Reads BatchData only, so reports
// can run on several threads.
#pragma once

#include <string>

#include "engine/batch/batch_data.h"
#include "engine/batch/fan_out.h"
#include "engine/batch/terms.h"
#include "engine/config/batch_config.h"
#include "engine/core/civil_date.h"
#include "engine/core/diagnostic.h"

namespace engine::batch {

struct RenderedReport {
    bool ok = false;
    std::string pdf;  ///< the final bytes (empty on failure)
    int pages = 0;
    int charts = 0;
};

/// Renders one unit (a report, or a report for one entity of a fan-out). Problems go to
/// `sink`; on failure `ok` is false and nothing is returned. Never throws: EngineError and
/// other exceptions become diagnostics.
RenderedReport render_report(const BatchData& batch, const Unit& unit, const core::Date& as_of,
                             const Term& term, core::DiagnosticSink& sink);

}  // namespace engine::batch
