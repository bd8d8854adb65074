// cli: the command line — `boardpack run|validate|list|charts CONFIG [options]`, `init DIR`, parsed with
// Boost.Program_options in two passes (global options and the command, then the command's own
// options). Everything else happens in engine/batch.
#pragma once

#include <cstdlib>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/batch/batch_runner.h"

namespace engine::cli {

enum class Command { Help, Version, Run, Validate, List, Charts, Init };

/// `boardpack init DIR [--template NAME] [--force]`.
struct InitOptions {
    std::string dir;
    std::string template_name = "hwb-board-paper";
    bool force = false;  ///< write into a folder that is not empty, replacing the starter's files
};

struct CliOptions {
    Command command = Command::Help;
    batch::RunOptions run;
    batch::ChartExportOptions charts;  ///< `charts` only
    InitOptions init;                  ///< `init` only
    bool quiet = false;                ///< --quiet: only errors and the summary
    std::string help_topic;  ///< command whose help to print, or empty for the overview
};

/// A usage error: the message says what was wrong; main prints it with the usage line.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Looks up an environment variable (nullopt when unset).
using EnvLookup = std::function<std::optional<std::string>(const char*)>;

/// The process environment.
inline std::optional<std::string> process_env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
}

/// Parses argv. Without --shard, run, list and charts take it from JOB_COMPLETION_INDEX and
/// JOB_COMPLETIONS (a Kubernetes Indexed Job) when `env` has them. Throws UsageError.
CliOptions parse_cli(const std::vector<std::string>& args, const EnvLookup& env = process_env);

/// Help text for the overview (topic empty) or one command.
std::string help_text(const std::string& topic);

}  // namespace engine::cli
