// Unit tests: fan-out over a column of the settings file — settings grouped by value, the
// group's figures added up from its settings' rows, disclosure control of those figures, and
// the located errors for an unknown column or an empty value.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "engine/batch/batch_data.h"
#include "engine/core/text.h"
#include "engine/batch/fan_out.h"
#include "engine/batch/report_job.h"
#include "engine/batch/terms.h"
#include "engine/data/entity_aggregates.h"
#include "engine/metrics/suppression.h"
#include "tests/support/temp_dir.h"

using namespace engine;

namespace {

data::Period summer(int y) { return {y, data::PeriodKind::SummerTerm}; }

data::EntityTable settings() {
    data::EntityTable t;
    t.add({"S1", "Ash", "Kent", {{"locality", "North"}}, {}});
    t.add({"S2", "Birch", "Kent", {{"locality", "North"}}, {}});
    t.add({"S3", "Cedar", "Medway", {{"locality", "South"}}, {}});
    t.add({"S4", "Damson", "Medway", {{"locality", ""}}, {}});
    return t;
}

// A setting row of measure gld.
void add(data::ObservationTable& t, const std::string& setting, const std::string& group, data::Value v,
         std::optional<double> cohort, std::optional<double> numerator = std::nullopt) {
    data::Observation o;
    o.period = summer(2018);
    o.level = data::kSetting;
    o.area = setting;
    o.group = group;
    o.measure = "gld";
    o.value = std::move(v);
    o.cohort = cohort;
    o.numerator = numerator;
    o.where = {"obs.csv", static_cast<int>(t.size()) + 2, 1};
    t.add(o);
}

data::Catalog catalog() {
    data::Catalog c;
    c.measures["gld"] = {"gld", "GLD", "GLD", data::Unit::Percent, 1, data::Polarity::HigherIsBetter, std::nullopt};
    c.measures["days"] = {"days", "Days", "Days", data::Unit::Number, 0, data::Polarity::HigherIsBetter, std::nullopt};
    return c;
}

std::string value_of(const data::ObservationTable& t, const std::string& area, const std::string& group,
                     const std::string& measure = "gld") {
    auto row = t.find(measure, group, "locality", area, summer(2018));
    if (!row) return "no row";
    auto v = row->value();
    if (!v.number) return "missing " + v.symbol;
    std::ostringstream s;
    s << *v.number;
    return s.str();
}

}  // namespace

TEST_CASE("settings are grouped by any column's value in sorted order and empty values are left out",
          "[batch][fanout]") {
    auto t = settings();
    auto groups = data::settings_by_value(t, "locality");
    REQUIRE(groups.size() == 2);
    CHECK(groups.begin()->first == "North");
    CHECK(groups.at("North").size() == 2);
    CHECK(groups.at("North")[0]->id == "S1");
    CHECK(groups.at("South").size() == 1);
    auto by_la = data::settings_by_value(t, "la_name");
    CHECK(by_la.at("Medway").size() == 2);
}

TEST_CASE("a group's percentage is its numerators over its cohorts and a missing member makes it missing",
          "[batch][fanout]") {
    data::ObservationTable t;
    add(t, "S1", "Total", data::Value::of(core::Exact::ratio(600, 7)), 7, 6);
    add(t, "S2", "Total", data::Value::of(50), 10, 5);
    add(t, "S3", "Total", data::Value::of(40), 10, 4);
    add(t, "S1", "FSM", data::Value::of(50), 4);  // no numerator: cohort-weighted
    add(t, "S2", "FSM", data::Value::of(80), 6);
    add(t, "S3", "FSM", data::Value::missing_as(data::Missing::Suppressed, "c"), std::nullopt);
    add(t, "S1", "Boys", data::Value::of(30), std::nullopt);  // no cohorts: the plain mean
    add(t, "S2", "Boys", data::Value::of(41), std::nullopt);
    add(t, "S1", "Girls", data::Value::of(70), 8);
    add(t, "S2", "Girls", data::Value::missing_as(data::Missing::NotAvailable, "x"), std::nullopt);
    auto es = settings();
    const auto passes = t.full_passes();
    auto rows = data::add_aggregates(t, catalog(), "locality", data::settings_by_value(es, "locality"));
    CHECK(t.full_passes() == passes);  // through the settings' slices, never a walk of the rows
    CHECK(t.find("gld", "Total", "locality", "North", summer(2018))->value().number ==
          core::Exact::ratio(1100, 17));  // (6 + 5) / (7 + 10) × 100, exactly
    CHECK(t.find("gld", "Total", "locality", "North", summer(2018))->cohort() == 17.0);
    CHECK(t.find("gld", "Total", "locality", "North", summer(2018))->numerator() == 11.0);
    CHECK(t.find("gld", "FSM", "locality", "North", summer(2018))->value().number ==
          core::Exact::ratio(50 * 4 + 80 * 6, 10));
    CHECK(t.find("gld", "Boys", "locality", "North", summer(2018))->value().number == core::Exact::ratio(71, 2));
    CHECK_FALSE(t.find("gld", "Boys", "locality", "North", summer(2018))->cohort());
    CHECK(value_of(t, "North", "Girls") == "missing x");
    CHECK(value_of(t, "South", "FSM") == "missing c");
    CHECK(value_of(t, "South", "Total") == "40");
    // Each added row knows the setting rows it is made of.
    REQUIRE_FALSE(rows.empty());
    CHECK(rows.front().members.size() == 2);
}

TEST_CASE("a group's count is the sum of its settings' counts", "[batch][fanout]") {
    data::ObservationTable t;
    for (const auto& [s, v] : std::vector<std::pair<std::string, int>>{{"S1", 3}, {"S2", 4}, {"S3", 9}}) {
        data::Observation o;
        o.period = summer(2018);
        o.level = data::kSetting;
        o.area = s;
        o.group = "Total";
        o.measure = "days";
        o.value = data::Value::of(v);
        t.add(o);
    }
    auto es = settings();
    data::add_aggregates(t, catalog(), "locality", data::settings_by_value(es, "locality"));
    CHECK(value_of(t, "North", "Total", "days") == "7");
    CHECK(value_of(t, "South", "Total", "days") == "9");
}

TEST_CASE("a group's figure made of a suppressed setting figure is suppressed and the footnote says why",
          "[batch][fanout][suppression]") {
    data::ObservationTable t;
    add(t, "S1", "Disadvantaged", data::Value::of(50), 3, 2);  // small: suppressed
    add(t, "S1", "Not disadvantaged", data::Value::of(60), 10, 6);
    add(t, "S1", "Total", data::Value::of(core::Exact::ratio(800, 13)), 13, 8);
    add(t, "S2", "Disadvantaged", data::Value::of(40), 10, 4);
    add(t, "S2", "Not disadvantaged", data::Value::of(50), 10, 5);
    add(t, "S2", "Total", data::Value::of(45), 20, 9);
    auto es = settings();
    auto rows = data::add_aggregates(t, catalog(), "locality", data::settings_by_value(es, "locality"));
    metrics::SuppressedView v(t, {5, true, {}});
    v.protect_aggregates(rows);
    auto cell = [&](const std::string& g) { return v.cell("gld", g, "locality", "North", summer(2018)); };
    // S1's disadvantaged figure is c, so is its complement; North's 13 disadvantaged children are
    // not a small cohort, but North's figure with S2's published one would give S1's away.
    CHECK(v.cell("gld", "Disadvantaged", data::kSetting, "S1", summer(2018)).suppression ==
          metrics::SuppressionReason::SmallCohort);
    CHECK(cell("Disadvantaged").suppression == metrics::SuppressionReason::Aggregate);
    CHECK(cell("Not disadvantaged").suppression == metrics::SuppressionReason::Aggregate);
    CHECK_FALSE(cell("Disadvantaged").present());
    // The total is made of published totals only.
    CHECK(cell("Total").present());
    CHECK(*cell("Total").value == core::Exact::ratio(1700, 33));
    CHECK(v.footnote({{"locality", "North"}}).find("2 more figures are suppressed because each is made of a "
                                                   "suppressed figure of one of its settings") != std::string::npos);
}

TEST_CASE("a fan-out over an unknown column is an error at for_each with the closest column of the header",
          "[batch][fanout][config]") {
    test::TempDir dir;
    std::ofstream(dir.path() / "settings.csv") << "setting_id,setting_name,la_name,locality\n"
                                                  "S1,Ash,Kent,North\nS2,Birch,Kent,\n";
    std::ofstream(dir.path() / "obs.csv")
        << "time_period,time_identifier,geographic_level,la_name,setting_id,characteristic,measure,value,cohort\n"
           "201819,Summer term,Setting,Kent,S1,Total,gld,50,10\n";
    std::ofstream(dir.path() / "t.yaml") << "template: t\nsections:\n  - title: A\n    blocks:\n      - paragraph: x\n";
    std::ofstream(dir.path() / "batch.yaml") << "data:\n  settings: settings.csv\n  observations: obs.csv\n"
                                                "reports:\n  - id: a\n    for_each: localty\n    template: t.yaml\n"
                                                "    title: A\n  - id: b\n    for_each: locality\n"
                                                "    template: t.yaml\n    title: B\n";
    core::DiagnosticSink sink;
    auto b = batch::load_batch((dir.path() / "batch.yaml").string(), sink);
    REQUIRE(b);
    std::vector<std::string> messages;
    for (const auto& d : sink.diagnostics()) messages.push_back(core::format_diagnostic(d));
    INFO(core::join(messages, "\n"));
    const auto& ds = sink.diagnostics();
    auto has = [&](const std::string& text) {
        return std::any_of(ds.begin(), ds.end(), [&](const core::Diagnostic& d) { return core::format_diagnostic(d).find(text) != std::string::npos; });
    };
    CHECK(has("batch.yaml:6:15: error: report 'a' fans out over 'localty', which is neither 'setting', "
              "'local_authority' nor a column of the settings file"));
    CHECK(has("did you mean 'locality'?"));
    CHECK(has("settings.csv:3:1: error: column 'locality' is empty for setting 'S2', so report 'b' "
              "(for_each: locality) has no report to put it in"));
}

TEST_CASE("a fan-out over a column gives one unit per value with its area and settings and output",
          "[batch][fanout]") {
    batch::BatchData b;
    b.settings = settings();
    config::ReportConfig r;
    r.id = "loc";
    r.for_each = "locality";
    r.output = "{id}/{locality}-{la_name}.pdf";
    b.config.reports.push_back(r);
    b.entity_groups["locality"] = data::settings_by_value(b.settings, "locality");
    core::DiagnosticSink sink;
    auto units = batch::expand_units(b, batch::Term{}, core::Date{2019, 7, 31}, sink);
    REQUIRE(units.size() == 2);
    CHECK(units[0].key() == "loc/North");
    CHECK(batch::unit_output(units[0], batch::Term{}, core::Date{2019, 7, 31}) == "loc/North-Kent.pdf");
    CHECK(units[0].area().level == "locality");
    CHECK(units[0].area().name == "North");
    CHECK(units[0].members().size() == 2);
    CHECK(batch::unit_output(units[1], batch::Term{}, core::Date{2019, 7, 31}) == "loc/South-Medway.pdf");
}

TEST_CASE("reports of a fan-out over a column read their figures without walking the observations",
          "[batch][fanout][store]") {
    core::DiagnosticSink sink;
    auto b = batch::load_batch(std::string(BOARDPACK_SOURCE_DIR) + "/tests/fixtures/fanout-column/batch.yaml", sink);
    REQUIRE(b);
    REQUIRE(sink.error_count() == 0);
    const auto as_of = *b->config.as_of;
    const batch::Term term = batch::term_containing(b->config.terms, as_of);
    auto units = batch::expand_units(*b, term, as_of, sink);
    REQUIRE(units.size() == 4);
    const std::uint64_t after_loading = b->observations.full_passes();
    for (const auto& u : units) {
        INFO(u.key());
        auto r = batch::render_report(*b, u, as_of, term, config::OutputFormats{true, false}, sink);
        CHECK(r.ok);
    }
    CHECK(sink.error_count() == 0);
    CHECK(b->observations.full_passes() == after_loading);
}
