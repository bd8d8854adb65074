// data: time periods as EES writes them — time_period (2018 or 201819) plus time_identifier
// ("Academic year", "Autumn term" …) — ordered, labelled and checked.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace engine::data {

enum class PeriodKind {
    AcademicYear,
    AutumnTerm,
    SpringTerm,
    SummerTerm,
    CalendarYear,
    FinancialYear,
};

struct Period {
    int year = 0;  ///< first year: 2014 for 201415, or the calendar year
    PeriodKind kind = PeriodKind::AcademicYear;

    /// Ordering key: terms fall inside their academic year in school order.
    int sort_key() const;
    auto operator<=>(const Period& o) const { return sort_key() <=> o.sort_key(); }
    bool operator==(const Period& o) const { return year == o.year && kind == o.kind; }

    /// "2014/15", "Autumn term 2017/18", "2019", "2014-15" (financial)
    std::string label() const;
    /// "Autumn 2017/18" for terms, same as label() otherwise
    std::string short_label() const;
    /// EES code: "201415" or "2019"
    std::string code() const;
    /// The identifier as EES writes it ("Academic year", "Autumn term" …)
    std::string identifier() const;
    bool is_term() const;
};

/// Valid identifiers (for hints).
const std::vector<std::string>& period_identifiers();

/// Parses (time_period, time_identifier). On failure `error` says what was expected.
std::optional<Period> parse_period(std::string_view time_period, std::string_view identifier,
                                   std::string& error);

/// Years between two periods' starts (e.g. 2012/13 → 2014/15 = 2).
inline int years_between(const Period& a, const Period& b) { return b.year - a.year; }

}  // namespace engine::data
