#include "engine/templating/expander.h"

#include <catch2/catch.hpp>

#include "tests/support/exact.h"

using namespace engine;
using namespace engine::templating;

namespace {
Value sample() {
    ValueMap fsm;
    fsm["latest"] = Value(number_of(test::dec("19.849999999"), NumberUnit::Ppts, 1));
    fsm["change"] = Value(number_of(test::dec("-0.44"), NumberUnit::Ppts, 1));
    fsm["value"] = Value(number_of(47, NumberUnit::Percent, 0));
    fsm["direction"] = Value("narrowed");
    ValueMap lac;
    lac["latest"] = Value(MissingNumber{data::Missing::Suppressed, NumberUnit::Ppts});
    ValueMap ks2;
    ks2["fsm"] = Value(fsm);
    ks2["lac"] = Value(lac);
    ValueMap gap;
    gap["ks2"] = Value(ks2);
    ValueMap root;
    root["gap"] = Value(gap);
    root["date"] = Value(core::Date{2015, 9, 17});
    ValueList groups = {Value("FSM"), Value("SEN support"), Value("LAC")};
    root["groups"] = Value(groups);
    ValueMap row1, row2;
    row1["name"] = Value("EYFS");
    row1["ok"] = Value(true);
    row2["name"] = Value("KS2");
    row2["ok"] = Value(false);
    root["rows"] = Value(ValueList{Value(row1), Value(row2)});
    return Value(root);
}
}  // namespace

TEST_CASE("placeholders format numbers with filters from unrounded values", "[templating]") {
    Value root = sample();
    core::DiagnosticSink sink;
    Expander ex(root, sink);
    CHECK(ex.expand("gap {{ gap.ks2.fsm.latest | ppts }}, change {{gap.ks2.fsm.change|signed}}",
                    {}) == "gap 19.8 ppts, change \xE2\x88\x92" "0.4");
    CHECK(ex.expand("{{ gap.ks2.fsm.value }} and {{ gap.ks2.fsm.change | abs | ppts }}", {}) ==
          "47% and 0.4 ppts");
    CHECK(ex.expand("{{ date }} / {{ date | short_date }} / {{ date | iso }}", {}) ==
          "17 September 2015 / 17 Sep 2015 / 2015-09-17");
    CHECK(ex.expand("{{ groups | list }} ({{ gap.ks2.fsm.direction | upper }})", {}) ==
          "FSM, SEN support and LAC (NARROWED)");
    CHECK(sink.error_count() == 0);
}

TEST_CASE("a suppressed figure is never quoted as a number", "[templating]") {
    Value root = sample();
    core::DiagnosticSink sink;
    Expander ex(root, sink);
    CHECK(ex.expand("LAC gap {{ gap.ks2.lac.latest | ppts }}", {}) == "LAC gap suppressed");
    CHECK(ex.expand("{{#gap.ks2.lac.latest}}was {{ gap.ks2.lac.latest }}{{/gap.ks2.lac.latest}}"
                    "{{^gap.ks2.lac.latest}}cannot be reported{{/gap.ks2.lac.latest}}",
                    {}) == "cannot be reported");
    CHECK(ex.expand("{{ gap.ks2.lac.latest | symbol }}", {}) == "c");
}

TEST_CASE("sections loop over lists and test booleans", "[templating]") {
    Value root = sample();
    core::DiagnosticSink sink;
    Expander ex(root, sink);
    CHECK(ex.expand("{{#rows}}{{name}}:{{#ok}}yes{{/ok}}{{^ok}}no{{/ok}};{{/rows}}", {}) ==
          "EYFS:yes;KS2:no;");
    CHECK(sink.error_count() == 0);
}

TEST_CASE("an unknown placeholder is an error with the nearest names", "[templating]") {
    Value root = sample();
    core::DiagnosticSink sink;
    Expander ex(root, sink);
    ex.expand("gap {{ gap.ks2.fsn.latest }}", {"t.yaml", 0, 0});
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.diagnostics()[0].message == "unknown placeholder 'gap.ks2.fsn.latest'");
    CHECK(sink.diagnostics()[0].hints.at(0).find("'gap.ks2.fsm.latest'") != std::string::npos);
}

TEST_CASE("unknown filters and unclosed sections are errors", "[templating]") {
    Value root = sample();
    core::DiagnosticSink sink;
    Expander ex(root, sink);
    ex.expand("{{ gap.ks2.fsm.latest | pptz }}", {});
    ex.expand("{{#rows}}open", {});
    ex.expand("{{ rows }}", {});
    REQUIRE(sink.error_count() == 3);
    CHECK(sink.diagnostics()[0].message ==
          "in '{{ gap.ks2.fsm.latest | pptz }}': unknown filter 'pptz'");
    CHECK(sink.diagnostics()[0].hints.at(0).rfind("did you mean 'ppts'?", 0) == 0);
    CHECK(sink.diagnostics()[1].message == "template error: unclosed section \"rows\"");
    CHECK(sink.diagnostics()[2].message.find("is a list") != std::string::npos);
}

TEST_CASE("a template text expanded again on the same thread reads the values and errors of its own expansion",
          "[templating]") {
    // The parsed text is kept per thread; what it renders and reports must not be.
    const std::string text = "{{#rows}}{{name}}:{{#ok}}yes{{/ok}}{{^ok}}no{{/ok}};{{/rows}} {{ gap.ks2.fsm.direction }}";
    Value first = sample();
    core::DiagnosticSink sink;
    CHECK(Expander(first, sink).expand(text, {}) == "EYFS:yes;KS2:no; narrowed");
    ValueMap row;
    row["name"] = Value("KS4");
    row["ok"] = Value(true);
    ValueMap root = first.map();
    root["rows"] = Value(ValueList{Value(row)});
    Value second(root);
    CHECK(Expander(second, sink).expand(text, {}) == "KS4:yes; narrowed");
    CHECK(sink.error_count() == 0);
    root.erase("gap");
    Value third(root);
    CHECK(Expander(third, sink).expand(text, {"t.yaml", 3, 1}) == "KS4:yes; ");
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.diagnostics()[0].message == "unknown placeholder 'gap.ks2.fsm.direction'");
    // A text that does not parse is reported at each expansion, not only the first.
    Expander(first, sink).expand("{{#rows}}open", {});
    Expander(first, sink).expand("{{#rows}}open", {});
    REQUIRE(sink.error_count() == 3);
    CHECK(sink.diagnostics()[2].message == "template error: unclosed section \"rows\"");
}

TEST_CASE("words agree with the numbers beside them: ppt, plural and agree", "[templating][words]") {
    ValueMap counts;
    for (int n : {0, 1, 8, 1234}) counts["n" + std::to_string(n)] = Value(number_of(n, NumberUnit::Count, 0));
    counts["one_ppt"] = Value(number_of(1, NumberUnit::Ppts, 0));
    counts["minus_one_ppt"] = Value(number_of(-1, NumberUnit::Ppts, 0));
    counts["one_dp1"] = Value(number_of(1, NumberUnit::Ppts, 1));
    counts["near_one"] = Value(number_of(test::dec("0.6"), NumberUnit::Ppts, 0));
    counts["missing"] = Value(MissingNumber{data::Missing::Suppressed, NumberUnit::Count});
    const Value root(counts);
    core::DiagnosticSink sink;
    Expander ex(root, sink);
    struct Case { const char* text; std::string want; };
    const Case cases[] = {
        {"{{ one_ppt | ppts }}", "1 ppt"},
        {"{{ minus_one_ppt | ppts }}", "\xE2\x88\x92" "1 ppt"},
        {"{{ minus_one_ppt | abs | ppts }}", "1 ppt"},
        {"{{ one_dp1 | ppts }}", "1.0 ppts"},
        {"{{ near_one | ppts }}", "1 ppt"},
        {"{{ n1 | plural: action }}", "1 action"},
        {"{{ n8 | plural: action }}", "8 actions"},
        {"{{ n0 | plural: action }}", "0 actions"},
        {"{{ n1234 | plural: child, children }}", "1,234 children"},
        {"{{ n1 | plural: child, children }}", "1 child"},
        {"{{ n1 }} of the {{ n8 | plural: action }} {{ n1 | agree: was, were }} complete",
         "1 of the 8 actions was complete"},
        {"{{ n8 }} of the {{ n8 | plural: action }} {{ n8 | agree: was, were }} complete",
         "8 of the 8 actions were complete"},
        {"{{ missing | plural: child, children }}", "suppressed"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(ex.expand(c.text, {}) == c.want);
    }
    CHECK(sink.error_count() == 0);
}

TEST_CASE("plural without its word, or arguments to a filter that takes none, is an error",
          "[templating][words]") {
    ValueMap m;
    m["n"] = Value(number_of(2, NumberUnit::Count, 0));
    const Value root(m);
    core::DiagnosticSink sink;
    Expander ex(root, sink);
    ex.expand("{{ n | plural }}", {"t.yaml", 3, 5});
    ex.expand("{{ n | ppts: x }}", {"t.yaml", 4, 5});
    REQUIRE(sink.error_count() == 2);
    CHECK(sink.diagnostics()[0].message ==
          "in '{{ n | plural }}': filter 'plural' needs the word, e.g. 'plural: action', "
          "'plural: child, children', 'plural: setting(s)' or 'plural: setting, settings, no settings'");
    CHECK(sink.diagnostics()[1].message ==
          "in '{{ n | ppts: x }}': filter 'ppts' takes no arguments, got 'x'");
}
