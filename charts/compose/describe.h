// charts compose: words for a chart — the alt text every chart carries (what is shown, the key
// movement and its size) and, when a template asks, a headline that states the finding.
#pragma once

#include <string>

#include "charts/model/chart_spec.h"

namespace charts::compose {

/// Alt text, e.g. "Line chart. KS2 RWM: FSM 39% to 47%, non-FSM 60% to 67%, 2015/16 to
/// 2016/17; the gap narrowed from 21 to 20 ppts." Numbers are rounded half away from zero and
/// negatives use U+2212. Ignores ChartText::alt_text (build_chart applies the override).
std::string describe_chart(const model::ChartSpec& spec);

/// A headline stating the finding ("The KS2 gap narrowed by 2.1 ppts since 2012/13"), or ""
/// when the data do not support one (or the kind has none).
std::string finding_title(const model::ChartSpec& spec);

// The same, per kind (the builders use these; no copy into a ChartSpec).
std::string describe_chart(const model::GapTrendSpec& spec);
std::string describe_chart(const model::GapTargetBarsSpec& spec);
std::string describe_chart(const model::GroupedBarsSpec& spec);
std::string describe_chart(const model::ActionStatusSpec& spec);
std::string describe_chart(const model::DistributionSpec& spec);
std::string describe_chart(const model::LineChartSpec& spec);
std::string finding_title(const model::GapTrendSpec& spec);
std::string finding_title(const model::GapTargetBarsSpec& spec);
std::string finding_title(const model::GroupedBarsSpec& spec);
std::string finding_title(const model::ActionStatusSpec& spec);
std::string finding_title(const model::DistributionSpec& spec);
std::string finding_title(const model::LineChartSpec& spec);

}  // namespace charts::compose
