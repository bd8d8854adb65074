#include "charts/compose/describe.h"

#include <catch2/catch.hpp>

#include "charts/compose/plain_words.h"
#include "tests/unit/charts/chart_samples.h"

using namespace charts;
using charts::compose::describe_chart;
using charts::compose::finding_title;

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

// The same chart with short names, so that the series' own figures fit.
model::GapTrendSpec short_names(const std::string& group, const std::string& comparator) {
    auto s = ks2_two_years();
    s.measure = "GLD";
    s.group.name = group;
    s.comparator.name = comparator;
    return s;
}

}  // namespace

const char* const kKs2Gap =
    "The gap in Key Stage 2 reading, writing and maths between children eligible for free "
    "school meals and other children ";

TEST_CASE("gap trend alt text leads with the gap's movement in plain words",
          "[charts][describe]") {
    CHECK(describe_chart(ks2_two_years()) ==
          std::string(kKs2Gap) +
              "narrowed from 21 to 20 percentage points between 2015/16 and 2016/17.");
    // Through the variant too.
    model::ChartSpec any = ks2_two_years();
    CHECK(describe_chart(any) == describe_chart(ks2_two_years()));
    // Shorter names leave room for the series themselves.
    CHECK(describe_chart(short_names("Disadvantaged", "Not disadvantaged")) ==
          "The gap in good level of development between disadvantaged children and other "
          "children narrowed from 21 to 20 percentage points between 2015/16 and 2016/17. "
          "Disadvantaged children rose from 39% to 47% and other children rose from 60% to 67%.");
}

TEST_CASE("gap trend alt text covers widening, no change, one period and missing values",
          "[charts][describe]") {
    auto s = ks2_two_years();
    s.group.values = {39.4, 44.6};
    s.comparator.values = {60.0, 70.0};
    CHECK(describe_chart(s) ==
          std::string(kKs2Gap) +
              "widened from 21 to 25 percentage points between 2015/16 and 2016/17.");
    s.group.values = {40.0, 47.0};
    s.comparator.values = {60.0, 67.0};
    CHECK(describe_chart(s) ==
          std::string(kKs2Gap) +
              "was unchanged at 20 percentage points between 2015/16 and 2016/17.");
    s.group.values = {std::nullopt, 47.0};
    CHECK(describe_chart(s) ==
          "In 2016/17, the gap in Key Stage 2 reading, writing and maths between children "
          "eligible for free school meals and other children was 20 percentage points. Children "
          "eligible for free school meals: 47%; other children: 67%.");
    s.group.values = {std::nullopt, std::nullopt};
    CHECK(describe_chart(s) ==
          "No period has figures for both children eligible for free school meals and other "
          "children in Key Stage 2 reading, writing and maths. 2 values are suppressed or not "
          "available.");
}

TEST_CASE("gap trend alt text uses a true minus and a singular percentage point",
          "[charts][describe]") {
    auto s = ks2_two_years();
    s.group.values = {62.0, 66.0};  // the group is ahead: negative gaps
    s.comparator.values = {60.0, 65.0};
    CHECK(describe_chart(s) ==
          std::string(kKs2Gap) + "narrowed from \xE2\x88\x92" "2 to \xE2\x88\x92" "1 percentage "
          "point between 2015/16 and 2016/17.");
}

TEST_CASE("alt text of the sample charts states the key message first", "[charts][describe]") {
    CHECK(describe_chart(test_charts::gap_trend()) ==
          std::string(kKs2Gap) +
              "narrowed from 22 to 20 percentage points between 2012/13 and 2018/19. 1 value is "
              "suppressed or not available.");
    CHECK(describe_chart(test_charts::crowded_gap_trend()) ==
          std::string(kKs2Gap) +
              "narrowed from 10 to 1 percentage point between 2012/13 and 2018/19. The target is "
              "47% in 2018/19. England rose from 45% to 48%.");
    CHECK(describe_chart(test_charts::line_chart()) ==
          "Good level of development rose in Stoke-on-Trent, Staffordshire, Staffordshire "
          "Moorlands and England between 2015/16 and 2018/19. In 2018/19 the highest was England "
          "at 72% and the lowest Stoke-on-Trent at 66%. 1 value is suppressed or not available.");
    CHECK(describe_chart(test_charts::gap_target_bars()) ==
          "Of 5 gaps against their targets, 1 is on target, 2 not on target, 1 achieved and 1 "
          "suppressed. Early Years Foundation Stage good level of development: 14.2 percentage "
          "points against a target of 15.0.");
    CHECK(describe_chart(test_charts::grouped_bars()) ==
          "Disadvantaged children are below other children in 3 of 4 measures shown. The widest "
          "difference is in Key Stage 2 reading, writing and maths: 51% against 71%. Phonics: "
          "disadvantaged children 70% and other children 84%.");
    CHECK(describe_chart(test_charts::action_status()) ==
          "6 of 20 actions are complete, 6 on track, 3 at risk, 2 overdue and 3 not started. 1. "
          "Close the gap by Key Stage 1: 3 of 7 complete. 2. Parental involvement: 2 of 6 "
          "complete. 3. Quality of provision: 1 of 7 complete.");
    CHECK(describe_chart(test_charts::distribution()) ==
          "Little Acorns has a gap of 15.5 percentage points, above the project median of 12.8 "
          "percentage points across 20 settings. The gap ranges from 3.0 to 25.5 percentage "
          "points. 2 settings are suppressed and not shown.");
}

TEST_CASE("alt text stays within 250 characters and names the table when figures are left out",
          "[charts][describe]") {
    auto bars = test_charts::gap_target_bars();
    const std::string without = describe_chart(bars);
    CHECK(without.find("gives the figures") == std::string::npos);  // no table: no claim
    bars.text.table = "Table 2: Gaps and targets by key stage";
    const std::string with = describe_chart(bars);
    CHECK(with.size() >= 40);
    CHECK(with.substr(with.size() - 26) == "Table 2 gives the figures.");
    bars.text.table = "Gaps and targets";  // a caption without a number is quoted
    CHECK(describe_chart(bars).find("The table \xE2\x80\x98Gaps and targets\xE2\x80\x99 gives "
                                    "the figures.") != std::string::npos);
    for (const model::ChartSpec& spec :
         {model::ChartSpec(test_charts::gap_trend()), model::ChartSpec(test_charts::line_chart()),
          model::ChartSpec(test_charts::gap_target_bars()),
          model::ChartSpec(test_charts::grouped_bars()),
          model::ChartSpec(test_charts::action_status()),
          model::ChartSpec(test_charts::distribution())}) {
        const std::string alt = describe_chart(spec);
        INFO(alt);
        CHECK(charts::compose::utf8_length(alt) <= charts::compose::kMaxAltText);
    }
    // A chart with few figures whose details all fit names no table.
    auto few = short_names("boys", "girls");
    few.text.table = "Table 1: Headline measures";
    CHECK(describe_chart(few) ==
          "The gap in good level of development between boys and girls narrowed from 21 to 20 "
          "percentage points between 2015/16 and 2016/17. Boys rose from 39% to 47% and girls "
          "rose from 60% to 67%.");
}

TEST_CASE("abbreviations are spelled out as whole words, the longest first", "[charts][describe]") {
    using charts::compose::spell_out;
    CHECK(spell_out("KS2 RWM") == "Key Stage 2 reading, writing and maths");
    CHECK(spell_out("16 ppts") == "16 percentage points");
    CHECK(spell_out("1 ppt") == "1 percentage point");
    CHECK(spell_out("Not FSM") == "other children");
    CHECK(spell_out("FSM") == "children eligible for free school meals");
    CHECK(spell_out("GLD – Disadvantaged") == "good level of development – disadvantaged children");
    CHECK(spell_out("KS2s and GLDs") == "KS2s and GLDs");  // not inside longer words
    CHECK(spell_out("HWB update", {{"HWB", "Health and Wellbeing Board"}}) ==
          "Health and Wellbeing Board update");
    CHECK(spell_out("GLD", {{"GLD", "a good level of development"}}) ==
          "a good level of development");  // the batch's own entry wins
}

TEST_CASE("finding titles name what the gap is in with the measure's phrase", "[charts][describe]") {
    model::GapTrendSpec s = ks2_two_years();
    s.measure = "Parents engaged";
    s.measure_phrase = "parents taking part";
    s.periods = {"Autumn 2017/18", "Summer 2018/19"};
    s.group.values = {40.0, 50.0};
    s.comparator.values = {60.0, 62.0};
    CHECK(finding_title(s) == "The gap in parents taking part narrowed by 8 ppts since Autumn 2017/18");
    s.measure_phrase.clear();
    s.measure.clear();
    CHECK(finding_title(s) == "The gap narrowed by 8 ppts since Autumn 2017/18");
    // One period has nothing to compare with: no headline, never "since" the same period.
    s.periods = {"Summer 2018/19"};
    s.group.values = {50.0};
    s.comparator.values = {62.0};
    CHECK(finding_title(s) == "");
}

TEST_CASE("finding titles state the movement and its size", "[charts][describe]") {
    model::GapTrendSpec s = ks2_two_years();
    s.measure = "KS2";
    s.periods = {"2012/13", "2013/14", "2014/15"};
    s.group.values = {40.0, 41.0, 45.3};
    s.comparator.values = {62.0, 63.0, 65.2};
    s.y.decimals = 1;
    CHECK(finding_title(s) == "The gap in KS2 narrowed by 2.1 ppts since 2012/13");
    s.group.values = {40.0, 41.0, 39.0};
    CHECK(finding_title(s) == "The gap in KS2 widened by 4.2 ppts since 2012/13");
    s.group.values = {40.0, 41.0, 43.2};
    CHECK(finding_title(s) == "The gap in KS2 has not changed since 2012/13");
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
    CHECK(alt.find("1 setting is suppressed and not shown.") != std::string::npos);
    CHECK(alt.find("1 settings") == std::string::npos);
    auto one = test_charts::distribution();
    one.points = {{"Only", 7.0}};
    one.highlight.reset();
    CHECK(describe_chart(one).find("across 1 setting;") != std::string::npos);
    auto a = test_charts::action_status();
    a.rows = {{"All actions", {1, 0, 0, 0, 0}}};
    CHECK(finding_title(a) == "1 of 1 action is complete");
}
