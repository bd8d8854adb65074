// templating: turns the chart blocks of a template (kind + options, already expanded) into
// chart specs filled from the report's metrics, then draws them all — one cairo PDF page per
// chart, each exactly the size of its slot in the layout.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/model/chart_spec.h"
#include "charts/render/fonts.h"
#include "charts/scene/scene.h"
#include "engine/core/diagnostic.h"
#include "engine/data/catalog.h"
#include "engine/data/tables.h"
#include "engine/metrics/report_metrics.h"
#include "engine/templating/report_builder.h"

namespace engine::templating {

struct ChartSlot {
    double width = 0, height = 0;
};

struct ChartContext {
    const data::Catalog* catalog = nullptr;
    const metrics::SuppressedView* view = nullptr;
    const metrics::ReportMetrics* metrics = nullptr;
    metrics::AreaKey area;
    const std::vector<data::Target>* targets = nullptr;
    std::string area_label;  ///< how the area is named in subtitles (a setting's name, not its id)
    /// batch.abbreviations: spelled out in alt text on top of the charts' built-in table.
    const std::vector<std::pair<std::string, std::string>>* plain_words = nullptr;
    /// The chart fonts (batch.fonts); nullptr: the default ones.
    const charts::render::FontPaths* fonts = nullptr;
};

/// The spec a chart block asks for; errors (unknown kind or option, unknown measure or group)
/// are reported at the option's line and column.
std::optional<charts::model::ChartSpec> make_chart_spec(const ChartRequest& req,
                                                        const ChartContext& ctx,
                                                        core::DiagnosticSink& sink);

/// Reports what make_chart_spec reports about the chart's options (an unknown kind, option,
/// measure or group) and nothing about its data: for checking templates before rendering.
void check_chart_options(const ChartRequest& req, const ChartContext& ctx, core::DiagnosticSink& sink);

/// Why the chart's data cannot be drawn for this report's area ("gap_trend: no points"), or
/// nullopt when it can (or when its options are wrong: make_chart_spec reports those).
std::optional<std::string> chart_data_problem(const ChartRequest& req, const ChartContext& ctx);

/// Why the chart would show no figure at all for this report's area ("every figure it would
/// show is suppressed (c)"), or nullopt when it has one (or cannot be made: see above).
std::optional<std::string> chart_figures_absent(const ChartRequest& req, const ChartContext& ctx);

struct BuiltCharts {
    std::string pdf;                     ///< one page per chart, in request order
    std::vector<std::string> alt_texts;  ///< one per chart
};

/// Builds the scene of every chart of a report, in request order, each the size of its slot
/// (480 x 220 pt for a chart without one). nullopt when any error was reported.
std::optional<std::vector<charts::scene::Scene>> build_chart_scenes(
    const std::vector<ChartRequest>& requests, const std::vector<ChartSlot>& slots,
    const ChartContext& ctx, core::DiagnosticSink& sink);

/// Builds and draws every chart of a report. nullopt when any error was reported.
std::optional<BuiltCharts> build_charts(const std::vector<ChartRequest>& requests,
                                        const std::vector<ChartSlot>& slots,
                                        const ChartContext& ctx, core::DiagnosticSink& sink);

/// The chart colours and marker of a status word (shared with status table cells).
charts::model::Category status_category(const std::string& word);

/// Chart kinds a template can ask for.
const std::vector<std::string>& chart_kind_names();

}  // namespace engine::templating
