#include "engine/templating/status_style.h"

#include <cmath>

#include "engine/core/text.h"
#include "engine/templating/chart_builder.h"

namespace engine::templating {

namespace {
Rgb to_rgb(const charts::model::Color& c) {
    auto byte = [](double v) { return static_cast<unsigned char>(std::lround(v * 255.0)); };
    return {byte(c.r), byte(c.g), byte(c.b)};
}
}  // namespace

std::optional<StatusStyle> status_style(const std::string& word) {
    static const std::vector<std::string> known = {"Achieved", "Not achieved", "On target",
                                                   "Not on target", "No data", "Suppressed",
                                                   "Complete", "On track", "At risk", "Overdue",
                                                   "Not started"};
    for (const auto& k : known) {
        if (core::iequals_ascii(k, core::trim(word))) {
            // The same colours as charts: the palette's GOV.UK status colours.
            auto c = status_category(k);
            return StatusStyle{to_rgb(c.fill), to_rgb(c.text_on_fill)};
        }
    }
    return std::nullopt;
}

}  // namespace engine::templating
