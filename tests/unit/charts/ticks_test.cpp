#include "charts/compose/ticks.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

using charts::compose::nice_ticks;
using charts::compose::ticks_within;

TEST_CASE("nice ticks use steps of 1, 2 or 5 and cover the data", "[charts][ticks]") {
    auto t = nice_ticks(38, 67);
    CHECK(t.step == 10);
    CHECK(t.values == std::vector<double>{30, 40, 50, 60, 70});
    CHECK(t.lo == 30);
    CHECK(t.hi == 70);
    CHECK(t.decimals == 0);

    t = nice_ticks(0, 100);
    CHECK(t.values == std::vector<double>{0, 20, 40, 60, 80, 100});

    t = nice_ticks(0, 27.8);
    CHECK(t.values == std::vector<double>{0, 10, 20, 30});

    t = nice_ticks(60.1, 71.8);
    CHECK(t.values == std::vector<double>{60, 65, 70, 75});

    t = nice_ticks(40, 50);
    CHECK(t.values == std::vector<double>{40, 42, 44, 46, 48, 50});
}

TEST_CASE("nice ticks handle small, negative and decimal ranges", "[charts][ticks]") {
    auto t = nice_ticks(0.12, 0.37);
    CHECK(t.step == Approx(0.1));
    CHECK(t.values == std::vector<double>{0.1, 0.2, 0.3, 0.4});  // exact: 3/10, not 0.1 * 3
    CHECK(t.decimals == 1);

    t = nice_ticks(-1.5, 27.8);
    CHECK(t.values == std::vector<double>{-10, 0, 10, 20, 30});

    t = nice_ticks(-42, -3);
    CHECK(t.values == std::vector<double>{-50, -40, -30, -20, -10, 0});

    t = nice_ticks(3.1, 3.34);
    CHECK(t.step == Approx(0.05));
    CHECK(t.decimals == 2);

    t = nice_ticks(1200, 48000);
    CHECK(t.step == 10000);
    CHECK(t.values.size() == 6);
}

TEST_CASE("nice ticks never exceed the tick budget", "[charts][ticks]") {
    const double ranges[][2] = {{0, 1},     {0, 7},         {0, 13},      {3, 97},
                                {-17, 233}, {0.001, 0.009}, {41.7, 41.9}, {0, 1e6}};
    for (auto& r : ranges) {
        for (int max = 3; max <= 8; ++max) {
            auto t = nice_ticks(r[0], r[1], max);
            INFO(r[0] << ".." << r[1] << " max " << max);
            CHECK(static_cast<int>(t.values.size()) <= max);
            CHECK(t.values.size() >= 2);
            CHECK(t.lo <= r[0]);
            CHECK(t.hi >= r[1]);
        }
    }
}

TEST_CASE("nice ticks widen a range of one value", "[charts][ticks]") {
    auto t = nice_ticks(0, 0);
    CHECK(t.lo == 0);
    CHECK(t.hi == 1);
    t = nice_ticks(47, 47);
    CHECK(t.lo < 47);
    CHECK(t.hi > 47);
    t = nice_ticks(67, 38);  // reversed
    CHECK(t.values == std::vector<double>{30, 40, 50, 60, 70});
}

TEST_CASE("ticks within a fixed range keep the range and pick a nice step", "[charts][ticks]") {
    auto t = ticks_within(0, 100);
    CHECK(t.lo == 0);
    CHECK(t.hi == 100);
    CHECK(t.values == std::vector<double>{0, 20, 40, 60, 80, 100});

    t = ticks_within(0, 35);
    CHECK(t.values == std::vector<double>{0, 10, 20, 30});
    CHECK(t.hi == 35);
}

TEST_CASE("ticks of absurd or non-finite ranges stay finite and few", "[charts][ticks]") {
    const double inf = std::numeric_limits<double>::infinity();
    const double ranges[][2] = {{-1e308, 1e308}, {-inf, inf}, {0, inf}, {std::nan(""), 5},
                                {1e300, 1e300}, {1e-300, 1e-300}, {5e-324, 1e-323}};
    for (const auto& r : ranges) {
        for (auto ticks : {nice_ticks(r[0], r[1]), ticks_within(r[0], r[1])}) {
            INFO(r[0] << ".." << r[1]);
            CHECK(ticks.values.size() >= 1);
            CHECK(ticks.values.size() <= 12);
            for (double v : ticks.values) CHECK(std::isfinite(v));
            CHECK(std::isfinite(ticks.lo));
            CHECK(std::isfinite(ticks.hi));
        }
    }
}
