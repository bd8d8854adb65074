#include "engine/data/period.h"

#include "engine/core/text.h"

namespace engine::data {

namespace {
struct KindName {
    PeriodKind kind;
    std::string_view name;  // a view, not a C string: matching a row's identifier needs no strlen
    bool six_digits;
};
constexpr KindName kKinds[] = {
    {PeriodKind::AcademicYear, "Academic year", true},
    {PeriodKind::AutumnTerm, "Autumn term", true},
    {PeriodKind::SpringTerm, "Spring term", true},
    {PeriodKind::SummerTerm, "Summer term", true},
    {PeriodKind::CalendarYear, "Calendar year", false},
    {PeriodKind::FinancialYear, "Financial year", true},
};

// The value of a run of at most six ASCII digits (checked by the caller): a million rows each
// parse one, and std::stoi would copy it into a string and ask the locale.
int digits_value(std::string_view digits) {
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

std::string two_years(int y) {
    int next = (y + 1) % 100;
    return std::to_string(y) + "/" + (next < 10 ? "0" : "") + std::to_string(next);
}
}  // namespace

int Period::sort_key() const {
    int sub = 0;
    switch (kind) {
        case PeriodKind::AutumnTerm: sub = 1; break;
        case PeriodKind::SpringTerm: sub = 2; break;
        case PeriodKind::SummerTerm: sub = 3; break;
        case PeriodKind::AcademicYear: sub = 4; break;  // after its terms
        case PeriodKind::CalendarYear: sub = 0; break;
        case PeriodKind::FinancialYear: sub = 5; break;
    }
    return year * 10 + sub;
}

bool Period::is_term() const {
    return kind == PeriodKind::AutumnTerm || kind == PeriodKind::SpringTerm ||
           kind == PeriodKind::SummerTerm;
}

std::string Period::label() const {
    switch (kind) {
        case PeriodKind::AcademicYear: return two_years(year);
        case PeriodKind::AutumnTerm: return "Autumn term " + two_years(year);
        case PeriodKind::SpringTerm: return "Spring term " + two_years(year);
        case PeriodKind::SummerTerm: return "Summer term " + two_years(year);
        case PeriodKind::CalendarYear: return std::to_string(year);
        case PeriodKind::FinancialYear: return std::to_string(year) + "-" + two_years(year).substr(5);
    }
    return "";
}

std::string Period::short_label() const {
    switch (kind) {
        case PeriodKind::AutumnTerm: return "Autumn " + two_years(year);
        case PeriodKind::SpringTerm: return "Spring " + two_years(year);
        case PeriodKind::SummerTerm: return "Summer " + two_years(year);
        default: return label();
    }
}

std::string Period::code() const {
    if (kind == PeriodKind::CalendarYear) return std::to_string(year);
    int next = (year + 1) % 100;
    return std::to_string(year) + (next < 10 ? "0" : "") + std::to_string(next);
}

std::string Period::identifier() const {
    for (const auto& k : kKinds)
        if (k.kind == kind) return std::string(k.name);
    return "";
}

const std::vector<std::string>& period_identifiers() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const auto& k : kKinds) v.emplace_back(k.name);
        return v;
    }();
    return names;
}

std::optional<Period> parse_period(std::string_view tp, std::string_view identifier,
                                   std::string& error) {
    const KindName* kind = nullptr;
    const std::string_view trimmed = core::trim(identifier);
    for (const auto& k : kKinds)
        if (core::iequals_ascii(trimmed, k.name)) {
            kind = &k;  // the names differ, so the first match is the only one
            break;
        }
    if (!kind) {
        error = "unknown time_identifier '" + std::string(identifier) + "'";
        return std::nullopt;
    }
    tp = core::trim(tp);
    for (char c : tp) {
        if (c < '0' || c > '9') {
            error = "time_period must be 4 or 6 digits (e.g. 2019 or 201819), got '" +
                    core::excerpt(tp) + "'";
            return std::nullopt;
        }
    }
    if (kind->six_digits) {
        if (tp.size() != 6) {
            error = "time_period for '" + std::string(kind->name) +
                    "' must have 6 digits (e.g. 201819), got '" + core::excerpt(tp) + "'";
            return std::nullopt;
        }
        int y = digits_value(tp.substr(0, 4));
        int y2 = digits_value(tp.substr(4, 2));
        if ((y + 1) % 100 != y2) {
            error = "time_period '" + std::string(tp) +
                    "' must name consecutive years (e.g. 201819, not 201619)";
            return std::nullopt;
        }
        return Period{y, kind->kind};
    }
    if (tp.size() != 4) {
        error = "time_period for '" + std::string(kind->name) +
                "' must have 4 digits (e.g. 2019), got '" + core::excerpt(tp) + "'";
        return std::nullopt;
    }
    return Period{digits_value(tp), kind->kind};
}

}  // namespace engine::data
