// End to end: disclosure control on DfE names (tests/fixtures/disclosure). Rutland's
// FSM-eligible cohort of 3 must not be recoverable from the printed total and the other group,
// a group with no known complement suppresses its breakdown with a warning, and the footnote
// says what was done.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kFixture = fs::path(BOARDPACK_TEST_FIXTURES) / "disclosure";

struct Rendered {
    test::TempDir dir;
    test::RunResult run;
    std::string text, flow;
    Rendered() {
        run = test::run_boardpack({"run", (kFixture / "batch.yaml").string(), "--out", dir.path().string()});
        auto pdf = (dir.path() / "rutland.pdf").string();
        text = test::squeeze(test::pdf_text(pdf));
        flow = test::pdf_flow(pdf);
    }
};
const Rendered& rendered() {
    static Rendered r;
    return r;
}

}  // namespace

TEST_CASE("a cohort of 3 cannot be recovered from the printed total and the other group", "[e2e][disclosure]") {
    const auto& r = rendered();
    INFO(r.run.err << r.text);
    REQUIRE(r.run.exit_code == 0);
    // The total is printed; both groups of the FSM breakdown are not.
    CHECK(r.text.find(" Total Total (England) 62.0% 71.8% 9.8") != std::string::npos);
    CHECK(r.text.find(" FSM eligible Not known to be FSM eligible c c c") != std::string::npos);
    // Neither the 3 children's figure nor the figure that with the total would give it away.
    for (const char* figure : {"33.3", "63.8", "25.0", "65.2"}) {
        INFO(figure);
        CHECK(r.text.find(figure) == std::string::npos);
    }
}

TEST_CASE("a suppressed group with no known complement suppresses its breakdown and warns", "[e2e][disclosure]") {
    const auto& r = rendered();
    INFO(r.run.err << r.text);
    CHECK(r.text.find(" Band B Total (England) c 71.8% c") != std::string::npos);
    CHECK(r.run.err.find("observations.csv:8:1: warning: group 'Band A' is suppressed in gld, Rutland, "
                         "2018/19, and boardpack cannot name the groups that make up 'Total' with it, "
                         "so it also suppresses 'Band B' there") != std::string::npos);
    CHECK(r.run.err.find("hint: list the groups that add up to 'Total' in batch.suppression.partitions") !=
          std::string::npos);
    auto v = test::run_boardpack({"validate", (kFixture / "batch.yaml").string()});
    CHECK(v.exit_code == 0);
    CHECK(v.err.find("warning: group 'Band A' is suppressed") != std::string::npos);
}

TEST_CASE("the printed footnote says what was suppressed in the report and why", "[e2e][disclosure]") {
    const auto& r = rendered();
    CHECK(r.flow.find("Figures for groups of fewer than 5 children are suppressed and shown as c. In this "
                      "report 2 figures are suppressed for that reason; 1 more figure is suppressed so "
                      "that a suppressed figure cannot be worked out from the total and the other groups "
                      "of its breakdown; 1 more figure is suppressed because a suppressed group's breakdown "
                      "is not known, so every group that could make up the total with it is suppressed "
                      "too. Gaps and changes that use a suppressed figure are suppressed as well.") !=
          std::string::npos);
}
