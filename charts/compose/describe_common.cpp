#include "charts/compose/describe_common.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "charts/compose/format.h"

namespace charts::compose::describe_common {

using model::Series;
using model::Value;

bool present(const std::vector<Value>& v, std::size_t i) {
    return i < v.size() && v[i].has_value() && std::isfinite(*v[i]);
}

std::string with_unit(double v, int dp, const std::string& unit) {
    std::string num = format_value(v, dp);
    if (unit.empty()) return num;
    if (std::isalpha(static_cast<unsigned char>(unit.front())))
        return num + " " + unit_for(num, unit);
    return num + unit;
}

double parse(const std::string& s) {
    double v = 0.0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::string lower_first(std::string s) {
    if (!s.empty() && std::isupper(static_cast<unsigned char>(s.front())) &&
        (s.size() < 2 || !std::isupper(static_cast<unsigned char>(s[1])))) {
        s.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(s.front())));
    }
    return s;
}

std::string join_and(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

std::optional<std::pair<std::size_t, std::size_t>> common_span(const Series& a, const Series& b,
                                                               std::size_t n) {
    std::optional<std::size_t> first, last;
    for (std::size_t i = 0; i < n; ++i) {
        if (present(a.values, i) && present(b.values, i)) {
            if (!first) first = i;
            last = i;
        }
    }
    if (!first) return std::nullopt;
    return std::pair{*first, *last};
}

std::vector<int> status_totals(const model::ActionStatusSpec& s) {
    std::vector<int> totals(s.statuses.size(), 0);
    if (s.last_row_is_total && !s.rows.empty()) {
        const auto& counts = s.rows.back().counts;
        for (std::size_t i = 0; i < totals.size() && i < counts.size(); ++i) totals[i] = counts[i];
        return totals;
    }
    for (const model::ActionStatusRow& r : s.rows)
        for (std::size_t i = 0; i < totals.size() && i < r.counts.size(); ++i)
            totals[i] += r.counts[i];
    return totals;
}

std::optional<double> median_of(std::vector<double> v) {
    if (v.empty()) return std::nullopt;
    std::sort(v.begin(), v.end());
    const std::size_t h = v.size() / 2;
    return v.size() % 2 ? v[h] : (v[h - 1] + v[h]) / 2.0;
}

std::vector<double> present_values(const model::DistributionSpec& s) {
    std::vector<double> out;
    for (const model::DistributionPoint& p : s.points)
        if (p.value && std::isfinite(*p.value)) out.push_back(*p.value);
    return out;
}

}  // namespace charts::compose::describe_common
