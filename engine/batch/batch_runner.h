// batch: the stage entry point — runs every unit of a batch (reports, and one per entity for
// fan-out reports) on a pool of threads, each isolated (one failure does not stop the others),
// writes each PDF atomically, skips units whose inputs have not changed, writes a manifest and
// returns the exit code. Also `list` (what a run would produce) and `charts` (every chart as
// a standalone file).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "engine/batch/chart_export.h"
#include "engine/config/batch_config.h"
#include "engine/core/civil_date.h"

namespace engine::batch {

struct RunOptions {
    std::string config_path;
    std::optional<std::string> out_dir;  ///< overrides batch.output_dir
    std::optional<core::Date> as_of;     ///< overrides batch.as_of
    std::string term;                    ///< "autumn-2018", "current" or empty
    bool validate_only = false;          ///< check everything, write nothing
    int jobs = 0;                        ///< worker threads; 0 = one per core
    bool fail_fast = false;              ///< stop starting units after the first failure
    bool force = false;                  ///< rebuild units that are up to date
    bool json = false;                   ///< `list --json`: one JSON document on `out`
    int shard_k = 1, shard_n = 1;        ///< render only shard k of n
    /// `--format pdf,html`: the files every report is written as, instead of its `formats`.
    std::optional<config::OutputFormats> formats;
    enum class Progress { Auto, Line, Log } progress = Progress::Auto;
};

/// Runs (or validates) a batch. Progress and the summary go to `out`, diagnostics to `err`.
/// Returns kExitOk, kExitReportFailed or kExitUsage.
int run_batch(const RunOptions& options, std::ostream& out, std::ostream& err);

/// Prints every unit a run would produce, its output path and whether it is up to date.
int list_batch(const RunOptions& options, std::ostream& out, std::ostream& err);

/// `boardpack charts`: writes every chart of every unit as a standalone file (chart_export.h)
/// under options.out_dir, or "charts" in the batch's output folder; a line per file and a
/// summary to `out`, diagnostics to `err`. A unit that fails does not stop the others.
/// Returns kExitOk, kExitReportFailed or kExitUsage.
int export_charts(const RunOptions& options, const ChartExportOptions& charts, std::ostream& out,
                  std::ostream& err);

}  // namespace engine::batch
