// templating: how a value prints in narrative, and the filters ({{ x | ppts }}). Numbers go
// through the one number formatter; missing numbers print as words, never as zero.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/data/catalog.h"
#include "engine/templating/value.h"

namespace engine::templating {

/// How a measure's values print: percent with "%", counts and days with thousands separators,
/// scores and plain numbers as they are (all at the measure's dp).
NumberUnit number_unit_of(const data::MeasureInfo& m);

/// Names of every filter, for hints.
const std::vector<std::string>& filter_names();

/// Applies one filter. Returns nullopt and sets `error` when the filter is unknown or does not
/// apply to the value's kind.
std::optional<Value> apply_filter(const Value& v, const std::string& filter, std::string& error);

/// The text of a value in narrative. Lists and maps cannot be printed (nullopt, `error` says
/// what to do instead).
std::optional<std::string> render_value(const Value& v, std::string& error);

}  // namespace engine::templating
