// The observation store: interned names, the hashed index, the per-key lists reports read,
// duplicates, error locations built on demand, exact values kept compactly — and that no
// report walks the whole table.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "engine/batch/batch_data.h"
#include "engine/batch/fan_out.h"
#include "engine/batch/report_job.h"
#include "engine/batch/terms.h"
#include "engine/data/observation_table.h"
#include "tests/support/exact.h"

using namespace engine;
using namespace engine::data;

namespace {

Period ay(int y) { return {y, PeriodKind::AcademicYear}; }
Period summer(int y) { return {y, PeriodKind::SummerTerm}; }

Observation row(const std::string& level, const std::string& area, const std::string& group,
                const std::string& measure, Period period, Value value, int line,
                const std::string& file = "data/obs.csv") {
    Observation o;
    o.period = period;
    o.level = level;
    o.area = area;
    o.group = group;
    o.measure = measure;
    o.value = std::move(value);
    o.where = {file, line, 1};
    return o;
}

ObservationTable small_table() {
    ObservationTable t;
    // Out of period order on purpose: the lists come back sorted.
    t.add(row(kLocalAuthority, "Kent", "FSM", "gld", ay(2019), Value::of(core::Exact::ratio(651, 10)), 2));
    t.add(row(kLocalAuthority, "Kent", "FSM", "gld", ay(2017), Value::missing_as(Missing::Suppressed, "c"), 3));
    t.add(row(kLocalAuthority, "Kent", "Not FSM", "gld", ay(2018), Value::of(70), 4));
    t.add(row(kLocalAuthority, "Derby", "FSM", "ks2", ay(2018), Value::of(40), 5, "data/other.csv"));
    t.add(row(kNational, "England", "FSM", "gld", summer(2018), Value::missing_as(Missing::NotAvailable, ":"), 6));
    return t;
}

}  // namespace

TEST_CASE("the store hands each row back as it was added, its names interned once", "[data][store]") {
    ObservationTable t = small_table();
    REQUIRE(t.size() == 5);
    ObservationRef first = t.row(0);
    CHECK(first.level() == kLocalAuthority);
    CHECK(first.area() == "Kent");
    CHECK(first.group() == "FSM");
    CHECK(first.measure() == "gld");
    CHECK(first.period() == ay(2019));
    CHECK(first.has_number());
    CHECK(*first.value().number == core::Exact::ratio(651, 10));
    CHECK_FALSE(first.cohort());
    // The same name is one string in the table, whichever row it is read from.
    CHECK(&t.row(1).measure() == &first.measure());
    CHECK(&t.row(2).area() == &first.area());
    CHECK(&t.row(3).group() == &first.group());
    // A missing value keeps its reason and its symbol as written.
    CHECK(t.row(1).missing() == Missing::Suppressed);
    CHECK(t.row(1).value().symbol == "c");
    CHECK_FALSE(t.row(1).value().number);
    CHECK(t.row(4).value().symbol == ":");
    CHECK(t.row(4).value().missing == Missing::NotAvailable);
}

TEST_CASE("a row's location is built when asked for, with its file, line and column", "[data][store]") {
    ObservationTable t = small_table();
    CHECK(t.row(0).where().str() == "data/obs.csv:2:1");
    CHECK(t.row(3).where().str() == "data/other.csv:5:1");
    CHECK(t.row(4).where().str() == "data/obs.csv:6:1");
    // Rows made by aggregation have no line: the location names the file alone.
    Observation o = row(kProject, "TfS", "Total", "gld", ay(2018), Value::of(1), 0, "data/records.csv");
    o.where.column = 0;
    t.add(o);
    CHECK(t.row(5).where().str() == "data/records.csv");
}

TEST_CASE("a row with the key of an earlier one is a duplicate, not added, pointing at the first", "[data][store]") {
    ObservationTable t = small_table();
    int dup = t.add(row(kLocalAuthority, "Kent", "Not FSM", "gld", ay(2018), Value::of(71), 9));
    REQUIRE(dup == 2);
    CHECK(t.size() == 5);
    CHECK(t.row(static_cast<std::uint32_t>(dup)).where().str() == "data/obs.csv:4:1");
    CHECK(*t.find("gld", "Not FSM", kLocalAuthority, "Kent", ay(2018))->value().number == 70);
    // Any field that differs makes another key.
    CHECK(t.add(row(kLocalAuthority, "Kent", "Not FSM", "gld", summer(2018), Value::of(71), 10)) == -1);
    CHECK(t.add(row(kSetting, "Kent", "Not FSM", "gld", ay(2018), Value::of(71), 11)) == -1);
    CHECK(t.size() == 7);
}

TEST_CASE("find reads the hashed index and finds nothing for a name the table has never seen", "[data][store]") {
    ObservationTable t = small_table();
    auto kent = t.find("gld", "FSM", kLocalAuthority, "Kent", ay(2017));
    REQUIRE(kent);
    CHECK(kent->index() == 1);
    CHECK(t.find("ks2", "FSM", kLocalAuthority, "Derby", ay(2018))->where().file == "data/other.csv");
    CHECK_FALSE(t.find("gld", "FSM", kLocalAuthority, "Kent", ay(2018)));       // no such period
    CHECK_FALSE(t.find("gld", "FSM", kLocalAuthority, "Nowhere", ay(2019)));    // unknown area
    CHECK_FALSE(t.find("gld", "Boys", kLocalAuthority, "Kent", ay(2019)));      // unknown group
    CHECK_FALSE(t.find("maths", "FSM", kLocalAuthority, "Kent", ay(2019)));     // unknown measure
    CHECK_FALSE(t.find("gld", "FSM", "Regional", "Kent", ay(2019)));            // unknown level
    CHECK(t.periods("maths", kLocalAuthority, "Kent").empty());
    CHECK(t.areas("Regional").empty());
    CHECK_FALSE(t.latest_period("Regional", "Kent"));
}

TEST_CASE("the per-key lists reports read are kept sorted as rows are added", "[data][store]") {
    ObservationTable t = small_table();
    CHECK(t.periods("gld", kLocalAuthority, "Kent") == std::vector<Period>{ay(2017), ay(2018), ay(2019)});
    CHECK(t.periods("gld", kNational, "England") == std::vector<Period>{summer(2018)});
    CHECK(t.areas(kLocalAuthority) == std::vector<std::string>{"Derby", "Kent"});
    CHECK(t.areas(kNational) == std::vector<std::string>{"England"});
    CHECK(t.measures() == std::vector<std::string>{"gld", "ks2"});
    CHECK(t.groups() == std::vector<std::string>{"FSM", "Not FSM"});
    CHECK(t.groups_in("gld", kLocalAuthority, "Kent") == std::vector<std::string>{"FSM", "Not FSM"});
    CHECK(t.groups_in("ks2", kLocalAuthority, "Derby") == std::vector<std::string>{"FSM"});
    CHECK(t.measures_at(kLocalAuthority, "Kent") == std::vector<std::string>{"gld"});
    CHECK(*t.latest_period(kLocalAuthority, "Kent") == ay(2019));
    CHECK(*t.latest_period(kNational, "England") == summer(2018));
    CHECK(t.has_rows("gld", "Not FSM", kLocalAuthority));
    CHECK_FALSE(t.has_rows("ks2", "Not FSM", kLocalAuthority));
    CHECK(t.has_area(kLocalAuthority, "Derby"));
    CHECK_FALSE(t.has_area(kNational, "Derby"));
    CHECK(t.files_of(kLocalAuthority) == std::vector<std::string>{"data/obs.csv", "data/other.csv"});
    CHECK(t.files_of(kLocalAuthority, "Derby", "ks2") == std::vector<std::string>{"data/other.csv"});
    CHECK(t.files_of(kLocalAuthority, "", "gld") == std::vector<std::string>{"data/obs.csv"});
}

TEST_CASE("values are exact as published, a value beyond 64 bits too", "[data][store]") {
    ObservationTable t;
    const core::Exact third = core::Exact::ratio(100, 3);
    const core::Exact huge = core::Exact::ratio(core::Int128{1} << 100, 7);
    t.add(row(kNational, "England", "FSM", "gld", ay(2018), Value::of(third), 2));
    t.add(row(kNational, "England", "FSM", "gld", ay(2019), Value::of(huge), 3));
    t.add(row(kNational, "England", "FSM", "gld", ay(2020), Value::of(-core::Exact::ratio(1, 8)), 4));
    CHECK(*t.row(0).value().number == third);
    CHECK(*t.row(1).value().number == huge);
    CHECK(*t.row(2).value().number == -core::Exact::ratio(1, 8));
}

TEST_CASE("values at and beyond 32 bits either side keep their exact value", "[data][store]") {
    // A row keeps a 32-bit numerator and denominator; anything larger goes to the side table.
    ObservationTable t;
    const std::vector<core::Exact> values = {
        core::Exact::ratio(INT32_MAX, 1),          core::Exact::ratio(INT32_MIN, 1),
        core::Exact::ratio(core::Int128{INT32_MAX} + 1, 1), core::Exact::ratio(core::Int128{INT32_MIN} - 1, 1),
        core::Exact::ratio(1, UINT32_MAX),         core::Exact::ratio(1, core::Int128{UINT32_MAX} + 1),
        core::Exact::ratio(5000000000, 3),         *core::Exact::parse("61.25")};
    for (std::size_t i = 0; i < values.size(); ++i)
        t.add(row(kNational, "England", "FSM", "gld", ay(2000 + static_cast<int>(i)), Value::of(values[i]),
                  static_cast<int>(i) + 2));
    for (std::size_t i = 0; i < values.size(); ++i) {
        INFO("row " << i);
        CHECK(*t.row(static_cast<std::uint32_t>(i)).value().number == values[i]);
    }
}

TEST_CASE("a copy of the store is whole on its own", "[data][store]") {
    ObservationTable copy;
    {
        ObservationTable t = small_table();
        copy = t;
    }
    CHECK(copy.find("gld", "FSM", kLocalAuthority, "Kent", ay(2019)).has_value());
    CHECK(copy.row(3).area() == "Derby");
    CHECK(copy.areas(kLocalAuthority) == std::vector<std::string>{"Derby", "Kent"});
}

TEST_CASE("the store holds rows in under 88 bytes each, indexes included", "[data][store]") {
    ObservationTable t;
    const int settings = 2000, periods = 12;
    const char* groups[] = {"Disadvantaged", "Not disadvantaged", "Total"};
    const char* measures[] = {"communication_language", "literacy", "mathematics", "gld"};
    t.reserve(static_cast<std::size_t>(settings) * periods * 12);
    int line = 2;
    for (int s = 0; s < settings; ++s)
        for (int p = 0; p < periods; ++p)
            for (const char* g : groups)
                for (const char* m : measures) {
                    const int k = line % 29;
                    Observation o = row(kSetting, "S" + std::to_string(10000 + s), g, m,
                                        {2010 + p / 3, static_cast<PeriodKind>(1 + p % 3)},
                                        Value::of(core::Exact::ratio(100 * k, 29)), line);
                    ++line;
                    o.cohort = 29;
                    o.numerator = k;
                    REQUIRE(t.add(o) == -1);
                }
    REQUIRE(t.size() == 288000);
    INFO("bytes per row: " << t.bytes() / t.size());
    CHECK(t.bytes() / t.size() < 88);  // 67 with 32-bit counts (75 with doubles, 83 with 64-bit values): 50 in the columns, the rest the index
    CHECK(*t.find("gld", "Total", kSetting, "S11999", {2013, PeriodKind::SummerTerm})->cohort() == 29);
}

TEST_CASE("a count held in four bytes comes back as it was given, fractions and huge counts included", "[data][store]") {
    ObservationTable t;
    const std::optional<double> counts[] = {std::nullopt, 0.0, 29.0, 4294967293.0, 4294967294.0, 1e12, 12.5, -3.0};
    int line = 2;
    for (const auto& c : counts) {
        Observation o = row(kSetting, "S" + std::to_string(line), "Total", "gld", ay(2018), Value::of(core::Exact::ratio(1, 2)), line);
        o.cohort = c;
        o.numerator = c ? std::optional<double>(*c / 2) : std::nullopt;
        REQUIRE(t.add(o) == -1);
        ++line;
    }
    for (std::size_t i = 0; i < std::size(counts); ++i) {
        INFO(i);
        const ObservationRef r = t.row(static_cast<std::uint32_t>(i));
        CHECK(r.cohort() == counts[i]);
        CHECK(r.numerator() == (counts[i] ? std::optional<double>(*counts[i] / 2) : std::nullopt));
    }
}

TEST_CASE("slices with the same periods share one list and still take rows added after", "[data][store]") {
    ObservationTable t;
    int line = 2;
    for (const char* area : {"S1", "S2", "S3"})
        for (int y : {2017, 2016, 2018})
            for (const char* g : {"Disadvantaged", "Total"})
                REQUIRE(t.add(row(kSetting, area, g, "gld", ay(y), Value::of(core::Exact(50)), line++)) == -1);
    const std::size_t before = t.bytes();
    t.share_lists();
    CHECK(t.bytes() < before);
    const std::vector<Period> three = {ay(2016), ay(2017), ay(2018)};
    CHECK(t.periods("gld", kSetting, "S1") == three);
    CHECK(&t.periods("gld", kSetting, "S1") == &t.periods("gld", kSetting, "S3"));  // one list
    CHECK(t.groups_in("gld", kSetting, "S2") == std::vector<std::string>{"Disadvantaged", "Total"});
    CHECK(t.files_of(kSetting, "S2", "gld") == std::vector<std::string>{"data/obs.csv"});
    // A row added afterwards gives its slice a list of its own; the others keep theirs.
    REQUIRE(t.add(row(kSetting, "S2", "Not disadvantaged", "gld", ay(2019), Value::of(core::Exact(40)), line++, "data/more.csv")) == -1);
    CHECK(t.periods("gld", kSetting, "S2") == std::vector<Period>{ay(2016), ay(2017), ay(2018), ay(2019)});
    CHECK(t.groups_in("gld", kSetting, "S2") == std::vector<std::string>{"Disadvantaged", "Total", "Not disadvantaged"});
    CHECK(t.files_of(kSetting, "S2", "gld") == std::vector<std::string>{"data/more.csv", "data/obs.csv"});
    CHECK(t.periods("gld", kSetting, "S1") == three);
    t.share_lists();
    CHECK(t.periods("gld", kSetting, "S3") == three);
    CHECK(t.periods("gld", kSetting, "S2").size() == 4);
    CHECK(t.find("gld", "Not disadvantaged", kSetting, "S2", ay(2019))->where().file == "data/more.csv");
}

TEST_CASE("no report walks the whole observation table: loading does, once per batch", "[data][store][batch]") {
    core::DiagnosticSink sink;
    const std::string config = std::string(BOARDPACK_SOURCE_DIR) + "/samples/tracking-for-success/batch.yaml";
    auto b = batch::load_batch(config, sink);
    REQUIRE(b);
    REQUIRE(sink.error_count() == 0);
    REQUIRE(b->observations.size() > 1000);
    const auto as_of = *b->config.as_of;
    const batch::Term term = batch::term_containing(b->config.terms, as_of);
    auto units = batch::expand_units(*b, term, as_of, sink);
    REQUIRE(units.size() > 50);
    const std::uint64_t after_loading = b->observations.full_passes();
    CHECK(after_loading > 0);  // disclosure control walks the rows, once per batch
    // Three settings' summaries and the whole-project report (which charts every setting).
    std::vector<const batch::Unit*> some = {&units[0], &units[1], &units[2], &units.back()};
    for (const batch::Unit* u : some) {
        INFO(u->key());
        auto charts = batch::build_report_charts(*b, *u, as_of, term, sink);
        CHECK(charts.ok);
        CHECK_FALSE(charts.scenes.empty());
    }
    CHECK(sink.error_count() == 0);
    CHECK(b->observations.full_passes() == after_loading);
}
