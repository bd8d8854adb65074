// WCAG 2.2 AA contrast of the engine's status colours (PDF status cells, chart bars and
// segments): the word on its fill 4.5:1, from the one palette.
#include "engine/templating/status_style.h"

#include <catch2/catch.hpp>

#include "charts/model/palette.h"
#include "engine/metrics/status.h"
#include "engine/templating/chart_builder.h"

namespace {

charts::model::Color colour(const engine::templating::Rgb& c) {
    return {c.r / 255.0, c.g / 255.0, c.b / 255.0, 1.0};
}

std::vector<std::string> every_status_word() {
    std::vector<std::string> words;
    for (auto s : engine::metrics::all_target_statuses()) words.push_back(engine::metrics::status_word(s));
    for (auto s : engine::metrics::all_action_statuses()) words.push_back(engine::metrics::status_word(s));
    return words;
}

}  // namespace

TEST_CASE("every status word reads on its status cell fill at 4.5 to 1 or more", "[templating][contrast]") {
    const auto words = every_status_word();
    REQUIRE(words.size() >= 10);
    for (const std::string& w : words) {
        INFO(w);
        auto style = engine::templating::status_style(w);
        REQUIRE(style);
        const double ratio = charts::model::contrast_ratio(colour(style->text), colour(style->fill));
        INFO("ratio " << ratio);
        CHECK(ratio >= 4.5);
        // The chart category of the word is the same pair, from the same palette.
        auto cat = engine::templating::status_category(w);
        CHECK(charts::model::contrast_ratio(cat.text_on_fill, cat.fill) == Approx(ratio).epsilon(0.01));
        // Status colours are the palette's GOV.UK colours, never ad hoc.
        namespace pal = charts::model::palette;
        bool from_palette = false;
        for (const auto& p : {pal::kStatusGreen, pal::kStatusRed, pal::kStatusBlue, pal::kStatusYellow,
                              pal::kStatusOrange, pal::kStatusMidGrey, pal::kStatusLightGrey, pal::kStatusBlack})
            from_palette = from_palette || p == cat.fill;
        CHECK(from_palette);
    }
}
