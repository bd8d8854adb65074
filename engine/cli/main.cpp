// cli: boardpack's entry point. Parses the command line and hands over to engine/batch; all
// work happens there (STYLE.md: main only wires things together).
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "engine/batch/batch_runner.h"
#include "engine/batch/exit_codes.h"
#include "engine/cli/cli_options.h"

int main(int argc, char** argv) {
    using namespace engine;
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        cli::CliOptions opts = cli::parse_cli(args);
        switch (opts.command) {
            case cli::Command::Help:
                std::cout << cli::help_text(opts.help_topic);
                return batch::kExitOk;
            case cli::Command::Version:
                std::cout << "boardpack " << BOARDPACK_VERSION << "\n";
                return batch::kExitOk;
            case cli::Command::Run:
            case cli::Command::Validate:
                return batch::run_batch(opts.run, std::cout, std::cerr);
            case cli::Command::List:
                return batch::list_batch(opts.run, std::cout, std::cerr);
            case cli::Command::Charts:
                return batch::export_charts(opts.run, opts.charts, std::cout, std::cerr);
        }
    } catch (const cli::UsageError& e) {
        std::cerr << "boardpack: error: " << e.what() << "\n"
                  << "usage: boardpack <command> CONFIG [options]; see 'boardpack --help'\n";
        return batch::kExitUsage;
    } catch (const std::exception& e) {
        std::cerr << "boardpack: internal error: " << e.what() << "\n";
        return batch::kExitUsage;
    }
    return batch::kExitUsage;
}
