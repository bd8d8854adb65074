// batch: school terms for termly runs — which term a date falls in, "autumn-2018" names, and
// the EES period of a term. The calendar comes from batch.terms (English terms by default).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/config/batch_config.h"
#include "engine/core/civil_date.h"
#include "engine/data/period.h"

namespace engine::batch {

struct Term {
    std::string name;    ///< "Autumn", "Spring" or "Summer"
    int year = 0;        ///< the calendar year the term falls in (autumn-2018 is in 2018)
    core::Date start;    ///< first day
    core::Date end;      ///< last day (the day before the next term starts)
    std::string slug() const;        ///< "autumn-2018" (file names, --term)
    std::string label() const;       ///< "Autumn term 2018/19"
    data::Period period() const;     ///< EES: Autumn term of academic year 2018/19
};

/// The term that contains `date`.
Term term_containing(const config::TermCalendar& cal, const core::Date& date);

/// Parses "autumn-2018", "spring-2019", "summer-2019". nullopt with `error` otherwise.
std::optional<Term> parse_term(const config::TermCalendar& cal, std::string_view text,
                               std::string& error);

}  // namespace engine::batch
