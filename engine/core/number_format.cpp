#include "engine/core/number_format.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace engine::core {

namespace {

// |v| rounded half away from zero at dp places, as a decimal digit string with the decimal
// point inserted. Works on the 15-significant-digit decimal reading of v.
std::string round_abs_decimal(double v, int dp) {
    double a = std::fabs(v);
    if (dp < 0) dp = 0;
    std::string out;
    if (a == 0.0) {
        out = "0";
        if (dp > 0) out += '.' + std::string(static_cast<std::size_t>(dp), '0');
        return out;
    }
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific, 14);
    std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));  // d.dddde±xx
    std::size_t epos = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, epos))
        if (c != '.') digits += c;
    int exp10 = std::atoi(std::string(sci.substr(epos + 1)).c_str());  // place of digits[0]

    // Number of digits to keep: those with place >= 10^-dp.
    int keep = exp10 + dp + 1;
    if (keep < 0) {
        digits = "0";
        exp10 = 0;
        keep = 1;
    } else if (keep < static_cast<int>(digits.size())) {
        bool up = digits[static_cast<std::size_t>(keep)] >= '5';
        digits.resize(static_cast<std::size_t>(keep));
        if (up) {
            int i = keep - 1;
            while (i >= 0 && digits[static_cast<std::size_t>(i)] == '9') {
                digits[static_cast<std::size_t>(i)] = '0';
                --i;
            }
            if (i >= 0) {
                ++digits[static_cast<std::size_t>(i)];
            } else {
                digits.insert(digits.begin(), '1');
                ++exp10;
            }
        }
        if (digits.empty()) {  // keep == 0 and no round-up
            digits = "0";
            exp10 = 0;
        }
    }
    // Lay the digits out on the decimal grid from 10^max(exp10,0) down to 10^-dp.
    int top = exp10 > 0 ? exp10 : 0;
    for (int place = top; place >= -dp; --place) {
        int idx = exp10 - place;  // index into digits
        char c = (idx >= 0 && idx < static_cast<int>(digits.size()))
                     ? digits[static_cast<std::size_t>(idx)]
                     : '0';
        out += c;
        if (place == 0 && dp > 0) out += '.';
    }
    return out;
}

bool all_zero(std::string_view s) {
    for (char c : s)
        if (c != '0' && c != '.') return false;
    return true;
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

}  // namespace

std::string format_fixed(double v, int dp) {
    if (!std::isfinite(v)) return "";
    std::string mag = round_abs_decimal(v, dp);
    if (v < 0 && !all_zero(mag)) return '-' + mag;
    return mag;
}

double round_half_away(double v, int dp) {
    if (!std::isfinite(v)) return v;
    std::string s = format_fixed(v, dp);
    double out = 0;
    std::from_chars(s.data(), s.data() + s.size(), out);
    return out;
}

bool rounds_to_zero(double v, int dp) {
    return std::isfinite(v) && all_zero(round_abs_decimal(v, dp));
}

std::string format_number(double v, const NumberStyle& style) {
    if (!std::isfinite(v)) return "";
    std::string mag = round_abs_decimal(v, style.dp);
    bool zero = all_zero(mag);
    if (style.thousands) mag = group_thousands(mag);
    std::string sign;
    if (!zero && v < 0) sign = kMinus;
    else if (!zero && style.plus_sign) sign = "+";
    return sign + mag + style.suffix;
}

}  // namespace engine::core
