// End to end: a fan-out over a column of the settings file (tests/fixtures/fanout-column: one
// report per locality) — as many PDFs as the column has values, each locality's figures worked
// out here from the CSVs and found in the PDF's text, a small cohort kept out of reach, and
// list --json, --shard and the manifest over the new units.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kFixture = fs::path(BOARDPACK_TEST_FIXTURES) / "fanout-column";

// Summed numerators and cohorts of one group in 2018/19 by locality, from the CSVs.
std::map<std::string, std::pair<int, int>> sums(const std::string& group) {
    std::map<std::string, std::string> locality;
    for (const auto& s : test::read_simple_csv(kFixture / "data/settings.csv")) locality[s.at("setting_id")] = s.at("locality");
    std::map<std::string, std::pair<int, int>> out;
    for (const auto& r : test::read_simple_csv(kFixture / "data/observations.csv")) {
        if (r.at("time_period") != "201819" || r.at("characteristic") != group) continue;
        auto& [num, cohort] = out[locality.at(r.at("setting_id"))];
        num += std::stoi(r.at("numerator"));
        cohort += std::stoi(r.at("cohort"));
    }
    return out;
}

}  // namespace

TEST_CASE("a fan-out over a settings column writes one report per value with the figures of its settings added up",
          "[e2e][fanout]") {
    test::TempDir dir;
    auto out = dir.path() / "out";
    auto r = test::run_boardpack({"run", (kFixture / "batch.yaml").string(), "--out", out.string()});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::set<std::string> values;
    for (const auto& s : test::read_simple_csv(kFixture / "data/settings.csv")) values.insert(s.at("locality"));
    std::set<std::string> pdfs;
    for (const auto& e : fs::directory_iterator(out / "localities")) pdfs.insert(e.path().filename().string());
    std::set<std::string> expected;
    for (const auto& v : values) expected.insert(v + ".pdf");
    CHECK(pdfs == expected);
    CHECK(values.size() == 4);

    const auto dis = sums("Disadvantaged"), other = sums("Not disadvantaged");
    for (const std::string loc : {"North", "South", "East"}) {
        const std::string text = test::pdf_flow((out / "localities" / (loc + ".pdf")).string());
        INFO(loc << ": " << text);
        const double d = 100.0 * dis.at(loc).first / dis.at(loc).second;
        const double o = 100.0 * other.at(loc).first / other.at(loc).second;
        CHECK(text.find("GLD disadvantaged " + test::one_dp(d) + "%, others " + test::one_dp(o) + "%, gap " +
                        test::one_dp(o - d) + " ppts") != std::string::npos);
        CHECK(text.find("Locality " + loc + ":") != std::string::npos);
    }
    CHECK(test::pdf_flow((out / "localities/North.pdf").string()).find("3 settings") != std::string::npos);
    // West: S7 has 3 disadvantaged children, so West's disadvantaged figure (with S8's, 3 + n
    // children) would give S7's away: it is c, and so is the gap.
    const std::string west = test::pdf_flow((out / "localities/West.pdf").string());
    INFO(west);
    CHECK(west.find("GLD disadvantaged suppressed, others suppressed, gap suppressed.") != std::string::npos);
    CHECK(west.find("suppressed because each is made of a suppressed figure of one of its settings") != std::string::npos);
}

TEST_CASE("list json and shards and the manifest cover a fan-out over a settings column", "[e2e][fanout]") {
    test::TempDir dir;
    const std::string batch = (kFixture / "batch.yaml").string();
    auto list = test::run_boardpack({"list", batch, "--json", "--out", (dir.path() / "o").string()});
    REQUIRE(list.exit_code == 0);
    auto j = nlohmann::json::parse(list.out);
    std::set<std::string> keys;
    for (const auto& u : j.at("reports")) keys.insert(u.at("key").get<std::string>());
    CHECK(keys == std::set<std::string>{"locality/East", "locality/North", "locality/South", "locality/West"});
    std::set<std::string> sharded;
    for (const char* shard : {"1/2", "2/2"}) {
        auto r = test::run_boardpack({"list", batch, "--json", "--shard", shard, "--out", (dir.path() / "o").string()});
        INFO(r.out << r.err);
        REQUIRE(r.exit_code == 0);
        const auto listed = nlohmann::json::parse(r.out).at("reports");
        CHECK_FALSE(listed.empty());
        for (const auto& u : listed) CHECK(sharded.insert(u.at("key").get<std::string>()).second);
    }
    CHECK(sharded == keys);
    auto run = test::run_boardpack({"run", batch, "--out", (dir.path() / "o").string()});
    REQUIRE(run.exit_code == 0);
    const std::string manifest = test::read_text_file(dir.path() / "o/manifest.json");
    for (const auto& k : keys) CHECK(manifest.find("\"key\": \"" + k + "\"") != std::string::npos);
}

TEST_CASE("a fan-out over a column the settings file lacks stops the batch with the closest column named",
          "[e2e][fanout]") {
    test::TempDir dir;
    fs::copy(kFixture, dir.path() / "b", fs::copy_options::recursive);
    REQUIRE(test::edit_file(dir.path() / "b/batch.yaml", "for_each: locality", "for_each: localty") == 1);
    auto r = test::run_boardpack({"validate", (dir.path() / "b/batch.yaml").string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("fans out over 'localty', which is neither 'setting', 'local_authority' nor a column of "
                     "the settings file") != std::string::npos);
    CHECK(r.err.find("did you mean 'locality'?") != std::string::npos);
}
