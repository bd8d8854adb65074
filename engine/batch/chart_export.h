// batch: the files of `boardpack charts` — each chart of a unit as a standalone PNG or SVG
// (for authors who paste charts into Word), its alt text beside it, in one folder per unit,
// every file written atomically.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "charts/scene/scene.h"
#include "engine/batch/report_job.h"
#include "engine/core/deferred_sync.h"

namespace engine::batch {

enum class ChartFormat { Png, Svg };

struct ChartExportOptions {
    ChartFormat format = ChartFormat::Png;
    double dpi = 300;  ///< PNG only
};

/// "png", "svg": the names --format accepts, in that order.
const std::vector<std::string>& chart_format_names();

/// The format a name stands for (exactly as listed by chart_format_names), or nullopt.
std::optional<ChartFormat> parse_chart_format(std::string_view name);

/// The file name, without extension, of chart `index` (0-based) of a unit: its 1-based number
/// in two digits, then its title as a slug of at most 60 characters, or its kind when it has
/// no title: "01-the-ks2-rwm-gap-narrowed-by-2-3-ppts-since-2011-12", "02-action-status".
std::string chart_file_stem(std::size_t index, const charts::scene::Scene& scene,
                            const std::string& kind);

/// The folder of a unit's charts under the export folder: its output path without the
/// extension ("settings/Little Acorns.pdf" -> "<root>/settings/Little Acorns").
std::filesystem::path unit_chart_folder(const std::filesystem::path& root,
                                        const std::string& unit_output);

struct WrittenChart {
    std::string path;        ///< the image file
    std::string alt_path;    ///< its alt text (.txt)
    std::string values_path;  ///< the values behind it (.csv, as the chart's labels print them)
    std::size_t bytes = 0;   ///< of the image
    long width = 0, height = 0;  ///< pixels (PNG) or points (SVG)
};

/// Draws every chart in `charts` and writes `<folder>/<stem>.<png|svg>`, `<stem>.txt` and
/// `<stem>.csv` (charts::compose::values_csv of the scene's values) for each. All charts are drawn before the first file is written, so a chart that fails to
/// draw leaves the folder as it was. Throws core::EngineError (a write failed) or
/// std::exception (drawing failed). The files are written with core::Sync::Later and added to
/// `durable`: the caller calls its sync() once after the last unit.
std::vector<WrittenChart> write_unit_charts(core::DeferredSync& durable, const std::filesystem::path& folder,
                                            const ReportCharts& charts,
                                            const ChartExportOptions& options);

}  // namespace engine::batch
