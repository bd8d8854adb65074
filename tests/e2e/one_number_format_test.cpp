// One number format per measure (issue 15): a figure printed by a chart (value labels, end
// labels) has the same digits as the table cell of the same figure in the same report, and a
// column never mixes whole and one-decimal numbers. Read from the real PDFs with pdftotext.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

struct Sample {
    test::TempDir dir;
    test::RunResult run;
    std::string layout;  // pdftotext -layout, one line per printed line
    Sample(const std::string& sample, const std::string& pdf) {
        run = test::run_boardpack({"run", (test::source_dir() / "samples" / sample / "batch.yaml").string(),
                                   "--format", "pdf", "--out", dir.path().string()});
        layout = test::pdf_text((dir.path() / pdf).string());
    }
};

const Sample& tfs() {
    static Sample s("tracking-for-success", "tracking-for-success-final-report.pdf");
    return s;
}
const Sample& eyqip() {
    static Sample s("eyqip", "eyqip-progress-report.pdf");
    return s;
}

using test::between;

}  // namespace

TEST_CASE("gap bars print each gap with the digits of the table's gap cell", "[e2e][format]") {
    const auto& s = tfs();
    INFO(s.run.out << s.run.err);
    REQUIRE(s.run.exit_code == 0);
    const std::string table = between(s.layout, "Table 1: Disadvantaged children", "Gap = other children");
    const std::string chart = between(s.layout, "The gap in each area against its target", "Gap (percentage points)");
    REQUIRE_FALSE(table.empty());
    REQUIRE_FALSE(chart.empty());
    // Table rows: measure … value other gap gap-at-2 change target status.
    // (The minus is U+2212, three bytes: written as a group, not a bracket.)
    const std::regex row(R"((\d+\.\d) +(\d+\.\d) +((?:−)?\d+\.\d) +((?:−)?\d+\.\d) +((?:−|\+)?\d+\.\d) +(\d+\.\d) +(Achieved|Not achieved))");
    std::vector<std::string> gaps;
    for (std::sregex_iterator it(table.begin(), table.end(), row), end; it != end; ++it) gaps.push_back((*it)[3]);
    REQUIRE(gaps.size() == 5);
    for (const auto& g : gaps) {
        INFO(g);
        CHECK(std::regex_search(chart, std::regex("(^|\\s)" + g + "\\s+(Achieved|Not achieved)")));
    }
}

TEST_CASE("line and gap trend end labels print the table's one-decimal percentages", "[e2e][format]") {
    const auto& s = eyqip();
    INFO(s.run.out << s.run.err);
    REQUIRE(s.run.exit_code == 0);
    std::smatch m;
    REQUIRE(std::regex_search(s.layout, m, std::regex(R"(Good level of development +(\d+\.\d) +(\d+\.\d) )")));
    const std::string project = m[1], england = m[2];
    CHECK(s.layout.find("England " + england + "%") != std::string::npos);
    CHECK(s.layout.find("All children (England) " + england + "%") != std::string::npos);
    CHECK(s.layout.find("All children " + project + "%") != std::string::npos);
    // Never the same figure rounded to a whole number beside it ("72%" beside "71.8%").
    CHECK(s.layout.find("England 72%") == std::string::npos);
}

TEST_CASE("a days column prints every row at the same decimals", "[e2e][format]") {
    const auto& s = eyqip();
    const std::string table = between(s.layout, "Table 3: Support delivered", "Table 4");
    REQUIRE_FALSE(table.empty());
    std::istringstream in(table);
    std::string line;
    int rows = 0;
    const std::regex one_dp(R"(\s\d[\d,]*\.\d\s*$)");
    while (std::getline(in, line)) {
        // A leader's row: a name, then settings, sessions, half days and days.
        if (!std::regex_search(line, std::regex(R"(^ \S.*\S\s{2,}\d+\s+\d+\s+[\d.]+\s+\S+\s*$)"))) continue;
        ++rows;
        INFO(line);
        CHECK(std::regex_search(line, one_dp));
    }
    CHECK(rows >= 10);
}
