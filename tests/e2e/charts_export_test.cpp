// End to end: `boardpack charts` on the Accelerating Achievement sample — PNG and SVG files of
// every chart, exactly the size of the chart in the report's PDF, with their alt text beside
// them — and its errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <vector>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kBatch = test::source_dir() / "samples/accelerating-achievement/batch.yaml";
const fs::path kFanout = fs::path(BOARDPACK_TEST_FIXTURES) / "fanout/batch.yaml";
const char* kUnit = "accelerating-achievement-progress-update";  // the report's output stem

struct Size {
    double width = 0, height = 0;
};

// Files of one extension directly in `dir`, by name.
std::map<std::string, fs::path> files_in(const fs::path& dir, const std::string& ext) {
    std::map<std::string, fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == ext) out[e.path().filename().string()] = e.path();
    return out;
}

std::uint32_t be32(const std::string& s, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s.at(at + i));
    return v;
}

// Width and height from the PNG's IHDR chunk.
Size png_pixels(const fs::path& p) {
    std::string png = test::read_text_file(p);
    REQUIRE(png.size() > 24);
    REQUIRE(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    REQUIRE(png.compare(12, 4, "IHDR") == 0);
    return {static_cast<double>(be32(png, 16)), static_cast<double>(be32(png, 20))};
}

// The root element's width and height (cairo writes them in points: "483.276pt").
Size svg_points(const std::string& svg) {
    std::smatch w, h;
    REQUIRE(std::regex_search(svg, w, std::regex("<svg[^>]* width=\"([0-9.]+)pt\"")));
    REQUIRE(std::regex_search(svg, h, std::regex("<svg[^>]* height=\"([0-9.]+)pt\"")));
    return {std::stod(w[1]), std::stod(h[1])};
}

// The size of every chart placed in a PDF: each chart is a form XObject whose /BBox is the
// chart's page, [0 0 width height] in points.
std::multiset<std::pair<double, double>> pdf_chart_sizes(const fs::path& pdf) {
    auto qdf = test::run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), "-"});
    REQUIRE(qdf.exit_code == 0);
    std::multiset<std::pair<double, double>> out;
    std::regex bbox("/BBox \\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]");
    for (std::sregex_iterator it(qdf.out.begin(), qdf.out.end(), bbox), end; it != end; ++it)
        out.insert({std::stod((*it)[1]), std::stod((*it)[2])});
    return out;
}

// Chart blocks in the sample's template (its path is read from the batch file).
int template_chart_count() {
    std::string batch = test::read_text_file(kBatch);
    std::smatch m;
    REQUIRE(std::regex_search(batch, m, std::regex("template: *(\\S+)")));
    std::string tmpl = test::read_text_file(kBatch.parent_path() / m[1].str());
    REQUIRE(!tmpl.empty());
    std::regex chart("(^|\n)[ \t]*-[ \t]*chart[ \t]*:");
    return static_cast<int>(std::distance(std::sregex_iterator(tmpl.begin(), tmpl.end(), chart),
                                          std::sregex_iterator()));
}

long round_px(double pt, double dpi) { return std::lround(pt * dpi / 72.0); }

// One report and three exports of its charts, shared by the read-only checks below.
struct Exported {
    test::TempDir dir;
    test::RunResult report, png300, png150, svg;
    fs::path pdf;
    std::string pdf_flow;  // pdftotext in reading order, line breaks joined
    Exported() {
        const std::string batch = kBatch.string();
        report = test::run_boardpack({"run", batch, "--out", (dir.path() / "report").string()});
        pdf = dir.path() / "report" / (std::string(kUnit) + ".pdf");
        pdf_flow = test::pdf_flow(pdf.string());
        png300 = test::run_boardpack({"charts", batch, "--out", (dir.path() / "png300").string()});
        png150 = test::run_boardpack(
            {"charts", batch, "--dpi", "150", "--format", "png", "--out", (dir.path() / "png150").string()});
        svg = test::run_boardpack({"charts", batch, "--format", "svg", "--out", (dir.path() / "svg").string()});
    }
    fs::path unit(const char* run) const { return dir.path() / run / kUnit; }
};
const Exported& exported() {
    static Exported e;
    return e;
}

}  // namespace

TEST_CASE("charts exports every chart of the template once, with an alt text file each",
          "[e2e][charts-export]") {
    const auto& e = exported();
    INFO(e.png300.err);
    REQUIRE(e.png300.exit_code == 0);
    const int expected = template_chart_count();
    REQUIRE(expected >= 1);
    auto pngs = files_in(e.unit("png300"), ".png");
    auto alts = files_in(e.unit("png300"), ".txt");
    CHECK(static_cast<int>(pngs.size()) == expected);
    CHECK(static_cast<int>(alts.size()) == expected);
    CHECK(static_cast<int>(files_in(e.unit("svg"), ".svg").size()) == expected);
    CHECK(static_cast<int>(pdf_chart_sizes(e.pdf).size()) == expected);
    // NN-<slug>.png beside NN-<slug>.txt, numbered from 01; a line per file and a summary.
    int n = 0;
    for (const auto& [name, path] : pngs) {
        INFO(name);
        char number[16];
        std::snprintf(number, sizeof number, "%02d-", ++n);
        CHECK(name.rfind(number, 0) == 0);
        CHECK(std::regex_match(name, std::regex("[0-9]{2}-[a-z0-9-]+\\.png")));
        CHECK(alts.count(path.stem().string() + ".txt") == 1);
        CHECK(e.png300.out.find("wrote   " + path.string() + " (") != std::string::npos);
    }
    CHECK(e.png300.out.find(std::to_string(expected) + " chart" + (expected == 1 ? "" : "s") +
                            " written to " + (e.dir.path() / "png300").string()) != std::string::npos);
}

TEST_CASE("PNG charts have the pixel size of the chart in the PDF at the requested dpi",
          "[e2e][charts-export]") {
    const auto& e = exported();
    REQUIRE(e.report.exit_code == 0);
    REQUIRE(e.png300.exit_code == 0);
    REQUIRE(e.png150.exit_code == 0);
    REQUIRE(e.svg.exit_code == 0);
    auto hi = files_in(e.unit("png300"), ".png");
    auto lo = files_in(e.unit("png150"), ".png");
    auto svgs = files_in(e.unit("svg"), ".svg");
    REQUIRE(!hi.empty());
    REQUIRE(hi.size() == lo.size());
    REQUIRE(hi.size() == svgs.size());
    std::multiset<std::pair<double, double>> exported_sizes;
    for (const auto& [name, path] : hi) {
        INFO(name);
        std::string stem = path.stem().string();
        REQUIRE(lo.count(name) == 1);
        REQUIRE(svgs.count(stem + ".svg") == 1);
        Size pt = svg_points(test::read_text_file(svgs[stem + ".svg"]));
        exported_sizes.insert({pt.width, pt.height});
        Size px300 = png_pixels(path);
        Size px150 = png_pixels(lo[name]);
        // px = round(pt * dpi / 72), from the chart's size in points.
        CHECK(px300.width == round_px(pt.width, 300));
        CHECK(px300.height == round_px(pt.height, 300));
        CHECK(px150.width == round_px(pt.width, 150));
        CHECK(px150.height == round_px(pt.height, 150));
        // Twice the dpi, twice the pixels (give or take rounding).
        CHECK(std::abs(px300.width - 2 * px150.width) <= 1);
        CHECK(std::abs(px300.height - 2 * px150.height) <= 1);
        // The dpi is recorded (pHYs, pixels per metre) so Word pastes it at its size in points.
        std::string png = test::read_text_file(path);
        auto at = png.find("pHYs");
        REQUIRE(at != std::string::npos);
        CHECK(be32(png, at + 4) == 11811);  // round(300 / 0.0254)
    }
    // The same sizes, in points, as the charts placed in the report.
    auto in_pdf = pdf_chart_sizes(e.pdf);
    REQUIRE(in_pdf.size() == exported_sizes.size());
    auto a = in_pdf.begin();
    for (auto b = exported_sizes.begin(); b != exported_sizes.end(); ++a, ++b) {
        CHECK(a->first == Approx(b->first).margin(0.01));
        CHECK(a->second == Approx(b->second).margin(0.01));
    }
}

TEST_CASE("SVG charts are well-formed XML titled with the headline the report shows",
          "[e2e][charts-export]") {
    const auto& e = exported();
    INFO(e.svg.err);
    REQUIRE(e.svg.exit_code == 0);
    REQUIRE(e.report.exit_code == 0);
    auto svgs = files_in(e.unit("svg"), ".svg");
    REQUIRE(!svgs.empty());
    int titled = 0;
    for (const auto& [name, path] : svgs) {
        INFO(name);
        auto lint = test::run({"xmllint", "--noout", path.string()});
        INFO(lint.err);
        CHECK(lint.exit_code == 0);
        std::string svg = test::read_text_file(path);
        std::smatch title, desc;
        if (std::regex_search(svg, title, std::regex("<title[^>]*>([^<]+)</title>"))) {
            ++titled;
            INFO("title: " << title[1]);
            CHECK(e.pdf_flow.find(title[1].str()) != std::string::npos);
        }
        // <desc> is the alt text written beside the file.
        REQUIRE(std::regex_search(svg, desc, std::regex("<desc[^>]*>([^<]+)</desc>")));
        std::string alt = test::read_text_file(path.parent_path() / (path.stem().string() + ".txt"));
        CHECK(alt == desc[1].str() + "\n");
    }
    CHECK(titled >= 1);
    // The gap trend's headline, drawn by the chart and found again in the report's text.
    CHECK(e.pdf_flow.find("The gap in KS2 RWM narrowed") != std::string::npos);
}

// The text of every <text> element, entities decoded.
std::vector<std::string> svg_texts(const std::string& svg) {
    std::vector<std::string> out;
    std::regex text("<text [^>]*>([^<]*)</text>");
    for (std::sregex_iterator it(svg.begin(), svg.end(), text), end; it != end; ++it) {
        std::string t = (*it)[1].str();
        for (auto [entity, ch] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}})
            for (std::size_t at = t.find(entity); at != std::string::npos; at = t.find(entity, at + 1))
                t.replace(at, std::string(entity).size(), ch);
        out.push_back(t);
    }
    return out;
}

TEST_CASE("exported SVG charts are images whose axis and data labels are text, as in the PDF",
          "[e2e][charts-export][svg]") {
    const auto& e = exported();
    REQUIRE(e.svg.exit_code == 0);
    REQUIRE(e.report.exit_code == 0);
    auto svgs = files_in(e.unit("svg"), ".svg");
    REQUIRE(!svgs.empty());
    for (const auto& [name, path] : svgs) {
        INFO(name);
        const std::string svg = test::read_text_file(path);
        std::smatch root;
        REQUIRE(std::regex_search(svg, root, std::regex("<svg [^>]*>")));
        CHECK(root[0].str().find(" role=\"img\"") != std::string::npos);
        CHECK(std::regex_search(root[0].str(), std::regex(" aria-labelledby=\"[^\"]+\"")));
        CHECK(std::regex_search(svg, std::regex("<title[^>]*>[^<]+</title>")));
        CHECK(std::regex_search(svg, std::regex("<desc[^>]*>[^<]+</desc>")));
        CHECK(svg.find("<path ") != std::string::npos);
        const auto texts = svg_texts(svg);
        int ticks = 0, periods = 0, data_labels = 0;
        for (const std::string& t : texts) {
            INFO(t);
            // The very words the report's chart shows (its PDF text is extractable).
            CHECK(e.pdf_flow.find(t) != std::string::npos);
            if (std::regex_match(t, std::regex("[0-9]+%"))) ++ticks;                    // y axis
            if (std::regex_match(t, std::regex("[0-9]{4}/[0-9]{2}"))) ++periods;        // x axis
            if (std::regex_search(t, std::regex("[A-Za-z].* [0-9]+\\.[0-9]%$"))) ++data_labels;  // "FSM 57.4%"
        }
        CHECK(ticks >= 3);
        CHECK(periods >= 2);
        CHECK(data_labels >= 2);
    }
}

TEST_CASE("alt text files are non-empty and name the measure in full", "[e2e][charts-export]") {
    const auto& e = exported();
    REQUIRE(e.png300.exit_code == 0);
    auto alts = files_in(e.unit("png300"), ".txt");
    REQUIRE(!alts.empty());
    bool names_measure = false;
    for (const auto& [name, path] : alts) {
        INFO(name);
        std::string alt = test::read_text_file(path);
        CHECK(alt.size() > 20);
        CHECK(alt.back() == '\n');
        // The template's gap trend is of ks2_rwm, short label "KS2 RWM" in the batch file,
        // spelled out in the alt text.
        names_measure = names_measure ||
                        alt.find("Key Stage 2 reading, writing and maths") != std::string::npos;
    }
    CHECK(names_measure);
}

TEST_CASE("exporting twice gives identical files", "[e2e][charts-export][determinism]") {
    const auto& e = exported();
    test::TempDir again;
    auto r = test::run_boardpack({"charts", kBatch.string(), "--out", again.path().string()});
    REQUIRE(r.exit_code == 0);
    auto first = files_in(e.unit("png300"), ".png");
    auto second = files_in(again.path() / kUnit, ".png");
    REQUIRE(first.size() == second.size());
    for (const auto& [name, path] : first) {
        INFO(name);
        REQUIRE(second.count(name) == 1);
        CHECK(test::read_text_file(path) == test::read_text_file(second[name]));
    }
}

TEST_CASE("charts with an unknown format exits 2 and lists png and svg", "[e2e][charts-export][cli]") {
    test::TempDir dir;
    auto r = test::run_boardpack({"charts", kBatch.string(), "--format", "jpeg", "--out", dir.path().string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("unknown --format 'jpeg'") != std::string::npos);
    CHECK(r.err.find("'png'") != std::string::npos);
    CHECK(r.err.find("'svg'") != std::string::npos);
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("charts rejects a dpi that is not a positive number with exit 2", "[e2e][charts-export][cli]") {
    for (const char* dpi : {"0", "-300", "abc", "100000"}) {
        INFO(dpi);
        auto r = test::run_boardpack({"charts", kBatch.string(), "--dpi", dpi});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--dpi") != std::string::npos);
    }
}

TEST_CASE("charts is in the help and has its own", "[e2e][charts-export][cli]") {
    auto overview = test::run_boardpack({"--help"});
    CHECK(overview.exit_code == 0);
    CHECK(overview.out.find("charts CONFIG") != std::string::npos);
    auto help = test::run_boardpack({"charts", "--help"});
    CHECK(help.exit_code == 0);
    for (const char* opt : {"--format", "--dpi", "--out", "--as-of", "--term", "--shard", "--jobs"}) {
        INFO(opt);
        CHECK(help.out.find(opt) != std::string::npos);
    }
}

TEST_CASE("a failing unit does not stop the other units' charts, exit 1", "[e2e][charts-export][batch]") {
    test::TempDir dir;
    fs::copy(kFanout.parent_path(), dir.path() / "batch", fs::copy_options::recursive);
    auto out = dir.path() / "charts";
    auto r = test::run_boardpack(
        {"charts", (dir.path() / "batch/batch.yaml").string(), "--out", out.string(), "--jobs", "2"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("FAILED summary/S4") != std::string::npos);
    CHECK(std::regex_search(r.err, std::regex("observations\\.csv:16:\\d+: error: column 'value'")));
    CHECK(r.out.find("5 charts written to " + out.string() + " from 5 of 6 reports, 1 failed") !=
          std::string::npos);
    // One folder per unit, named after its PDF: <term>/<la>/<setting>/01-….png
    int folders = 0;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
        if (!entry.is_directory() || files_in(entry.path(), ".png").empty()) continue;
        ++folders;
        CHECK(files_in(entry.path(), ".png").size() == 1);
        CHECK(files_in(entry.path(), ".txt").size() == 1);
    }
    CHECK(folders == 5);
    CHECK(fs::exists(out / "summer-2019/Leeds/S3"));
    CHECK_FALSE(fs::exists(out / "summer-2019/Leeds/S4"));
}
