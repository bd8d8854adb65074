#include "charts/compose/format.h"

#include <catch2/catch.hpp>

using charts::compose::decimals_for_step;
using charts::compose::format_value;
using charts::compose::unit_for;

TEST_CASE("chart numbers round half away from zero after removing binary noise",
          "[charts][format]") {
    CHECK(format_value(56.5, 0) == "57");
    CHECK(format_value(-56.5, 0) ==
          "\xE2\x88\x92"
          "57");
    CHECK(format_value(70.1 - 56.25, 1) == "13.9");  // 13.849999999999994
    CHECK(format_value(2.45, 1) == "2.5");
    CHECK(format_value(0.05, 1) == "0.1");
    CHECK(format_value(9.96, 1) == "10.0");
    CHECK(format_value(99.5, 0, "%") == "100%");
    CHECK(format_value(1234567.0, 0) == "1234567");
}

TEST_CASE("chart numbers use a true minus and never show minus zero", "[charts][format]") {
    CHECK(format_value(-1.5, 1) ==
          "\xE2\x88\x92"
          "1.5");
    CHECK(format_value(-0.04, 1) == "0.0");
    CHECK(format_value(-0.0, 0) == "0");
    CHECK(format_value(-3, 0, " ppts") ==
          "\xE2\x88\x92"
          "3 ppts");
}

TEST_CASE("tick decimals follow the step and ppts is singular for one", "[charts][format]") {
    CHECK(decimals_for_step(10) == 0);
    CHECK(decimals_for_step(0.5) == 1);
    CHECK(decimals_for_step(0.25) == 2);
    CHECK(decimals_for_step(0.05) == 2);
    CHECK(unit_for("1", "ppts") == "ppt");
    CHECK(unit_for("1.0", "ppts") == "ppts");
    CHECK(unit_for("1", "%") == "%");
}
