#include "engine/core/number_format.h"

#include <algorithm>
#include <string_view>

namespace engine::core {

namespace {

using Int = Exact::Int;

Int pow10(int dp) {
    Int p = 1;
    for (int i = 0; i < dp; ++i) p *= 10;
    return p;
}

// |v| × 10^dp rounded half away from zero, as a whole number.
Int scaled_abs(const Exact& v, int dp) {
    Exact s = v.abs() * Exact::ratio(pow10(dp), 1);
    Int q = s.num() / s.den(), r = s.num() % s.den();
    if (r >= s.den() - r) ++q;  // 2r ≥ den, written so that it cannot overflow
    return q;
}

// |v| rounded at dp places as digits with the decimal point inserted ("13.9", "0.0").
std::string round_abs_decimal(const Exact& v, int dp) {
    Int q = scaled_abs(v, dp);
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(q % 10)));
        q /= 10;
    } while (q != 0);
    if (dp > 0) {
        while (static_cast<int>(digits.size()) <= dp) digits.insert(digits.begin(), '0');
        digits.insert(digits.end() - dp, '.');
    }
    return digits;
}

bool all_zero(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == '0' || c == '.'; });
}

std::string group_thousands(const std::string& s) {
    std::size_t dot = s.find('.');
    std::string ip = s.substr(0, dot);
    std::string fp = dot == std::string::npos ? "" : s.substr(dot);
    std::string g;
    int n = static_cast<int>(ip.size());
    for (int i = 0; i < n; ++i) {
        g += ip[static_cast<std::size_t>(i)];
        int left = n - 1 - i;
        if (left > 0 && left % 3 == 0) g += ',';
    }
    return g + fp;
}

int clamp_dp(int dp) { return std::clamp(dp, 0, 12); }

}  // namespace

Exact round_half_away(const Exact& v, int dp) {
    dp = clamp_dp(dp);
    Int q = scaled_abs(v, dp);
    return Exact::ratio(v.sign() < 0 ? -q : q, pow10(dp));
}

std::string format_fixed(const Exact& v, int dp) {
    std::string mag = round_abs_decimal(v, clamp_dp(dp));
    if (v.sign() < 0 && !all_zero(mag)) return '-' + mag;
    return mag;
}

bool rounds_to_zero(const Exact& v, int dp) { return scaled_abs(v, clamp_dp(dp)) == 0; }

bool displays_as_one(const Exact& v, int dp) { return clamp_dp(dp) == 0 && scaled_abs(v, 0) == 1; }

std::string plural_word(long long count, const std::string& singular, const std::string& plural) {
    return count == 1 ? singular : plural;
}

std::string format_number(const Exact& v, const NumberStyle& style) {
    std::string mag = round_abs_decimal(v, clamp_dp(style.dp));
    bool zero = all_zero(mag);
    if (style.thousands) mag = group_thousands(mag);
    std::string sign;
    if (!zero && v.sign() < 0) sign = kMinus;
    else if (!zero && style.plus_sign) sign = "+";
    bool one = !style.suffix_one.empty() && displays_as_one(v, style.dp);
    return sign + mag + (one ? style.suffix_one : style.suffix);
}

}  // namespace engine::core
