// batch: one report through the pipeline — metrics, context, template, charts, layout, pdf —
// returning the PDF bytes (or only its chart scenes, for `boardpack charts`) or the diagnostics
// that stopped it. Reads BatchData only, so reports can run on several threads.
#pragma once

#include <string>
#include <vector>

#include "charts/render/fonts.h"
#include "charts/scene/scene.h"
#include "engine/batch/batch_data.h"
#include "engine/batch/fan_out.h"
#include "engine/batch/terms.h"
#include "engine/config/batch_config.h"
#include "engine/core/civil_date.h"
#include "engine/core/diagnostic.h"

namespace engine::batch {

struct RenderedReport {
    bool ok = false;
    std::string pdf;   ///< the PDF's bytes (empty on failure, or when no PDF was asked for)
    std::string html;  ///< the HTML page's bytes (empty on failure, or when none was asked for)
    int pages = 0;
    int charts = 0;
    /// Files the unit read besides the batch's inputs (a template's logo), as found.
    std::vector<std::string> files_read;
};

/// Whether `unit` reads the rows of every area: a report that is not a fan-out, or one whose
/// template draws a chart across areas (`distribution`, `line`, or a kind given by a
/// placeholder).
bool reads_every_area(const BatchData& batch, const Unit& unit);

/// Whether `unit` reads the rows of setting `e` (nullptr: no setting): the setting's own
/// report of a `for_each: setting` fan-out, the report of its local authority in a
/// `for_each: local_authority` one, and every report that reads every area.
bool reads_entity(const BatchData& batch, const Unit& unit, const data::Entity* e);

/// Checks every report's placeholders before anything renders: expands each report's template
/// (and the batch file's narrative) with the context of its first unit whose data are sound,
/// and checks its charts' options. Unknown names, filters, section errors and chart options
/// (kind, option, measure, group) go to `sink`. Used by run, validate, list and
/// charts so that template errors stop the batch (exit 2) with every one of them listed.
void check_templates(const BatchData& batch, const std::vector<Unit>& units,
                     const core::Date& as_of, const Term& term, core::DiagnosticSink& sink);

/// Renders one unit (a report, or a report for one entity of a fan-out) in `formats`: the PDF
/// and the HTML page come from one document tree and one set of chart scenes. Problems go to
/// `sink`; on failure `ok` is false and nothing is returned. Never throws: EngineError and
/// other exceptions become diagnostics.
RenderedReport render_report(const BatchData& batch, const Unit& unit, const core::Date& as_of,
                             const Term& term, const config::OutputFormats& formats,
                             core::DiagnosticSink& sink);

/// The language of a batch's reports (BCP 47, for the HTML page's lang).
std::string report_language(const config::BatchConfig& config);

struct ReportCharts {
    bool ok = false;
    std::vector<charts::scene::Scene> scenes;  ///< one per chart, in report order
    std::vector<std::string> kinds;            ///< each chart's kind ("gap_trend" …)
    charts::render::FontPaths fonts;           ///< the fonts they are drawn in (batch.fonts)
};

/// The charts of one unit exactly as its PDF draws them: the same specs, each built at the size
/// of its slot in the laid-out report (points). Runs the pipeline up to the drawing (metrics,
/// context, template, layout) and stops there. Errors as for render_report.
ReportCharts build_report_charts(const BatchData& batch, const Unit& unit,
                                 const core::Date& as_of, const Term& term,
                                 core::DiagnosticSink& sink);

}  // namespace engine::batch
