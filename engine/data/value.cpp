#include "engine/data/value.h"

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

std::optional<core::Exact> parse_decimal(std::string_view s) { return core::Exact::parse(s); }

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
