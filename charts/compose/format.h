// charts compose: numbers as charts print them — rounded half away from zero at display time,
// a true minus sign (U+2212), no thousands separators, never the locale.
#pragma once

#include <string>

namespace charts::compose {

/// The minus sign used in displayed numbers (U+2212, UTF-8).
inline constexpr const char* kMinus = "\xE2\x88\x92";

/// v rounded half away from zero to `dp` places (binary noise removed first: 13.849999999999994
/// is read as 13.85 and gives 13.9), with U+2212 for negatives and `unit` appended. A value that
/// rounds to zero has no sign.
std::string format_value(double v, int dp, const std::string& unit = "");

/// Decimals needed to print multiples of `step` exactly (step 0.5 -> 1, 2 -> 0, 0.25 -> 2).
int decimals_for_step(double step);

/// "1 setting", "2 settings": the count and the noun that agrees with it.
std::string counted(std::size_t n, const std::string& one, const std::string& many);

/// "ppts" becomes "ppt" when the displayed number is exactly 1 or −1; other units are unchanged.
std::string unit_for(const std::string& displayed_number, const std::string& unit);

}  // namespace charts::compose
