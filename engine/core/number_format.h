// core: the one number formatter. Works on exact numbers (core::Exact), rounds half away from
// zero once, at display time, with no dependence on the locale. Negative numbers and signed
// changes use a true minus (U+2212).
#pragma once

#include <string>
#include <utility>

#include "engine/core/exact.h"

namespace engine::core {

/// The minus sign used in displayed numbers (U+2212, UTF-8).
inline constexpr const char* kMinus = "\xE2\x88\x92";

/// v rounded half away from zero to `dp` decimal places: 9.5 → 10 at 0 dp, −0.05 → −0.1 at
/// 1 dp, 2/3 → 0.67 at 2 dp. Exact: no binary noise to remove.
Exact round_half_away(const Exact& v, int dp);

/// v rounded half away from zero to dp places, digits only, ASCII '-' for negatives, no
/// thousands separators: the machine form ("13.9", "-0.4", "0.0"). A value that rounds to zero
/// never carries a sign.
std::string format_fixed(const Exact& v, int dp);

/// How a number is displayed to a reader.
struct NumberStyle {
    NumberStyle(int dp_ = 1, bool thousands_ = false, bool plus_sign_ = false,
                std::string suffix_ = "", std::string suffix_one_ = "")
        : dp(dp_), thousands(thousands_), plus_sign(plus_sign_), suffix(std::move(suffix_)),
          suffix_one(std::move(suffix_one_)) {}

    int dp = 1;               ///< decimal places
    bool thousands = false;   ///< "12,345"
    bool plus_sign = false;   ///< "+1.2" for positive values (changes); zero stays "0.0"
    std::string suffix;       ///< e.g. "%" or " ppts"
    /// Used instead of `suffix` when the number displays as exactly 1 or −1 (" ppt" for
    /// " ppts": "1 ppt", "−1 ppt", but "1.0 ppts" and "0.5 ppts"); empty = always `suffix`.
    std::string suffix_one;

    /// Percentage points at dp places: "9.5 ppts", "1 ppt".
    static NumberStyle ppts(int dp, bool plus_sign = false) {
        return {dp, false, plus_sign, " ppts", " ppt"};
    }
};

/// The display form: true minus sign, optional "+", thousands separators, suffix.
std::string format_number(const Exact& v, const NumberStyle& style);

/// True when v displays as zero at dp places (e.g. a change of 0.04 at 1 dp).
bool rounds_to_zero(const Exact& v, int dp);

/// True when v displays as exactly "1" (or "−1") at dp places: 1 and 0.6 at 0 dp, never at
/// 1 dp ("1.0" reads as a measurement, so "1.0 ppts").
bool displays_as_one(const Exact& v, int dp);

/// The word that agrees with a count: plural_word(1, "action", "actions") is "action", any
/// other count (0 included) the plural.
std::string plural_word(long long count, const std::string& singular, const std::string& plural);

}  // namespace engine::core
