// charts: the facade the engine includes — chart specs in, scenes, alt text and PDF/PNG/SVG
// bytes out. charts/ stands alone: it depends on the standard library, cairo, pango and
// fontconfig, never on engine/.
//
//   charts::PangoTextMeasure measure;                       // the fonts that also draw
//   charts::Scene s = charts::build_chart(spec, {480, 240}, measure);
//   std::string pdf = charts::render_pdf({&s});             // one page per scene
#pragma once

#include "charts/compose/absent.h"
#include "charts/compose/build_chart.h"
#include "charts/compose/describe.h"
#include "charts/compose/text_measure.h"
#include "charts/compose/values_table.h"
#include "charts/model/chart_spec.h"
#include "charts/model/palette.h"
#include "charts/render/export.h"
#include "charts/render/fonts.h"
#include "charts/render/pango_text.h"
#include "charts/render/svg_painter.h"
#include "charts/scene/scene.h"

namespace charts {

using scene::Scene;
using scene::Size;

using model::ActionStatusRow;
using model::ActionStatusSpec;
using model::Category;
using model::ChartSpec;
using model::ChartText;
using model::Color;
using model::DistributionPoint;
using model::DistributionSpec;
using model::GapTargetBarsSpec;
using model::GapTargetRow;
using model::GapTrendSpec;
using model::GroupedBarsSpec;
using model::LineChartSpec;
using model::MarkerShape;
using model::Series;
using model::Value;
using model::ValueAxis;

using compose::build_chart;       // (spec, size, measure) -> Scene; throws std::invalid_argument
using compose::check_chart_spec;  // spec -> optional problem text
using compose::describe_chart;    // spec -> alt text
using compose::finding_title;     // spec -> headline stating the finding, or ""
using compose::TextMeasure;
using compose::chart_values;  // spec -> ValuesTable (also on every built Scene as .values)
using compose::csv_data_url;  // CSV -> data: URL for a download link
using compose::values_csv;    // ValuesTable -> CSV text
using model::ValuesTable;

using render::FontPaths;
using render::PangoTextMeasure;
using render::render_pdf;  // (vector<const Scene*>) -> one multi-page PDF
using render::render_png;  // (Scene, dpi) -> PNG bytes
using render::render_scene_svg;  // (Scene, SvgOptions) -> SVG text with real <text> labels
using render::SvgOptions;

}  // namespace charts
