#include "engine/batch/chart_export.h"

#include <cmath>
#include <cstdio>

#include "charts/compose/values_table.h"
#include "charts/render/export.h"
#include "charts/render/svg_painter.h"
#include "engine/batch/fan_out.h"
#include "engine/core/file_io.h"
#include "engine/core/text.h"

namespace engine::batch {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxSlug = 60;

// "The KS2 gap narrowed" -> "the-ks2-gap-narrowed", cut at a word boundary.
std::string file_slug(std::string_view s) {
    std::string slug = core::slugify(s);
    for (char& c : slug)
        if (c == '_') c = '-';
    if (slug.size() > kMaxSlug) {
        std::size_t cut = slug.rfind('-', kMaxSlug);
        slug.resize(cut == std::string::npos || cut == 0 ? kMaxSlug : cut);
    }
    return slug;
}

}  // namespace

const std::vector<std::string>& chart_format_names() {
    static const std::vector<std::string> names = {"png", "svg"};
    return names;
}

std::optional<ChartFormat> parse_chart_format(std::string_view name) {
    if (name == "png") return ChartFormat::Png;
    if (name == "svg") return ChartFormat::Svg;
    return std::nullopt;
}

std::string chart_file_stem(std::size_t index, const charts::scene::Scene& scene,
                            const std::string& kind) {
    char number[16];
    std::snprintf(number, sizeof number, "%02zu", index + 1);
    std::string slug = file_slug(scene.title);
    if (slug.empty()) slug = file_slug(kind);
    if (slug.empty()) slug = "chart";
    return safe_component(std::string(number) + "-" + slug);
}

fs::path unit_chart_folder(const fs::path& root, const std::string& unit_output) {
    return root / fs::path(unit_output).replace_extension();
}

std::vector<WrittenChart> write_unit_charts(core::DeferredSync& durable, const fs::path& folder, const ReportCharts& charts,
                                            const ChartExportOptions& options) {
    const bool png = options.format == ChartFormat::Png;
    struct Drawn {
        WrittenChart info;
        std::string bytes, alt, csv;
    };
    std::vector<Drawn> drawn;
    for (std::size_t i = 0; i < charts.scenes.size(); ++i) {
        const charts::scene::Scene& s = charts.scenes[i];
        const std::string stem =
            chart_file_stem(i, s, i < charts.kinds.size() ? charts.kinds[i] : std::string());
        Drawn d;
        d.info.path = (folder / (stem + (png ? ".png" : ".svg"))).string();
        d.info.alt_path = (folder / (stem + ".txt")).string();
        d.info.values_path = (folder / (stem + ".csv")).string();
        d.csv = charts::compose::values_csv(s.values);
        charts::render::SvgOptions svg;
        svg.font_family = charts.fonts.family;
        d.bytes = png ? charts::render::render_png(s, options.dpi, charts.fonts) : charts::render::render_scene_svg(s, svg);
        d.info.bytes = d.bytes.size();
        const double scale = png ? options.dpi / 72.0 : 1.0;  // the same rounding as render_png
        d.info.width = std::lround(s.width * scale);
        d.info.height = std::lround(s.height * scale);
        d.alt = (s.alt_text.empty() ? s.title : s.alt_text) + "\n";
        drawn.push_back(std::move(d));
    }
    std::vector<WrittenChart> out;
    for (const Drawn& d : drawn) {
        auto write = [&](const std::string& path, const std::string& bytes) {
            durable.add(path, core::write_file_atomically(path, bytes, core::Sync::Later));
        };
        write(d.info.path, d.bytes);
        write(d.info.alt_path, d.alt);
        write(d.info.values_path, d.csv);
        out.push_back(d.info);
    }
    return out;
}

}  // namespace engine::batch
