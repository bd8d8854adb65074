// config: the stage entry point — reads batch.yaml into a BatchConfig, checking every key,
// type and reference, and reporting all problems with 1-based line:col.
#pragma once

#include <optional>
#include <string>

#include "engine/config/batch_config.h"
#include "engine/core/diagnostic.h"

namespace engine::config {

/// Loads and checks a batch file. Returns nullopt when any error was reported to `sink`.
std::optional<BatchConfig> load_batch_config(const std::string& path, core::DiagnosticSink& sink);

/// The same checks, but keeps what could be read when there were errors: nullopt only when the
/// file is missing or not YAML. A key in error is left at its default, so the data files and
/// templates the rest of the file names can still be checked in the same run.
std::optional<BatchConfig> read_batch_config(const std::string& path, core::DiagnosticSink& sink);

}  // namespace engine::config
