// Disclosure control that fails closed: known EES breakdowns, configured partitions, totals
// without partitions, and the footnote that says what was done.
#include <catch2/catch.hpp>

#include "engine/metrics/suppression.h"

using namespace engine;
using namespace engine::metrics;

namespace {

data::Period ay(int y) { return {y, data::PeriodKind::AcademicYear}; }

// One slice (measure m, LA "Kent", 2018/19) with a value and cohort per group.
struct Slice {
    data::ObservationTable table;
    Slice& add(const std::string& group, double cohort, const std::string& area = "Kent",
               const std::string& level = "Local authority") {
        data::Observation o;
        o.period = ay(2018);
        o.level = level;
        o.area = area;
        o.group = group;
        o.measure = "m";
        o.value = data::Value::of(50);
        o.cohort = cohort;
        o.where = {"obs.csv", static_cast<int>(table.rows().size()) + 2, 1};
        table.add(o);
        return *this;
    }
};

SuppressionReason reason(const SuppressedView& v, const std::string& group, const std::string& area = "Kent") {
    return v.cell("m", group, "Local authority", area, ay(2018)).suppression;
}

}  // namespace

TEST_CASE("each known EES breakdown protects a cohort of 3 from the total and the other group",
          "[suppression]") {
    auto pair = GENERATE(table<std::string, std::string>({
        {"FSM eligible", "Not known to be FSM eligible"},
        {"FSM", "Not FSM"},
        {"Disadvantaged", "Not disadvantaged"},
        {"Disadvantaged", "Disadvantaged all other"},
        {"Disadvantaged", "All other pupils"},
        {"LAC", "non-LAC"},
        {"Looked after", "Not looked after"},
        {"Boys", "Girls"},
        {"EAL", "Not EAL"},
        {"Traveller", "Non-Traveller"},
        {"Eligible", "Not known to be eligible"},
    }));
    const auto& [small, other] = pair;
    for (const std::string total : {"Total", "All pupils", "All children"}) {
        Slice s;
        s.add(small, 3).add(other, 50).add(total, 53);
        SuppressedView v(s.table, {5, true, {}});
        INFO(small << " / " << other << " / " << total);
        CHECK(reason(v, small) == SuppressionReason::SmallCohort);
        CHECK(reason(v, other) == SuppressionReason::Secondary);
        CHECK(reason(v, total) == SuppressionReason::None);
        CHECK(v.warnings().empty());
    }
}

TEST_CASE("the SEN breakdown is known in its EES spellings and hides only the next smallest",
          "[suppression]") {
    auto ehc = GENERATE(as<std::string>{}, "EHC plan", "EHCP", "SEN statement");
    Slice s;
    s.add("SEN support", 20).add(ehc, 3).add("No SEN", 200).add("Total", 223);
    SuppressedView v(s.table, {5, true, {}});
    INFO(ehc);
    CHECK(reason(v, ehc) == SuppressionReason::SmallCohort);
    CHECK(reason(v, "SEN support") == SuppressionReason::Secondary);
    CHECK(reason(v, "No SEN") == SuppressionReason::None);
    CHECK(v.warnings().empty());
}

TEST_CASE("a configured three-way partition hides only the next smallest of its groups",
          "[suppression]") {
    Slice s;
    s.add("Band A", 4).add("Band B", 30).add("Band C", 12).add("All pupils", 46);
    SuppressedView v(s.table, {5, true, {{"Band A", "Band B", "Band C"}}});
    CHECK(reason(v, "Band A") == SuppressionReason::SmallCohort);
    CHECK(reason(v, "Band C") == SuppressionReason::Secondary);
    CHECK(reason(v, "Band B") == SuppressionReason::None);
    CHECK(reason(v, "All pupils") == SuppressionReason::None);
    CHECK(v.warnings().empty());
}

TEST_CASE("a total without partitions suppresses every group that could be the complement and warns",
          "[suppression]") {
    Slice s;
    s.add("Band A", 3).add("Band B", 30).add("Band C", 12).add("FSM", 10).add("Not FSM", 35).add("Total", 45);
    SuppressedView v(s.table, {5, true, {}});
    CHECK(reason(v, "Band A") == SuppressionReason::SmallCohort);
    CHECK(reason(v, "Band B") == SuppressionReason::Breakdown);
    CHECK(reason(v, "Band C") == SuppressionReason::Breakdown);
    // FSM / Not FSM make up the total on their own: Band A cannot be among them.
    CHECK(reason(v, "FSM") == SuppressionReason::None);
    CHECK(reason(v, "Not FSM") == SuppressionReason::None);
    CHECK(reason(v, "Total") == SuppressionReason::None);
    REQUIRE(v.warnings().size() == 1);
    const auto& w = v.warnings().front();
    CHECK(w.severity == core::Severity::Warning);
    CHECK(w.where.str() == "obs.csv:2:1");
    CHECK(w.message ==
          "group 'Band A' is suppressed in m, Kent, 2018/19, and boardpack cannot name the groups "
          "that make up 'Total' with it, so it also suppresses 'Band B' and 'Band C' there, to keep "
          "it from being worked out from the total");
    REQUIRE(w.hints.size() == 1);
    CHECK(w.hints.front() ==
          "list the groups that add up to 'Total' in batch.suppression.partitions, e.g. "
          "partitions: [[Band A, Not Band A]], and only what is needed is suppressed");
}

TEST_CASE("the same unknown breakdown in many areas gives one warning that counts them", "[suppression]") {
    Slice s;
    for (const std::string area : {"Kent", "Essex", "Devon"})
        s.add("Band A", 3, area).add("Band B", 30, area).add("Total", 33, area);
    SuppressedView v(s.table, {5, true, {}});
    for (const std::string area : {"Kent", "Essex", "Devon"}) CHECK(reason(v, "Band B", area) == SuppressionReason::Breakdown);
    REQUIRE(v.warnings().size() == 1);
    CHECK_THAT(v.warnings().front().message, Catch::Contains("(and in 2 other breakdowns)"));
}

TEST_CASE("a declared total name and a partition listing the groups stop the fail-closed rule",
          "[suppression]") {
    Slice s;
    s.add("Band A", 3).add("Band B", 30).add("Everyone", 33);
    SECTION("the declared total without a partition fails closed") {
        SuppressedView v(s.table, {5, true, {}, {"Everyone"}});
        CHECK(reason(v, "Band B") == SuppressionReason::Breakdown);
        CHECK(v.warnings().size() == 1);
    }
    SECTION("the partition names the complement") {
        SuppressedView v(s.table, {5, true, {{"Band A", "Band B"}}, {"Everyone"}});
        CHECK(reason(v, "Band B") == SuppressionReason::Secondary);
        CHECK(v.warnings().empty());
    }
    SECTION("without a total nothing can be worked out, so nothing more is hidden") {
        SuppressedView v(s.table, {5, true, {}});
        CHECK(reason(v, "Band B") == SuppressionReason::None);
        CHECK(v.warnings().empty());
    }
}

TEST_CASE("a known group whose complement is not published is not given away", "[suppression]") {
    Slice s;
    s.add("Looked after", 3).add("SEN support", 40).add("All pupils", 400);
    SuppressedView v(s.table, {5, true, {}});
    CHECK(reason(v, "Looked after") == SuppressionReason::SmallCohort);
    CHECK(reason(v, "SEN support") == SuppressionReason::None);
    CHECK(v.warnings().empty());
}

TEST_CASE("the names of a total are recognised without regard to case", "[suppression]") {
    CHECK(is_total_group("Total"));
    CHECK(is_total_group("all pupils"));
    CHECK(is_total_group("All children"));
    CHECK_FALSE(is_total_group("All other pupils"));
    CHECK_FALSE(is_total_group("Everyone"));
    CHECK(is_total_group("Everyone", {"Everyone"}));
}

TEST_CASE("the footnote says which rule, threshold and kinds of suppression were applied",
          "[suppression]") {
    SECTION("nothing suppressed") {
        Slice s;
        s.add("FSM", 30).add("Not FSM", 50).add("Total", 80);
        SuppressedView v(s.table, {5, true, {}});
        CHECK(v.footnote() ==
              "Figures for groups of fewer than 5 children are suppressed and shown as c. No figure "
              "in this report needed suppressing.");
    }
    SECTION("primary and secondary") {
        Slice s;
        s.add("FSM", 3).add("Not FSM", 50).add("Total", 53);
        SuppressedView v(s.table, {10, true, {}});
        CHECK(v.footnote() ==
              "Figures for groups of fewer than 10 children are suppressed and shown as c. In this "
              "report 1 figure is suppressed for that reason; 1 more figure is suppressed so that a "
              "suppressed figure cannot be worked out from the total and the other groups of its "
              "breakdown. Gaps and changes that use a suppressed figure are suppressed as well.");
    }
    SECTION("fail-closed") {
        Slice s;
        s.add("Band A", 3).add("Band B", 30).add("Band C", 12).add("Total", 45);
        SuppressedView v(s.table, {5, true, {}});
        CHECK(v.footnote() ==
              "Figures for groups of fewer than 5 children are suppressed and shown as c. In this "
              "report 1 figure is suppressed for that reason; 2 more figures are suppressed because "
              "a suppressed group's breakdown is not known, so every group that could make up the "
              "total with it is suppressed too. Gaps and changes that use a suppressed figure are "
              "suppressed as well.");
    }
    SECTION("secondary suppression turned off") {
        Slice s;
        s.add("FSM", 3).add("Not FSM", 50).add("Total", 53);
        SuppressedView v(s.table, {5, false, {}});
        CHECK(reason(v, "Not FSM") == SuppressionReason::None);
        CHECK_THAT(v.footnote(), Catch::Contains("1 figure is suppressed for that reason.") &&
                                     Catch::Contains("Secondary suppression is turned off"));
    }
    SECTION("only the rows a report shows are counted") {
        Slice s;
        s.add("FSM", 3, "Kent").add("Not FSM", 50, "Kent").add("FSM", 30, "Essex").add("Not FSM", 50, "Essex");
        SuppressedView v(s.table, {5, true, {}});
        auto essex = v.footnote({{"Local authority", "Essex"}});
        CHECK_THAT(essex, Catch::EndsWith("No figure in this report needed suppressing."));
        CHECK_THAT(v.footnote({{"National", ""}}), Catch::EndsWith("No figure in this report needed suppressing."));
        CHECK_THAT(v.footnote({{"Local authority", ""}}), Catch::Contains("1 more figure is suppressed"));
        auto kent = v.footnote({{"Local authority", "Kent"}});
        CHECK_THAT(kent, Catch::Contains("1 more figure is suppressed"));
    }
}
