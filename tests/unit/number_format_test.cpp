#include "engine/core/number_format.h"

#include <catch2/catch.hpp>

using namespace engine::core;

TEST_CASE("format_fixed rounds half away from zero at display time", "[core][number]") {
    struct Case { double v; int dp; const char* want; };
    const Case cases[] = {
        {0.05, 1, "0.1"},   {-0.05, 1, "-0.1"},   {0.15, 1, "0.2"},   {2.5, 0, "3"},
        {-2.5, 0, "-3"},    {13.85, 1, "13.9"},   {2.675, 2, "2.68"}, {1.005, 2, "1.01"},
        {0.04, 1, "0.0"},   {-0.04, 1, "0.0"},    {99.95, 1, "100.0"}, {9.999, 2, "10.00"},
        {0.0, 2, "0.00"},   {123456.789, 0, "123457"}, {0.0004, 3, "0.000"}, {0.0005, 3, "0.001"},
        {1e-12, 1, "0.0"},  {17.0, 1, "17.0"},    {5.0, 0, "5"},
    };
    for (const auto& c : cases) {
        INFO("value " << c.v << " at " << c.dp << " dp");
        CHECK(format_fixed(c.v, c.dp) == c.want);
    }
}

TEST_CASE("binary noise in a computed gap does not change its rounding", "[core][number]") {
    double gap = 70.1 - 56.25;  // 13.849999999999994 in binary
    CHECK(format_fixed(gap, 1) == "13.9");
    CHECK(round_half_away(gap, 1) == Approx(13.9));
    CHECK(format_fixed(0.1 + 0.2, 1) == "0.3");
}

TEST_CASE("format_number uses a true minus, an optional plus and thousands separators",
          "[core][number]") {
    CHECK(format_number(-0.4, {1, false, true, ""}) == "\xE2\x88\x92" "0.4");
    CHECK(format_number(1.23, {1, false, true, ""}) == "+1.2");
    CHECK(format_number(0.04, {1, false, true, ""}) == "0.0");
    CHECK(format_number(-0.04, {1, false, true, ""}) == "0.0");
    CHECK(format_number(608217, {0, true, false, ""}) == "608,217");
    CHECK(format_number(1234.5, {1, true, false, "%"}) == "1,234.5%");
    CHECK(format_number(999.96, {1, true, false, ""}) == "1,000.0");
    CHECK(format_number(19.8, {1, false, false, " ppts"}) == "19.8 ppts");
}

TEST_CASE("rounds_to_zero is judged at the display precision", "[core][number]") {
    CHECK(rounds_to_zero(0.049, 1));
    CHECK_FALSE(rounds_to_zero(0.05, 1));
    CHECK(rounds_to_zero(-0.4, 0));
    CHECK_FALSE(rounds_to_zero(-0.5, 0));
}
