#include "charts/render/svg_painter.h"

#include <catch2/catch.hpp>

#include <clocale>
#include <filesystem>
#include <fstream>
#include <locale>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "charts/compose/build_chart.h"
#include "charts/render/css_font_list.h"
#include "charts/render/render_scene.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"
#include "tests/unit/charts/chart_samples.h"
#include "tests/unit/charts/fixed_measure.h"

using namespace charts;

namespace {

std::map<std::string, scene::Scene> sample_scenes() {
    test_charts::FixedMeasure m;
    std::map<std::string, scene::Scene> out;
    for (const auto& [name, spec] : test_charts::all_samples())
        out[name] = compose::build_chart(spec, {480, 240}, m);
    return out;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

std::vector<std::string> all_matches(const std::string& s, const std::string& re) {
    std::vector<std::string> out;
    std::regex r(re);
    for (std::sregex_iterator it(s.begin(), s.end(), r), end; it != end; ++it)
        out.push_back((*it)[1].str());
    return out;
}

// Counts the fills and strokes a scene walk paints.
struct CountingPainter final : render::Painter {
    int paths = 0;
    void fill_path(const scene::Path&) override { ++paths; }
    void stroke_path(const scene::Path&) override { ++paths; }
    void draw_text(const scene::Text&) override {}
    void push_group(const std::optional<scene::Rect>&) override {}
    void pop_group() override {}
};

}  // namespace

TEST_CASE("the SVG painter writes every label of every chart kind as a text element",
          "[charts][svg]") {
    for (const auto& [name, s] : sample_scenes()) {
        INFO(name);
        const std::string svg = render::render_scene_svg(s);
        const auto texts = scene::collect_texts(s);
        std::size_t drawn = 0;
        for (const scene::Text* t : texts) {
            if (t->text.empty()) continue;
            ++drawn;
            INFO(t->text);
            CHECK(svg.find(">" + render::xml_escape(t->text) + "</text>") != std::string::npos);
        }
        REQUIRE(drawn > 3);
        CHECK(count(svg, "<text ") == drawn);
        // Every mark is a path: one element per fill and per stroke the scene paints (plus the
        // white ground, a rect).
        CountingPainter c;
        render::render_scene(s, c);
        CHECK(count(svg, "<path ") == static_cast<std::size_t>(c.paths));
        CHECK(svg.find("font-family=\"'Liberation Sans', Arial, sans-serif\"") != std::string::npos);
    }
}

TEST_CASE("an SVG chart is an image named by its title and described by its alt text",
          "[charts][svg]") {
    for (const auto& [name, s] : sample_scenes()) {
        INFO(name);
        render::SvgOptions o;
        o.id_prefix = "fig-3";
        const std::string svg = render::render_scene_svg(s, o);
        std::smatch root;
        REQUIRE(std::regex_search(svg, root, std::regex("<svg [^>]*>")));
        const std::string tag = root[0].str();
        CHECK(tag.find(" role=\"img\"") != std::string::npos);
        CHECK(tag.find(" aria-labelledby=\"fig-3-title\"") != std::string::npos);
        CHECK(tag.find(" viewBox=\"0 0 480.00 240.00\"") != std::string::npos);
        CHECK(tag.find(" width=\"480.00pt\" height=\"240.00pt\"") != std::string::npos);
        const std::string want_title = s.title.empty() ? s.alt_text : s.title;
        CHECK(svg.find("<title id=\"fig-3-title\">" + render::xml_escape(want_title) + "</title>") !=
              std::string::npos);
        REQUIRE(!s.alt_text.empty());
        CHECK(svg.find("<desc id=\"fig-3-desc\">" + render::xml_escape(s.alt_text) + "</desc>") !=
              std::string::npos);
        if (!s.title.empty()) CHECK(tag.find(" aria-describedby=\"fig-3-desc\"") != std::string::npos);
        // <title> and <desc> come first, before anything drawn.
        CHECK(svg.find("<title") < svg.find("<path"));
        CHECK(svg.find("<desc") < svg.find("<path"));
    }
}

TEST_CASE("SVG charts are well-formed XML and ids are unique within and across charts",
          "[charts][svg]") {
    test::TempDir dir;
    std::set<std::string> ids;
    int n = 0;
    for (const auto& [name, s] : sample_scenes()) {
        INFO(name);
        render::SvgOptions o;
        o.id_prefix = "c" + std::to_string(++n);
        const std::string svg = render::render_scene_svg(s, o);
        for (const std::string& id : all_matches(svg, " id=\"([^\"]+)\"")) {
            INFO(id);
            CHECK(id.rfind(o.id_prefix + "-", 0) == 0);
            CHECK(ids.insert(id).second);
        }
        // Every reference points at an id of the same chart.
        for (const std::string& ref : all_matches(svg, "url\\(#([^)]+)\\)")) CHECK(ids.count(ref) == 1);
        const auto file = dir.path() / (name + ".svg");
        std::ofstream(file, std::ios::binary) << svg;
        auto r = test::run({"xmllint", "--noout", file.string()});
        INFO(r.err);
        CHECK(r.exit_code == 0);
    }
    CHECK(ids.size() >= 2 * sample_scenes().size());
}

TEST_CASE("the SVG painter escapes text and keeps numbers fixed whatever the locale",
          "[charts][svg][determinism]") {
    scene::Scene s;
    s.width = 200.5;
    s.height = 100.126;
    s.title = "Gap < 5 & \"narrowing\"";
    s.alt_text = "Bar chart. A & B.";
    scene::Text t;
    t.pos = {10.333, 20.666};
    t.text = "FSM <c> & \"x\" \xE2\x88\x92" "3.5";
    t.anchor = scene::Anchor::Right;
    t.font = {true, 8.5};
    s.items.emplace_back(t);
    scene::Path bar = scene::Path::rect({1.005, 2, 3, 4});
    bar.fill = model::with_alpha(model::palette::kDarkBlue, 0.5);
    s.items.emplace_back(bar);
    const std::string first = render::render_scene_svg(s);
    CHECK(first.find("<title id=\"chart-title\">Gap &lt; 5 &amp; &quot;narrowing&quot;</title>") !=
          std::string::npos);
    CHECK(first.find("<text x=\"10.33\" y=\"20.67\" font-size=\"8.50\" font-weight=\"bold\" "
                     "text-anchor=\"end\" fill=\"#0B0C0C\">FSM &lt;c&gt; &amp; &quot;x&quot; "
                     "\xE2\x88\x92" "3.5</text>") != std::string::npos);
    CHECK(first.find("fill=\"#12436D\" fill-opacity=\"0.50\"") != std::string::npos);
    CHECK(first.find("viewBox=\"0 0 200.50 100.13\"") != std::string::npos);
    // A locale with a decimal comma changes nothing.
    const char* de = std::setlocale(LC_ALL, "de_DE.UTF-8");
    const std::string again = render::render_scene_svg(s);
    std::setlocale(LC_ALL, "C");
    if (de) CHECK(again == first);
    CHECK(render::render_scene_svg(s) == first);
}

TEST_CASE("an inline SVG scales to its container and a bad id prefix is refused",
          "[charts][svg]") {
    const auto scenes = sample_scenes();
    const scene::Scene& s = scenes.begin()->second;
    render::SvgOptions o;
    o.standalone = false;
    o.id_prefix = "report-chart-1";
    const std::string svg = render::render_scene_svg(s, o);
    CHECK(svg.rfind("<svg ", 0) == 0);  // no XML declaration inside HTML
    CHECK(svg.find(" width=\"100%\" style=\"max-width:640.00px;height:auto\"") != std::string::npos);
    CHECK(svg.find("pt\"") == std::string::npos);
    for (const char* bad : {"", "1chart", "a b", "x\"y", "id:1"}) {
        INFO(bad);
        o.id_prefix = bad;
        CHECK_THROWS_AS(render::render_scene_svg(s, o), std::invalid_argument);
    }
    scene::Scene empty;
    CHECK_THROWS_AS(render::render_scene_svg(empty), std::invalid_argument);
}

TEST_CASE("an SVG chart in a brand family names it first and escapes what CSS or XML would misread",
          "[charts][svg][fonts]") {
    const auto scenes = sample_scenes();
    const scene::Scene& s = scenes.begin()->second;
    render::SvgOptions o;
    o.font_family = "DejaVu Serif";
    const std::string svg = render::render_scene_svg(s, o);
    CHECK(svg.find(" font-family=\"'DejaVu Serif', 'Liberation Sans', 'DejaVu Sans', sans-serif\">") !=
          std::string::npos);
    CHECK(count(svg, "font-family=") == 1);
    // A quote, a backslash or a '<' in the name would end the string, the attribute or <style>.
    CHECK(render::css_font_list("A'B\"C\\D</style>\xC3\xA9") ==
          "'A\\27 B\\22 C\\5c D\\3c \\2f style\\3e \xC3\xA9', 'Liberation Sans', 'DejaVu Sans', sans-serif");
    CHECK(render::css_font_list("").empty());
    o.font_family = "Brand \"X\" & <Y>";
    const std::string odd = render::render_scene_svg(s, o);
    CHECK(odd.find(" font-family=\"'Brand \\22 X\\22  \\26  \\3c Y\\3e ', 'Liberation Sans'") != std::string::npos);
}
