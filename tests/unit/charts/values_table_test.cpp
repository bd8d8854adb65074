#include "charts/compose/values_table.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "charts/compose/build_chart.h"
#include "tests/unit/charts/chart_samples.h"
#include "tests/unit/charts/fixed_measure.h"

using namespace charts;
using Row = std::vector<std::string>;

TEST_CASE("a gap trend's values are its periods with both groups, the gap and the reference",
          "[charts][values]") {
    auto spec = test_charts::gap_trend();
    spec.group.symbols = {"", "", "x"};  // 2014/15: not available
    const auto t = compose::chart_values(spec);
    CHECK(t.caption == "The KS2 gap has narrowed since 2012/13");
    CHECK(t.columns == Row{"Period", "FSM", "Non-FSM", "England", "Gap (ppts)"});
    REQUIRE(t.rows.size() == 7);
    CHECK(t.rows[0] == Row{"2012/13", "38%", "60%", "53%", "22"});
    // The absent value keeps its symbol, and so does the gap that needs it; never 0.
    CHECK(t.rows[2] == Row{"2014/15", "x", "63%", "56%", "x"});
    // The gap from the unrounded values (66 - 45.5 = 20.5 gives 21), not from the rounded labels.
    CHECK(t.rows[5] == Row{"2017/18", "46%", "66%", "64%", "21"});
}

TEST_CASE("an absent value without a symbol is c in the values as in the chart's bar labels",
          "[charts][values]") {
    test_charts::FixedMeasure m;
    const auto bars = test_charts::gap_target_bars();
    const auto t = compose::chart_values(bars);
    CHECK(t.columns == Row{"Measure", "Gap (percentage points)", "Target", "Status"});
    REQUIRE(t.rows.size() == 5);
    CHECK(t.rows[1] == Row{"KS2 reading, writing and maths", "20.1", "16.0", "Not on target"});
    CHECK(t.rows[3][1] == "\xE2\x88\x92" "1.5");  // true minus, as labelled
    CHECK(t.rows[4] == Row{"KS4 looked-after children", "c", "30.0", "Suppressed"});
    // Every value cell is also a label the chart draws.
    const scene::Scene s = compose::build_chart(bars, {480, 240}, m);
    std::vector<std::string> drawn;
    for (const scene::Text* x : scene::collect_texts(s)) drawn.push_back(x->text);
    for (const Row& r : t.rows) {
        INFO(r[1]);
        CHECK(std::find(drawn.begin(), drawn.end(), r[1]) != drawn.end());
    }
    // A given symbol replaces "c" in the drawing and in the table alike.
    auto with_x = bars;
    with_x.rows[4].gap_symbol = "x";
    CHECK(compose::chart_values(with_x).rows[4][1] == "x");
    drawn.clear();
    const scene::Scene sx = compose::build_chart(with_x, {480, 240}, m);
    for (const scene::Text* x : scene::collect_texts(sx)) drawn.push_back(x->text);
    CHECK(std::find(drawn.begin(), drawn.end(), "x") != drawn.end());
    CHECK(std::find(drawn.begin(), drawn.end(), "c") == drawn.end());
}

TEST_CASE("grouped bars, action status, distribution and line values have a row each",
          "[charts][values]") {
    auto g = compose::chart_values(test_charts::grouped_bars());
    CHECK(g.columns == Row{"Category", "Disadvantaged", "Not disadvantaged"});
    CHECK(g.rows.back() == Row{"KS4 English and maths", "c", "72%"});

    auto a = compose::chart_values(test_charts::action_status());
    CHECK(a.columns == Row{"Objective", "Complete", "On track", "At risk", "Overdue", "Not started", "Total"});
    CHECK(a.rows.back() == Row{"All actions", "6", "6", "3", "2", "3", "20"});

    auto d = compose::chart_values(test_charts::distribution());
    CHECK(d.columns == Row{"Setting", "Gap (ppts)"});
    REQUIRE(d.rows.size() == 23);  // 22 settings and the median
    CHECK(d.rows[4] == Row{"Little Acorns", "15.5"});
    CHECK(d.rows[20] == Row{"Setting 21", "c"});
    // (12.5 + 13.0) / 2 of the 20 present values, as the chart's median label says.
    CHECK(d.rows[22] == Row{"Project median", "12.8"});
    test_charts::FixedMeasure m;
    const scene::Scene ds = compose::build_chart(test_charts::distribution(), {480, 240}, m);
    bool labelled = false;
    for (const scene::Text* x : scene::collect_texts(ds)) labelled = labelled || x->text == "Project median 12.8";
    CHECK(labelled);

    auto l = compose::chart_values(test_charts::line_chart());
    CHECK(l.columns == Row{"Period", "Stoke-on-Trent", "Staffordshire", "Staffordshire Moorlands", "England"});
    CHECK(l.rows[1] == Row{"2016/17", "62%", "69%", "c", "71%"});
}

TEST_CASE("built scenes carry their values captioned with the drawn headline", "[charts][values]") {
    test_charts::FixedMeasure m;
    for (const auto& [name, spec] : test_charts::all_samples()) {
        INFO(name);
        const scene::Scene s = compose::build_chart(spec, {480, 240}, m);
        const auto direct = compose::chart_values(spec);
        CHECK(s.values.columns == direct.columns);
        CHECK(s.values.rows == direct.rows);
        CHECK(s.values.caption == (s.title.empty() ? direct.caption : s.title));
        for (const auto& r : s.values.rows) CHECK(r.size() == s.values.columns.size());
    }
}

TEST_CASE("values CSV quotes what needs quoting, keeps symbols and makes a data URL",
          "[charts][values]") {
    compose::ValuesTable t;
    t.columns = {"Measure", "Gap, ppts"};
    t.rows = {{"KS2 \"RWM\"", "c"}, {"EYFS", "14.2"}};
    const std::string csv = compose::values_csv(t);
    CHECK(csv == "Measure,\"Gap, ppts\"\r\n\"KS2 \"\"RWM\"\"\",c\r\nEYFS,14.2\r\n");
    CHECK(compose::csv_data_url("a,b\r\n\xE2\x88\x92" "1") ==
          "data:text/csv;charset=utf-8,a%2Cb%0D%0A%E2%88%921");
    const std::string sample = compose::values_csv(compose::chart_values(test_charts::gap_target_bars()));
    CHECK(sample.find("\r\nKS4 looked-after children,c,30.0,Suppressed\r\n") != std::string::npos);
}
