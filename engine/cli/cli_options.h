// cli: the command line — `boardpack run|validate|list|charts CONFIG [options]`, parsed with
// Boost.Program_options in two passes (global options and the command, then the command's own
// options). Everything else happens in engine/batch.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "engine/batch/batch_runner.h"

namespace engine::cli {

enum class Command { Help, Version, Run, Validate, List, Charts };

struct CliOptions {
    Command command = Command::Help;
    batch::RunOptions run;
    batch::ChartExportOptions charts;  ///< `charts` only
    std::string help_topic;  ///< command whose help to print, or empty for the overview
};

/// A usage error: the message says what was wrong; main prints it with the usage line.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Parses argv. Throws UsageError.
CliOptions parse_cli(const std::vector<std::string>& args);

/// Help text for the overview (topic empty) or one command.
std::string help_text(const std::string& topic);

}  // namespace engine::cli
