#include "engine/batch/terms.h"

#include <charconv>

#include "engine/core/text.h"

namespace engine::batch {

namespace {

core::Date start_of(const config::TermCalendar& c, const std::string& name, int year) {
    if (name == "Autumn") return {year, c.autumn_month, c.autumn_day};
    if (name == "Spring") return {year, c.spring_month, c.spring_day};
    return {year, c.summer_month, c.summer_day};
}

Term make(const config::TermCalendar& c, const std::string& name, int year) {
    Term t;
    t.name = name;
    t.year = year;
    t.start = start_of(c, name, year);
    core::Date next = name == "Autumn" ? start_of(c, "Spring", year + 1)
                      : name == "Spring" ? start_of(c, "Summer", year)
                                         : start_of(c, "Autumn", year);
    t.end = core::add_days(next, -1);
    return t;
}

}  // namespace

std::string Term::slug() const { return core::to_lower_ascii(name) + "-" + std::to_string(year); }

data::Period Term::period() const {
    // Autumn belongs to the academic year it starts; spring and summer to the one before.
    int academic = name == "Autumn" ? year : year - 1;
    data::PeriodKind k = name == "Autumn"   ? data::PeriodKind::AutumnTerm
                         : name == "Spring" ? data::PeriodKind::SpringTerm
                                            : data::PeriodKind::SummerTerm;
    return {academic, k};
}

std::string Term::label() const { return period().label(); }

Term term_containing(const config::TermCalendar& c, const core::Date& d) {
    if (d >= start_of(c, "Autumn", d.year)) return make(c, "Autumn", d.year);
    if (d >= start_of(c, "Summer", d.year)) return make(c, "Summer", d.year);
    if (d >= start_of(c, "Spring", d.year)) return make(c, "Spring", d.year);
    return make(c, "Autumn", d.year - 1);  // before the spring term starts
}

std::optional<Term> parse_term(const config::TermCalendar& c, std::string_view text,
                               std::string& error) {
    std::string s = core::to_lower_ascii(text);
    std::size_t dash = s.find('-');
    int year = 0;
    std::string name = dash == std::string::npos ? "" : s.substr(0, dash);
    bool ok_year = dash != std::string::npos && s.size() - dash - 1 == 4;
    if (ok_year) {
        auto r = std::from_chars(s.data() + dash + 1, s.data() + s.size(), year);
        ok_year = r.ec == std::errc() && r.ptr == s.data() + s.size();
    }
    if ((name != "autumn" && name != "spring" && name != "summer") || !ok_year) {
        error = "a term is written like autumn-2018, spring-2019 or summer-2019 (or 'current'), "
                "got '" + std::string(text) + "'";
        return std::nullopt;
    }
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return make(c, name, year);
}

}  // namespace engine::batch
