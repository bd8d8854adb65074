#include "charts/build/describe.h"

#include <catch2/catch.hpp>

#include "tests/unit/charts/chart_samples.h"

using namespace charts;
using charts::build::describe_chart;
using charts::build::finding_title;

namespace {

model::GapTrendSpec ks2_two_years() {
    model::GapTrendSpec s;
    s.measure = "KS2 RWM";
    s.periods = {"2015/16", "2016/17"};
    s.group = {"FSM", model::palette::kDarkBlue, {39.0, 47.0}, model::MarkerShape::Circle, false};
    s.comparator = {
        "non-FSM", model::palette::kOrange, {60.0, 67.0}, model::MarkerShape::Square, false};
    s.y = model::ValueAxis::percent("%");
    return s;
}

}  // namespace

TEST_CASE("gap trend alt text gives both series, the periods and the gap movement",
          "[charts][describe]") {
    CHECK(describe_chart(ks2_two_years()) ==
          "Line chart. KS2 RWM: FSM 39% to 47%, non-FSM 60% to 67%, 2015/16 to 2016/17; the gap "
          "narrowed from 21 to 20 ppts.");
    // Through the variant too.
    model::ChartSpec any = ks2_two_years();
    CHECK(describe_chart(any) == describe_chart(ks2_two_years()));
}

TEST_CASE("gap trend alt text covers widening, no change, one period and missing values",
          "[charts][describe]") {
    auto s = ks2_two_years();
    s.group.values = {39.4, 44.6};
    s.comparator.values = {60.0, 70.0};
    CHECK(describe_chart(s) ==
          "Line chart. KS2 RWM: FSM 39% to 45%, non-FSM 60% to 70%, 2015/16 to 2016/17; the gap "
          "widened from 21 to 25 ppts.");
    s.group.values = {40.0, 47.0};
    s.comparator.values = {60.0, 67.0};
    CHECK(describe_chart(s) ==
          "Line chart. KS2 RWM: FSM 40% to 47%, non-FSM 60% to 67%, 2015/16 to 2016/17; the gap "
          "was unchanged at 20 ppts.");
    s.group.values = {std::nullopt, 47.0};
    CHECK(describe_chart(s) ==
          "Line chart. KS2 RWM in 2016/17: FSM 47%, non-FSM 67%; a gap of 20 ppts. 1 value is "
          "suppressed or not available.");
    s.group.values = {std::nullopt, std::nullopt};
    CHECK(describe_chart(s) ==
          "Line chart. KS2 RWM: no period has values for both FSM and non-FSM. 2 values are "
          "suppressed or not available.");
}

TEST_CASE("gap trend alt text uses a true minus and singular ppt", "[charts][describe]") {
    auto s = ks2_two_years();
    s.group.values = {62.0, 66.0};  // the group is ahead: negative gaps
    s.comparator.values = {60.0, 65.0};
    CHECK(describe_chart(s) ==
          "Line chart. KS2 RWM: FSM 62% to 66%, non-FSM 60% to 65%, 2015/16 to 2016/17; the gap "
          "narrowed from \xE2\x88\x92"
          "2 to \xE2\x88\x92"
          "1 ppt.");
}

TEST_CASE("alt text of the sample charts", "[charts][describe]") {
    CHECK(describe_chart(test_charts::gap_trend()) ==
          "Line chart. KS2 RWM: FSM 38% to 47%, Non-FSM 60% to 67%, England 53% to 65%, 2012/13 "
          "to 2018/19; the gap narrowed from 22 to 20 ppts. 1 value is suppressed or not "
          "available.");
    CHECK(describe_chart(test_charts::crowded_gap_trend()) ==
          "Line chart. KS2 RWM: FSM 40% to 47%, Non-FSM 50% to 48%, England 45% to 48%, 2012/13 "
          "to 2018/19; the gap narrowed from 10 to 1 ppt. Target: 47% in 2018/19.");
    CHECK(describe_chart(test_charts::line_chart()) ==
          "Line chart. GLD: Stoke-on-Trent 60% to 66%, Staffordshire 66% to 71%, Staffordshire "
          "Moorlands 65% to 70%, England 69% to 72%, 2015/16 to 2018/19. 1 value is suppressed "
          "or not available.");
    CHECK(describe_chart(test_charts::gap_target_bars()) ==
          "Bar chart of gaps against targets for 5 measures. EYFS good level of development: gap "
          "14.2 ppts against a target of 15.0 ppts (On target). KS2 reading, writing and maths: "
          "gap 20.1 ppts against a target of 16.0 ppts (Not on target). KS4 English and maths "
          "9–4: gap 27.8 ppts against a target of 25.0 ppts (Not on target). KS1 phonics: gap "
          "\xE2\x88\x92"
          "1.5 ppts against a target of 2.0 ppts (Achieved). KS4 looked-after "
          "children: gap suppressed against a target of 30.0 ppts (Suppressed).");
    CHECK(describe_chart(test_charts::grouped_bars()) ==
          "Bar chart comparing Disadvantaged and Not disadvantaged. EYFS good level of "
          "development: Disadvantaged 57%, Not disadvantaged 73%. Phonics: Disadvantaged 70%, "
          "Not disadvantaged 84%. KS2 RWM: Disadvantaged 51%, Not disadvantaged 71%. KS4 "
          "English and maths: Disadvantaged suppressed, Not disadvantaged 72%.");
    CHECK(describe_chart(test_charts::action_status()) ==
          "Stacked bar chart of actions by status. 1. Close the gap by KS1 (7): Complete 3, On "
          "track 2, At risk 1, Not started 1. 2. Parental involvement (6): Complete 2, On track "
          "3, Overdue 1. 3. Quality of provision (7): Complete 1, On track 1, At risk 2, Overdue "
          "1, Not started 2. All actions (20): Complete 6, On track 6, At risk 3, Overdue 2, Not "
          "started 3.");
    CHECK(describe_chart(test_charts::distribution()) ==
          "Dot plot of the gap in 20 settings, sorted from smallest to largest: from 3.0 to 25.5 "
          "ppts, project median 12.8 ppts. Little Acorns: 15.5 ppts. 2 settings suppressed and "
          "not shown.");
}

TEST_CASE("finding titles state the movement and its size", "[charts][describe]") {
    model::GapTrendSpec s = ks2_two_years();
    s.measure = "KS2";
    s.periods = {"2012/13", "2013/14", "2014/15"};
    s.group.values = {40.0, 41.0, 45.3};
    s.comparator.values = {62.0, 63.0, 65.2};
    s.y.decimals = 1;
    CHECK(finding_title(s) == "The KS2 gap narrowed by 2.1 ppts since 2012/13");
    s.group.values = {40.0, 41.0, 39.0};
    CHECK(finding_title(s) == "The KS2 gap widened by 4.2 ppts since 2012/13");
    s.group.values = {40.0, 41.0, 43.2};
    CHECK(finding_title(s) == "The KS2 gap has not changed since 2012/13");
    s.group.values = {std::nullopt, std::nullopt, 43.2};
    CHECK(finding_title(s) == "");

    CHECK(finding_title(test_charts::line_chart()) ==
          "GLD in Stoke-on-Trent rose from 60% to 66% between 2015/16 and 2018/19");
    CHECK(finding_title(test_charts::action_status()) == "6 of 20 actions are complete");
    CHECK(finding_title(test_charts::distribution()) ==
          "Little Acorns has a gap of 15.5 ppts, above the project median of 12.8 ppts");
    auto d = test_charts::distribution();
    d.highlight.reset();
    CHECK(finding_title(d) == "The project median gap across 20 settings is 12.8 ppts");
    CHECK(finding_title(test_charts::gap_target_bars()) == "");
    CHECK(finding_title(test_charts::grouped_bars()) == "");
}

TEST_CASE("chart words agree with a count of one: 1 setting, 1 of 1 action",
          "[charts][describe][words]") {
    auto d = test_charts::distribution();
    d.points.resize(21);  // twenty with values and one suppressed
    d.highlight.reset();
    const std::string alt = describe_chart(d);
    INFO(alt);
    CHECK(alt.find("1 setting suppressed and not shown.") != std::string::npos);
    CHECK(alt.find("1 settings") == std::string::npos);
    auto one = test_charts::distribution();
    one.points = {{"Only", 7.0}};
    one.highlight.reset();
    CHECK(describe_chart(one).find("in 1 setting,") != std::string::npos);
    auto a = test_charts::action_status();
    a.rows = {{"All actions", {1, 0, 0, 0, 0}}};
    CHECK(finding_title(a) == "1 of 1 action is complete");
}
