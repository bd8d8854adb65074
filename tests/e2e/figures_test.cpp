// End to end: figures by name, series_table and cross-references (tests/fixtures/figures, on
// the EYQIP sample's CSVs) through the real binary. The expected gaps and changes are worked
// out here from numerator / cohort of the CSV rows, and found in the PDF's text and in the
// HTML page's tables (parsed by html5lib, tests/tools/html_tables.py).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>
#include <sstream>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kFixture = test::source_dir() / "tests/fixtures/figures";
const fs::path kObservations = test::source_dir() / "samples/eyqip/data/observations.csv";

struct Rendered {
    test::TempDir dir;
    test::RunResult run;
    std::string text;
    std::vector<std::vector<std::string>> html_rows;  // every table row of the HTML page
    Rendered() {
        run = test::run_boardpack({"run", (kFixture / "batch.yaml").string(), "--out", dir.path().string()});
        text = test::pdf_text((dir.path() / "figures.pdf").string());
        std::replace(text.begin(), text.end(), '\n', ' ');  // narrative wraps; rows stay whole
        text = test::squeeze(text);
        auto r = test::run({"/usr/bin/python3", (test::source_dir() / "tests/tools/html_tables.py").string(),
                            (dir.path() / "figures.html").string()});
        std::istringstream in(r.out);
        for (std::string line; std::getline(in, line);) {
            if (line.rfind("ROW ", 0) != 0) continue;
            std::vector<std::string> cells;
            std::istringstream cs(line.substr(4));
            for (std::string cell; std::getline(cs, cell, '\t');) cells.push_back(cell);
            html_rows.push_back(cells);
        }
    }
};
const Rendered& rendered() {
    static Rendered r;
    return r;
}

// 100 × numerator / cohort of a row, or nullopt when the row's value is a symbol or its
// cohort is below the batch's min_cohort of 5 (then the report must show c or the symbol).
std::optional<double> pct(const std::string& level, const std::string& area, const std::string& period,
                          const std::string& group, const std::string& measure = "gld") {
    static const auto obs = test::read_simple_csv(kObservations);
    for (const auto& r : obs) {
        const std::string& where = level == "National" ? r.at("country_name")
                                   : level == "Setting" ? r.at("setting_id")
                                                        : r.at("la_name");
        if (r.at("geographic_level") != level || where != area || r.at("time_period") != period ||
            r.at("characteristic") != group || r.at("measure") != measure)
            continue;
        if (r.at("numerator").empty() || r.at("cohort") == "z" || std::stod(r.at("cohort")) < 5) return std::nullopt;
        return 100.0 * std::stod(r.at("numerator")) / std::stod(r.at("cohort"));
    }
    FAIL("no row " << level << " " << area << " " << period << " " << group);
    return std::nullopt;
}

std::optional<double> gap(const std::string& level, const std::string& area, const std::string& period,
                          const std::string& measure = "gld") {
    auto fsm = pct(level, area, period, "FSM", measure), other = pct(level, area, period, "Not FSM", measure);
    if (!fsm || !other) return std::nullopt;
    return *other - *fsm;
}

// As the tables print it: one place, or c; a change with its sign.
std::string shown(const std::optional<double>& v, bool sign = false) {
    if (!v) return "c";
    // Not within reach of a rounding half, so double arithmetic here cannot disagree with
    // the engine's exact fractions.
    const double tenths = std::fabs(*v) * 10;
    REQUIRE(std::fabs(tenths - std::floor(tenths) - 0.5) > 1e-6);
    std::string s = test::one_dp(*v);
    return sign && *v > 0 ? "+" + s : s;
}

std::optional<double> change(const std::optional<double>& later, const std::optional<double>& earlier) {
    if (!later || !earlier) return std::nullopt;
    return *later - *earlier;
}

const char* kYears[] = {"201617", "201718", "201819"};

std::vector<std::string> gap_row(const std::string& label, const std::string& level, const std::string& area) {
    std::vector<std::string> row = {label};
    for (const char* y : kYears) row.push_back(shown(gap(level, area, y)));
    row.push_back(shown(change(gap(level, area, "201819"), gap(level, area, "201617")), true));
    return row;
}

}  // namespace

TEST_CASE("figures without targets, England's gap beside the LA's and a setting's, reach the PDF and the HTML",
          "[e2e][figures]") {
    const auto& r = rendered();
    INFO(r.run.out << r.run.err);
    REQUIRE(r.run.exit_code == 0);
    const auto england = gap_row("England", "National", "England");
    const auto la = gap_row("Stoke-on-Trent", "Local authority", "Stoke-on-Trent");
    const auto setting = gap_row("Setting EYQ12", "Setting", "EYQ12");
    // EYQ12's FSM cohorts are 4 and 3 in 2016/17 and 2018/19: suppressed, never a number.
    CHECK(setting == std::vector<std::string>{"Setting EYQ12", "c", shown(gap("Setting", "EYQ12", "201718")), "c", "c"});
    for (const auto* row : {&england, &la, &setting}) {
        std::string line;
        for (const auto& cell : *row) line += (line.empty() ? "" : " ") + cell;
        INFO(line);
        CHECK(r.text.find(line) != std::string::npos);
        CHECK(std::find(r.html_rows.begin(), r.html_rows.end(), *row) != r.html_rows.end());
    }
    // EYQ05 is z (not applicable) throughout: the symbol stays.
    const std::vector<std::string> z = {"Setting EYQ05", "z", "z", "z", "z"};
    CHECK(std::find(r.html_rows.begin(), r.html_rows.end(), z) != r.html_rows.end());
    CHECK(r.text.find("Setting EYQ05 z z z z") != std::string::npos);
}

TEST_CASE("narrative names any figure and cross-references match the captions in PDF and HTML", "[e2e][figures]") {
    const auto& r = rendered();
    REQUIRE(r.run.exit_code == 0);
    const std::string la_gap = shown(gap("Local authority", "Stoke-on-Trent", "201819"));
    const std::string england_gap = shown(gap("National", "England", "201819"));
    CHECK(r.text.find("Stoke-on-Trent was " + la_gap + " ppts, against " + england_gap + " ppts in England (Table 1).") !=
          std::string::npos);
    CHECK(r.text.find("Table 1: GLD: the gap between FSM and other children") != std::string::npos);
    CHECK(r.text.find("(Figure 1)") != std::string::npos);
    CHECK(r.text.find("Figure 1: GLD, FSM and other children in Stoke-on-Trent") != std::string::npos);
    // Communication and language has no target; its gap is there all the same.
    const std::string cl = shown(gap("Local authority", "Stoke-on-Trent", "201819", "elg_cl"));
    CHECK(r.text.find("the FSM gap was " + cl + " ppts in 2018/19") != std::string::npos);
    // The trajectory: gap 2016/17 + (12 − gap 2016/17) × 2/3 (baseline 2016/17, target 2019/20).
    const double base = *gap("Local authority", "Stoke-on-Trent", "201617");
    CHECK(r.text.find("at most " + shown(base + (12 - base) * 2 / 3) + " ppts in 2018/19") != std::string::npos);
    const auto la_change = change(gap("Local authority", "Stoke-on-Trent", "201819"), gap("Local authority", "Stoke-on-Trent", "201617"));
    CHECK(r.text.find("since the baseline it has changed by " + shown(la_change, true) + " ppts.") != std::string::npos);
    const std::string html = test::read_text_file(r.dir.path() / "figures.html");
    CHECK(html.find("(Table 1)") != std::string::npos);
    CHECK(html.find("(Figure 1)") != std::string::npos);
    CHECK(html.find('\x01') == std::string::npos);
}
