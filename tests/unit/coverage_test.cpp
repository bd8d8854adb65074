// Nothing silent: what the data has instead when a group, measure or area matches no row.
#include <catch2/catch.hpp>

#include "engine/metrics/coverage.h"
#include "tests/support/observation_row.h"

using namespace engine;
using namespace engine::metrics;

namespace {

data::ObservationTable table() {
    data::ObservationTable t;
    auto add = [&](const std::string& level, const std::string& area, const std::string& group,
                   const std::string& measure, const std::string& file) {
        t.add(test::observation_row(level, area, group, measure, "data/" + file));
    };
    add("National", "England", "FSM eligible", "gld", "national.csv");
    add("National", "England", "Not known to be FSM eligible", "gld", "national.csv");
    add("Local authority", "Kent", "FSM", "gld", "local.csv");
    add("Local authority", "Kent", "Not FSM", "ks2", "local.csv");
    return t;
}

}  // namespace

TEST_CASE("a group with rows is matched, in its area or in any area of the level", "[coverage]") {
    auto t = table();
    CHECK_FALSE(unmatched_rows(t, "gld", "FSM", "Local authority", "Kent"));
    CHECK_FALSE(unmatched_rows(t, "gld", "FSM", "Local authority", ""));
    CHECK_FALSE(unmatched_rows(t, "gld", "FSM eligible", "National", "England"));
}

TEST_CASE("an unmatched name says what the data has there and how to map it", "[coverage]") {
    auto t = table();
    struct Case {
        std::string measure, group, level, area, message, hint;
    };
    auto c = GENERATE(values<Case>({
        {"gld", "Not FSM", "National", "England",
         "group 'Not FSM' has no rows for gld in England in national.csv, which has 'FSM eligible' and 'Not known to be FSM eligible'",
         "map one with data.observations.groups, e.g. groups: {\"Not known to be FSM eligible\": Not FSM}, or use the data's name"},
        {"gld", "FSM", "National", "England",
         "group 'FSM' has no rows for gld in England in national.csv, which has 'FSM eligible' and 'Not known to be FSM eligible'",
         "map one with data.observations.groups, e.g. groups: {\"FSM eligible\": FSM}, or use the data's name"},
        {"gld", "Not FSM", "Local authority", "Kent",
         "group 'Not FSM' has no rows for gld in Kent (Local authority) in local.csv, which has 'FSM'",
         "check that the file has 'Not FSM' under another name, and map it with data.observations.groups"},
        {"ks4", "FSM", "Local authority", "Kent",
         "measure 'ks4' has no rows in Kent (Local authority), where the data has 'gld' and 'ks2'", ""},
        {"gld", "FSM", "Local authority", "Essex", "'Essex' has no rows for gld at Local authority level",
         "valid areas are 'Kent'"},
        {"gld", "Total", "Local authority", "",
         "group 'Total' has no rows for gld in any area at Local authority level in local.csv, which has 'FSM'", ""},
        {"gld", "FSM", "Regional", "London", "no data file has rows for gld at Regional level", ""},
    }));
    INFO(c.message);
    auto u = unmatched_rows(t, c.measure, c.group, c.level, c.area);
    REQUIRE(u);
    CHECK(u->message == c.message);
    if (!c.hint.empty()) {
        REQUIRE(!u->hints.empty());
        CHECK_THAT(u->hints.front(), Catch::Contains(c.hint));
    }
}
