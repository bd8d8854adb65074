#include "charts/scene/scene_dump.h"

#include <catch2/catch.hpp>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <locale>
#include <sstream>
#include <string>

#include "charts/compose/build_chart.h"
#include "tests/unit/charts/chart_samples.h"
#include "tests/unit/charts/fixed_measure.h"

using namespace charts;

namespace {

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool update_golden() {
    const char* v = std::getenv("UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

// The first line where two texts differ, for a readable failure.
std::string first_difference(const std::string& a, const std::string& b) {
    std::istringstream sa(a), sb(b);
    std::string la, lb;
    for (int line = 1;; ++line) {
        bool ea = !std::getline(sa, la);
        bool eb = !std::getline(sb, lb);
        if (ea && eb) return "";
        if (ea != eb || la != lb)
            return "line " + std::to_string(line) + ":\n  got:    " + (ea ? "<end>" : la) +
                   "\n  wanted: " + (eb ? "<end>" : lb);
    }
}

}  // namespace

TEST_CASE("scene dumps use two decimals, no minus zero and quote text", "[charts][dump]") {
    CHECK(scene::format_2dp(1.005) == "1.00");  // binary 1.00499…
    CHECK(scene::format_2dp(-0.001) == "0.00");
    CHECK(scene::format_2dp(-12.345678) == "-12.35");
    CHECK(scene::format_2dp(1234567.891) == "1234567.89");
    CHECK(scene::format_color(model::palette::kDarkBlue) == "#12436D");
    CHECK(scene::format_color(model::with_alpha(model::palette::kDarkBlue, 0.5)) == "#12436D80");

    scene::Scene s;
    s.width = 100;
    s.height = 50.5;
    s.alt_text = "Say \"hi\"";
    scene::Path p = scene::Path::rect({1, 2, 3, 4});
    p.fill = model::palette::kOrange;
    s.items.emplace_back(p);
    scene::Group g;
    g.name = "plot";
    g.clip = scene::Rect{0, 0, 10, 10};
    scene::Text t;
    t.text = "47%";
    t.pos = {5, 6};
    t.anchor = scene::Anchor::Right;
    t.width = 10;
    t.ascent = 7;
    t.descent = 2;
    g.items.emplace_back(t);
    s.items.emplace_back(std::move(g));
    CHECK(scene::dump_scene(s) ==
          "scene 100.00 50.50\n"
          "alt \"Say \\\"hi\\\"\"\n"
          "path fill=#F46A25 stroke=none : M 1.00 2.00 L 4.00 2.00 L 4.00 6.00 L 1.00 6.00 Z\n"
          "group \"plot\" clip=0.00 0.00 10.00 10.00\n"
          "  text 5.00 6.00 right regular 9.00 #0B0C0C w=10.00 a=7.00 d=2.00 \"47%\"\n"
          "end\n");
}

TEST_CASE("scene dumps do not depend on the global locale", "[charts][dump]") {
    test_charts::FixedMeasure m;
    scene::Scene s = compose::build_chart(test_charts::gap_trend(), {480, 240}, m);
    const std::string before = scene::dump_scene(s);
    // A locale with a decimal comma, if the system has one.
    for (const char* name : {"de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8"}) {
        try {
            std::locale old = std::locale::global(std::locale(name));
            std::setlocale(LC_ALL, name);
            const std::string during = scene::dump_scene(s);
            std::locale::global(old);
            std::setlocale(LC_ALL, "C");
            CHECK(during == before);
        } catch (const std::runtime_error&) {
            // locale not installed
        }
    }
}

TEST_CASE("each chart kind's scene matches its committed golden dump", "[charts][dump][golden]") {
    test_charts::FixedMeasure m;
    const std::filesystem::path dir = CHARTS_GOLDEN_DIR;
    for (const auto& [name, spec] : test_charts::all_samples()) {
        scene::Scene s = compose::build_chart(spec, {480, 240}, m);
        const std::string got = scene::dump_scene(s);
        const std::filesystem::path file = dir / (name + ".scene.txt");
        if (update_golden()) {
            std::filesystem::create_directories(dir);
            std::ofstream(file, std::ios::binary) << got;
            continue;
        }
        INFO(file.string() << " (run with UPDATE_GOLDEN=1 to refresh after reviewing the change)");
        REQUIRE(std::filesystem::exists(file));
        const std::string wanted = read_file(file);
        CHECK(first_difference(got, wanted) == "");
    }
}
