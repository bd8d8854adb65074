#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "engine/data/loaders.h"
#include "engine/data/records.h"
#include "tests/support/exact.h"

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
