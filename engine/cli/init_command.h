// cli: `boardpack init DIR [--template NAME]` — copies a starter batch (batch.yaml and data
// CSVs with headers and two example rows, from <data dir>/starters/NAME/) and the shipped
// template <data dir>/templates/NAME.yaml into DIR/templates/, so that `validate` and `run`
// accept DIR/batch.yaml at once. The data dir is found as engine/core/data_dir.h says.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "engine/cli/cli_options.h"

namespace engine::cli {

/// The shipped templates that have a starter, sorted.
std::vector<std::string> starter_names();

/// Writes the starter; a line per file to `out`, errors to `err`. Returns an exit code
/// (kExitOk, or kExitUsage for an unknown template, a DIR that is not empty, a write error).
int init_batch(const InitOptions& options, std::ostream& out, std::ostream& err);

}  // namespace engine::cli
