#include "engine/core/civil_date.h"

#include <catch2/catch.hpp>

using namespace engine::core;

TEST_CASE("ISO dates parse strictly", "[core][date]") {
    CHECK(parse_iso_date("2015-09-17") == Date{2015, 9, 17});
    CHECK(parse_iso_date("2016-02-29") == Date{2016, 2, 29});
    CHECK_FALSE(parse_iso_date("2015-02-29"));
    CHECK_FALSE(parse_iso_date("2015-13-01"));
    CHECK_FALSE(parse_iso_date("17/09/2015"));
    CHECK_FALSE(parse_iso_date("2015-9-17"));
    CHECK_FALSE(parse_iso_date("2015-09-17 "));
    CHECK_FALSE(parse_iso_date(""));
}

TEST_CASE("dates display in UK forms", "[core][date]") {
    CHECK(format_long({2015, 9, 17}) == "17 September 2015");
    CHECK(format_short({2018, 8, 28}) == "28 Aug 2018");
    CHECK(format_month_year({2019, 7, 31}) == "July 2019");
    CHECK(format_iso({2019, 7, 1}) == "2019-07-01");
}

TEST_CASE("day arithmetic round-trips across leap years and the epoch", "[core][date]") {
    CHECK(to_days({1970, 1, 1}) == 0);
    CHECK(days_between({2019, 7, 1}, {2019, 7, 31}) == 30);
    CHECK(days_between({2016, 2, 28}, {2016, 3, 1}) == 2);
    CHECK(add_days({2015, 12, 31}, 1) == Date{2016, 1, 1});
    for (std::int64_t d = -1000; d < 30000; d += 37) CHECK(to_days(from_days(d)) == d);
    CHECK(date_from_unix_seconds(1442448000) == Date{2015, 9, 17});
}
