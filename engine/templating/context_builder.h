// templating: builds the values a template can name — report, meeting, text, targets, gap,
// status_counts, actions, action_counts, objectives, sources, period, suppression — from the
// batch config and a report's metrics. docs/templates.md lists every name.
#pragma once

#include <string>

#include "engine/config/batch_config.h"
#include "engine/core/diagnostic.h"
#include "engine/metrics/report_metrics.h"
#include "engine/templating/value.h"

namespace engine::templating {

struct ContextInputs {
    const config::BatchConfig* batch = nullptr;
    const config::ReportConfig* report = nullptr;
    const metrics::ReportMetrics* metrics = nullptr;
    const metrics::SuppressedView* view = nullptr;
    core::Date as_of;
    /// Extra values merged at the top level (fan-out entity, term …).
    ValueMap extra;
};

/// The root value. Narrative strings under report.text are expanded against the rest of the
/// context (errors point into the batch file) and stored expanded under `text`.
Value build_context(const ContextInputs& in, core::DiagnosticSink& sink);

/// The value map of one gap row, as listed under `targets` (also used by charts' captions).
ValueMap gap_row_value(const metrics::GapRow& row, const data::Catalog& catalog);

}  // namespace engine::templating
