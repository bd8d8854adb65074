// data: a cell of a statistics table — a number, or a missing value that keeps its reason
// (EES/GSS symbols). A missing value is never zero.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/core/exact.h"

namespace engine::data {

/// Why a value is missing. Symbols per the EES open-data standard (DOMAIN.md §1.5).
enum class Missing {
    None,            ///< the value is a number
    Suppressed,      ///< c  — confidential
    NotAvailable,    ///< x  (legacy ':')
    NotApplicable,   ///< z
    Low,             ///< low or k — rounds to zero but is not zero (legacy '~')
    LowReliability,  ///< u
    Empty,           ///< a blank cell
};

struct Value {
    std::optional<core::Exact> number;  ///< exact: "65.1" is 651/10, never a binary double
    Missing missing = Missing::Empty;
    std::string symbol;  ///< the symbol as written ("c", "x", ":" …), empty for numbers

    static Value of(core::Exact v) { return Value{v, Missing::None, {}}; }
    static Value missing_as(Missing m, std::string sym) { return Value{std::nullopt, m, std::move(sym)}; }
    bool has_number() const { return number.has_value(); }
};

/// Recognises a missing-value symbol (exact, case-sensitive as EES writes them, plus the
/// blank cell). nullopt for anything else.
std::optional<Missing> parse_missing_symbol(std::string_view cell);

/// Parses a plain decimal number exactly ("45", "-3.25"; "1e3" is refused, "45%" is refused).
/// Thousands separators are refused too: CSV numbers must be machine-readable.
std::optional<core::Exact> parse_decimal(std::string_view cell);

/// The symbol shown for a missing value in tables ("c", "x", "z", "low", "u", "" for Empty→"–").
std::string display_symbol(Missing m);

/// Words for footnotes and narrative: "suppressed", "not available" …
std::string missing_words(Missing m);

}  // namespace engine::data
