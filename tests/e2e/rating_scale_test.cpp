// End to end: a batch's own statuses and a rating scale (tests/fixtures/rating-scale/: an EIF
// maturity matrix rated 1–4 at two dates, a RAG from thresholds) through the real binary.
// Expected words are worked out here from the fixture's CSV.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kFixture = test::source_dir() / "tests/fixtures/rating-scale";

struct Rendered {
    test::TempDir dir;
    test::RunResult run, charts;
    std::string text, svg_grouped, svg_status, alt_grouped;
    Rendered() {
        run = test::run_boardpack({"run", (kFixture / "batch.yaml").string(), "--out", dir.path().string()});
        text = test::squeeze(test::pdf_text((dir.path() / "matrix.pdf").string()));
        charts = test::run_boardpack({"charts", (kFixture / "batch.yaml").string(), "--format", "svg", "--out",
                                      (dir.path() / "svg").string()});
        // Exported files are named by the chart's number and its title.
        auto exported = [&](const std::string& prefix, const std::string& ext) {
            for (const auto& e : fs::directory_iterator(dir.path() / "svg/matrix"))
                if (e.path().filename().string().rfind(prefix, 0) == 0 && e.path().extension() == ext)
                    return test::read_text_file(e.path());
            return std::string();
        };
        svg_grouped = exported("01-", ".svg");
        svg_status = exported("02-", ".svg");
        alt_grouped = exported("01-", ".txt");
    }
};
const Rendered& rendered() {
    static Rendered r;
    return r;
}

const char* const kWords[] = {"", "Beginning", "Developing", "Embedding", "Mature"};

}  // namespace

TEST_CASE("a rating table shows each area's two ratings with their words and a status of the batch's own",
          "[e2e][statuses]") {
    const auto& r = rendered();
    INFO(r.run.out << r.run.err);
    REQUIRE(r.run.exit_code == 0);
    const std::map<std::string, std::string> labels = {
        {"eif_leadership", "Leadership"}, {"eif_data", "Data and performance"},
        {"eif_partnership", "Partnership working"}, {"eif_quality", "Quality of services"},
        {"eif_access", "Access to targeted support"}};
    std::map<std::string, std::map<std::string, int>> rating;
    for (const auto& row : test::read_simple_csv(kFixture / "data/observations.csv"))
        if (row.at("measure").rfind("eif_", 0) == 0)
            rating[row.at("measure")][row.at("time_period")] = std::stoi(row.at("value"));
    REQUIRE(rating.size() == 5);
    for (const auto& [measure, by_year] : rating) {
        const int before = by_year.at("202223"), after = by_year.at("202324");
        const std::string word = after > before ? "\xE2\x96\xB2 Improved" : after == before ? "\xE2\x97\x8F Same" : "\xE2\x96\xBC Declined";
        const std::string line = labels.at(measure) + " " + std::to_string(before) + " " + kWords[before] + " " +
                                 std::to_string(after) + " " + kWords[after] + " " + word;
        INFO(line);
        CHECK(r.text.find(line) != std::string::npos);
    }
    CHECK(r.text.find("Leadership moved from 2 (Developing) to 3 (Embedding).") != std::string::npos);
}

TEST_CASE("a RAG from thresholds rates each group's latest value with the word and its symbol", "[e2e][statuses]") {
    const auto& r = rendered();
    // FSM 61.4 is at least 60 but below 70: Amber; Not FSM 71.8 is at least 70: Green.
    CHECK(r.text.find("FSM 61.4% \xE2\x97\x86 Amber") != std::string::npos);
    CHECK(r.text.find("Not FSM 71.8% \xE2\x97\x8F Green") != std::string::npos);
}

TEST_CASE("a chart of a 1 to 4 rating labels its axis with the scale's words, never a percentage",
          "[e2e][statuses]") {
    const auto& r = rendered();
    INFO(r.charts.out << r.charts.err);
    REQUIRE(r.charts.exit_code == 0);
    for (const char* word : {"Beginning", "Developing", "Embedding", "Mature"}) {
        CHECK(r.svg_grouped.find(std::string(">") + word + "</text>") != std::string::npos);
        CHECK(r.svg_status.find(std::string(">") + word + "</text>") != std::string::npos);
    }
    CHECK(r.svg_grouped.find("%</text>") == std::string::npos);
    CHECK(r.svg_status.find(">Improved</text>") != std::string::npos);
    CHECK(r.svg_status.find(">Declined</text>") != std::string::npos);
    CHECK(r.alt_grouped.find("From 2022/23 to 2023/24, figures rose in 3, fell in 1 and stayed the same in 1 of the 5 measures") == 0);
    CHECK(r.alt_grouped.find("access to targeted support: 2 (Developing) against 4 (Mature)") != std::string::npos);
    // The PDF's chart text: the words, and no "3%".
    CHECK(r.text.find("Mature") != std::string::npos);
    CHECK(r.text.find("3%") == std::string::npos);
}
