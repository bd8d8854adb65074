// core: calendar dates without time zones — ISO parsing, UK display forms, day arithmetic.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace engine::core {

struct Date {
    int year = 1970;
    int month = 1;  ///< 1..12
    int day = 1;    ///< 1..31

    auto operator<=>(const Date&) const = default;
};

/// Parses "YYYY-MM-DD" strictly (a real calendar date); nullopt otherwise.
std::optional<Date> parse_iso_date(std::string_view s);

/// Days since 1970-01-01 (negative before).
std::int64_t to_days(const Date& d);
Date from_days(std::int64_t days);
inline std::int64_t days_between(const Date& from, const Date& to) {
    return to_days(to) - to_days(from);
}
inline Date add_days(const Date& d, std::int64_t n) { return from_days(to_days(d) + n); }

/// The date of a Unix timestamp (UTC).
Date date_from_unix_seconds(std::int64_t seconds);

/// "2015-09-17"
std::string format_iso(const Date& d);
/// "17 September 2015"
std::string format_long(const Date& d);
/// "17 Sep 2015"
std::string format_short(const Date& d);
/// "September 2015"
std::string format_month_year(const Date& d);

/// English month name for 1..12 ("September").
std::string_view month_name(int month);

}  // namespace engine::core
