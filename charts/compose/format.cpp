#include "charts/compose/format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

namespace charts::compose {

namespace {

// |v| as a fixed-point decimal string rounded half away from zero at dp places. The value is
// first read at 15 significant digits, which removes binary noise from earlier arithmetic.
std::string round_abs(double v, int dp) {
    double a = std::fabs(v);
    dp = std::clamp(dp, 0, 12);
    char buf[512];
    int exp10 = a > 0.0 ? static_cast<int>(std::floor(std::log10(a))) : 0;
    int precision = std::clamp(14 - exp10, 0, 40);
    auto res = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::fixed, precision);
    std::string s(buf, res.ptr);
    std::size_t dot = s.find('.');
    if (dot == std::string::npos) {
        s += '.';
        dot = s.size() - 1;
    }
    // Pad so there is at least one digit beyond dp to look at.
    while (s.size() < dot + 1 + static_cast<std::size_t>(dp) + 1) s += '0';
    bool up = s[dot + 1 + static_cast<std::size_t>(dp)] >= '5';
    s.resize(dot + 1 + static_cast<std::size_t>(dp));
    if (up) {
        int i = static_cast<int>(s.size()) - 1;
        for (; i >= 0; --i) {
            char& c = s[static_cast<std::size_t>(i)];
            if (c == '.') continue;
            if (c == '9') {
                c = '0';
            } else {
                ++c;
                break;
            }
        }
        if (i < 0) s.insert(s.begin(), '1');
    }
    if (dp == 0) s.pop_back();  // the trailing '.'
    return s;
}

}  // namespace

std::string format_value(double v, int dp, const std::string& unit) {
    if (!std::isfinite(v)) return "";
    std::string digits = round_abs(v, dp);
    bool zero =
        std::all_of(digits.begin(), digits.end(), [](char c) { return c == '0' || c == '.'; });
    std::string out;
    if (v < 0 && !zero) out = kMinus;
    out += digits;
    out += unit;
    return out;
}

int decimals_for_step(double step) {
    step = std::fabs(step);
    for (int dp = 0; dp < 10; ++dp) {
        double scaled = step * std::pow(10.0, dp);
        if (std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return dp;
    }
    return 10;
}

std::string unit_for(const std::string& displayed_number, const std::string& unit) {
    std::string_view digits = displayed_number;
    if (digits.starts_with(kMinus)) digits.remove_prefix(std::string_view(kMinus).size());
    if (digits.starts_with('+') || digits.starts_with('-')) digits.remove_prefix(1);
    if (unit == "ppts" && digits == "1") return "ppt";
    return unit;
}

std::string counted(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace charts::compose
