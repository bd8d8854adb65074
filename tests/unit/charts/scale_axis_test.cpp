// Charts of a rating scale: the axis shows the scale's words at its steps, value labels and
// alt text use the axis's decimals, and a step's word is named in alt text.
#include <catch2/catch.hpp>

#include <algorithm>

#include "charts/compose/axes.h"
#include "charts/compose/build_chart.h"
#include "charts/compose/describe.h"
#include "tests/unit/charts/fixed_measure.h"
#include "tests/unit/charts/scale_samples.h"

using namespace charts;

namespace {

std::vector<std::string> texts_of(const scene::Group& g) {
    std::vector<std::string> out;
    for (const auto& item : g.items) {
        if (const auto* t = std::get_if<scene::Text>(&item)) out.push_back(t->text);
        if (const auto* sub = std::get_if<scene::Group>(&item)) {
            auto more = texts_of(*sub);
            out.insert(out.end(), more.begin(), more.end());
        }
    }
    return out;
}

std::vector<std::string> all_texts(const scene::Scene& s) {
    scene::Group g;
    g.items = s.items;
    return texts_of(g);
}

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("a rating scale's axis has a tick at every step named by its word", "[charts][scale]") {
    const auto axis = test_charts::maturity_axis();
    auto t = compose::value_ticks(axis, std::pair{1.0, 3.0}, true);
    CHECK(t.values == std::vector<double>{0.0, 1.0, 2.0, 3.0, 4.0});
    CHECK(t.lo == 0.0);
    CHECK(t.hi == 4.0);
    CHECK(compose::tick_label(3.0, t, "") == "Embedding");
    CHECK(compose::tick_label(0.0, t, "") == "");
    auto lines = compose::value_ticks(axis, std::pair{1.0, 3.0}, false);
    CHECK(lines.values == std::vector<double>{1.0, 2.0, 3.0, 4.0});
    CHECK(axis.step_label(2.0) == "Developing");
    CHECK(axis.step_label(2.5) == "");
}

TEST_CASE("charts of a 1 to 4 rating show the scale's words and name them in alt text", "[charts][scale]") {
    struct Case {
        const char* name;
        model::ChartSpec spec;
        std::vector<std::string> texts, absent;
        const char* alt_lead;
        const char* alt_figure;
    };
    const std::vector<Case> cases = {
        {"grouped bars", test_charts::rating_scale_bars(),
         {"Beginning", "Developing", "Embedding", "Mature", "3"}, {"100%", "3%"},
         "From 2022/23 to 2023/24, figures rose in 2 and stayed the same in 2 of the 4 measures with figures for both.",
         "Leadership: 2022/23 2 (Developing) and 2023/24 3 (Embedding)."},
        {"status bars", test_charts::status_bars(), {"Improved", "Declined", "Mature", "2022/23"}, {"3%"},
         "Of 4 ratings, 2 are improved, 1 same and 1 declined.",
         "Leadership: 3 (Embedding) against 2 (Developing) in 2022/23."},
    };
    test_charts::FixedMeasure m;
    for (const auto& c : cases) {
        INFO(c.name);
        const auto s = compose::build_chart(c.spec, {480, 240}, m);
        const auto texts = all_texts(s);
        for (const auto& t : c.texts) CHECK(has(texts, t));
        for (const auto& t : c.absent) CHECK_FALSE(has(texts, t));
        CHECK_THAT(s.alt_text, Catch::StartsWith(c.alt_lead));
        CHECK_THAT(s.alt_text, Catch::Contains(c.alt_figure));
    }
}

TEST_CASE("value labels and alt text print at the axis's decimals", "[charts][scale]") {
    test_charts::FixedMeasure m;
    model::GroupedBarsSpec g;
    g.categories = {"GLD"};
    g.groups = {{"FSM", model::palette::kDarkBlue, {71.8}, model::MarkerShape::Square, false}};
    g.y = model::ValueAxis::percent("%", 1);
    const auto s = compose::build_chart(g, {480, 240}, m);
    CHECK(has(all_texts(s), "71.8%"));
    CHECK_FALSE(has(all_texts(s), "72%"));
    CHECK_THAT(s.alt_text, Catch::Contains("71.8%"));
}
