#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "engine/data/loaders.h"
#include "engine/data/records.h"
#include "tests/support/exact.h"
#include "tests/support/temp_dir.h"

using namespace engine;
using namespace engine::data;

namespace {
std::string fixture(const std::string& name) {
    return std::string(BOARDPACK_TEST_FIXTURES) + "/data/" + name;
}
Period summer18() { return {2018, PeriodKind::SummerTerm}; }
}  // namespace

TEST_CASE("records aggregate to % at expected or above, by group, setting, LA and project",
          "[data][records]") {
    core::DiagnosticSink sink;
    EntityTable settings;
    REQUIRE(load_entities(fixture("settings.csv"), settings, sink));
    RecordsSpec spec;
    spec.path = fixture("records.csv");
    spec.areas = {"communication_language", "literacy"};
    spec.gld_areas = {"communication_language", "literacy"};
    spec.project_name = "TfS";
    ObservationTable obs;
    RecordsSummary summary;
    REQUIRE(load_records(spec, settings, obs, sink, &summary));
    CHECK(sink.error_count() == 0);
    CHECK(summary.rows == 9);
    CHECK(summary.children == 4);

    // Setting S1, communication and language, summer: C1 expected (D), C2 exceeding (ND).
    auto d = obs.find("communication_language", "Disadvantaged", kSetting, "S1", summer18());
    REQUIRE(d);
    CHECK(*d->value().number == 100);
    CHECK(*d->cohort() == 1);
    // Stoke-on-Trent literacy, all children: C1 emerging, C2 expected, C3 emerging -> 1 of 3.
    auto la = obs.find("literacy", "Total", kLocalAuthority, "Stoke-on-Trent", summer18());
    REQUIRE(la);
    CHECK(*la->value().number == test::frac(100, 3));  // exact, not 33.333…
    CHECK(*la->numerator() == 1);
    CHECK(*la->cohort() == 3);
    // GLD (both areas at or above): C2 and C4 of the four children -> 50% for the project.
    auto gld = obs.find("gld", "Total", kProject, "TfS", summer18());
    REQUIRE(gld);
    CHECK(*gld->value().number == 50);
    CHECK(*gld->cohort() == 4);
    // The autumn term has only one area for C1: no child has every GLD area, so no GLD row.
    CHECK_FALSE(obs.find("gld", "Total", kProject, "TfS", {2018, PeriodKind::AutumnTerm}));
    // Not disadvantaged GLD project-wide: C2 and C4 -> 100%.
    CHECK(*obs.find("gld", "Not disadvantaged", kProject, "TfS", summer18())->value().number == 100);
}

TEST_CASE("records report unknown settings, judgements, flags and duplicates at row and column",
          "[data][records]") {
    core::DiagnosticSink sink;
    EntityTable settings;
    REQUIRE(load_entities(fixture("settings.csv"), settings, sink));
    std::string path = fixture("records.csv");
    RecordsSpec spec;
    spec.path = path;
    ObservationTable obs;
    // Run on a copy with problems written in.
    std::string bad_path = std::filesystem::temp_directory_path() / "bp_records_bad.csv";
    {
        std::FILE* f = std::fopen(bad_path.c_str(), "w");
        std::fputs("child_id,setting_id,time_period,time_identifier,area_of_learning,judgement,disadvantaged\n"
                   "C1,S9,201819,Summer term,literacy,expected,Y\n"
                   "C2,S1,201819,Summer term,literacy,good,N\n"
                   "C3,S1,201819,Summer term,literacy,expected,Yes\n"
                   "C4,S1,201819,Summer term,literacy,expected,N\n"
                   "C4,S1,201819,Summer term,literacy,emerging,N\n",
                   f);
        std::fclose(f);
    }
    spec.path = bad_path;
    CHECK_FALSE(load_records(spec, settings, obs, sink));
    std::string all = sink.str();
    CHECK(all.find(bad_path + ":2:4: error: column 'setting_id': unknown setting 'S9'") != std::string::npos);
    CHECK(all.find(bad_path + ":3:35: error: column 'judgement': unknown judgement 'good'") != std::string::npos);
    CHECK(all.find(bad_path + ":4:44: error: column 'disadvantaged': unexpected value 'Yes'") != std::string::npos);
    CHECK(all.find(bad_path + ":6:1: error: duplicate record: child 'C4', Summer term 2018/19, literacy already appears on line 5") != std::string::npos);
    CHECK(obs.empty());
}

TEST_CASE("a real-shaped EES wide file loads through its indicator mapping and meta file",
          "[data][ees]") {
    core::DiagnosticSink sink;
    ObservationSource src;
    src.path = fixture("eyfsp_fsm.csv");
    src.wide = true;
    src.ignore_unknown_columns = true;
    src.group_column = "breakdown";
    src.filters = {{"sex", "Total"}};
    src.indicators = {{"gld_percentage", "gld", "children_number", "gld_number"}};
    src.meta_path = fixture("eyfsp_fsm.meta.csv");
    Catalog catalog;
    ObservationTable obs;
    REQUIRE(load_observations(src, catalog, obs, sink));
    CHECK(sink.str().empty());
    CHECK(obs.rows().size() == 5);  // the Boys row is filtered out
    auto fsm = obs.find("gld", "FSM", kNational, "England", {2018, PeriodKind::AcademicYear});
    REQUIRE(fsm);
    // Published as 56.5; with its counts the unrounded value is numerator / cohort.
    CHECK(*fsm->value().number == test::frac(100 * 50732, 89742));
    CHECK(*fsm->cohort() == 89742);
    CHECK(*fsm->numerator() == 50732);
    // Labels, unit and decimal places come from the meta file.
    REQUIRE(catalog.measure("gld"));
    CHECK(catalog.measure("gld")->label == "Percentage achieving a good level of development");
    CHECK(catalog.measure("gld")->unit == Unit::Percent);
    CHECK(catalog.measure("gld")->dp == 1);
}

TEST_CASE("an indicator missing from the meta file is an error", "[data][ees]") {
    core::DiagnosticSink sink;
    ObservationSource src;
    src.path = fixture("eyfsp_fsm.csv");
    src.wide = true;
    src.ignore_unknown_columns = true;
    src.group_column = "breakdown";
    src.indicators = {{"gld_pct", "gld", "", ""}};
    src.meta_path = fixture("eyfsp_fsm.meta.csv");
    Catalog catalog;
    ObservationTable obs;
    CHECK_FALSE(load_observations(src, catalog, obs, sink));
    CHECK(sink.str().find("indicator 'gld_pct' (mapped to measure 'gld') is not described in the "
                          "metadata file") != std::string::npos);
}

TEST_CASE("rows that filters leave out are not checked", "[data][observations]") {
    auto path = std::filesystem::temp_directory_path() / "boardpack-filter-test.csv";
    if (std::FILE* f = std::fopen(path.c_str(), "w")) {
        std::fputs("time_period,time_identifier,geographic_level,country_name,lad_name,characteristic,measure,value\n"
                   "201819,Academic year,National,England,,FSM,gld,57.0\n"
                   "201819,Academic year,Local authority district,England,Stafford,FSM,gld,55.0\n",
                   f);
        std::fclose(f);
    }
    core::DiagnosticSink sink;
    ObservationSource src;
    src.path = path.string();
    src.filters = {{"geographic_level", "National"}};
    Catalog catalog;
    ObservationTable obs;
    CHECK(load_observations(src, catalog, obs, sink));
    CHECK(sink.str().empty());
    CHECK(obs.rows().size() == 1);
    // Without the filter the unknown level is an error at its cell.
    core::DiagnosticSink sink2;
    src.filters.clear();
    ObservationTable obs2;
    CHECK_FALSE(load_observations(src, catalog, obs2, sink2));
    CHECK(sink2.str().find(":3:") != std::string::npos);
    CHECK(sink2.str().find("unknown geographic level 'Local authority district'") != std::string::npos);
    std::filesystem::remove(path);
}

namespace {
// Writes `text` as an observations file and loads it with `tuning`; the diagnostics as text.
std::string load_observation_text(const std::string& text, const ObservationLoading& tuning,
                                  ObservationTable& obs, std::size_t max_stored = 100) {
    // A folder of its own: ctest runs these test cases as concurrent processes.
    test::TempDir dir;
    auto path = dir.path() / "blocks-test.csv";
    if (std::FILE* f = std::fopen(path.c_str(), "w")) {
        std::fputs(text.c_str(), f);
        std::fclose(f);
    }
    core::DiagnosticSink sink(max_stored);
    ObservationSource src;
    src.path = path.string();
    Catalog catalog;
    load_observations(src, catalog, obs, sink, tuning);
    std::filesystem::remove(path);
    std::string out = sink.str();
    // The file's name differs from run to run; only the places matter.
    for (std::size_t at; (at = out.find(src.path)) != std::string::npos;) out.replace(at, src.path.size(), "f");
    return out;
}
// Blocks of `rows` rows, checked on a worker thread whatever the file's size.
ObservationLoading threaded_blocks(std::size_t rows) { return {rows, 0}; }
// One block on the calling thread: the order of the loader before blocks.
ObservationLoading one_block() { return {std::size_t{1} << 30, std::size_t{1} << 40}; }
const char* const kObsHeader =
    "time_period,time_identifier,geographic_level,country_name,characteristic,measure,value\n";
}  // namespace

TEST_CASE("a quoted field with a newline is read whole across a block boundary",
          "[data][observations][blocks]") {
    // Row 2's group spans lines 3 and 4; with a block a row, the next block starts after it.
    const std::string text = std::string(kObsHeader) +
                             "201819,Academic year,National,England,FSM,gld,57.0\n"
                             "201819,Academic year,National,England,\"Not\nFSM\",gld,60.0\n"
                             "201819,Academic year,National,England,Total,gld,5x\n";
    for (std::size_t rows : {1, 2}) {
        ObservationTable obs;
        std::string diags = load_observation_text(text, threaded_blocks(rows), obs);
        CHECK(diags ==
              "f:5:49: error: column 'value': expected a number or a missing-value symbol, got '5x'\n"
              "  hint: missing values use the EES symbols c (suppressed), x (not available), z (not "
              "applicable), low or k (rounds to zero), u (low reliability)\n");
        ObservationTable one;
        CHECK(load_observation_text(text, one_block(), one) == diags);
        CHECK(obs.rows().size() == 2);
        auto not_fsm = obs.find("gld", "Not\nFSM", kNational, "England", {2018, PeriodKind::AcademicYear});
        REQUIRE(not_fsm);
        CHECK(*not_fsm->value().number == 60);
    }
}

TEST_CASE("an error in the second block names its own row", "[data][observations][blocks]") {
    const std::string text = std::string(kObsHeader) +
                             "201819,Academic year,National,England,FSM,gld,57.0\n"
                             "201819,Academic year,National,England,Not FSM,gld,60.0\n"
                             "201819,Academic year,National,England,Total,gld,58.0\n"
                             "201819,Academic yr,National,England,Other,gld,1.0\n";
    ObservationTable obs;
    std::string diags = load_observation_text(text, threaded_blocks(2), obs);
    CHECK(diags.rfind("f:5:8: error: column 'time_identifier': unknown time_identifier 'Academic yr'", 0) == 0);
    CHECK(obs.rows().size() == 3);
}

TEST_CASE("diagnostics from several blocks come in the file's order, duplicates among them",
          "[data][observations][blocks]") {
    // Errors found by the checks (bad values, a short row) and by the table (duplicates) in
    // rows spread over four blocks of two rows.
    const std::string text = std::string(kObsHeader) +
                             "201819,Academic year,National,England,FSM,gld,57.0\n"     // 2
                             "201819,Academic year,National,England,FSM,gld,57.0\n"     // 3 dup of 2
                             "201819,Academic year,National,England,A,gld,bad\n"        // 4
                             "201819,Academic year,National,England,B,gld,1.0\n"        // 5
                             "201819,Academic year,National,England,B,gld,1.0\n"        // 6 dup of 5
                             "201819,Academic year,National,England,C\n"                // 7 short
                             "201819,Academic year,National,England,D,gld,1.0\n"        // 8
                             "201819,Academic year,National,England,E,gld,-\n";         // 9
    const std::string expected =
        "f:3:1: error: duplicate observation: gld, FSM, England, 2018/19 already appears at f:2:1\n"
        "f:4:45: error: column 'value': expected a number or a missing-value symbol, got 'bad'\n"
        "f:6:1: error: duplicate observation: gld, B, England, 2018/19 already appears at f:5:1\n"
        "f:7:1: error: expected 7 fields as in the header, got 5\n"
        "f:9:45: error: column 'value': expected a number or a missing-value symbol, got '-'\n";
    auto without_hints = [](const std::string& s) {
        std::string out;
        for (std::size_t at = 0; at < s.size();) {
            std::size_t eol = s.find('\n', at);
            std::string line = s.substr(at, eol - at + 1);
            if (line.rfind("  hint:", 0) != 0) out += line;
            at = eol + 1;
        }
        return out;
    };
    ObservationTable one, blocks;
    const std::string sequential = load_observation_text(text, one_block(), one);
    CHECK(without_hints(sequential) == expected);
    CHECK(load_observation_text(text, threaded_blocks(2), blocks) == sequential);
    CHECK(blocks.rows().size() == one.rows().size());
    // The cap on stored errors keeps the first ones, and counts the rest.
    ObservationTable capped;
    const std::string first_two = load_observation_text(text, threaded_blocks(2), capped, 2);
    CHECK(first_two.rfind("f:3:1: error: duplicate", 0) == 0);
    CHECK(first_two.find("f:4:45:") != std::string::npos);
    CHECK(first_two.find("f:6:1:") == std::string::npos);
    CHECK(first_two.find("note: 3 more errors not shown") != std::string::npos);
}
