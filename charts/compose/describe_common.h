// charts compose: what the chart words (describe.cpp's headlines, alt_text.cpp's alt text) share —
// reading a spec's values and printing them the way a sentence needs them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "charts/model/chart_spec.h"

namespace charts::compose::describe_common {

/// Whether v[i] exists and is a finite number.
bool present(const std::vector<model::Value>& v, std::size_t i);

/// "39%" for unit "%", "21 ppts" / "1 ppt" for word units, the bare number without a unit.
std::string with_unit(double v, int dp, const std::string& unit);

/// A number printed by format_value without sign or unit (locale-independent).
double parse(const std::string& s);

/// "Median" -> "median"; "GLD" stays (an acronym).
std::string lower_first(std::string s);

/// "A", "A and B", "A, B and C".
std::string join_and(const std::vector<std::string>& items);

/// First and last periods where both series have values.
std::optional<std::pair<std::size_t, std::size_t>> common_span(const model::Series& a,
                                                               const model::Series& b,
                                                               std::size_t n);

/// Count per status: from the total row when the last row is one, else summed over the rows.
std::vector<int> status_totals(const model::ActionStatusSpec& s);

std::optional<double> median_of(std::vector<double> v);

/// The distribution's values that exist, in point order.
std::vector<double> present_values(const model::DistributionSpec& s);

}  // namespace charts::compose::describe_common
