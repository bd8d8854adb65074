#include "engine/core/exact.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "tests/support/exact.h"

using engine::core::Exact;
using test::dec;
using test::frac;

TEST_CASE("exact numbers parse decimal text without losing a place", "[core][exact]") {
    CHECK(dec("65.1") == frac(651, 10));
    CHECK(dec("-3.25") == frac(-13, 4));
    CHECK(dec("+0.5") == frac(1, 2));
    CHECK(dec(".5") == frac(1, 2));
    CHECK(dec("007") == 7);
    CHECK(dec("12.50") == dec("12.5"));
    for (const char* bad : {"", "-", ".", "1e3", "45%", "1,234", "1.2.3", " 1", "NaN", "0x10"}) {
        INFO("'" << bad << "'");
        CHECK_FALSE(Exact::parse(bad));
    }
}

TEST_CASE("exact numbers parsed from short and long text are in lowest terms alike", "[core][exact]") {
    // Text of up to 18 characters is parsed in 64 bits and reduced by its twos and fives; longer
    // text in 128 bits and reduced by Euclid. Both give the same lowest terms.
    for (const char* t : {"0.5", "61.25", "-3.75", "1234567.125", "0.0000000000000008", "99999999999999999",
                          "-0.000000000000001", "12.50000000000000", "0.00", "-0"}) {
        INFO(t);
        const Exact e = dec(t);
        CHECK(e == Exact::ratio(e.num(), e.den()));  // ratio reduces: equal only if already lowest
        CHECK(e.num() == Exact::ratio(e.num(), e.den()).num());
        CHECK(e.den() == Exact::ratio(e.num(), e.den()).den());
        // The same figure with leading zeros past 18 characters takes the long path.
        const std::string padded = (t[0] == '-' ? "-" : "") + std::string(20, '0') + (t[0] == '-' ? t + 1 : t);
        CHECK(dec(padded.c_str()).num() == e.num());
        CHECK(dec(padded.c_str()).den() == e.den());
    }
    CHECK(dec("61.25") == frac(245, 4));
    CHECK(dec("999999999999999999") == Exact(999999999999999999LL));  // 18 digits, the fast path's largest
    CHECK(dec("9999999999999999999") == Exact::ratio(static_cast<Exact::Int>(999999999999999999LL) * 10 + 9, 1));
}

TEST_CASE("exact arithmetic keeps fractions in lowest terms", "[core][exact]") {
    CHECK(dec("65.1") - dec("55.6") == dec("9.5"));
    CHECK(dec("0.1") + dec("0.2") == dec("0.3"));
    CHECK(frac(2, 4).num() == 1);
    CHECK(frac(2, 4).den() == 2);
    CHECK(frac(3, -6) == frac(-1, 2));
    CHECK(frac(1, 3) * 3 == 1);
    CHECK(Exact(7) / 2 == dec("3.5"));
    CHECK((-dec("2.5")).abs() == dec("2.5"));
    CHECK_THROWS(frac(1, 0));
    CHECK_THROWS(Exact(1) / 0);
}

TEST_CASE("exact comparison is exact at the boundary and cannot overflow", "[core][exact]") {
    CHECK(dec("64.1") - dec("46.1") == 18);
    CHECK(dec("64.1") - dec("46.1") <= 18);
    CHECK_FALSE(dec("64.1") - dec("46.0") <= 18);
    CHECK(frac(1, 3) < dec("0.3333333333333334"));
    CHECK(frac(1, 3) > dec("0.3333333333333333"));
    CHECK(frac(-1, 3) < frac(-1, 4));
    CHECK(compare(frac(5, 7), frac(10, 14)) == 0);
    // At the edge of 64 bits, where the products are made in one widening multiplication or
    // not at all.
    const Exact::Int max64 = INT64_MAX, min64 = INT64_MIN;
    CHECK(Exact::ratio(max64 - 1, max64) < Exact::ratio(max64, max64 + 1));
    CHECK(Exact::ratio(min64 + 1, max64) > Exact::ratio(min64, max64));
    CHECK(Exact::ratio(-(max64 - 1), max64) > Exact::ratio(-max64, max64 + 1));
    CHECK(compare(Exact::ratio(max64, 3), Exact::ratio(max64, 3)) == 0);
    // Denominators near 10^36: cross-multiplying would overflow 128 bits.
    const Exact::Int big = static_cast<Exact::Int>(1000000000000000000LL) * 1000000000000000000LL;
    Exact a = Exact::ratio(big - 1, big), b = Exact::ratio(big - 2, big - 1);
    CHECK(b < a);
    CHECK(a > b);
    CHECK(a < 1);
}

TEST_CASE("exact numbers convert to doubles only for chart geometry", "[core][exact]") {
    CHECK(dec("9.5").to_double() == 9.5);
    CHECK(frac(2, 3).to_double() == Approx(0.6666666666666666));
    CHECK(dec("-0.05").to_double() == Approx(-0.05));
    CHECK(frac(200, 3).debug_text() == "200/3");
    CHECK(dec("-0.05").debug_text() == "-0.05");
}
