// tests: one realistic spec per chart kind (and a few awkward ones), shared by the charts tests
// and the golden dumps. Numbers are in the style of DfE gap data.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "charts/model/chart_spec.h"
#include "tests/unit/charts/scale_samples.h"

namespace test_charts {

using namespace charts::model;
namespace pal = charts::model::palette;

inline Category status(const std::string& word, Color fill, MarkerShape marker) {
    return Category{word, fill, text_on(fill), marker};
}
inline Category on_target() { return status("On target", pal::kStatusGreen, MarkerShape::Circle); }
inline Category not_on_target() {
    return status("Not on target", pal::kStatusRed, MarkerShape::Triangle);
}
inline Category achieved() { return status("Achieved", pal::kStatusBlue, MarkerShape::Diamond); }
inline Category suppressed() {
    return status("Suppressed", pal::kStatusMidGrey, MarkerShape::Square);
}

inline GapTrendSpec gap_trend() {
    GapTrendSpec s;
    s.text.title = "The KS2 gap has narrowed since 2012/13";
    s.text.subtitle =
        "Pupils meeting the expected standard in reading, writing and maths, Cambridgeshire";
    s.text.source = "Source: DfE, Key stage 2 attainment by pupil characteristics";
    s.measure = "KS2 RWM";
    s.periods = {"2012/13", "2013/14", "2014/15", "2015/16", "2016/17", "2017/18", "2018/19"};
    s.group = {"FSM",
               pal::kDarkBlue,
               {38.0, 41.0, std::nullopt, 39.0, 43.0, 45.5, 47.0},
               MarkerShape::Circle,
               false};
    s.comparator = {"Non-FSM",
                    pal::kOrange,
                    {60.0, 62.0, 63.0, 60.0, 64.0, 66.0, 67.0},
                    MarkerShape::Square,
                    false};
    s.reference = Series{"England",
                         pal::kDarkGrey,
                         {53.0, 55.0, 56.0, 53.0, 61.0, 64.0, 65.0},
                         MarkerShape::None,
                         true};
    s.y = ValueAxis::percent("% meeting the expected standard");
    return s;
}

/// End values so close that the direct labels must be nudged apart.
inline GapTrendSpec crowded_gap_trend() {
    GapTrendSpec s = gap_trend();
    s.text.title = "Crowded labels";
    s.group.values = {40.0, 42.0, 44.0, 45.0, 46.0, 47.0, 47.0};
    s.comparator.values = {50.0, 49.0, 49.0, 48.5, 48.0, 48.0, 48.0};
    s.reference->values = {45.0, 45.0, 46.0, 47.0, 47.0, 47.5, 47.5};
    s.target = Series{"Target",
                      pal::kText,
                      {std::nullopt, std::nullopt, std::nullopt, 44.0, 45.0, 46.0, 47.2},
                      MarkerShape::None,
                      true};
    s.y = ValueAxis{};
    s.y.unit = "%";
    s.y.label = "%";
    return s;
}

inline GapTargetBarsSpec gap_target_bars() {
    GapTargetBarsSpec s;
    s.text.title = "Two of four gaps are on target or achieved";
    s.text.subtitle = "Gap between disadvantaged pupils and others, 2018/19, percentage points";
    s.text.source = "Source: DfE; targets from the Accelerating Achievement strategy";
    s.x.label = "Gap (percentage points)";
    s.x.decimals = 1;
    s.rows = {
        {"EYFS good level of development", 14.2, 15.0, on_target()},
        {"KS2 reading, writing and maths", 20.1, 16.0, not_on_target()},
        {"KS4 English and maths 9–4", 27.8, 25.0, not_on_target()},
        {"KS1 phonics", -1.5, 2.0, achieved()},
        {"KS4 looked-after children", std::nullopt, 30.0, suppressed()},
    };
    return s;
}

inline GroupedBarsSpec grouped_bars() {
    GroupedBarsSpec s;
    s.text.title = "Disadvantaged pupils trail at every key stage";
    s.text.subtitle = "Pupils reaching the expected standard, 2018/19";
    s.text.source = "Source: DfE";
    s.categories = {"EYFS good level of development", "Phonics", "KS2 RWM",
                    "KS4 English and maths"};
    s.groups = {
        {"Disadvantaged",
         pal::kDarkBlue,
         {56.5, 70.1, 51.0, std::nullopt},
         MarkerShape::None,
         false},
        {"Not disadvantaged", pal::kOrange, {73.4, 84.0, 71.0, 71.8}, MarkerShape::None, false},
    };
    s.y = ValueAxis::percent("% of pupils");
    return s;
}

inline ActionStatusSpec action_status() {
    ActionStatusSpec s;
    s.text.title = "Most actions are complete or on track";
    s.text.subtitle = "Action plan status at 31 March 2024";
    s.text.source = "Source: project action log";
    s.statuses = {
        status("Complete", pal::kStatusGreen, MarkerShape::Circle),
        status("On track", pal::kStatusBlue, MarkerShape::Diamond),
        status("At risk", pal::kStatusYellow, MarkerShape::Triangle),
        status("Overdue", pal::kStatusRed, MarkerShape::TriangleDown),
        status("Not started", pal::kStatusMidGrey, MarkerShape::Square),
    };
    s.rows = {
        {"1. Close the gap by KS1", {3, 2, 1, 0, 1}},
        {"2. Parental involvement", {2, 3, 0, 1, 0}},
        {"3. Quality of provision", {1, 1, 2, 1, 2}},
        {"All actions", {6, 6, 3, 2, 3}},
    };
    s.last_row_is_total = true;
    return s;
}

inline DistributionSpec distribution() {
    DistributionSpec s;
    s.text.title = "Little Acorns has one of the larger gaps";
    s.text.subtitle = "Gap in the good level of development by setting, 2018/19, percentage points";
    s.text.source = "Source: setting returns";
    const double values[] = {4.0,  12.5, 9.0,  21.0, 15.5, 7.5, 18.0, 11.0, 25.5, 13.0,
                             10.5, 6.0,  16.5, 14.0, 19.0, 8.5, 22.5, 12.0, 17.5, 3.0};
    for (std::size_t i = 0; i < std::size(values); ++i)
        s.points.push_back({"Setting " + std::to_string(i + 1), values[i]});
    s.points.push_back({"Setting 21", std::nullopt});
    s.points.push_back({"Setting 22", std::nullopt});
    s.points[4].label = "Little Acorns";
    s.highlight = 4;
    s.y.label = "Gap (ppts)";
    s.y.decimals = 1;
    s.y.include_zero = true;
    s.median_label = "Project median";
    return s;
}

inline LineChartSpec line_chart() {
    LineChartSpec s;
    s.text.title = "GLD rose in all three areas";
    s.text.subtitle = "Children reaching a good level of development at the end of Reception";
    s.text.source = "Source: DfE EYFS profile";
    s.measure = "GLD";
    s.periods = {"2015/16", "2016/17", "2017/18", "2018/19"};
    s.series = {
        {"Stoke-on-Trent", pal::kDarkBlue, {60.1, 62.4, 64.0, 66.2}, MarkerShape::Circle, false},
        {"Staffordshire", pal::kTurquoise, {66.0, 68.5, 69.9, 70.8}, MarkerShape::Square, false},
        {"Staffordshire Moorlands",
         pal::kDarkPink,
         {65.0, std::nullopt, 68.0, 70.2},
         MarkerShape::Triangle,
         false},
        {"England", pal::kDarkGrey, {69.3, 70.7, 71.5, 71.8}, MarkerShape::None, true},
    };
    s.y.unit = "%";
    s.y.label = "% reaching a good level of development";
    return s;
}

/// Six areas and England: more lines than one plot can hold, drawn as small multiples.
inline LineChartSpec many_lines() {
    LineChartSpec s;
    s.text.title = "GLD rose in every local authority";
    s.text.subtitle = "Disadvantaged children, 2016/17 to 2018/19";
    s.text.source = "Source: Tracking for Success";
    s.measure = "GLD";
    s.periods = {"2015/16", "2016/17", "2017/18", "2018/19"};
    const char* names[] = {"Bradford", "Doncaster", "Kent", "Leicester", "Nottingham", "Plymouth"};
    const double base[] = {29.0, 33.0, 35.0, 37.0, 35.0, 36.0};
    for (std::size_t i = 0; i < 6; ++i) {
        Series x{names[i], pal::categorical(i), {}, MarkerShape::Circle, false};
        for (std::size_t k = 0; k < 4; ++k) x.values.push_back(base[i] + 7.0 * static_cast<double>(k) + static_cast<double>(i));
        s.series.push_back(x);
    }
    s.series[2].values[1] = std::nullopt;  // a break in Kent
    s.series.push_back({"England", pal::kDarkGrey, {40.0, 44.0, 47.0, 50.0}, MarkerShape::None, true});
    s.y.unit = "%";
    s.y.label = "Good level of development (%)";
    return s;
}

/// Grouped bars of five areas: more than three groups, so each has its own fill pattern too.
inline GroupedBarsSpec many_grouped_bars() {
    GroupedBarsSpec s;
    s.text.title = "Good level of development by area";
    s.text.subtitle = "Children at the end of Reception, 2018/19";
    s.text.source = "Source: project tracking";
    s.categories = {"Disadvantaged", "Not disadvantaged", "All children"};
    const char* names[] = {"Bradford", "Kent", "Nottingham", "Plymouth", "Stoke-on-Trent"};
    for (std::size_t i = 0; i < 5; ++i) {
        const double d = static_cast<double>(i);
        s.groups.push_back({names[i], pal::categorical(i), {48.0 + 3.0 * d, 68.0 + 2.0 * d, 62.0 + 2.5 * d},
                            MarkerShape::None, false});
    }
    s.groups[3].values[0] = std::nullopt;  // suppressed: no bar, so no pattern either
    s.y = ValueAxis::percent("Children (%)");
    return s;
}

/// Every kind, with a name for files and test messages.
inline std::vector<std::pair<std::string, ChartSpec>> all_samples() {
    return {
        {"gap_trend", gap_trend()},
        {"gap_trend_crowded", crowded_gap_trend()},
        {"gap_target_bars", gap_target_bars()},
        {"grouped_bars", grouped_bars()},
        {"grouped_bars_many", many_grouped_bars()},
        {"action_status", action_status()},
        {"distribution", distribution()},
        {"line_chart", line_chart()},
        {"line_chart_small_multiples", many_lines()},
        {"rating_scale_bars", rating_scale_bars()},
        {"status_bars", status_bars()},
    };
}

}  // namespace test_charts
