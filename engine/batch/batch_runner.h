// batch: the stage entry point — runs every report of a batch, each isolated (one failure
// does not stop the others), writes each PDF atomically, and returns the exit code.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "engine/core/civil_date.h"

namespace engine::batch {

struct RunOptions {
    std::string config_path;
    std::optional<std::string> out_dir;  ///< overrides batch.output_dir
    std::optional<core::Date> as_of;     ///< overrides batch.as_of
    bool validate_only = false;          ///< check everything, write nothing
};

/// Runs (or validates) a batch. Progress lines go to `out`, diagnostics to `err`.
/// Returns kExitOk, kExitReportFailed or kExitUsage.
int run_batch(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace engine::batch
