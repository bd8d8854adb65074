// templating: how a value prints in narrative, and the filters ({{ x | ppts }}). Numbers go
// through the one number formatter; missing numbers print as words, never as zero.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/templating/value.h"

namespace engine::templating {

/// Names of every filter, for hints.
const std::vector<std::string>& filter_names();

/// Applies one filter. Returns nullopt and sets `error` when the filter is unknown or does not
/// apply to the value's kind.
std::optional<Value> apply_filter(const Value& v, const std::string& filter, std::string& error);

/// The text of a value in narrative. Lists and maps cannot be printed (nullopt, `error` says
/// what to do instead).
std::optional<std::string> render_value(const Value& v, std::string& error);

}  // namespace engine::templating
