#include "engine/templating/chart_table.h"

#include <catch2/catch.hpp>

using namespace engine::templating;
namespace cm = charts::model;

namespace {

std::string text(const TableCell& c) {
    std::string s;
    for (const auto& span : c.text) s += span.text;
    return s;
}

std::vector<std::string> row(const Table& t, std::size_t r) {
    std::vector<std::string> out;
    for (const auto& c : t.rows.at(r)) out.push_back(text(c));
    return out;
}

std::vector<std::string> headers(const Table& t) {
    std::vector<std::string> out;
    for (const auto& c : t.columns) out.push_back(c.header);
    return out;
}

}  // namespace

TEST_CASE("a gap trend's table gives each period's values and gap, a missing value as a dash",
          "[templating][chart-table]") {
    cm::GapTrendSpec s;
    s.periods = {"2011/12", "2012/13", "2013/14"};
    s.group = {"FSM", {}, {50.06, std::nullopt, 57.4}};
    s.comparator = {"Not FSM", {}, {78.3, 80.0, 83.34}};
    s.y = cm::ValueAxis::percent("%", 1);
    Table t = chart_table(s, "Table 2: The figures of Figure 1");
    CHECK(t.caption == "Table 2: The figures of Figure 1");
    CHECK(headers(t) == std::vector<std::string>{"Period", "FSM %", "Not FSM %", "Gap (percentage points)"});
    REQUIRE(t.rows.size() == 3);
    CHECK(row(t, 0) == std::vector<std::string>{"2011/12", "50.1%", "78.3%", "28.2"});
    CHECK(row(t, 1) == std::vector<std::string>{"2012/13", "\xE2\x80\x93", "80.0%", "\xE2\x80\x93"});
    CHECK(row(t, 2) == std::vector<std::string>{"2013/14", "57.4%", "83.3%", "25.9"});  // from unrounded
    CHECK(t.note == "\xE2\x80\x93 = suppressed (small numbers) or not available.");
}

TEST_CASE("a distribution's table lists every entity, suppressed ones too, with a true minus",
          "[templating][chart-table]") {
    cm::DistributionSpec s;
    s.points = {{"TFS01", 12.4}, {"TFS02", std::nullopt}, {"TFS03", -5.0}};
    s.y.label = "Gap (percentage points)";
    Table t = chart_table(s, "Table 4: The figures of Figure 2");
    CHECK(headers(t) == std::vector<std::string>{"Setting", "Gap (percentage points)"});
    REQUIRE(t.rows.size() == 3);
    CHECK(row(t, 0) == std::vector<std::string>{"TFS01", "12"});
    CHECK(row(t, 1) == std::vector<std::string>{"TFS02", "\xE2\x80\x93"});
    CHECK(row(t, 2) == std::vector<std::string>{"TFS03", "\xE2\x88\x92" "5"});
}

TEST_CASE("line, grouped bar, gap against target and action status tables have a column per series",
          "[templating][chart-table]") {
    cm::LineChartSpec line;
    line.periods = {"2017/18", "2018/19"};
    line.series = {{"Kent", {}, {35.0, 58.0}}, {"Leicester", {}, {37.0, 53.0}}};
    line.y = cm::ValueAxis::percent("%");
    Table l = chart_table(line, "T");
    CHECK(headers(l) == std::vector<std::string>{"Period", "Kent %", "Leicester %"});
    CHECK(row(l, 1) == std::vector<std::string>{"2018/19", "58%", "53%"});
    CHECK(l.note.empty());

    cm::GroupedBarsSpec bars;
    bars.categories = {"GLD", "Literacy"};
    bars.groups = {{"FSM", {}, {58.0, 58.0}}, {"Not FSM", {}, {73.0, std::nullopt}}};
    bars.y = cm::ValueAxis::percent("%");
    Table g = chart_table(bars, "T");
    CHECK(headers(g) == std::vector<std::string>{"Measure", "FSM %", "Not FSM %"});
    CHECK(row(g, 1) == std::vector<std::string>{"Literacy", "58%", "\xE2\x80\x93"});

    cm::GapTargetBarsSpec gaps;
    gaps.rows = {{"GLD – Disadvantaged", 16.2, 12.0, {"Not achieved"}}};
    Table gt = chart_table(gaps, "T");
    CHECK(headers(gt) == std::vector<std::string>{"Measure", "Gap (percentage points)", "Target gap", "Status"});
    CHECK(row(gt, 0) == std::vector<std::string>{"GLD – Disadvantaged", "16", "12", "Not achieved"});

    cm::ActionStatusSpec actions;
    actions.statuses = {{"Complete"}, {"Overdue"}};
    actions.rows = {{"Close the gap", {3, 1}}, {"All actions", {3, 1}}};
    Table a = chart_table(actions, "T");
    CHECK(headers(a) == std::vector<std::string>{"Objective", "Complete", "Overdue", "Total"});
    CHECK(row(a, 0) == std::vector<std::string>{"Close the gap", "3", "1", "4"});
}
