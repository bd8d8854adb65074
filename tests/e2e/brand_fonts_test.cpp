// End to end: brand fonts — a family Debian ships (DejaVu Serif, fonts-dejavu-core) chosen by
// name in batch.fonts, embedded as a subset with a ToUnicode map for the body and the charts,
// its text extractable and the file sound for qpdf; named first in the HTML page's CSS and the SVG
// charts' font list; and the warning for a character that no chosen font has.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

// The rows of pdffonts' table.
std::vector<std::string> font_rows(const fs::path& pdf) {
    auto fonts = test::run({"pdffonts", pdf.string()});
    std::vector<std::string> rows;
    std::istringstream in(fonts.out);
    std::string line;
    bool body = false;
    while (std::getline(in, line)) {
        if (line.rfind("---", 0) == 0) body = true;
        else if (body && !line.empty()) rows.push_back(line);
    }
    return rows;
}

}  // namespace

TEST_CASE("a brand font family chosen by name is embedded as a subset with ToUnicode for text and charts",
          "[e2e][fonts]") {
    test::TempDir dir;
    const fs::path sample = test::copy_sample(dir.path(), "accelerating-achievement");
    REQUIRE(test::edit_file(sample / "batch.yaml", "\nbatch:\n", "\nbatch:\n  fonts: {family: DejaVu Serif}\n") == 1);
    auto r = test::run_boardpack({"run", (sample / "batch.yaml").string(), "--out", (dir.path() / "out").string(),
                                  "--format", "pdf"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    fs::path pdf;
    for (const auto& e : fs::recursive_directory_iterator(dir.path() / "out"))
        if (e.path().extension() == ".pdf") pdf = e.path();
    REQUIRE(!pdf.empty());
    const auto rows = font_rows(pdf);
    bool serif = false, serif_bold = false;
    for (const auto& row : rows) {
        INFO(row);
        CHECK(std::regex_search(row, std::regex("Identity-H +yes +yes +yes")));  // embedded, subset, ToUnicode
        serif = serif || std::regex_search(row, std::regex("^[A-Z]{6}\\+DejaVuSerif "));
        serif_bold = serif_bold || std::regex_search(row, std::regex("^[A-Z]{6}\\+DejaVuSerif-Bold "));
        CHECK(row.find("+LiberationSans") == std::string::npos);  // the brand family has every letter
    }
    CHECK(serif);
    CHECK(serif_bold);
    const std::string text = test::pdf_flow(pdf.string());
    CHECK(text.find("Accelerating Achievement") != std::string::npos);
    CHECK(text.find("Key Stage 2") != std::string::npos);  // chart labels are text too
    auto check = test::run({"qpdf", "--check", pdf.string()});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    // The same run again: the same bytes.
    auto again = test::run_boardpack({"run", (sample / "batch.yaml").string(), "--out", (dir.path() / "again").string(),
                                      "--format", "pdf"});
    REQUIRE(again.exit_code == 0);
    CHECK(test::read_text_file(dir.path() / "again" / fs::relative(pdf, dir.path() / "out")) == test::read_text_file(pdf));
}

TEST_CASE("the HTML page and the SVG charts of a brand font family name it first, then Liberation Sans and DejaVu Sans",
          "[e2e][fonts][html]") {
    test::TempDir dir;
    const fs::path sample = test::copy_sample(dir.path(), "accelerating-achievement");
    const std::string list = "'DejaVu Serif', 'Liberation Sans', 'DejaVu Sans', sans-serif";
    const std::regex svg_fonts("<svg [^>]*font-family=\"([^\"]*)\"");
    // Without batch.fonts: the page and its charts keep Liberation Sans.
    auto plain = test::run_boardpack({"run", (sample / "batch.yaml").string(), "--out", (dir.path() / "plain").string(),
                                      "--format", "html"});
    REQUIRE(plain.exit_code == 0);
    REQUIRE(test::edit_file(sample / "batch.yaml", "\nbatch:\n", "\nbatch:\n  fonts: {family: DejaVu Serif}\n") == 1);
    auto r = test::run_boardpack({"run", (sample / "batch.yaml").string(), "--out", (dir.path() / "out").string(),
                                  "--format", "html"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    int pages = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir.path() / "out")) {
        if (e.path().extension() != ".html") continue;
        ++pages;
        INFO(e.path());
        const std::string html = test::read_text_file(e.path());
        const std::string before = test::read_text_file(dir.path() / "plain" / fs::relative(e.path(), dir.path() / "out"));
        CHECK(std::regex_search(html, std::regex("\\nbody\\{[^}]*;font-family:" + list + ";")));
        CHECK(before.find("font-family:\"Liberation Sans\",Arial,Helvetica,sans-serif;") != std::string::npos);
        CHECK(html.find("Arial") == std::string::npos);
        int charts = 0;
        for (std::sregex_iterator m(html.begin(), html.end(), svg_fonts), end; m != end; ++m, ++charts)
            CHECK((*m)[1] == list);
        CHECK(charts >= 1);  // the Key Stage 2 FSM gap chart
    }
    CHECK(pages >= 1);
    // `boardpack charts --format svg`: the chart files name the family too.
    auto c = test::run_boardpack({"charts", (sample / "batch.yaml").string(), "--format", "svg", "--out",
                                  (dir.path() / "charts").string()});
    INFO(c.out << c.err);
    REQUIRE(c.exit_code == 0);
    int svgs = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir.path() / "charts")) {
        if (e.path().extension() != ".svg") continue;
        ++svgs;
        const std::string svg = test::read_text_file(e.path());
        std::smatch m;
        REQUIRE(std::regex_search(svg, m, svg_fonts));
        CHECK(m[1] == list);
    }
    CHECK(svgs >= 1);
}

TEST_CASE("a brand font family that is not installed stops the batch at its key with the closest family",
          "[e2e][fonts]") {
    test::TempDir dir;
    fs::copy(fs::path(BOARDPACK_TEST_FIXTURES) / "fanout-column", dir.path() / "b", fs::copy_options::recursive);
    REQUIRE(test::edit_file(dir.path() / "b/batch.yaml", "\nbatch:\n", "\nbatch:\n  fonts: {family: DejaVu Serf}\n") == 1);
    auto r = test::run_boardpack({"validate", (dir.path() / "b/batch.yaml").string()});
    CHECK(r.exit_code == 2);
    CHECK(std::regex_search(r.err, std::regex("batch\\.yaml:\\d+:\\d+: error: font family 'DejaVu Serf' is not installed")));
    CHECK(r.err.find("did you mean 'DejaVu Serif'?") != std::string::npos);
}

TEST_CASE("a character that no chosen font has is a warning naming it and its code point and its text",
          "[e2e][fonts]") {
    test::TempDir dir;
    fs::copy(fs::path(BOARDPACK_TEST_FIXTURES) / "fanout-column", dir.path() / "b", fs::copy_options::recursive);
    REQUIRE(test::edit_file(dir.path() / "b/template.yaml", "setting \\}\\}\\.\"", "setting }}, \xE4\xB8\xAD.\"") == 1);
    auto r = test::run_boardpack({"run", (dir.path() / "b/batch.yaml").string(), "--out", (dir.path() / "out").string()});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);  // a warning: the reports are still written
    CHECK(r.err.find("warning: report 'locality/North': no chosen font has the character '\xE4\xB8\xAD' (U+4E2D), in "
                     "\"Locality North: 3 settings, \xE4\xB8\xAD.\": it prints as an empty box") != std::string::npos);
    CHECK(fs::exists(dir.path() / "out/localities/North.pdf"));
}
