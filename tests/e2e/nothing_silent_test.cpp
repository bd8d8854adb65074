// End to end: nothing silent (tests/fixtures/groups-join). `groups:` on a data source renames
// the data's groups to the report's, so a national file with DfE names and a local file with
// short names join; a target, comparator or chart series that matches no row is an error at
// its line, never a quiet "No data" or a missing line.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kFixture = fs::path(BOARDPACK_TEST_FIXTURES) / "groups-join";

// The fixture copied to a temporary folder, with `from` replaced by `to` in one of its files.
struct Variant {
    test::TempDir dir;
    Variant(const std::string& file, const std::string& from, const std::string& to) {
        fs::copy(kFixture, dir.path(), fs::copy_options::recursive);
        std::string s = test::read_text_file(dir.path() / file);
        auto at = s.find(from);
        REQUIRE(at != std::string::npos);
        s.replace(at, from.size(), to);
        test::write_text_file(dir.path() / file, s);
    }
    test::RunResult validate() const { return test::run_boardpack({"validate", "batch.yaml"}, dir.path().string()); }
};

}  // namespace

TEST_CASE("a national file with DfE names and a local file with short names join through groups", "[e2e][groups]") {
    test::TempDir out;
    auto r = test::run_boardpack({"run", (kFixture / "batch.yaml").string(), "--out", out.path().string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string text = test::squeeze(test::pdf_text((out.path() / "kent.pdf").string()));
    INFO(text);
    // Kent FSM 260 / 500 = 52.0% against England's Not known to be FSM eligible 408083 / 549204
    // = 74.305…%: the gap is 22.304… ppts; against England's FSM eligible 50732 / 89742 =
    // 56.531…%: 4.530… ppts.
    CHECK(text.find(" FSM Not FSM (England) 52.0% 74.3% 22.3") != std::string::npos);
    CHECK(text.find(" FSM FSM (England) 52.0% 56.5% 4.5") != std::string::npos);
    CHECK(test::pdf_flow((out.path() / "kent.pdf").string()).find("non-FSM children in England is 22.3 ppts.") !=
          std::string::npos);
    // The chart's comparator line is drawn and labelled with the report's name.
    CHECK(text.find("Not FSM (England) 74.3%") != std::string::npos);
    // The data's names are gone everywhere: they were renamed, not added.
    CHECK(text.find("FSM eligible") == std::string::npos);
    CHECK(text.find("Not known to be") == std::string::npos);
}

TEST_CASE("without the rename a national comparator that matches no row is an error at the target", "[e2e][groups]") {
    Variant v("batch.yaml", "      groups: {\"FSM eligible\": FSM, \"Not known to be FSM eligible\": Not FSM}\n", "");
    auto r = v.validate();
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("data/targets.csv:2:1: error: target T1: group 'Not FSM' has no rows for gld in England in "
                     "national.csv, which has 'FSM eligible' and 'Not known to be FSM eligible'") != std::string::npos);
    CHECK(r.err.find("hint: map one with data.observations.groups, e.g. groups: {\"Not known to be FSM eligible\": "
                     "Not FSM}") != std::string::npos);
    CHECK(r.err.find("data/targets.csv:3:1: error: target T2: group 'FSM' has no rows for gld in England") !=
          std::string::npos);
}

TEST_CASE("a target whose group has no rows in the report's area fails the report at the target's row", "[e2e][groups]") {
    Variant v("batch.yaml", "name: Kent", "name: Essex");
    test::write_text_file(v.dir.path() / "data/local.csv",
               test::read_text_file(kFixture / "data/local.csv") +
                   "201819,Academic year,Local authority,Essex,Not FSM,gld,70.0,100,70\n");
    auto r = v.validate();
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("data/targets.csv:2:1: error: target T1: group 'FSM' has no rows for gld in Essex "
                     "(Local authority) in local.csv, which has 'Not FSM'") != std::string::npos);
}

TEST_CASE("a chart series that matches no row is an error at its template line", "[e2e][groups]") {
    SECTION("a line chart's area") {
        Variant v("template.yaml", "          kind: gap_trend\n          measure: gld\n          group: FSM\n          comparator: \"National: Not FSM\"\n",
                  "          kind: line\n          measure: gld\n          group: FSM\n          areas: \"Kent, Essex\"\n");
        auto r = v.validate();
        CHECK(r.exit_code != 0);
        CHECK(r.err.find("template.yaml:12:18: error: 'Essex' has no rows for gld at Local authority level") !=
              std::string::npos);
    }
    SECTION("a gap chart's national line") {
        Variant v("template.yaml", "          comparator: \"National: Not FSM\"\n",
                  "          comparator: Not FSM\n          national: true\n");
        test::write_text_file(v.dir.path() / "data/national.csv", "time_period,time_identifier,geographic_level,country_name,characteristic,measure,value\n"
                                                      "201819,Academic year,National,England,Not FSM,gld,74.3\n");
        test::write_text_file(v.dir.path() / "data/targets.csv", "id,measure,characteristic,comparator,time_period,kind,target,baseline_period\n"
                                                     "T1,gld,FSM,National: Not FSM,201819,gap_at_most,20,\n");
        auto r = v.validate();
        CHECK(r.exit_code != 0);
        CHECK(r.err.find("template.yaml:13:21: error: group 'FSM' has no rows for gld in England in national.csv, "
                         "which has 'Not FSM'") != std::string::npos);
    }
}
