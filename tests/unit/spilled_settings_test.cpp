// The observation store with its settings' rows spilled (ObservationTable::spill_settings): the
// same answers as a store that keeps them in memory, duplicates across runs, disclosure
// control decided per setting's block, and resident memory that does not grow with the rows.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "engine/batch/batch_data.h"
#include "engine/data/area_blocks.h"
#include "engine/data/loaders.h"
#include "engine/data/observation_table.h"
#include "engine/data/records.h"
#include "engine/metrics/suppression.h"

using namespace engine;
using namespace engine::data;

namespace {

Period ay(int y) { return {y, PeriodKind::AcademicYear}; }

// A row at `line`: its file and column vary with the line, so that every place is checked.
Observation row(const std::string& level, const std::string& area, const std::string& group,
                const std::string& measure, Period period, Value value, int line) {
    return {period, level, area, group, measure, std::move(value), std::nullopt, std::nullopt,
            {line % 3 ? "data/obs.csv" : "data/more.csv", line, 1 + line % 7}};
}

const std::vector<std::string> kGroups = {"Disadvantaged", "Not disadvantaged", "Total"};
const std::vector<std::string> kMeasures = {"gld", "literacy", "maths"};

// Rows of one setting: every measure, group and year, some missing as c, x or low, some with
// counts (one a fraction, which the store keeps beside the row).
void add_setting(ObservationTable& t, const std::string& id, int& line, int years = 3) {
    for (int y = 2016; y < 2016 + years; ++y)
        for (const auto& m : kMeasures)
            for (const auto& g : kGroups) {
                ++line;
                Value v = line % 11 == 0   ? Value::missing_as(Missing::Suppressed, "c")
                          : line % 13 == 0 ? Value::missing_as(Missing::NotAvailable, "x")
                          : line % 17 == 0 ? Value::missing_as(Missing::Suppressed, "low")
                                           : Value::of(core::Exact::ratio(line % 1000, 10));
                Observation o = row(kSetting, id, g, m, ay(y), v, line);
                if (line % 2) o.cohort = line % 19;
                if (line % 5 == 0) o.numerator = line % 23 == 0 ? 2.5 : 3;
                REQUIRE(t.add(o) == -1);
            }
}

// Settings S0001… with the rows of S0001 in two parts, far apart (unsorted input: its rows
// come in two runs of the spill file), between them enough settings to pass the pending cap.
void fill(ObservationTable& t, int settings) {
    int line = 1;
    t.add(row(kNational, "England", "Total", "gld", ay(2018), Value::of(70), ++line));
    t.add(row(kLocalAuthority, "Kent", "Total", "gld", ay(2018), Value::of(66), ++line));
    add_setting(t, "S0001", line, 2);
    for (int s = 2; s <= settings; ++s) {
        char id[16];
        std::snprintf(id, sizeof id, "S%04d", s);
        add_setting(t, id, line);
    }
    for (const auto& m : kMeasures)
        for (const auto& g : kGroups) REQUIRE(t.add(row(kSetting, "S0001", g, m, ay(2018), Value::of(5), ++line)) == -1);
    t.add(row(kLocalAuthority, "Derby", "Total", "gld", ay(2018), Value::of(61), ++line));
}

std::string describe(const std::optional<ObservationRef>& o) {
    if (!o) return "none";
    const Value v = o->value();
    auto count = [](std::optional<double> c) { return c ? std::to_string(*c) : std::string("-"); };
    return o->measure() + "|" + o->group() + "|" + o->level() + "|" + o->area() + "|" + o->period().label() + "|" +
           (v.number ? std::to_string(static_cast<long long>(v.number->num())) + "/" +
                                std::to_string(static_cast<long long>(v.number->den()))
                          : "no number") + "|" + std::to_string(static_cast<int>(v.missing)) + "|" +
           v.symbol + "|" + count(o->cohort()) + "|" + count(o->numerator()) + "|" + o->where().str();
}

// Every row per area, in the order rows() gives them.
std::map<std::string, std::vector<std::string>> rows_by_area(const ObservationTable& t) {
    std::map<std::string, std::vector<std::string>> out;
    for (ObservationRef o : t.rows()) out[o.level() + "/" + o.area()].push_back(describe(o));
    return out;
}

std::string temp_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("boardpack-spilled-" + name)).string();
}

}  // namespace

TEST_CASE("a store whose settings' rows were spilled answers every query as one that keeps them in memory",
          "[data][store][spill]") {
    ObservationTable kept, spilled;
    spilled.spill_settings(0);  // on disk from the first byte
    fill(kept, 250);
    fill(spilled, 250);
    spilled.finish_loading();
    ObservationTable::release_blocks();

    CHECK(spilled.resident_size() == 3);  // England, Kent, Derby
    CHECK(spilled.size() == kept.size());
    CHECK(spilled.measures() == kept.measures());
    CHECK(spilled.groups() == kept.groups());
    for (const std::string level : {kNational, kLocalAuthority, kSetting}) {
        INFO(level);
        REQUIRE(spilled.areas(level) == kept.areas(level));
        CHECK(spilled.files_of(level) == kept.files_of(level));
        for (const auto& m : kMeasures) {
            CHECK(spilled.files_of(level, "", m) == kept.files_of(level, "", m));
            for (const auto& g : kGroups) CHECK(spilled.has_rows(m, g, level) == kept.has_rows(m, g, level));
        }
        for (const auto& area : kept.areas(level)) {
            INFO(area);
            CHECK(spilled.has_area(level, area));
            CHECK(spilled.measures_at(level, area) == kept.measures_at(level, area));
            CHECK(spilled.latest_period(level, area) == kept.latest_period(level, area));
            for (const auto& m : kMeasures) {
                CHECK(spilled.periods(m, level, area) == kept.periods(m, level, area));
                CHECK(spilled.groups_in(m, level, area) == kept.groups_in(m, level, area));
                CHECK(spilled.files_of(level, area, m) == kept.files_of(level, area, m));
                for (const auto& g : kGroups)
                    for (int y = 2015; y <= 2019; ++y)
                        CHECK(describe(spilled.find(m, g, level, area, ay(y))) == describe(kept.find(m, g, level, area, ay(y))));
            }
        }
        CHECK_FALSE(spilled.has_area(level, "S9999"));
    }
    CHECK_FALSE(spilled.find("gld", "Total", kSetting, "S9999", ay(2018)));
    CHECK(spilled.periods("gld", kSetting, "S9999").empty());

    // A setting's rows come in file order, both of S0001's runs joined.
    const auto spilled_rows = rows_by_area(spilled), kept_rows = rows_by_area(kept);
    CHECK(spilled_rows == kept_rows);
    REQUIRE(spilled_rows.at("Setting/S0001").size() == 2 * 9 + 9);
    CHECK(spilled_rows.at("Setting/S0001").back().find("2018/19") != std::string::npos);

    // Symbols stay symbols, and a fraction of a count comes back whole.
    auto c = spilled.find("gld", "Disadvantaged", kSetting, "S0002", ay(2016));
    std::size_t symbols = 0, fractions = 0;
    for (ObservationRef o : spilled.rows()) {
        if (!o.has_number()) {
            ++symbols;
            CHECK_FALSE(o.value().number);
            CHECK_FALSE(o.value().symbol.empty());
        }
        if (o.numerator() && *o.numerator() == 2.5) ++fractions;
    }
    CHECK(symbols > 100);
    CHECK(fractions > 0);
    REQUIRE(c);
    ObservationTable::release_blocks();
}

TEST_CASE("a spilled setting's duplicate row is caught in its pending buffer and across runs, naming the first",
          "[data][store][spill]") {
    ObservationTable t;
    t.spill_settings(0);
    fill(t, 250);  // S0001's first run went to the spill file long ago
    const int in_run = t.add(row(kSetting, "S0001", "Total", "gld", ay(2016), Value::of(1), 9001));
    REQUIRE(in_run == ObservationTable::kSpilledDuplicate);
    CHECK(t.where_of(in_run).str() == "data/more.csv:6:7");  // S0001's first row of (gld, Total, 2016/17)
    // S0001's second part, read while loading: its pending rows and its run joined.
    CHECK(t.where_of(in_run).str() == t.find("gld", "Total", kSetting, "S0001", ay(2016))->where().str());
    CHECK(t.periods("gld", kSetting, "S0001").size() == 3);
    REQUIRE(t.add(row(kSetting, "S9000", "Total", "gld", ay(2018), Value::of(1), 9002)) == -1);
    const int pending = t.add(row(kSetting, "S9000", "Total", "gld", ay(2018), Value::of(2), 9003));
    REQUIRE(pending == ObservationTable::kSpilledDuplicate);
    CHECK(t.where_of(pending).line == 9002);
    const std::size_t rows = t.size();
    // A duplicate of a resident row is named by its number, as before.
    const int resident = t.add(row(kNational, "England", "Total", "gld", ay(2018), Value::of(1), 9003));
    REQUIRE(resident == 0);
    CHECK(t.where_of(resident).line == 2);
    t.finish_loading();
    CHECK(t.size() == rows);
}

TEST_CASE("the observations loader reports a duplicate across a spilled setting's runs with both places",
          "[data][store][spill][loader]") {
    const std::string path = temp_path("dup.csv");
    {
        std::ofstream f(path);
        f << "time_period,time_identifier,geographic_level,setting_id,characteristic,measure,value,cohort\n";
        f << "201819,Academic year,Setting,S00001,Total,gld,61.5,20\n";  // line 2
        // Enough rows of other settings to write S00001's pending rows out (over 1 MiB).
        for (int s = 2; s <= 12000; ++s)
            for (const char* g : {"Disadvantaged", "Total"})
                f << "201819,Academic year,Setting,S" << 10000 + s << "," << g << ",gld,50,12\n";
        f << "201819,Academic year,Setting,S00001,Total,gld,62.5,21\n";  // line 24001
    }
    Catalog catalog;
    ObservationSource src;
    src.path = path;
    ObservationTable t;
    t.spill_settings(0);
    core::DiagnosticSink sink;
    CHECK_FALSE(load_observations(src, catalog, t, sink));
    t.finish_loading();
    REQUIRE(sink.error_count() == 1);
    const core::Diagnostic& d = sink.diagnostics().front();
    CHECK(d.where.line == 24001);
    CHECK(d.message == "duplicate observation: gld, Total, S00001, 2018/19 already appears at " + path + ":2:1");
    CHECK(t.size() == 1 + 11999 * 2);
    CHECK(t.find("gld", "Total", kSetting, "S00001", ay(2018))->value().number == core::Exact::ratio(123, 2));
    ObservationTable::release_blocks();
    std::remove(path.c_str());
}

TEST_CASE("disclosure control decided per setting's block equals the decisions of the whole table on a sample",
          "[suppression][spill]") {
    const std::string config = std::string(BOARDPACK_SOURCE_DIR) + "/samples/tracking-for-success/batch.yaml";
    core::DiagnosticSink sink;
    auto b = batch::load_batch(config, sink);
    REQUIRE(b);
    REQUIRE(sink.error_count() == 0);
    REQUIRE(b->observations.spills_settings());
    // The same data in a store that keeps every row in memory, in the same order.
    ObservationTable whole;
    Catalog catalog = b->config.catalog;
    core::DiagnosticSink again;
    for (const auto& src : b->config.observations) REQUIRE(load_observations(src, catalog, whole, again));
    if (b->config.records) REQUIRE(load_records(*b->config.records, b->settings, whole, again));
    REQUIRE(whole.size() == b->observations.size());
    REQUIRE_FALSE(whole.spills_settings());

    for (bool secondary : {true, false}) {
        metrics::SuppressionRules rules(b->config.min_cohort, secondary, b->config.partitions, b->config.totals);
        if (!secondary) rules.min_cohort = 10;  // more suppressed, by another rule
        const metrics::SuppressedView spilled(b->observations, rules), kept(whole, rules);
        INFO("secondary " << secondary);
        REQUIRE(kept.suppressed_count() > 0);
        CHECK(spilled.suppressed_count() == kept.suppressed_count());
        CHECK(spilled.footnote() == kept.footnote());
        CHECK(spilled.warnings().size() == kept.warnings().size());
        for (std::size_t i = 0; i < std::min(spilled.warnings().size(), kept.warnings().size()); ++i) {
            CHECK(spilled.warnings()[i].message == kept.warnings()[i].message);
            CHECK(spilled.warnings()[i].where.str() == kept.warnings()[i].where.str());
        }
        std::size_t compared = 0, suppressed = 0;
        for (ObservationRef o : whole.rows()) {
            const auto a = spilled.cell(o.measure(), o.group(), o.level(), o.area(), o.period());
            const auto k = kept.cell(o.measure(), o.group(), o.level(), o.area(), o.period());
            INFO(describe(o));
            CHECK(static_cast<int>(a.suppression) == static_cast<int>(k.suppression));
            CHECK(a.value == k.value);
            CHECK(a.missing == k.missing);
            ++compared;
            suppressed += k.suppressed();
        }
        CHECK(compared == whole.size());
        CHECK(suppressed > 0);
        for (const auto& id : whole.areas(kSetting))
            CHECK(spilled.footnote({{kSetting, id}}) == kept.footnote({{kSetting, id}}));
        CHECK(spilled.footnote({{kSetting, ""}}) == kept.footnote({{kSetting, ""}}));
        ObservationTable::release_blocks();
    }
}

TEST_CASE("a store's resident bytes grow by at most 64 a setting when its settings' rows are spilled",
          "[data][store][spill][memory]") {
    auto resident = [](int settings, bool spill) {
        ObservationTable t;
        if (spill) t.spill_settings(0);
        fill(t, settings);
        t.finish_loading();
        t.share_lists();
        return static_cast<double>(t.bytes());
    };
    const double per_setting = (resident(2000, true) - resident(200, true)) / 1800;
    INFO("bytes a setting, spilled: " << per_setting);
    CHECK(per_setting <= 64);
    // Kept in memory, the same settings' 27 rows each cost far more.
    const double kept = (resident(2000, false) - resident(200, false)) / 1800;
    INFO("bytes a setting, in memory: " << kept);
    CHECK(kept > 27 * 40);
}

TEST_CASE("the loading's filter of spilled keys never misses a key it was given and rarely says yes to another", "[data][spill]") {
    data::SeenKeys keys;
    keys.reserve(20000);
    auto hash = [](std::uint64_t i) {  // a well-mixed 64-bit value per i
        i ^= i >> 33;
        i *= 0xff51afd7ed558ccdULL;
        i ^= i >> 33;
        i *= 0xc4ceb9fe1a85ec53ULL;
        return i ^ (i >> 33);
    };
    std::uint64_t added = 0;
    while (!keys.full()) keys.add(hash(added++));
    CHECK(added >= 20000);
    std::uint64_t missed = 0;
    for (std::uint64_t i = 0; i < added; ++i) missed += !keys.maybe_seen(hash(i));
    CHECK(missed == 0);
    int false_yes = 0;
    for (std::uint64_t i = added; i < added + 100000; ++i) false_yes += keys.maybe_seen(hash(i));
    CHECK(false_yes < 3000);  // about 1 % at ten bits a key; 3 % would mean a broken filter
    // Grown, it is empty again and larger: the store adds every key again.
    keys.grow();
    CHECK_FALSE(keys.full());
    CHECK_FALSE(keys.maybe_seen(hash(0)));
}
