#include "charts/render/pdf_painter.h"

#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "charts/compose/build_chart.h"
#include "charts/render/font_file.h"
#include "charts/render/pango_text.h"
#include "tests/unit/charts/chart_samples.h"

using namespace charts;

namespace {

scene::Scene one_text(const std::string& s, scene::Anchor anchor, double x) {
    scene::Scene sc;
    sc.width = 200;
    sc.height = 50;
    scene::Text t;
    t.pos = {x, 30};
    t.anchor = anchor;
    t.text = s;
    t.font.size = 10;
    sc.items.emplace_back(t);
    return sc;
}

// The x of the first text matrix ("1 0 0 -1 x y Tm") in the content.
double first_tm_x(const std::string& content) {
    std::smatch m;
    REQUIRE(std::regex_search(content, m, std::regex("1 0 0 -1 ([-0-9.]+) ([-0-9.]+) Tm")));
    return std::stod(m[1].str());
}

}  // namespace

TEST_CASE("the PDF painter sets chart text as nominal glyph codes of the file pango draws from",
          "[charts][pdf]") {
    const render::FontPaths paths;
    const scene::Scene s = one_text("Gap 20.8", scene::Anchor::Left, 10);
    const auto charts = render::render_pdf_charts({&s});
    REQUIRE(charts.size() == 1);
    const render::PdfChart& c = charts[0];
    CHECK(c.width == 200);
    CHECK(c.height == 50);
    REQUIRE(c.fonts.size() == 1);
    CHECK(c.fonts[0].resource == "C0");
    CHECK(c.fonts[0].file == paths.regular);
    // Code = code point, glyph = the font's cmap glyph, text = the character.
    for (char32_t ch : {U'G', U'a', U'p', U' ', U'2', U'0', U'.', U'8'}) {
        INFO(static_cast<unsigned>(ch));
        auto it = c.fonts[0].codes.find(static_cast<std::uint16_t>(ch));
        REQUIRE(it != c.fonts[0].codes.end());
        CHECK(it->second.gid == render::nominal_glyph(paths.regular, ch));
        CHECK(it->second.text == std::string(1, static_cast<char>(ch)));
    }
    CHECK(c.fonts[0].codes.size() == 8);
    CHECK(c.content.rfind("1 0 0 -1 0 50 cm\n", 0) == 0);  // scene coordinates, y down
    CHECK(c.content.find("/C0 10 Tf") != std::string::npos);
    // "Gap 20.8" as 2-byte codes, with pango's kerning as TJ adjustments between some of them.
    const std::string codes = std::regex_replace(c.content, std::regex(">\\s*-?[0-9.]+\\s*<"), "");
    CHECK(codes.find("[<004700610070002000320030002E0038>] TJ") != std::string::npos);
    CHECK(first_tm_x(c.content) == Approx(10).margin(0.001));
}

TEST_CASE("the PDF painter anchors text with the width pango measures", "[charts][pdf]") {
    const render::PangoTextMeasure measure;
    const double w = measure.width("Not disadvantaged 83.4%", {false, 10});
    const scene::Scene right = one_text("Not disadvantaged 83.4%", scene::Anchor::Right, 180);
    const scene::Scene centre = one_text("Not disadvantaged 83.4%", scene::Anchor::Centre, 100);
    const auto charts = render::render_pdf_charts({&right, &centre});
    CHECK(first_tm_x(charts[0].content) == Approx(180 - w).margin(0.001));
    CHECK(first_tm_x(charts[1].content) == Approx(100 - w / 2).margin(0.001));
}

TEST_CASE("a width measured again is the same, and differs by text, weight and size",
          "[charts][pdf]") {
    const render::PangoTextMeasure measure;
    const double regular = measure.width("Summer 2018/19", {false, 9});
    CHECK(measure.width("Summer 2018/19", {true, 9}) > regular);
    CHECK(measure.width("Summer 2018/19", {false, 10}) == Approx(regular * 10 / 9).epsilon(0.01));
    CHECK(measure.width("Spring 2018/19", {false, 9}) != regular);
    CHECK(measure.width("Summer 2018/19", {false, 9}) == regular);
    // More texts than the thread's store of measured widths keeps: still the same width.
    for (int i = 0; i < 9000; ++i) measure.width("label " + std::to_string(i), {false, 9});
    CHECK(measure.width("Summer 2018/19", {false, 9}) == regular);
}

TEST_CASE("glyphs DejaVu Sans draws for Liberation Sans come from the fallback file", "[charts][pdf]") {
    const render::FontPaths paths;
    const scene::Scene s = one_text("Done \xE2\x9C\x93", scene::Anchor::Left, 0);  // ✓
    const auto charts = render::render_pdf_charts({&s});
    REQUIRE(charts[0].fonts.size() == 2);
    CHECK(charts[0].fonts[0].file == paths.regular);
    CHECK(charts[0].fonts[1].file == paths.fallback_regular);
    CHECK(charts[0].fonts[1].codes.count(0x2713) == 1);
    CHECK(charts[0].content.find("/C1 10 Tf") != std::string::npos);
}

TEST_CASE("the PDF painter draws opacity through ExtGState, clips groups and repeats itself exactly",
          "[charts][pdf]") {
    scene::Scene s;
    s.width = 100;
    s.height = 100;
    scene::Group g;
    g.clip = scene::Rect{5, 5, 90, 90};
    scene::Path band = scene::Path::rect({10, 10, 50, 20});
    band.fill = scene::Color{0.2, 0.4, 0.6, 1.0};
    band.opacity = 0.12;
    g.items.emplace_back(band);
    scene::Path line = scene::Path::line({0, 50}, {100, 50});
    line.stroke = scene::Color{0, 0, 0, 1.0};
    line.line_width = 0.5;
    line.dash = {2, 1};
    g.items.emplace_back(line);
    s.items.emplace_back(g);
    const auto a = render::render_pdf_charts({&s});
    const auto b = render::render_pdf_charts({&s});
    CHECK(a[0].content == b[0].content);
    REQUIRE(a[0].alphas.size() == 2);  // the band's 12 %, then back to opaque for the line
    CHECK(a[0].alphas.at("GA120") == Approx(0.12));
    CHECK(a[0].alphas.at("GA1000") == Approx(1.0));
    CHECK(a[0].content.find("/GA120 gs") < a[0].content.find("/GA1000 gs"));
    CHECK(a[0].content.find("q\n5 5 90 90 re W n\n") != std::string::npos);
    CHECK(a[0].content.find("0.2 0.4 0.6 rg") != std::string::npos);
    CHECK(a[0].content.find("[2 1 ] 0 d") != std::string::npos);
    CHECK(a[0].content.find("0.5 w") != std::string::npos);
    CHECK(a[0].content.find("\nQ\n") != std::string::npos);
}

TEST_CASE("every sample chart renders to PDF content with fonts, and a scene without size is refused",
          "[charts][pdf]") {
    const render::PangoTextMeasure measure;
    for (const auto& [name, spec] : test_charts::all_samples()) {
        INFO(name);
        const scene::Scene s = compose::build_chart(spec, {480, 240}, measure);
        const auto charts = render::render_pdf_charts({&s});
        REQUIRE(charts.size() == 1);
        CHECK_FALSE(charts[0].fonts.empty());
        CHECK(charts[0].content.find("TJ") != std::string::npos);
    }
    scene::Scene empty;
    CHECK_THROWS_AS(render::render_pdf_charts({&empty}), std::invalid_argument);
    CHECK(render::render_pdf_charts({}).empty());
}

TEST_CASE("PDF glyph widths are the font's advances in 1/1000 em, truncated", "[charts][pdf]") {
    const render::FontPaths paths;
    // Liberation Sans: 2048 units per em; 'a' advances 1139 units, space 569.
    CHECK(render::pdf_glyph_width(paths.regular, render::nominal_glyph(paths.regular, U'a')) == 556);
    CHECK(render::pdf_glyph_width(paths.regular, render::nominal_glyph(paths.regular, U' ')) == 277);
    CHECK(render::nominal_glyph(paths.regular, U'\x2713') == 0);  // no ✓ in Liberation Sans
    CHECK_THROWS_AS(render::font_file_font("/nonexistent/font.ttf"), std::runtime_error);
}

TEST_CASE("chart text shaped once per thread is drawn as a fresh thread draws it, at each anchor and weight",
          "[charts][pdf]") {
    const scene::Scene left = one_text("Disadvantaged 60.1%", scene::Anchor::Left, 10);
    const scene::Scene right = one_text("Disadvantaged 60.1%", scene::Anchor::Right, 190);
    scene::Scene bold = one_text("Disadvantaged 60.1%", scene::Anchor::Centre, 100);
    std::get<scene::Text>(bold.items[0]).font.bold = true;
    auto draw = [](const scene::Scene& s) { return render::render_pdf_charts({&s})[0].content; };
    std::string fresh_right, fresh_bold;
    std::thread([&] { fresh_right = draw(right); }).join();
    std::thread([&] { fresh_bold = draw(bold); }).join();
    std::string right_after, bold_after, left_after;
    std::thread([&] {
        left_after = draw(left);  // shapes the text in the regular face
        right_after = draw(right);
        bold_after = draw(bold);
    }).join();
    CHECK(right_after == fresh_right);
    CHECK(bold_after == fresh_bold);
    CHECK(right_after != left_after);  // the same glyphs, placed from the right edge
    CHECK(first_tm_x(right_after) > first_tm_x(left_after));
}
