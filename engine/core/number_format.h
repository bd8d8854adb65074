// core: the one number formatter. Rounds half away from zero, at display time only, with no
// dependence on the locale. Negative numbers and signed changes use a true minus (U+2212).
#pragma once

#include <string>

namespace engine::core {

/// The minus sign used in displayed numbers (U+2212, UTF-8).
inline constexpr const char* kMinus = "\xE2\x88\x92";

/// Rounds |v| half away from zero to `dp` decimal places. Binary noise is removed first by
/// reading v at 15 significant digits, so 70.1 − 56.25 (= 13.849999999999994) rounds like the
/// decimal 13.85 it stands for, to 13.9.
double round_half_away(double v, int dp);

/// v rounded half away from zero to dp places, digits only, ASCII '-' for negatives, no
/// thousands separators: the machine form ("13.9", "-0.4", "0.0"). A value that rounds to zero
/// never carries a sign. Non-finite values give "".
std::string format_fixed(double v, int dp);

/// How a number is displayed to a reader.
struct NumberStyle {
    int dp = 1;               ///< decimal places
    bool thousands = false;   ///< "12,345"
    bool plus_sign = false;   ///< "+1.2" for positive values (changes); zero stays "0.0"
    std::string suffix;       ///< e.g. "%" or " ppts"
};

/// The display form: true minus sign, optional "+", thousands separators, suffix.
std::string format_number(double v, const NumberStyle& style);

/// True when v displays as zero at dp places (e.g. a change of 0.04 at 1 dp).
bool rounds_to_zero(double v, int dp);

}  // namespace engine::core
