#include <catch2/catch.hpp>

#include "engine/metrics/action_status.h"
#include "engine/metrics/gap.h"
#include "engine/metrics/report_metrics.h"
#include "engine/metrics/suppression.h"
#include "engine/metrics/target_status.h"
#include "tests/support/exact.h"

using namespace engine;
using namespace engine::metrics;

namespace {

data::Period ay(int y) { return {y, data::PeriodKind::AcademicYear}; }

// A small table: one LA, two groups, values per year, cohorts optional.
struct TableBuilder {
    data::ObservationTable table;
    // `v` is decimal text as a CSV writes it ("65.1"), or nullopt for a suppressed cell.
    void add(const std::string& group, int year, std::optional<std::string> v, double cohort = 100,
             const std::string& level = "Local authority", const std::string& area = "LA",
             const std::string& measure = "m") {
        add_at(group, ay(year), v ? std::optional<core::Exact>(test::dec(*v)) : std::nullopt,
               cohort, level, area, measure);
    }
    // Any period, any exact value (e.g. numerator / cohort as a fraction).
    void add_at(const std::string& group, data::Period period, std::optional<core::Exact> v,
                double cohort = 100, const std::string& level = "Local authority",
                const std::string& area = "LA", const std::string& measure = "m") {
        data::Observation o;
        o.period = period;
        o.level = level;
        o.area = area;
        o.group = group;
        o.measure = measure;
        o.value = v ? data::Value::of(*v) : data::Value::missing_as(data::Missing::Suppressed, "c");
        o.cohort = cohort;
        table.add(o);
    }
};

data::Catalog catalog() {
    data::Catalog c;
    data::MeasureInfo m;
    m.id = "m";
    m.label = "Measure";
    m.short_label = "M";
    m.dp = 1;
    c.measures["m"] = m;
    c.measure_order = {"m"};
    return c;
}

data::Target target(data::TargetKind kind, const char* value, int period, std::optional<int> baseline = {},
                    bool national = false, const std::string& comparator = "Not FSM") {
    data::Target t;
    t.measure = "m";
    t.group = "FSM";
    t.comparator = {national, false, national ? "FSM" : comparator};
    t.kind = kind;
    t.value = test::dec(value);
    t.period = ay(period);
    if (baseline) t.baseline = ay(*baseline);
    return t;
}

TargetResult judge(TableBuilder& tb, const data::Target& t, int min_cohort = 5) {
    SuppressedView view(tb.table, {min_cohort, true, {}});
    auto cat = catalog();
    auto series = build_gap_series(view, cat, t.measure, t.group, t.comparator, {"Local authority", "LA", ""});
    return evaluate_target(t, series, *cat.measure("m"));
}

}  // namespace

TEST_CASE("gap is comparator minus group, reversed for lower-is-better measures", "[metrics]") {
    CHECK(gap_between(43, 64, data::Polarity::HigherIsBetter) == 21);
    CHECK(gap_between(12, 8, data::Polarity::LowerIsBetter) == 4);
}

TEST_CASE("a change that rounds to zero at display precision is unchanged", "[metrics]") {
    CHECK(direction_of(test::dec("-0.04"), 1) == Direction::Unchanged);
    CHECK(direction_of(test::dec("0.049"), 1) == Direction::Unchanged);
    CHECK(direction_of(test::dec("-0.05"), 1) == Direction::Narrowed);
    CHECK(direction_of(test::dec("0.4"), 0) == Direction::Unchanged);
    CHECK(direction_of(test::dec("0.5"), 0) == Direction::Widened);
}

TEST_CASE("gap_at_most: a gap exactly at target is achieved", "[metrics][targets]") {
    TableBuilder tb;
    // 64.1 - 46.1 is 18.000000000000004 in binary: still exactly at target.
    tb.add("FSM", 2014, "46.1");
    tb.add("Not FSM", 2014, "64.1");
    auto r = judge(tb, target(data::TargetKind::GapAtMost, "18.0", 2014));
    CHECK(r.status == TargetStatus::Achieved);
    CHECK(r.reason == "gap 18.0 ppts against a target of at most 18.0");
    tb.add("FSM", 2015, "46.0");
    tb.add("Not FSM", 2015, "64.1");
    auto r2 = judge(tb, target(data::TargetKind::GapAtMost, "18.0", 2015));
    CHECK(r2.status == TargetStatus::NotAchieved);
    CHECK(r2.reason == "gap 18.1 ppts against a target of at most 18.0");
}

TEST_CASE("future targets are judged on a straight line from the baseline", "[metrics][targets]") {
    TableBuilder tb;
    tb.add("FSM", 2012, "40");
    tb.add("Not FSM", 2012, "64");  // gap 24
    tb.add("FSM", 2014, "47");
    tb.add("Not FSM", 2014, "67");  // gap 20
    // Target 16 by 2016 from 24 in 2012: the line is at 20 in 2014 -> on target exactly.
    auto r = judge(tb, target(data::TargetKind::GapAtMost, "16.0", 2016, 2012));
    CHECK(r.future);
    CHECK(r.status == TargetStatus::OnTarget);
    CHECK(r.required == core::Exact(20));
    auto r2 = judge(tb, target(data::TargetKind::GapAtMost, "14.0", 2016, 2012));
    CHECK(r2.status == TargetStatus::NotOnTarget);
    CHECK(r2.required == core::Exact(19));
}

TEST_CASE("improves_faster: every year must meet the rule once the target year has data",
          "[metrics][targets]") {
    TableBuilder tb;
    tb.add("FSM", 2012, "50"); tb.add("Not FSM", 2012, "78");  // gap 28
    tb.add("FSM", 2013, "54"); tb.add("Not FSM", 2013, "79");  // gap 25: narrowed 3
    tb.add("FSM", 2014, "56"); tb.add("Not FSM", 2014, "80");  // gap 24: narrowed 1
    auto past = judge(tb, target(data::TargetKind::ImprovesFasterThanComparatorBy, "3", 2014, 2012));
    CHECK(past.status == TargetStatus::NotAchieved);
    CHECK(past.reason == "in 2014/15 the gap narrowed by 1.0 ppts against the 3.0 ppts needed");
    // Judged before 2016: cumulative narrowing 4 against 3 x 2 = 6 -> not on target.
    auto future = judge(tb, target(data::TargetKind::ImprovesFasterThanComparatorBy, "3", 2016, 2012));
    CHECK(future.status == TargetStatus::NotOnTarget);
    CHECK(future.actual == core::Exact(4));
    CHECK(future.required == core::Exact(6));
}

TEST_CASE("a missing middle year is spanned by the next step", "[metrics][targets]") {
    TableBuilder tb;
    tb.add("FSM", 2012, "50"); tb.add("Not FSM", 2012, "80");  // gap 30
    tb.add("FSM", 2014, "57"); tb.add("Not FSM", 2014, "81");  // gap 24, two years later
    auto r = judge(tb, target(data::TargetKind::ImprovesFasterThanComparatorBy, "3", 2014, 2012));
    CHECK(r.status == TargetStatus::Achieved);  // 6 over two years meets 3 a year
}

TEST_CASE("a suppressed comparator suppresses the status", "[metrics][targets][suppression]") {
    TableBuilder tb;
    tb.add("FSM", 2014, "40");
    tb.add("Not FSM", 2014, "60", 3);  // cohort below 5
    auto r = judge(tb, target(data::TargetKind::GapAtMost, "18", 2014));
    CHECK(r.status == TargetStatus::Suppressed);
    CHECK(r.reason == "the figures for 2014/15 are suppressed (small cohort)");
}

TEST_CASE("no data for the target year gives No data", "[metrics][targets]") {
    TableBuilder tb;
    tb.add("FSM", 2013, "40");
    tb.add("Not FSM", 2013, "60");
    tb.add("FSM", 2014, "40");
    auto r = judge(tb, target(data::TargetKind::GapAtMost, "18", 2014));
    CHECK(r.status == TargetStatus::NoData);
    CHECK(r.reason == "no value for Not FSM in 2014/15");
}

TEST_CASE("gap_narrows_by compares with the baseline", "[metrics][targets]") {
    TableBuilder tb;
    tb.add("FSM", 2012, "40"); tb.add("Not FSM", 2012, "60");  // 20
    tb.add("FSM", 2014, "45"); tb.add("Not FSM", 2014, "62");  // 17
    auto r = judge(tb, target(data::TargetKind::GapNarrowsBy, "3", 2014, 2012));
    CHECK(r.status == TargetStatus::Achieved);
    auto r2 = judge(tb, target(data::TargetKind::GapNarrowsBy, "3.5", 2014, 2012));
    CHECK(r2.status == TargetStatus::NotAchieved);
}

TEST_CASE("value_at_least and at_or_above_comparator", "[metrics][targets]") {
    TableBuilder tb;
    tb.add("FSM", 2014, "66.0");
    tb.add("FSM", 2014, "66.0", 100, "National", "England");
    tb.add("Not FSM", 2014, "70.0");
    CHECK(judge(tb, target(data::TargetKind::ValueAtLeast, "66.0", 2014)).status == TargetStatus::Achieved);
    CHECK(judge(tb, target(data::TargetKind::ValueAtLeast, "66.1", 2014)).status == TargetStatus::NotAchieved);
    auto r = judge(tb, target(data::TargetKind::AtOrAboveComparator, "0", 2014, {}, true));
    CHECK(r.status == TargetStatus::Achieved);  // in line with national
}

TEST_CASE("primary suppression is below the threshold, not at it", "[metrics][suppression]") {
    TableBuilder tb;
    tb.add("FSM", 2014, "40", 5);
    tb.add("Not FSM", 2014, "60", 4);
    SuppressedView view(tb.table, {5, false, {}});
    CHECK_FALSE(view.cell("m", "FSM", "Local authority", "LA", ay(2014)).suppressed());
    auto c = view.cell("m", "Not FSM", "Local authority", "LA", ay(2014));
    CHECK(c.suppression == SuppressionReason::SmallCohort);
    CHECK_FALSE(c.value);
}

TEST_CASE("secondary suppression protects a suppressed group of two", "[metrics][suppression]") {
    TableBuilder tb;
    tb.add("FSM", 2014, "40", 3);
    tb.add("Not FSM", 2014, "60", 50);
    tb.add("Total", 2014, "58", 53);
    SuppressedView view(tb.table, {5, true, {}});
    CHECK(view.cell("m", "FSM", "Local authority", "LA", ay(2014)).suppression == SuppressionReason::SmallCohort);
    CHECK(view.cell("m", "Not FSM", "Local authority", "LA", ay(2014)).suppression == SuppressionReason::Secondary);
    CHECK_FALSE(view.cell("m", "Total", "Local authority", "LA", ay(2014)).suppressed());
}

TEST_CASE("secondary suppression with three groups hides the next smallest only",
          "[metrics][suppression]") {
    TableBuilder tb;
    tb.add("No SEN", 2014, "80", 200);
    tb.add("SEN support", 2014, "30", 20);
    tb.add("EHCP", 2014, "10", 4);
    SuppressedView view(tb.table, {5, true, {{"No SEN", "SEN support", "EHCP"}}});
    CHECK(view.cell("m", "EHCP", "Local authority", "LA", ay(2014)).suppression == SuppressionReason::SmallCohort);
    CHECK(view.cell("m", "SEN support", "Local authority", "LA", ay(2014)).suppression == SuppressionReason::Secondary);
    CHECK_FALSE(view.cell("m", "No SEN", "Local authority", "LA", ay(2014)).suppressed());
}

TEST_CASE("action status as of a date, due today included in At risk", "[metrics][actions]") {
    core::Date today{2019, 7, 31};
    auto make = [](data::ActionState s, core::Date due, data::Rag rag = data::Rag::None) {
        data::Action a;
        a.state = s;
        a.due = due;
        a.rag = rag;
        return a;
    };
    using S = data::ActionState;
    CHECK(action_status(make(S::Complete, {2019, 1, 1}), today, 14) == ActionStatus::Complete);
    CHECK(action_status(make(S::InProgress, {2019, 7, 30}), today, 14) == ActionStatus::Overdue);
    CHECK(action_status(make(S::InProgress, {2019, 7, 31}), today, 14) == ActionStatus::AtRisk);
    CHECK(action_status(make(S::InProgress, {2019, 8, 14}), today, 14) == ActionStatus::AtRisk);
    CHECK(action_status(make(S::InProgress, {2019, 8, 15}), today, 14) == ActionStatus::OnTrack);
    CHECK(action_status(make(S::NotStarted, {2019, 12, 1}), today, 14) == ActionStatus::NotStarted);
    CHECK(action_status(make(S::InProgress, {2019, 12, 1}, data::Rag::Amber), today, 14) == ActionStatus::AtRisk);
    CHECK(action_status(make(S::InProgress, {2019, 7, 31}), today, 0) == ActionStatus::OnTrack);
}

TEST_CASE("a setting can be compared with its own local authority", "[metrics][targets]") {
    TableBuilder tb;
    tb.add("Disadvantaged", 2018, "55", 12, "Setting", "S1");
    tb.add("Disadvantaged", 2018, "61", 900, "Local authority", "Kent");
    SuppressedView view(tb.table, {5, true, {}});
    auto cat = catalog();
    auto series = build_gap_series(view, cat, "m", "Disadvantaged", {false, true, "Disadvantaged"},
                                   {"Setting", "S1", "Kent"});
    REQUIRE(series.points.size() == 1);
    REQUIRE(series.points[0].gap);
    CHECK(*series.points[0].gap == 6);  // Kent 61 - the setting's 55
}

TEST_CASE("status comparisons are exact at the threshold, with no tolerance",
          "[metrics][targets][exact]") {
    struct Case {
        const char* group;
        const char* comparator;
        const char* limit;
        TargetStatus want;
    };
    const Case cases[] = {
        {"46.1", "64.1", "18", TargetStatus::Achieved},      // 18 exactly (binary: 18.000000000000004)
        {"46.1", "64.1", "18.0", TargetStatus::Achieved},
        {"46.0", "64.1", "18", TargetStatus::NotAchieved},   // 18.1
        {"46.06", "64.1", "18", TargetStatus::NotAchieved},  // 18.04 prints 18.0 but is above
        {"55.6", "65.1", "9.5", TargetStatus::Achieved},     // 9.5 (binary: 9.499999999999993)
        {"55.6", "65.1", "9.49", TargetStatus::NotAchieved},
    };
    for (const auto& c : cases) {
        INFO(c.comparator << " - " << c.group << " against at most " << c.limit);
        TableBuilder tb;
        tb.add("FSM", 2014, c.group);
        tb.add("Not FSM", 2014, c.comparator);
        CHECK(judge(tb, target(data::TargetKind::GapAtMost, c.limit, 2014)).status == c.want);
    }
}

TEST_CASE("values from numerator and cohort are compared as exact fractions",
          "[metrics][targets][exact]") {
    struct Case {
        long long numerator, cohort;
        const char* at_least;
        TargetStatus want;
    };
    const Case cases[] = {
        {1, 8, "12.5", TargetStatus::Achieved},      // 12.5% exactly
        {1, 8, "12.51", TargetStatus::NotAchieved},
        {2, 3, "66.6", TargetStatus::Achieved},      // 66.66…
        {2, 3, "66.7", TargetStatus::NotAchieved},   // prints 66.7, but is below it
        {200, 300, "66.6", TargetStatus::Achieved},  // the same fraction in other terms
    };
    for (const auto& c : cases) {
        INFO(c.numerator << " of " << c.cohort << " against at least " << c.at_least);
        TableBuilder tb;
        tb.add_at("FSM", ay(2014), core::Exact::ratio(100 * c.numerator, c.cohort),
                  static_cast<double>(c.cohort));
        tb.add("Not FSM", 2014, "70");
        CHECK(judge(tb, target(data::TargetKind::ValueAtLeast, c.at_least, 2014), 1).status == c.want);
    }
    // A gap between two count-based values: 70 − 100/3 = 36.66…, exactly.
    TableBuilder tb;
    tb.add_at("FSM", ay(2014), core::Exact::ratio(100, 3), 3);
    tb.add("Not FSM", 2014, "70");
    auto r = judge(tb, target(data::TargetKind::GapAtMost, "36.7", 2014), 1);
    CHECK(r.status == TargetStatus::Achieved);
    CHECK(r.actual == test::frac(110, 3));
}

TEST_CASE("a trajectory over terms is exact: thirds of a year, no rounding before comparing",
          "[metrics][targets][exact]") {
    const data::Period autumn16{2016, data::PeriodKind::AutumnTerm};
    const data::Period spring17{2017, data::PeriodKind::SpringTerm};
    const data::Period summer17{2017, data::PeriodKind::SummerTerm};
    struct Case { const char* gap; TargetStatus want; };
    // Gap 20 at Autumn 2016/17, at most 12 by Summer 2017/18: at Spring 2017/18 the line is at
    // 20 + (12 - 20) x (4/3) / (5/3) = 13.6 exactly.
    const Case cases[] = {{"13.6", TargetStatus::OnTarget},
                          {"13.59", TargetStatus::OnTarget},
                          {"13.61", TargetStatus::NotOnTarget}};
    for (const auto& c : cases) {
        INFO("gap " << c.gap);
        TableBuilder tb;
        tb.add_at("FSM", autumn16, test::dec("50"));
        tb.add_at("Not FSM", autumn16, test::dec("70"));
        tb.add_at("FSM", spring17, test::dec("50"));
        tb.add_at("Not FSM", spring17, test::dec("50") + test::dec(c.gap));
        data::Target t = target(data::TargetKind::GapAtMost, "12", 2017);
        t.period = summer17;
        t.baseline = autumn16;
        auto r = judge(tb, t);
        CHECK(r.future);
        CHECK(r.required == test::dec("13.6"));
        CHECK(r.status == c.want);
    }
}

TEST_CASE("a reason shows more places when rounding would print both figures alike",
          "[metrics][targets][exact][words]") {
    TableBuilder tb;
    tb.add("FSM", 2014, "46.06");
    tb.add("Not FSM", 2014, "64.1");  // gap 18.04
    auto r = judge(tb, target(data::TargetKind::GapAtMost, "18", 2014));
    CHECK(r.status == TargetStatus::NotAchieved);
    CHECK(r.reason == "gap 18.04 ppts against a target of at most 18.00");
    TableBuilder tb2;
    tb2.add_at("FSM", ay(2014), core::Exact::ratio(200, 3), 3);  // 66.66…%
    tb2.add("Not FSM", 2014, "70");
    auto r2 = judge(tb2, target(data::TargetKind::ValueAtLeast, "66.7", 2014), 1);
    CHECK(r2.reason == "66.67% in 2014/15 against a target of at least 66.70%");
}

TEST_CASE("reasons name groups and comparators as the table does, not by their data names",
          "[metrics][targets][words]") {
    TableBuilder tb;
    tb.add("FSM", 2014, "66.0");
    tb.add("FSM", 2014, "68.5", 100, "National", "England");
    SuppressedView view(tb.table, {5, true, {}});
    auto cat = catalog();
    cat.groups["FSM"] = {"FSM", "Eligible for free school meals"};
    auto t = target(data::TargetKind::AtOrAboveComparator, "0", 2014, {}, true);
    auto series = build_gap_series(view, cat, t.measure, t.group, t.comparator,
                                   {"Local authority", "LA", ""});
    auto r = evaluate_target(t, series, *cat.measure("m"), &cat);
    CHECK(r.reason == "Eligible for free school meals 66.0% against Eligible for free school "
                      "meals (England) 68.5% in 2014/15 (gap 2.5 ppts); the target is in line "
                      "with or above the comparator");
    CHECK(series.comparator_label(cat) == "Eligible for free school meals (England)");
    // A value missing on one side names that side by its label too.
    TableBuilder tb2;
    tb2.add("FSM", 2014, "66.0");
    data::Observation x;
    x.period = ay(2014);
    x.level = "Local authority";
    x.area = "LA";
    x.group = "Not FSM";
    x.measure = "m";
    x.value = data::Value::missing_as(data::Missing::NotAvailable, "x");
    tb2.table.add(x);
    cat.groups["Not FSM"] = {"Not FSM", "Not eligible"};
    SuppressedView view2(tb2.table, {5, true, {}});
    auto t2 = target(data::TargetKind::GapAtMost, "5", 2014);
    auto s2 = build_gap_series(view2, cat, t2.measure, t2.group, t2.comparator,
                               {"Local authority", "LA", ""});
    auto r2 = evaluate_target(t2, s2, *cat.measure("m"), &cat);
    CHECK(r2.status == TargetStatus::NoData);
    CHECK(r2.reason == "no value for Not eligible in 2014/15");
}

TEST_CASE("improves_faster is judged year on year: one missed year means the target can no longer be met",
          "[metrics][targets][improves_faster]") {
    // Gaps by year from the 2012/13 baseline ("" = no data that year); the rule is 3 ppts a
    // year faster than the comparator, i.e. the gap narrows by at least 3 each year.
    struct Case {
        const char* what;
        std::vector<const char*> gaps;  // 2012, 2013, 2014 …
        int target_year;
        TargetStatus want;
    };
    const Case cases[] = {
        {"each year met, before the target year", {"30", "27", "24"}, 2016, TargetStatus::OnTarget},
        {"each year met, at the target year", {"30", "27", "24"}, 2014, TargetStatus::Achieved},
        {"one year missed early, though the total is ahead of the line",
         {"30", "29", "20"}, 2016, TargetStatus::NotOnTarget},
        {"one year missed early, at the target year", {"30", "29", "20"}, 2014,
         TargetStatus::NotAchieved},
        {"the last year missed", {"30", "26", "23.1"}, 2016, TargetStatus::NotOnTarget},
        {"exactly at the margin every year (decimal data)", {"27.1", "24.1", "21.1"}, 2016,
         TargetStatus::OnTarget},
        {"exactly at the margin, at the target year", {"27.1", "24.1", "21.1"}, 2014,
         TargetStatus::Achieved},
        {"a hair short of the margin", {"27.1", "24.1", "21.11"}, 2014, TargetStatus::NotAchieved},
        {"a missing year is spanned: 6 over two years meets it", {"30", "", "24"}, 2016,
         TargetStatus::OnTarget},
        {"a missing year is spanned: 5.9 over two years misses", {"30", "", "24.1"}, 2016,
         TargetStatus::NotOnTarget},
        {"a missing year at the end of a met run", {"30", "27", "", "21"}, 2016,
         TargetStatus::OnTarget},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        TableBuilder tb;
        for (std::size_t i = 0; i < c.gaps.size(); ++i) {
            if (std::string(c.gaps[i]).empty()) continue;
            int year = 2012 + static_cast<int>(i);
            tb.add("FSM", year, "50");
            tb.add_at("Not FSM", ay(year), test::dec("50") + test::dec(c.gaps[i]));
        }
        auto r = judge(tb, target(data::TargetKind::ImprovesFasterThanComparatorBy, "3",
                                  c.target_year, 2012));
        CHECK(r.status == c.want);
    }
}

TEST_CASE("improves_faster names the missed year, and says the target can no longer be met",
          "[metrics][targets][improves_faster][words]") {
    TableBuilder tb;
    tb.add("FSM", 2012, "50"); tb.add("Not FSM", 2012, "80");  // gap 30
    tb.add("FSM", 2013, "51"); tb.add("Not FSM", 2013, "80");  // 29: narrowed 1, 3 needed
    tb.add("FSM", 2014, "60"); tb.add("Not FSM", 2014, "80");  // 20: narrowed 9
    auto before = judge(tb, target(data::TargetKind::ImprovesFasterThanComparatorBy, "3", 2016, 2012));
    CHECK(before.status == TargetStatus::NotOnTarget);
    CHECK(before.reason == "in 2013/14 the gap narrowed by 1.0 ppts against the 3.0 ppts needed, so "
                           "the target for 2016/17 can no longer be met");
    CHECK(before.actual == 10);   // narrowing since the baseline
    CHECK(before.required == 6);  // 3 a year for two years: ahead, yet not on target
    TableBuilder ok;
    ok.add("FSM", 2012, "50"); ok.add("Not FSM", 2012, "80");
    ok.add("FSM", 2013, "53"); ok.add("Not FSM", 2013, "80");
    auto on = judge(ok, target(data::TargetKind::ImprovesFasterThanComparatorBy, "3", 2016, 2012));
    CHECK(on.status == TargetStatus::OnTarget);
    CHECK(on.reason == "the gap narrowed by at least 3.0 ppts a year from 2012/13 to 2013/14 "
                       "(3.0 ppts in all)");
    // A suppressed year on the way suppresses the status.
    TableBuilder sup;
    sup.add("FSM", 2012, "50"); sup.add("Not FSM", 2012, "80");
    sup.add("FSM", 2013, "53", 3); sup.add("Not FSM", 2013, "80");
    sup.add("FSM", 2014, "56"); sup.add("Not FSM", 2014, "80");
    CHECK(judge(sup, target(data::TargetKind::ImprovesFasterThanComparatorBy, "3", 2016, 2012)).status ==
          TargetStatus::Suppressed);
}
