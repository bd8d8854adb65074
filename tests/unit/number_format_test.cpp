#include "engine/core/number_format.h"

#include <catch2/catch.hpp>
#include <string>

#include "charts/compose/format.h"
#include "tests/support/exact.h"

using namespace engine::core;
using test::dec;
using test::frac;

namespace {
const std::string kM = "\xE2\x88\x92";  // U+2212, the displayed minus
}

TEST_CASE("format_fixed rounds the exact value half away from zero", "[core][number]") {
    struct Case { const char* v; int dp; const char* want; };
    const Case cases[] = {
        {"0.05", 1, "0.1"},   {"-0.05", 1, "-0.1"},   {"0.15", 1, "0.2"},   {"2.5", 0, "3"},
        {"-2.5", 0, "-3"},    {"13.85", 1, "13.9"},   {"2.675", 2, "2.68"}, {"1.005", 2, "1.01"},
        {"0.04", 1, "0.0"},   {"-0.04", 1, "0.0"},    {"99.95", 1, "100.0"}, {"9.999", 2, "10.00"},
        {"0", 2, "0.00"},     {"123456.789", 0, "123457"}, {"0.0004", 3, "0.000"},
        {"0.0005", 3, "0.001"}, {"0.000000000001", 1, "0.0"}, {"17", 1, "17.0"}, {"5", 0, "5"},
        {"0.049999999999", 1, "0.0"}, {"-0.45", 0, "0"}, {"-0.5", 0, "-1"},
    };
    for (const auto& c : cases) {
        INFO("value " << c.v << " at " << c.dp << " dp");
        CHECK(format_fixed(dec(c.v), c.dp) == c.want);
    }
}

TEST_CASE("a gap subtracted from decimal data rounds like the decimal it is",
          "[core][number]") {
    struct Case { const char* comparator; const char* group; int dp; const char* want; };
    const Case cases[] = {
        {"65.1", "55.6", 0, "10"},    // 9.5: in binary 9.499999999999993, which printed 9
        {"65.1", "55.6", 1, "9.5"},
        {"70.1", "56.25", 1, "13.9"},  // 13.85
        {"0.3", "0.15", 1, "0.2"},     // 0.15
        {"80.35", "54.5", 1, "25.9"},  // 25.85
        {"54.5", "80.35", 1, "-25.9"},
    };
    for (const auto& c : cases) {
        INFO(c.comparator << " - " << c.group << " at " << c.dp << " dp");
        CHECK(format_fixed(dec(c.comparator) - dec(c.group), c.dp) == c.want);
    }
}

TEST_CASE("an exact-half change between two gaps rounds away from zero, not to unchanged",
          "[core][number]") {
    // Gaps 79.4 - 53.6 = 25.8 and 79.35 - 53.6 = 25.75: the change is exactly -0.05.
    Exact earlier = dec("79.4") - dec("53.6");
    Exact later = dec("79.35") - dec("53.6");
    Exact change = later - earlier;
    CHECK(change == dec("-0.05"));
    CHECK(format_number(change, {1, false, true, ""}) == kM + "0.1");
    CHECK_FALSE(rounds_to_zero(change, 1));
    CHECK(format_number(dec("0.05"), {1, false, true, ""}) == "+0.1");
}

TEST_CASE("no wrong-way rounding over every x.x5 difference of one-decimal data",
          "[core][number]") {
    // a/100 - b/10 for every a in 0.05, 0.15 … 99.95 and b in 0.0 … 99.9: the exact difference
    // always ends in 5 at the second place, so it must round away from zero.
    int checked = 0, wrong = 0;
    for (int a = 5; a < 10000; a += 10) {
        for (int b = 0; b < 1000; b += 37) {
            long long diff = a - 10LL * b;  // hundredths, exact
            long long mag = diff < 0 ? -diff : diff;
            long long tenths = (mag + 5) / 10;  // half away from zero
            std::string want = std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
            if (diff < 0 && tenths != 0) want = "-" + want;
            std::string a_text = std::to_string(a / 100) + "." + (a % 100 < 10 ? "0" : "") +
                                 std::to_string(a % 100);
            std::string b_text = std::to_string(b / 10) + "." + std::to_string(b % 10);
            if (format_fixed(dec(a_text) - dec(b_text), 1) != want) ++wrong;
            ++checked;
        }
    }
    CHECK(checked == 1000 * 28);
    CHECK(wrong == 0);
}

TEST_CASE("values worked out from numerator and cohort are rounded once from the exact ratio",
          "[core][number]") {
    struct Case { long long numerator, cohort; int dp; const char* want; };
    const Case cases[] = {
        {1, 8, 0, "13"},      // 12.5% exactly: half away from zero
        {1, 8, 1, "12.5"},
        {2, 3, 1, "66.7"},    // 66.666…
        {2, 3, 0, "67"},
        {1, 3, 2, "33.33"},
        {927, 1312, 1, "70.7"},     // 70.655…
        {458815, 638946, 1, "71.8"},
        {3, 40, 0, "8"},      // 7.5
        {1, 200, 0, "1"},     // 0.5
        {1, 201, 0, "0"},     // 0.497…
    };
    for (const auto& c : cases) {
        INFO(c.numerator << " of " << c.cohort << " at " << c.dp << " dp");
        CHECK(format_fixed(frac(100 * c.numerator, c.cohort), c.dp) == c.want);
    }
    // The EYQIP gap (docs/metrics.md): from the counts 1.153… → 1.2, not 71.8 − 70.7 = 1.1.
    Exact gap = frac(100 * 458815, 638946) - frac(100 * 927, 1312);
    CHECK(format_fixed(gap, 1) == "1.2");
}

TEST_CASE("round_half_away gives the exact rounded value", "[core][number]") {
    CHECK(round_half_away(dec("13.85"), 1) == dec("13.9"));
    CHECK(round_half_away(dec("-0.05"), 1) == dec("-0.1"));
    CHECK(round_half_away(frac(200, 3), 0) == 67);
}

TEST_CASE("format_number uses a true minus, an optional plus and thousands separators",
          "[core][number]") {
    CHECK(format_number(dec("-0.4"), {1, false, true, ""}) == kM + "0.4");
    CHECK(format_number(dec("1.23"), {1, false, true, ""}) == "+1.2");
    CHECK(format_number(dec("0.04"), {1, false, true, ""}) == "0.0");
    CHECK(format_number(dec("-0.04"), {1, false, true, ""}) == "0.0");
    CHECK(format_number(608217, {0, true, false, ""}) == "608,217");
    CHECK(format_number(dec("1234.5"), {1, true, false, "%"}) == "1,234.5%");
    CHECK(format_number(dec("999.96"), {1, true, false, ""}) == "1,000.0");
    CHECK(format_number(dec("19.8"), {1, false, false, " ppts"}) == "19.8 ppts");
}

TEST_CASE("percentage points agree with the number shown: 1 ppt, -1 ppt, 1.0 ppts",
          "[core][number][words]") {
    struct Case { const char* v; int dp; bool plus; std::string want; };
    const Case cases[] = {
        {"1", 0, false, "1 ppt"},          {"-1", 0, false, kM + "1 ppt"},
        {"0.6", 0, false, "1 ppt"},        {"-1.4", 0, true, kM + "1 ppt"},
        {"1", 0, true, "+1 ppt"},          {"1.5", 0, false, "2 ppts"},
        {"0.4", 0, false, "0 ppts"},       {"1", 1, false, "1.0 ppts"},
        {"19.8", 1, false, "19.8 ppts"},   {"2", 0, false, "2 ppts"},
    };
    for (const auto& c : cases) {
        INFO(c.v << " at " << c.dp << " dp");
        CHECK(format_number(dec(c.v), NumberStyle::ppts(c.dp, c.plus)) == c.want);
    }
}

TEST_CASE("plural_word agrees with the count", "[core][words]") {
    CHECK(plural_word(1, "action", "actions") == "action");
    CHECK(plural_word(0, "action", "actions") == "actions");
    CHECK(plural_word(2, "child", "children") == "children");
}

TEST_CASE("rounds_to_zero is judged at the display precision", "[core][number]") {
    CHECK(rounds_to_zero(dec("0.049"), 1));
    CHECK_FALSE(rounds_to_zero(dec("0.05"), 1));
    CHECK(rounds_to_zero(dec("-0.4"), 0));
    CHECK_FALSE(rounds_to_zero(dec("-0.5"), 0));
}

TEST_CASE("chart labels, drawn from the nearest double of an exact figure, read as the tables do",
          "[core][number][charts]") {
    // Charts get doubles at the boundary (chart_builder) and round them with their own
    // formatter; over every kind of published figure the two must print the same.
    int checked = 0, differ = 0;
    auto same = [&](const Exact& v, int dp) {
        ++checked;
        if (charts::compose::format_value(v.to_double(), dp) != format_number(v, {dp})) ++differ;
    };
    for (int a = 0; a < 10000; a += 5)  // decimals and their x.x5 differences
        for (int b = 0; b < 1000; b += 41) {
            same(frac(a, 100) - frac(b, 10), 1);
            same(frac(a, 100) - frac(b, 10), 0);
        }
    for (int cohort = 1; cohort <= 400; ++cohort)  // numerator / cohort, and gaps between them
        for (int n = 0; n <= cohort; ++n) {
            Exact v = frac(100LL * n, cohort);
            same(v, 0);
            same(v, 1);
            same(frac(100LL * (cohort - n), cohort + 7) - v, 1);
        }
    CHECK(checked > 300000);
    CHECK(differ == 0);
}
