#include "charts/compose/absent.h"

#include <cmath>
#include <initializer_list>
#include <set>
#include <variant>

namespace charts::compose {

namespace {

// The symbols of the absent values seen so far, and whether any value was present.
struct Tally {
    bool any_value = false;
    std::set<std::string> symbols;

    void add(const model::Value& v, const std::string& symbol) {
        if (v && std::isfinite(*v)) any_value = true;
        else symbols.insert(model::absent_symbol(symbol));
    }
    void add(const model::Series& s) {
        for (std::size_t i = 0; i < s.values.size(); ++i) add(s.values[i], s.symbol_at(i));
    }
};

// The tally of some series (null entries skipped).
Tally of_series(std::initializer_list<const model::Series*> series) {
    Tally t;
    for (const model::Series* x : series)
        if (x) t.add(*x);
    return t;
}
Tally of_series(const std::vector<model::Series>& series) {
    Tally t;
    for (const auto& x : series) t.add(x);
    return t;
}

Tally tally(const model::GapTrendSpec& s) {
    return of_series({&s.group, &s.comparator, s.reference ? &*s.reference : nullptr});
}
Tally tally(const model::LineChartSpec& s) { return of_series(s.series); }
Tally tally(const model::GroupedBarsSpec& s) { return of_series(s.groups); }
Tally tally(const model::GapTargetBarsSpec& s) {
    Tally t;
    for (const auto& r : s.rows) t.add(r.gap, r.gap_symbol);
    return t;
}
Tally tally(const model::DistributionSpec& s) {
    Tally t;
    for (const auto& p : s.points) t.add(p.value, p.symbol);
    return t;
}
Tally tally(const model::ActionStatusSpec&) {
    Tally t;
    t.any_value = true;
    return t;
}

}  // namespace

std::optional<std::string> nothing_to_draw(const model::ChartSpec& spec) {
    const Tally t = std::visit([](const auto& s) { return tally(s); }, spec);
    if (t.any_value || t.symbols.empty()) return std::nullopt;
    if (t.symbols.size() == 1 && *t.symbols.begin() == model::kSuppressedSymbol)
        return std::string("every figure it would show is suppressed (c)");
    std::string list;
    for (const auto& s : t.symbols) list += (list.empty() ? "" : ", ") + s;
    return "none of the figures it would show is available (" + list + ")";
}

}  // namespace charts::compose
