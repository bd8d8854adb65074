// End to end: every problem of a batch in one run (config, data and template errors together,
// template errors exit 2, `if:` on undefined names), and failures kept to the reports they
// belong to (a bad setting row, bad shared rows, a chart with no data for one setting). All on
// a copy of tests/fixtures/fanout, the PDFs read back with pdftotext.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kFanout = fs::path(BOARDPACK_TEST_FIXTURES) / "fanout";

// A copy of the fan-out fixture; with `mended`, S4's bad row (a GLD of 159.5%) is put right.
struct Fanout {
    test::TempDir dir;
    fs::path root = dir.path() / "batch";
    fs::path batch = root / "batch.yaml";
    fs::path out = dir.path() / "out";
    explicit Fanout(bool mended) {
        fs::copy(kFanout, root, fs::copy_options::recursive);
        if (mended) REQUIRE(test::edit_file(root / "data/observations.csv", ",159\\.5,", ",59.5,") == 1);
    }
    // Adds a block after the template's first paragraph.
    void add_block(const std::string& yaml) {
        REQUIRE(test::edit_file(root / "template.yaml", "(      - status_table: \\{\\})", yaml + "\n$1") == 1);
    }
    // Adds blocks to the template and runs the batch.
    test::RunResult run_with(const std::string& blocks) {
        add_block(blocks);
        return run();
    }
    test::RunResult run(const std::string& command = "run") const {
        if (command == "validate") return test::run_boardpack({command, batch.string()});
        return test::run_boardpack({command, batch.string(), "--out", out.string()});
    }
    std::string pdf(const std::string& setting, const std::string& la) const {
        return test::pdf_flow((out / "summer-2019" / la / (setting + ".pdf")).string());
    }
};

std::size_t count_of(const std::string& s, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a config error a template error and a data error are all reported in one run", "[e2e][errors]") {
    Fanout f(false);  // the data error: S4's GLD of 159.5%
    REQUIRE(test::edit_file(f.batch, "(  output_dir: out)", "$1\n  colour: blue") == 1);
    f.add_block("      - paragraph: \"Setting {{ entity.nmae }}\"");
    for (const std::string command : {"validate", "run"}) {
        auto r = f.run(command);
        INFO(command << "\n" << r.err);
        CHECK(r.exit_code == 2);
        CHECK(std::regex_search(r.err, std::regex("batch\\.yaml:6:3: error: unknown key 'colour' in 'batch'")));
        CHECK(std::regex_search(r.err, std::regex("template\\.yaml:\\d+:\\d+: error: unknown placeholder 'entity\\.nmae'")));
        CHECK(r.err.find("did you mean 'entity.name'") != std::string::npos);
        CHECK(std::regex_search(r.err, std::regex("observations\\.csv:16:\\d+: error: column 'value': a percentage must lie between 0 and 100, got '159\\.5'")));
        CHECK(r.err.find("boardpack: 3 errors in the batch") != std::string::npos);
        CHECK_FALSE(fs::exists(f.out));
    }
}

TEST_CASE("every template error of a batch is reported in one run and exits 2", "[e2e][errors]") {
    // Five errors in three blocks: a misspelt name, an unknown filter, an unknown first name, a
    // chart's unknown measure and unknown option.
    const std::string blocks = "      - paragraph: \"{{ entity.nmae }} and {{ as_of | dat }}\"\n"
                               "      - paragraph: \"{{ no_such.name }}\"\n"
                               "      - chart: {kind: gap_trend, measure: gdl, group: Disadvantaged, "
                               "comparator: Not disadvantaged, colour: red}";
    Fanout f(true);
    const auto r = f.run_with(blocks);
    CHECK(r.exit_code == 2);
    INFO(r.err);
    for (const char* expected : {"error: unknown placeholder 'entity.nmae'", "unknown filter 'dat'",
                                 "error: unknown placeholder 'no_such.name'", "error: unknown measure 'gdl'",
                                 "error: unknown option 'colour' for a 'gap_trend' chart",
                                 "boardpack: 5 errors in the batch; nothing was written"})
        CHECK(r.err.find(expected) != std::string::npos);
    CHECK_FALSE(fs::exists(f.out / "summer-2019"));
}

TEST_CASE("if on a name that is not defined is false and unless on one is true", "[e2e][errors][if]") {
    Fanout f(true);
    auto r = f.run_with("      - paragraph: \"Shown only with notes.\"\n        if: text.notes\n"
                        "      - paragraph: \"Shown without notes.\"\n        unless: text.notes");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("warning") == std::string::npos);  // nothing like 'text.notes' exists
    const std::string t = f.pdf("S1", "Kent");
    CHECK(t.find("Shown without notes.") != std::string::npos);
    CHECK(t.find("Shown only with notes.") == std::string::npos);
}

TEST_CASE("if on a misspelt name warns once with the name it is close to and is false", "[e2e][errors][if]") {
    Fanout f(true);
    auto r = f.run_with("      - paragraph: \"Named setting.\"\n        if: entity.nmae");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(std::regex_search(r.err, std::regex("template\\.yaml:\\d+:\\d+: warning: 'entity\\.nmae' is not defined, so the condition is false")));
    CHECK(r.err.find("hint: did you mean 'entity.name'?") != std::string::npos);
    CHECK(count_of(r.err, "warning: 'entity.nmae'") == 1);  // once for the batch, not per setting
    CHECK(f.pdf("S1", "Kent").find("Named setting.") == std::string::npos);
}

TEST_CASE("a bad row in shared data stops every report that reads it with exit 2", "[e2e][errors]") {
    Fanout f(true);
    // A national row with a percentage out of range: every setting is compared with nothing
    // else, but no report may be printed from a file with a wrong row it might read.
    std::string obs = test::read_text_file(f.root / "data/observations.csv");
    test::write_text_file(f.root / "data/observations.csv",
                          obs + "201819,Summer term,National,,,Disadvantaged,gld,101.0,1000\n");
    auto r = f.run();
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(std::regex_search(r.err, std::regex("observations\\.csv:26:\\d+: error: column 'value': a percentage must lie between 0 and 100, got '101\\.0'")));
    CHECK_FALSE(fs::exists(f.out / "summer-2019"));
}

TEST_CASE("a bad row of one setting stops only its report when validating too", "[e2e][errors]") {
    Fanout f(false);
    auto r = f.run("validate");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("FAILED summary/S4") != std::string::npos);
    CHECK(r.out.find("validated 5 of 6 reports valid, 1 failed") != std::string::npos);
    CHECK(std::regex_search(r.out, std::regex("summary/S4: .*observations\\.csv:16:\\d+: error: column 'value'")));
}

TEST_CASE("a chart with no data for one setting is a one-line statement in that setting's report",
          "[e2e][errors][charts]") {
    Fanout f(true);
    std::string settings = test::read_text_file(f.root / "data/settings.csv");
    test::write_text_file(f.root / "data/settings.csv", settings + "S7,Setting 7 Nursery,York\n");
    auto r = f.run();
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("7 of 7 reports written") != std::string::npos);
    const std::string s7 = f.pdf("S7", "York");
    CHECK(s7.find("No chart: there are no data to draw it from for Setting 7 Nursery (gap trend: no periods).") !=
          std::string::npos);
    // The other settings still draw theirs: the chart's axis title is in their text.
    const std::string s1 = f.pdf("S1", "Kent");
    CHECK(s1.find("No chart") == std::string::npos);
    CHECK(test::pdf_text((f.out / "summer-2019/York/S7.pdf").string()).find("Page 1 of") != std::string::npos);
}

TEST_CASE("a report that is not a fan-out is stopped by a bad setting row and says why", "[e2e][errors]") {
    Fanout f(false);
    std::string t = test::read_text_file(f.root / "template.yaml");
    test::write_text_file(f.root / "overview.yaml", std::regex_replace(t, std::regex("entity\\.name"), "report.area"));
    std::string batch = test::read_text_file(f.batch);
    test::write_text_file(f.batch, batch + "  - id: overview\n    template: overview.yaml\n    output: overview.pdf\n"
                                           "    title: Overview\n    area: {level: Setting, name: S1}\n");
    auto r = f.run();
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("5 of 7 reports written, 2 failed") != std::string::npos);
    CHECK(r.err.find("note: report 'overview' reads the rows of setting 'S4' (Setting 4 Nursery) as well") !=
          std::string::npos);
    CHECK(r.err.find("FAILED overview") != std::string::npos);
    CHECK_FALSE(fs::exists(f.out / "overview.pdf"));
    CHECK(fs::exists(f.out / "summer-2019/Leeds/S3.pdf"));
}
