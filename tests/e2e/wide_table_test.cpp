// End to end: tables never break a number or a word (tests/fixtures/wide-table, on the
// Accelerating Achievement data). A 12-column status table is printed with every figure whole;
// a 13-column one cannot fit even at 7 pt and fails its report with an error naming the table
// and the widths its columns need, while the other report is still written.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {
const fs::path kFixture = fs::path(BOARDPACK_TEST_FIXTURES) / "wide-table";
}  // namespace

TEST_CASE("a 12-column status table prints every figure whole and a 13-column one is refused", "[e2e][wide-table]") {
    test::TempDir out;
    auto r = test::run_boardpack({"run", (kFixture / "batch.yaml").string(), "--out", out.path().string()});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    REQUIRE(fs::exists(out.path() / "wide.pdf"));
    CHECK_FALSE(fs::exists(out.path() / "too-wide.pdf"));
    CHECK(r.err.find("too-wide.yaml:5:9: error: table 'Table 1: Progress against targets' does not fit the text "
                     "width of 483.3 pt even with its text at 7.0 pt: its 13 columns need at least ") != std::string::npos);
    CHECK(r.err.find("'Status' ") != std::string::npos);

    std::string text = test::pdf_text((out.path() / "wide.pdf").string());
    INFO(text);
    // The figures of the first row (EYFS GLD, FSM against Not FSM), each in one piece.
    std::string flat = test::squeeze(text);
    for (const char* figure : {"50.3%", "68.4%", "18.1", "21.8", "\xE2\x88\x92" "3.7", "Achieved", "Not on target"}) {
        INFO(figure);
        CHECK(flat.find(figure) != std::string::npos);
    }
    // No percentage or decimal anywhere is cut: every token with a digit and a point is whole.
    std::istringstream words(text);
    const std::regex whole(R"(^[−+]?\(?[0-9]+(\.[0-9])?%?\)?[,.;:]?$|^[0-9]{4}/[0-9]{2}$|^[0-9]+\+$|^\d+A\*.*$)");
    for (std::string w; words >> w;) {
        if (w.find_first_of("0123456789") == std::string::npos) continue;
        if (w.rfind("\xE2\x88\x92", 0) == 0) w = w.substr(3);  // a true minus sign
        INFO(w);
        CHECK(std::regex_match(w, whole));
    }
    // Header words are whole too.
    for (const char* header : {"Measure", "Comparator", "Previous", "Baseline", "Status"}) {
        INFO(header);
        CHECK(flat.find(header) != std::string::npos);
    }
}
