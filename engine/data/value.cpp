#include "engine/data/value.h"

#include <charconv>

namespace engine::data {

std::optional<Missing> parse_missing_symbol(std::string_view cell) {
    if (cell.empty()) return Missing::Empty;
    if (cell == "c") return Missing::Suppressed;
    if (cell == "x" || cell == ":") return Missing::NotAvailable;
    if (cell == "z") return Missing::NotApplicable;
    if (cell == "low" || cell == "k" || cell == "~") return Missing::Low;
    if (cell == "u") return Missing::LowReliability;
    return std::nullopt;
}

std::optional<double> parse_decimal(std::string_view s) {
    if (s.empty()) return std::nullopt;
    std::size_t i = 0;
    if (s[0] == '-' || s[0] == '+') i = 1;
    bool digits = false, dot = false;
    for (std::size_t k = i; k < s.size(); ++k) {
        char c = s[k];
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if (c == '.' && !dot) {
            dot = true;
        } else {
            return std::nullopt;
        }
    }
    if (!digits) return std::nullopt;
    double v = 0;
    std::string_view body = s[0] == '+' ? s.substr(1) : s;
    auto r = std::from_chars(body.data(), body.data() + body.size(), v);
    if (r.ec != std::errc() || r.ptr != body.data() + body.size()) return std::nullopt;
    return v;
}

std::string display_symbol(Missing m) {
    switch (m) {
        case Missing::None: return "";
        case Missing::Suppressed: return "c";
        case Missing::NotAvailable: return "x";
        case Missing::NotApplicable: return "z";
        case Missing::Low: return "low";
        case Missing::LowReliability: return "u";
        case Missing::Empty: return "\xE2\x80\x93";  // en dash
    }
    return "";
}

std::string missing_words(Missing m) {
    switch (m) {
        case Missing::None: return "";
        case Missing::Suppressed: return "suppressed";
        case Missing::NotAvailable: return "not available";
        case Missing::NotApplicable: return "not applicable";
        case Missing::Low: return "low (rounds to zero)";
        case Missing::LowReliability: return "of low reliability";
        case Missing::Empty: return "not recorded";
    }
    return "";
}

}  // namespace engine::data
