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

}  // namespace engine::config
