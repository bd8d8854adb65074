#include "engine/templating/figure_words.h"

#include <variant>

#include "charts/charts.h"
#include "engine/core/text.h"

namespace engine::templating {

std::string source_sentence(const std::string& source) {
    const std::string s(core::trim(source));
    if (s.empty()) return s;
    if (core::starts_with(core::to_lower_ascii(s), "source")) return s;
    return "Source: " + s;
}

bool set_figure_words(ExpandedReport& report, const ChartContext& ctx, core::DiagnosticSink& sink) {
    for (auto& block : report.doc.blocks) {
        auto* cb = std::get_if<ChartBlock>(&block);
        if (!cb || cb->chart < 0 || static_cast<std::size_t>(cb->chart) >= report.charts.size()) continue;
        ChartRequest& req = report.charts[static_cast<std::size_t>(cb->chart)];
        auto spec = make_chart_spec(req, ctx, sink);
        if (!spec) return false;
        const charts::model::ChartText& text =
            std::visit([](const auto& s) -> const charts::model::ChartText& { return s.text; }, *spec);
        std::string title = text.finding_title ? charts::finding_title(*spec) : text.title;
        std::string subtitle = req.options.count("subtitle") ? text.subtitle : "";
        if (title.empty()) {
            title = req.caption;
        } else if (subtitle.empty()) {
            subtitle = req.caption;
        }
        if (subtitle.empty()) subtitle = text.subtitle;
        if (subtitle == title) subtitle.clear();
        cb->caption = title.empty() ? req.figure : req.figure + ": " + title;
        cb->subtitle = subtitle;
        req.words_outside = true;
    }
    return true;
}

}  // namespace engine::templating
