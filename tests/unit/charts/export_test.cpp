#include "charts/render/export.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "charts/compose/build_chart.h"
#include "charts/render/pango_text.h"
#include "charts/render/svg_painter.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"
#include "tests/unit/charts/chart_samples.h"

using namespace charts;

namespace {

std::vector<scene::Scene> all_scenes(const compose::TextMeasure& m) {
    std::vector<scene::Scene> out;
    const compose::Size sizes[] = {{480, 240}, {515, 215}};
    std::size_t i = 0;
    for (const auto& [name, spec] : test_charts::all_samples())
        out.push_back(compose::build_chart(spec, sizes[i++ % 2], m));
    return out;
}

std::vector<const scene::Scene*> pointers(const std::vector<scene::Scene>& v) {
    std::vector<const scene::Scene*> out;
    for (const auto& s : v) out.push_back(&s);
    return out;
}

void write(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}

// Runs of spaces become one (pdfinfo aligns its columns).
std::string squeeze_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
    return out;
}

std::uint32_t be32(const std::string& s, std::size_t at) {
    auto b = [&](std::size_t i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + i]));
    };
    return (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
}

}  // namespace

TEST_CASE("render_pdf gives identical bytes twice and has no creation date", "[charts][pdf]") {
    render::PangoTextMeasure m;
    auto scenes = all_scenes(m);
    const std::string a = render::render_pdf(pointers(scenes));
    const std::string b = render::render_pdf(pointers(scenes));
    REQUIRE(a.size() > 1000);
    CHECK(a.rfind("%PDF-", 0) == 0);
    CHECK(a == b);
    CHECK(a.find("/CreationDate") == std::string::npos);
}

TEST_CASE("render_pdf makes one page per scene at the scene's size", "[charts][pdf]") {
    render::PangoTextMeasure m;
    auto scenes = all_scenes(m);
    test::TempDir dir;
    const auto file = dir.path() / "charts.pdf";
    write(file, render::render_pdf(pointers(scenes)));
    auto r = test::run({"pdfinfo", "-f", "1", "-l", "2", file.string()});
    REQUIRE(r.exit_code == 0);
    const std::string info = squeeze_spaces(r.out);
    CHECK(info.find("Pages: " + std::to_string(scenes.size())) != std::string::npos);
    CHECK(info.find("Page 1 size: 480 x 240 pts") != std::string::npos);
    CHECK(info.find("Page 2 size: 515 x 215 pts") != std::string::npos);
    CHECK(render::render_pdf({}).empty());
}

TEST_CASE("chart text in the PDF is real text that pdftotext finds", "[charts][pdf]") {
    render::PangoTextMeasure m;
    auto scenes = all_scenes(m);
    test::TempDir dir;
    const auto file = dir.path() / "charts.pdf";
    write(file, render::render_pdf(pointers(scenes)));
    auto r = test::run({"pdftotext", "-enc", "UTF-8", file.string(), "-"});
    REQUIRE(r.exit_code == 0);
    const std::string& text = r.out;
    for (const char* want :
         {"The KS2 gap has narrowed since 2012/13", "% meeting the expected standard", "2012/13",
          "2018/19", "100%", "FSM 47%", "Not on target", "Gap (percentage points)", "Complete (6)",
          "Project median 12.8", "Staffordshire Moorlands 70%", "Source: DfE EYFS profile",
          "\xE2\x88\x92"
          "1.5"}) {
        INFO(want);
        CHECK(text.find(want) != std::string::npos);
    }
}

TEST_CASE("PNG export has the requested pixel size", "[charts][png]") {
    render::PangoTextMeasure m;
    scene::Scene s = compose::build_chart(test_charts::gap_trend(), {480, 240}, m);
    const std::string png = render::render_png(s, 100);
    REQUIRE(png.size() > 24);
    CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    CHECK(png.substr(12, 4) == "IHDR");
    CHECK(be32(png, 16) == 667);  // round(480 / 72 * 100)
    CHECK(be32(png, 20) == 333);  // round(240 / 72 * 100)
    const std::string hi = render::render_png(s, 300);
    CHECK(be32(hi, 16) == 2000);
    CHECK(be32(hi, 20) == 1000);
    // The dpi travels with the file (pHYs right after IHDR, pixels per metre, unit 1 = metre).
    CHECK(hi.substr(33 + 4, 4) == "pHYs");
    CHECK(be32(hi, 41) == 11811);  // round(300 / 0.0254)
    CHECK(be32(hi, 45) == 11811);
    CHECK(hi[49] == '\x01');
    CHECK_THROWS_AS(render::render_png(s, 0), std::invalid_argument);
}

TEST_CASE("a missing font file is reported by name", "[charts][fonts]") {
    render::FontPaths paths;
    paths.bold = "/nonexistent/LiberationSans-Bold.ttf";
    try {
        render::PangoTextMeasure m(paths);
        FAIL("expected an exception");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) ==
              "chart font file not found: /nonexistent/LiberationSans-Bold.ttf");
    }
    scene::Scene s;
    s.width = 10;
    s.height = 10;
    CHECK_THROWS_AS(render::render_pdf({&s}, paths), std::runtime_error);
    auto dirs = render::FontPaths::in_dirs("/usr/share/fonts/truetype/liberation2",
                                           "/usr/share/fonts/truetype/dejavu");
    CHECK(dirs == render::FontPaths{});
}

TEST_CASE("pango measures the same widths it draws, with glyph positions unrounded",
          "[charts][fonts]") {
    render::PangoTextMeasure m;
    const scene::FontSpec f{false, 8.5};
    // Unrounded positions: widths are not whole points and scale linearly with the size.
    const double w = m.width("Stoke-on-Trent 66%", f);
    CHECK(w > 40);
    CHECK(w < 90);
    CHECK(m.width("Stoke-on-Trent 66%", {false, 17.0}) == Approx(2 * w).epsilon(0.002));
    CHECK(m.width("Bold", {true, 10}) > m.width("Bold", {false, 10}));
    CHECK(m.ascent(f) == Approx(0.905 * 8.5).epsilon(0.02));  // Liberation Sans metrics
    CHECK(m.descent(f) == Approx(0.212 * 8.5).epsilon(0.05));
    // ✓ is not in Liberation Sans: the DejaVu fallback supplies it (no zero-width box).
    CHECK(m.width("\xE2\x9C\x93", f) > 2);
}

TEST_CASE("charts render on several threads at once with the same bytes", "[charts][threads]") {
    const std::string expected = [] {
        render::PangoTextMeasure m;
        auto scenes = all_scenes(m);
        return render::render_pdf(pointers(scenes));
    }();
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t) {
        threads.emplace_back([&results, t] {
            for (int round = 0; round < 3; ++round) {
                render::PangoTextMeasure m;  // per-thread fonts underneath
                auto scenes = all_scenes(m);
                results[t] = render::render_pdf(pointers(scenes));
                (void)render::render_png(scenes[0], 72);
                (void)render::render_scene_svg(scenes[1]);
            }
        });
    }
    for (auto& th : threads) th.join();
    for (const auto& r : results) CHECK(r == expected);
}
