// Every observation by name (templating/figures.h), the series_table block, cross-references
// and the trajectory point, on small tables built here.
#include <catch2/catch.hpp>

#include "engine/metrics/report_metrics.h"
#include "engine/metrics/trajectory.h"
#include "engine/templating/cross_refs.h"
#include "engine/templating/expander.h"
#include "engine/templating/figures.h"
#include "engine/templating/inline_markup.h"
#include "engine/templating/report_builder.h"
#include "tests/support/exact.h"

using namespace engine;
using namespace engine::templating;

namespace {

data::Period ay(int y) { return {y, data::PeriodKind::AcademicYear}; }

// GLD and communication and language in England, an LA (Kent) and one of its settings
// (S1), FSM and Not FSM, 2016/17 to 2018/19. `cohort` 3 is below the threshold of 5.
struct Data {
    data::ObservationTable table;
    data::Catalog catalog;
    std::unique_ptr<metrics::SuppressedView> view;

    void add(const char* level, const char* area, const char* group, const char* measure, int year,
             const char* value, double cohort = 100) {
        data::Observation o;
        o.period = ay(year);
        o.level = level;
        o.area = area;
        o.group = group;
        o.measure = measure;
        if (auto m = data::parse_missing_symbol(value)) o.value = data::Value::missing_as(*m, value);
        else o.value = data::Value::of(test::dec(value));
        o.cohort = cohort;
        table.add(o);
    }
    Data() {
        for (const char* m : {"gld", "cl"}) {
            data::MeasureInfo mi;
            mi.id = mi.label = mi.short_label = m;
            mi.dp = std::string(m) == "cl" ? 0 : 1;
            catalog.measures[m] = mi;
            catalog.measure_order.push_back(m);
        }
        catalog.groups["Not FSM"] = {"Not FSM", "Other children"};
        // England: gaps 17.0, 17.3, 17.8 (change +0.8)
        add("National", "England", "FSM", "gld", 2016, "56.0");
        add("National", "England", "Not FSM", "gld", 2016, "73.0");
        add("National", "England", "FSM", "gld", 2017, "56.7");
        add("National", "England", "Not FSM", "gld", 2017, "74.0");
        add("National", "England", "FSM", "gld", 2018, "56.5");
        add("National", "England", "Not FSM", "gld", 2018, "74.3");
        // Kent: gaps 19.7, 17.6, 16.5 (change −3.2); no target anywhere
        add("Local authority", "Kent", "FSM", "gld", 2016, "46.5");
        add("Local authority", "Kent", "Not FSM", "gld", 2016, "66.2");
        add("Local authority", "Kent", "FSM", "gld", 2017, "53.1");
        add("Local authority", "Kent", "Not FSM", "gld", 2017, "70.7");
        add("Local authority", "Kent", "FSM", "gld", 2018, "56.5");
        add("Local authority", "Kent", "Not FSM", "gld", 2018, "73.0");
        // Setting S1: FSM suppressed in 2018/19 (3 children), x in 2016/17.
        add("Setting", "S1", "FSM", "gld", 2016, "x");
        add("Setting", "S1", "Not FSM", "gld", 2016, "70.0");
        add("Setting", "S1", "FSM", "gld", 2017, "50.0", 8);
        add("Setting", "S1", "Not FSM", "gld", 2017, "75.0");
        add("Setting", "S1", "FSM", "gld", 2018, "66.7", 3);
        add("Setting", "S1", "Not FSM", "gld", 2018, "80.0");
        // Communication and language at 0 dp: 65.1 − 55.6 = 9.5 exactly → 10.
        add("Local authority", "Kent", "FSM", "cl", 2018, "55.6");
        add("Local authority", "Kent", "Not FSM", "cl", 2018, "65.1");
        view = std::make_unique<metrics::SuppressedView>(table, metrics::SuppressionRules(5, false, {}));
    }
    Value root() const {
        FiguresInputs in;
        in.catalog = &catalog;
        in.view = view.get();
        in.area = {"Local authority", "Kent", ""};
        ValueMap r;
        r["gap"] = figures_value(in);
        r["figure"] = cross_ref_value(RefKind::Figure);
        r["table"] = cross_ref_value(RefKind::Table);
        r["report"] = Value(ValueMap{{"title", Value("T")}, {"author", Value("A")}, {"organisation", Value("")}, {"source", Value("")}});
        r["as_of"] = Value(core::Date{2019, 7, 19});
        return Value(r);
    }
};

// A text to expand and what it must give (or, for errors, a hint it must have).
struct Case {
    const char* text;
    const char* want;
};

BlockSpec block_of(BlockKind kind) {
    BlockSpec b;
    b.kind = kind;
    return b;
}

// A template of one untitled section holding `blocks`.
TemplateSpec template_of(std::vector<BlockSpec> blocks) {
    TemplateSpec t;
    SectionSpec s;
    s.blocks = std::move(blocks);
    t.sections.push_back(std::move(s));
    return t;
}

std::string expand(const Value& root, const std::string& text, core::DiagnosticSink& sink) {
    Expander ex(root, sink);
    return ex.expand(text, {"t.yaml", 1, 1});
}

}  // namespace

TEST_CASE("any measure group area and period is reachable by name without a target", "[templating][figures]") {
    Data d;
    const Value root = d.root();
    core::DiagnosticSink sink;
    const Case cases[] = {
        {"{{ gap.gld.fsm.value }}", "56.5%"},
        {"{{ gap.gld.fsm.period }}", "2018/19"},
        {"{{ gap.gld.fsm.at.2016_17.value }}", "46.5%"},
        {"{{ gap.gld.fsm.at.201617.value }}", "46.5%"},
        {"{{ gap.gld.fsm.vs.not_fsm.gap }}", "16.5"},
        {"{{ gap.gld.fsm.vs.not_fsm.comparator_label }}", "Other children"},
        {"{{ gap.gld.fsm.vs.not_fsm.in.england.gap | ppts }}", "17.8 ppts"},
        {"{{ gap.gld.fsm.in.england.vs.not_fsm.gap | ppts }}", "17.8 ppts"},
        {"{{ gap.gld.fsm.vs.not_fsm.in.england.from.2016_17.change | signed }}", "+0.8"},
        {"{{ gap.gld.fsm.vs.not_fsm.in.england.from.2016_17.direction }}", "widened"},
        {"{{ gap.gld.fsm.vs.not_fsm.from.first.change | signed }}", "\xE2\x88\x92" "3.2"},
        {"{{ gap.gld.fsm.vs.not_fsm.at.2017_18.from.2016_17.change }}", "\xE2\x88\x92" "2.1"},
        {"{{ gap.gld.fsm.vs.not_fsm.previous_period }}", "2017/18"},
        {"{{ gap.gld.fsm.vs.england.gap }}", "0.0"},
        {"{{ gap.gld.fsm.vs.england.comparator_label }}", "FSM (England)"},
        {"{{ gap.gld.fsm.vs.england_not_fsm.gap }}", "17.8"},
        {"{{ gap.gld.fsm.from.2016_17.value_change | signed | ppts }}", "+10.0 ppts"},
        {"{{ gap.gld.fsm.in.s1.at.2017_18.value }}", "50.0%"},
        // Rounded once, at display, from the exact difference: 65.1 − 55.6 = 9.5 → 10 at 0 dp.
        {"{{ gap.cl.fsm.vs.not_fsm.gap }}", "10"},
        {"{{#gap.gld.fsm.vs.not_fsm.periods}}{{ period }}: {{ gap }}; {{/gap.gld.fsm.vs.not_fsm.periods}}",
         "2016/17: 19.7; 2017/18: 17.6; 2018/19: 16.5; "},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(expand(root, c.text, sink) == c.want);
    }
    for (const auto& diag : sink.diagnostics()) INFO(diag.message);
    CHECK(sink.error_count() == 0);
}

TEST_CASE("a gap or change that involves a symbol is not a number", "[templating][figures]") {
    Data d;
    const Value root = d.root();
    core::DiagnosticSink sink;
    // 2018/19 at S1: FSM is c (3 children); 2016/17: FSM is x.
    CHECK(expand(root, "{{ gap.gld.fsm.in.s1.value }}", sink) == "suppressed");
    CHECK(expand(root, "{{ gap.gld.fsm.vs.not_fsm.in.s1.gap | ppts }}", sink) == "suppressed");
    CHECK(expand(root, "{{ gap.gld.fsm.vs.not_fsm.in.s1.change | signed }}", sink) == "suppressed");
    CHECK(expand(root, "{{ gap.gld.fsm.in.s1.value_change }}", sink) == "suppressed");
    CHECK(expand(root, "{{ gap.gld.fsm.vs.not_fsm.in.s1.at.2016_17.gap }}", sink) == "not available");
    CHECK(expand(root, "{{ gap.gld.fsm.vs.not_fsm.in.s1.at.2017_18.from.2016_17.change }}", sink) ==
          "not available");
    CHECK(expand(root, "{{ gap.gld.fsm.vs.not_fsm.in.s1.at.2017_18.gap }}", sink) == "25.0");
    CHECK(expand(root, "{{#gap.gld.fsm.in.s1.value}}shown{{/gap.gld.fsm.in.s1.value}}", sink).empty());
    CHECK(expand(root, "{{ gap.gld.fsm.in.s1.suppressed }}", sink) == "yes");
    // In tables a missing figure is its symbol, never 0.
    Expander ex(root, sink);
    ex.set_missing_as_symbol(true);
    CHECK(ex.expand("{{ gap.gld.fsm.vs.not_fsm.in.s1.gap }} {{ gap.gld.fsm.vs.not_fsm.in.s1.at.2016_17.gap }}",
                    {}) == "c x");
    CHECK(sink.error_count() == 0);
}

TEST_CASE("an unknown figure name is a located error with a did-you-mean hint", "[templating][figures]") {
    Data d;
    const Value root = d.root();
    const Case cases[] = {
        {"{{ gap.gld.fsn.value }}", "did you mean 'gap.gld.fsm.value'?"},
        {"{{ gap.gdl.fsm.value }}", "'gap.gld.fsm.value'"},
        {"{{ gap.gld.fsm.in.kentt.value }}", "did you mean 'gap.gld.fsm.in.kent.value'?"},
        {"{{ gap.gld.fsm.at.2016_71.value }}", "did you mean 'gap.gld.fsm.at.2016_17.value'?"},
        {"{{ gap.gld.fsm.vs.englnd.gap }}", "did you mean 'gap.gld.fsm.vs.england.gap'?"},
        {"{{ gap.gld.fsm.gap }}", "'gap.gld.fsm' has no comparator"},
        {"{{ gap.gld.fsm.in.england.vs.la.gap }}", "has no local authority to compare with"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        core::DiagnosticSink sink;
        Expander ex(root, sink);
        ex.expand(std::string("x ") + c.text, {"", 3, 5});
        REQUIRE(sink.error_count() == 1);
        const auto& diag = sink.diagnostics()[0];
        CHECK(diag.message.rfind("unknown placeholder 'gap.", 0) == 0);
        CHECK(diag.where.line == 3);
        bool found = false;
        for (const auto& h : diag.hints) found = found || h.find(c.want) != std::string::npos;
        INFO(diag.hints.size());
        CHECK(found);
    }
}

TEST_CASE("a series table shows England's FSM gap and its change beside the LA's and a setting's", "[templating][figures]") {
    Data d;
    const Value root = d.root();
    BlockSpec b = block_of(BlockKind::SeriesTable);
    b.caption = {"The FSM gap", {}};
    b.row_header = {"Gap (ppts)", {}};
    b.change_column = true;
    b.periods = {{"2016/17", {}}, {"2017/18", {}}, {"2018/19", {}}};
    b.series_rows = {{{"England", {}}, {"gap.gld.fsm.vs.not_fsm.in.england", {}}, "gap", {}},
                     {{"Kent", {}}, {"gap.gld.fsm.vs.not_fsm", {}}, "gap", {}},
                     {{"S1", {}}, {"gap.gld.fsm.vs.not_fsm.in.s1", {}}, "gap", {}},
                     {{}, {"gap.gld.fsm", {}}, "value", {}}};
    core::DiagnosticSink sink;
    auto rep = expand_template(template_of({b}), root, sink);
    for (const auto& diag : sink.diagnostics()) INFO(diag.message);
    REQUIRE(rep);
    const Table* table = nullptr;
    for (const auto& block : rep->doc.blocks)
        if (const auto* tb = std::get_if<Table>(&block)) table = tb;
    REQUIRE(table);
    CHECK(table->caption == "Table 1: The FSM gap");
    std::vector<std::string> headers;
    for (const auto& c : table->columns) headers.push_back(c.header);
    CHECK(headers == std::vector<std::string>{"Gap (ppts)", "2016/17", "2017/18", "2018/19", "Change 2016/17 to 2018/19"});
    auto row = [&](std::size_t i) {
        std::vector<std::string> cells;
        for (const auto& c : table->rows.at(i)) cells.push_back(to_plain(c.text));
        return cells;
    };
    const std::string minus = "\xE2\x88\x92";
    CHECK(row(0) == std::vector<std::string>{"England", "17.0", "17.3", "17.8", "+0.8"});
    CHECK(row(1) == std::vector<std::string>{"Kent", "19.7", "17.6", "16.5", minus + "3.2"});
    CHECK(row(2) == std::vector<std::string>{"S1", "x", "25.0", "c", "c"});
    CHECK(row(3) == std::vector<std::string>{"gld, FSM (Kent)", "46.5%", "53.1%", "56.5%", "+10.0"});
}

TEST_CASE("a series table row naming no figure is an error at its figure", "[templating][figures]") {
    Data d;
    const Value root = d.root();
    BlockSpec b;
    b.kind = BlockKind::SeriesTable;
    b.series_rows = {{{}, {"gap.gld.fsm.in.kentt", {"", 7, 20}}, "value", {}}};
    core::DiagnosticSink sink;
    CHECK_FALSE(expand_template(template_of({b}), root, sink));
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.diagnostics()[0].where.line == 7);
    CHECK(sink.diagnostics()[0].hints.at(0) == "did you mean 'gap.gld.fsm.in.kent'?");
}

TEST_CASE("figure and table numbers are found by id before and after the block", "[templating][xref]") {
    Data d;
    const Value root = d.root();
    BlockSpec before = block_of(BlockKind::Paragraph);
    before.text = {"See Figure {{ figure.trend }} and Table {{ table.gaps }}.", {}};
    BlockSpec first_table;
    first_table.kind = BlockKind::SeriesTable;
    first_table.caption = {"Values", {}};
    first_table.series_rows = {{{}, {"gap.gld.fsm", {}}, "value", {}}};
    BlockSpec table = first_table;
    table.caption = {"Gaps", {}};
    table.id = "gaps";
    BlockSpec chart;
    chart.kind = BlockKind::Chart;
    chart.id = "trend";
    chart.caption = {"The trend", {}};
    chart.options["kind"] = {"gap_trend", {}};
    chart.options["alt"] = {"As Table {{ table.gaps }} shows.", {}};
    BlockSpec after = before;
    after.text = {"Figure {{ figure.trend }} again.", {}};
    core::DiagnosticSink sink;
    auto rep = expand_template(template_of({before, first_table, table, chart, after}), root, sink);
    for (const auto& diag : sink.diagnostics()) INFO(diag.message);
    REQUIRE(rep);
    auto para = [&](std::size_t i) { return to_plain(std::get<Paragraph>(rep->doc.blocks.at(i)).text); };
    CHECK(para(0) == "See Figure 1 and Table 2.");
    CHECK(para(4) == "Figure 1 again.");
    CHECK(rep->charts.at(0).options.at("alt") == "As Table 2 shows.");
}

TEST_CASE("an unknown or uncaptioned cross-reference id is an error where it is written", "[templating][xref]") {
    Data d;
    const Value root = d.root();
    BlockSpec p;
    p.kind = BlockKind::Paragraph;
    p.text = {"See Figure {{ figure.trnd }}; Table {{ table.plain }}.", {"", 4, 1}};
    BlockSpec chart;
    chart.kind = BlockKind::Chart;
    chart.id = "trend";
    chart.caption = {"The trend", {}};
    chart.options["kind"] = {"gap_trend", {}};
    BlockSpec table;
    table.kind = BlockKind::SeriesTable;
    table.id = "plain";  // no caption, so no number
    table.series_rows = {{{}, {"gap.gld.fsm", {}}, "value", {}}};
    core::DiagnosticSink sink;
    CHECK_FALSE(expand_template(template_of({p, chart, table}), root, sink));
    REQUIRE(sink.error_count() == 2);
    CHECK(sink.diagnostics()[0].message == "unknown figure 'trnd' in '{{ figure.trnd }}'");
    CHECK(sink.diagnostics()[0].where.line == 4);
    CHECK(sink.diagnostics()[0].hints.at(0) == "did you mean 'figure.trend'?");
    CHECK(sink.diagnostics()[1].message.find("has no caption, so it has no number") != std::string::npos);
}

TEST_CASE("the trajectory point is on the straight line from the baseline to the target", "[metrics][trajectory]") {
    Data d;
    auto series = [&](const char* group, const data::ComparatorRef& c) {
        return metrics::build_gap_series(*d.view, d.catalog, "gld", group, c, {"Local authority", "Kent", ""});
    };
    data::Target t;
    t.measure = "gld";
    t.group = "FSM";
    t.comparator = {false, false, "Not FSM"};
    t.kind = data::TargetKind::GapAtMost;
    t.value = 12;
    t.period = ay(2019);
    t.baseline = ay(2016);
    const auto s = series("FSM", t.comparator);
    // Gap 19.7 in 2016/17, at most 12 by 2019/20: 2018/19 is 2/3 of the way.
    auto p = metrics::trajectory_point(t, s);
    REQUIRE(p.value);
    CHECK(*p.value == test::dec("19.7") + (12 - test::dec("19.7")) * test::frac(2, 3));
    CHECK(p.at == ay(2018));
    // Narrowing by 6 over three years: two thirds of it by 2018/19.
    t.kind = data::TargetKind::GapNarrowsBy;
    t.value = 6;
    CHECK(*metrics::trajectory_point(t, s).value == test::dec("19.7") - 4);
    // 1.5 ppts a year faster than the comparator: two years in.
    t.kind = data::TargetKind::ImprovesFasterThanComparatorBy;
    t.value = test::dec("1.5");
    CHECK(*metrics::trajectory_point(t, s).value == test::dec("16.7"));
    // A value target follows the group's value: 46.5 in 2016/17 to 70 by 2019/20.
    t.kind = data::TargetKind::ValueAtLeast;
    t.value = 70;
    CHECK(*metrics::trajectory_point(t, s).value == test::dec("46.5") + (70 - test::dec("46.5")) * test::frac(2, 3));
    // Past the target period the line is the target itself.
    t.kind = data::TargetKind::GapAtMost;
    t.value = 12;
    t.period = ay(2017);
    CHECK(*metrics::trajectory_point(t, s).value == 12);
    // A suppressed baseline gives no point, and says why.
    const auto s1 = metrics::build_gap_series(*d.view, d.catalog, "gld", "FSM", t.comparator, {"Setting", "S1", ""});
    t.baseline = ay(2018);
    t.period = ay(2019);
    auto none = metrics::trajectory_point(t, s1);
    CHECK_FALSE(none.value);
    CHECK(none.missing == data::Missing::Suppressed);
}

TEST_CASE("plural words: word(s), a form for zero, and lists counted", "[templating][words]") {
    ValueMap m;
    for (int n : {0, 1, 2}) m["n" + std::to_string(n)] = Value(number_of(n, NumberUnit::Count, 0));
    m["three"] = Value(ValueList{Value("a"), Value("b"), Value("c")});
    m["one"] = Value(ValueList{Value("a")});
    m["none"] = Value(ValueList{});
    m["missing"] = Value(MissingNumber{data::Missing::Suppressed, NumberUnit::Count});
    const Value root(m);
    core::DiagnosticSink sink;
    Expander ex(root, sink);
    const Case cases[] = {
        {"{{ n1 | plural: setting(s) }}", "1 setting"},
        {"{{ n2 | plural: setting(s) }}", "2 settings"},
        {"{{ n2 | plural: child(ren) }}", "2 children"},
        {"{{ n1 | plural: child(ren) }}", "1 child"},
        {"{{ n0 | plural: setting, settings, no settings }}", "no settings"},
        {"{{ n1 | plural: setting, settings, no settings }}", "1 setting"},
        {"{{ n2 | plural: setting, settings, no settings }}", "2 settings"},
        {"{{ three | plural: setting }}", "3 settings"},
        {"{{ one | plural: setting }} {{ one | agree: was, were }} visited", "1 setting was visited"},
        {"{{ none | plural: setting, settings, no settings }}", "no settings"},
        {"{{ missing | plural: setting(s) }}", "suppressed"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(ex.expand(c.text, {}) == c.want);
    }
    CHECK(sink.error_count() == 0);
    ex.expand("{{ n2 | plural: (s) }}", {});
    CHECK(sink.error_count() == 1);
}
