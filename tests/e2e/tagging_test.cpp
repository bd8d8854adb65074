// End to end: every sample report is a tagged PDF — read back with the project's tag checker,
// pdfinfo -struct-text and pdftotext -raw (content-stream order).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/e2e.h"
#include "tests/support/sample_outputs.h"
#include "tests/support/tag_checker.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const char* kBoardPaper = "accelerating-achievement-progress-update.pdf";

// Each sample batch rendered once per ctest run (tests/support/sample_outputs.h).
using Rendered = test::SampleOutput;
const Rendered& sample(const std::string& name) { return test::rendered_sample(name); }
fs::path board_paper() { return sample("accelerating-achievement").dir / kBoardPaper; }

std::string struct_text(const fs::path& pdf) {
    auto r = test::run({"pdfinfo", "-struct-text", pdf.string()});
    REQUIRE(r.exit_code == 0);
    return r.out;
}

}  // namespace

TEST_CASE("every sample report passes the tag checker: each mark tagged or an artifact, the tree well formed",
          "[e2e][tagging]") {
    std::vector<fs::path> pdfs;
    for (const std::string& name : test::sample_names()) {
        const Rendered& r = sample(name);
        INFO(r.run.err);
        REQUIRE(r.run.exit_code == 0);
        pdfs.insert(pdfs.end(), r.pdfs.begin(), r.pdfs.end());
    }
    // The board paper, the EYQIP report, the peer-challenge paper, the annual report and the 52
    // setting summaries.
    CHECK(pdfs.size() == 56);
    for (const auto& pdf : pdfs) {
        auto report = test::check_tagged_pdf(pdf.string());
        INFO(pdf.string() << "\n" << test::describe(report));
        CHECK(report.ok());
        CHECK(report.marks > 50);
        CHECK(report.elements["Document"] == 1);
        CHECK(report.elements["P"] >= 3);
        CHECK(report.artifact_sequences >= 2 * report.pages);  // header and footer at least
    }
}

TEST_CASE("the board paper's section 3.2 reads H3, its paragraphs, the table with TH Gap (ppts), its note and the figure",
          "[e2e][tagging][board-paper]") {
    const std::string t = struct_text(board_paper());
    // pdfinfo -struct-text fragments, each expected after the one before.
    const char* expected[] = {
        "H3 (block)\n    \"3.2 Performance overall (based upon 2014/15 assessment data)\"",
        "P (block)\n    \"3.2.1 At Key Stage 2, ",
        "P (block)\n    \"3.2.2 At Key Stage 4 ",
        "Table (block)\n    Caption\n      \"Table 1: Attainment gaps",
        "    THead\n      TR\n        TH:\n           /Scope /Column\n          \"Measure\"",
        "TH:\n           /Scope /Column\n          \"Gap (ppts)\"",
        "    TBody\n      TR\n        TD",
        "  Note <note-",
        "P (block)\n    \"3.2.3 ",
        "  Figure\n    Caption\n      \"Figure 1: The gap in KS2 RWM narrowed by 2.3 ppts since 2011/12 Key Stage 2 reading, writing and maths",
        "P (block)\n    \"Source: DfE school performance data",
        "H3 (block)\n    \"3.3 Action plan\"",
    };
    std::size_t at = 0;
    for (const char* fragment : expected) {
        INFO(fragment);
        at = t.find(fragment, at);
        REQUIRE(at != std::string::npos);
    }
}

TEST_CASE("the board paper's Figure carries the chart's generated alt text, the same as the chart export's",
          "[e2e][tagging][board-paper]") {
    const test::SampleOutput& charts = test::exported_charts("accelerating-achievement");
    REQUIRE(charts.run.exit_code == 0);
    std::vector<std::string> exported;
    std::vector<fs::path> alt_files;
    for (const auto& e : fs::recursive_directory_iterator(charts.dir))
        if (e.path().extension() == ".txt") alt_files.push_back(e.path());
    std::sort(alt_files.begin(), alt_files.end());
    for (const auto& f : alt_files) {
        std::string alt = test::read_text_file(f);
        while (!alt.empty() && alt.back() == '\n') alt.pop_back();
        exported.push_back(alt);
    }
    auto report = test::check_tagged_pdf(board_paper().string());
    REQUIRE(report.figure_alts.size() == 1);
    CHECK(report.figure_alts == exported);
    CHECK(report.figure_alts[0].find("2011/12") != std::string::npos);
    CHECK(report.figure_alts[0].find("25.9") != std::string::npos);  // the KS2 FSM gap in 2014/15
}

TEST_CASE("the running header and footer, page numbers and the marking are not in the structure tree",
          "[e2e][tagging][board-paper]") {
    const fs::path pdf = board_paper();
    const std::string t = struct_text(pdf);
    const std::string text = test::pdf_text(pdf.string());
    // On the page ...
    REQUIRE(text.find("Page 1 of 5") != std::string::npos);
    REQUIRE(text.find("Source: Cambridgeshire County Council") != std::string::npos);
    REQUIRE(text.find("OFFICIAL") != std::string::npos);
    // ... but not in the tree a screen reader reads.
    CHECK(t.find("Page 1 of") == std::string::npos);
    CHECK(t.find("Source: Cambridgeshire County Council") == std::string::npos);
    CHECK(t.find("OFFICIAL") == std::string::npos);
    CHECK(t.find("Data as at 17 September 2015 ·") == std::string::npos);
}

TEST_CASE("pdftotext -raw reads a paragraph's number before its words and the chart after the paragraph that introduces it",
          "[e2e][tagging][board-paper]") {
    auto r = test::run({"pdftotext", "-raw", "-enc", "UTF-8", board_paper().string(), "-"});
    REQUIRE(r.exit_code == 0);
    const std::string& raw = r.out;
    CHECK(raw.find("3.2.2 At Key Stage 4 the FSM gap") != std::string::npos);
    CHECK(raw.find("1.1 To provide the Health and Wellbeing Board") != std::string::npos);
    const auto intro = raw.find("3.2.3 Of 9 targets");
    const auto caption = raw.find("Figure 1: The gap in KS2 RWM narrowed by 2.3 ppts since 2011/12");
    const auto axis = raw.find("2011/12 2012/13 2013/14 2014/15");
    const auto next = raw.find("3.3 Action plan");
    REQUIRE(intro != std::string::npos);
    REQUIRE(axis != std::string::npos);
    CHECK(intro < caption);
    CHECK(caption < axis);
    CHECK(axis < next);
    // The body comes before the page's running header and footer.
    CHECK(raw.rfind("ACCELERATING ACHIEVEMENT", 0) == 0);
    CHECK(raw.find("Page 1 of 5") > raw.find("1.1 To provide"));
}

TEST_CASE("the annual report's contents page is a TOC whose entries link to their sections",
          "[e2e][tagging][tfs]") {
    const fs::path pdf = sample("tracking-for-success").dir / "tracking-for-success-final-report.pdf";
    const std::string t = struct_text(pdf);
    const auto toc = t.find("  TOC\n    TOCI\n      Reference (inline)\n        Link (inline)\n");
    REQUIRE(toc != std::string::npos);
    CHECK(t.find("H1 (block)") < toc);
    auto report = test::check_tagged_pdf(pdf.string());
    CHECK(report.elements["TOCI"] >= 5);
    CHECK(report.elements["Link"] >= report.elements["TOCI"]);
}

TEST_CASE("pdf_tag_check exits 0 for a sample report, 1 for an untagged PDF and 2 without a file",
          "[e2e][tagging][cli]") {
    const std::string checker = test::pdf_tag_check();
    auto good = test::run({checker, board_paper().string()});
    CHECK(good.exit_code == 0);
    CHECK(good.out.find(": ok: 5 page(s)") != std::string::npos);
    test::TempDir dir;
    const std::string empty = (dir.path() / "empty.pdf").string();
    REQUIRE(test::run({"qpdf", "--empty", empty}).exit_code == 0);
    auto bad = test::run({checker, empty});
    CHECK(bad.exit_code == 1);
    CHECK(bad.out.find("no structure tree (StructTreeRoot) (01-001)") != std::string::npos);
    CHECK(test::run({checker}).exit_code == 2);
}
