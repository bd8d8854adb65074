// Fill patterns, the second cue of grouped bars with more than three groups: distinct per
// group, the same in the key as on the bars, drawn in an ink that reads on the fill, and the
// same scene in every backend.
#include "charts/compose/patterns.h"

#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <variant>

#include "charts/compose/build_chart.h"
#include "charts/render/svg_painter.h"
#include "charts/scene/scene_dump.h"
#include "tests/unit/charts/chart_samples.h"
#include "tests/unit/charts/fixed_measure.h"

using namespace charts;
namespace pal = model::palette;

namespace {

const scene::Group* find_group(const scene::Scene& s, const std::string& name) {
    for (const auto& item : s.items)
        if (const auto* g = std::get_if<scene::Group>(&item); g && g->name == name) return g;
    return nullptr;
}

// The fill of each bar (or key swatch) followed by a pattern group: fill colour -> pattern names.
std::map<std::string, std::set<std::string>> patterns_by_fill(const scene::Group& g) {
    std::map<std::string, std::set<std::string>> out;
    const scene::Path* last_fill = nullptr;
    for (const auto& item : g.items) {
        if (const auto* p = std::get_if<scene::Path>(&item); p && p->fill) last_fill = p;
        if (const auto* sub = std::get_if<scene::Group>(&item); sub && sub->name.rfind("pattern ", 0) == 0) {
            REQUIRE(last_fill);
            REQUIRE(sub->clip);
            out[scene::format_color(*last_fill->fill)].insert(sub->name);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("grouped bars with more than three groups give each group its own pattern, the key's the same",
          "[charts][patterns]") {
    test_charts::FixedMeasure m;
    const auto spec = test_charts::many_grouped_bars();
    const scene::Scene s = compose::build_chart(spec, {480, 240}, m);
    const scene::Group* bars = find_group(s, "bars");
    const scene::Group* key = find_group(s, "key");
    REQUIRE(bars);
    REQUIRE(key);
    const auto on_bars = patterns_by_fill(*bars);
    const auto in_key = patterns_by_fill(*key);
    // Each group's bars carry exactly one pattern; the first is plain (no group), the other four differ.
    std::set<std::string> seen;
    for (std::size_t gi = 0; gi < spec.groups.size(); ++gi) {
        const std::string fill = scene::format_color(spec.groups[gi].color);
        const std::string want = std::string("pattern ") +
                                 compose::pattern_name(compose::series_pattern(gi, spec.groups.size()));
        INFO(spec.groups[gi].name << " " << fill);
        if (gi == 0) {
            CHECK(on_bars.count(fill) == 0);
            CHECK(in_key.count(fill) == 0);
            continue;
        }
        REQUIRE(on_bars.count(fill) == 1);
        CHECK(on_bars.at(fill) == std::set<std::string>{want});
        REQUIRE(in_key.count(fill) == 1);
        CHECK(in_key.at(fill) == on_bars.at(fill));
        CHECK(seen.insert(want).second);
    }
    CHECK(seen.size() == 4);
    // The suppressed value has no bar and so no pattern: one fewer pattern group than bars.
    std::size_t pattern_groups = 0;
    for (const auto& item : bars->items)
        if (const auto* g = std::get_if<scene::Group>(&item); g && g->name == "pattern horizontal") ++pattern_groups;
    CHECK(pattern_groups == 2);  // Plymouth: 3 categories, one suppressed
}

TEST_CASE("grouped bars with three groups or fewer keep plain fills", "[charts][patterns]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::many_grouped_bars();
    spec.groups.resize(3);
    const std::string dump = scene::dump_scene(compose::build_chart(spec, {480, 240}, m));
    CHECK(dump.find("pattern ") == std::string::npos);
    CHECK(compose::series_pattern(2, 3) == compose::FillPattern::None);
    CHECK(compose::series_pattern(1, 4) != compose::FillPattern::None);
}

TEST_CASE("a pattern's marks are at least 3 to 1 against the fill they are drawn on", "[charts][patterns][contrast]") {
    test_charts::FixedMeasure m;
    for (const model::Color& fill : pal::kCategorical) {
        INFO(scene::format_color(fill));
        const model::Color ink = compose::pattern_ink(fill);
        CHECK(model::contrast_ratio(ink, fill) >= 3.0);
        CHECK(model::contrast_ratio(ink, fill) >= 4.5);  // the better of white and near-black always is
    }
    // And in the scene: every mark of every pattern group, in the ink its bar's fill asks for.
    const scene::Scene s = compose::build_chart(test_charts::many_grouped_bars(), {480, 240}, m);
    int marks = 0;
    for (const char* name : {"bars", "key"}) {
        const scene::Group* g = find_group(s, name);
        REQUIRE(g);
        const scene::Path* last_fill = nullptr;
        for (const auto& item : g->items) {
            if (const auto* p = std::get_if<scene::Path>(&item); p && p->fill) last_fill = p;
            const auto* sub = std::get_if<scene::Group>(&item);
            if (!sub || sub->name.rfind("pattern ", 0) != 0) continue;
            for (const auto& mark : sub->items) {
                const auto& path = std::get<scene::Path>(mark);
                const model::Color ink = path.stroke ? *path.stroke : *path.fill;
                CHECK(model::contrast_ratio(ink, *last_fill->fill) >= 3.0);
                ++marks;
            }
        }
    }
    CHECK(marks >= 12);
}

TEST_CASE("the SVG of grouped bars with patterns clips each pattern to its bar", "[charts][patterns][svg]") {
    test_charts::FixedMeasure m;
    const scene::Scene s = compose::build_chart(test_charts::many_grouped_bars(), {480, 240}, m);
    const std::string svg = render::render_scene_svg(s);
    const std::string dump = scene::dump_scene(s);
    // One clip per pattern group in the scene (bars and key), and none without one.
    std::size_t groups = 0;
    for (std::size_t at = dump.find("group \"pattern "); at != std::string::npos; at = dump.find("group \"pattern ", at + 1))
        ++groups;
    std::size_t clips = 0;
    for (std::size_t at = svg.find("<clipPath"); at != std::string::npos; at = svg.find("<clipPath", at + 1)) ++clips;
    CHECK(groups == 4 * 3 - 1 + 4);  // 4 patterned groups x 3 bars, one suppressed; 4 key swatches
    CHECK(clips >= groups);
}
