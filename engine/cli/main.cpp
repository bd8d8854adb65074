// cli: boardpack's entry point. Parses the command line and hands over to engine/batch; all
// work happens there (STYLE.md: main only wires things together). Operator output (--quiet,
// journald priority prefixes) is a line filter in front of each stream (output_filter.h).
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "engine/batch/batch_runner.h"
#include "engine/batch/exit_codes.h"
#include "engine/cli/cli_options.h"
#include "engine/cli/init_command.h"
#include "engine/cli/output_filter.h"

namespace {

using engine::cli::LineFilterBuf;

// Puts a line filter in front of `stream` (fd `fd`) for as long as it lives.
class StreamFilter {
public:
    StreamFilter(std::ostream& stream, int fd) : stream_(stream), original_(stream.rdbuf()) {
        if (engine::cli::is_journal_stream(fd, std::getenv("JOURNAL_STREAM")))
            filter_ = engine::cli::journal_prefix_filter();
    }
    void quiet(LineFilterBuf::Filter q) {
        quiet_ = std::move(q);
    }
    void install() {
        LineFilterBuf::Filter f = quiet_ && filter_ ? engine::cli::chain(quiet_, filter_) : quiet_ ? quiet_ : filter_;
        if (!f) return;
        buf_ = std::make_unique<LineFilterBuf>(original_, std::move(f));
        stream_.rdbuf(buf_.get());
    }
    ~StreamFilter() {
        stream_.flush();
        stream_.rdbuf(original_);
    }

private:
    std::ostream& stream_;
    std::streambuf* original_;
    LineFilterBuf::Filter filter_, quiet_;
    std::unique_ptr<LineFilterBuf> buf_;
};

}  // namespace

int main(int argc, char** argv) {
    using namespace engine;
    std::vector<std::string> args(argv + 1, argv + argc);
    StreamFilter out(std::cout, STDOUT_FILENO), err(std::cerr, STDERR_FILENO);
    try {
        cli::CliOptions opts;
        try {
            opts = cli::parse_cli(args);
        } catch (const cli::UsageError&) {
            err.install();
            throw;
        }
        if (opts.quiet) {
            out.quiet(cli::quiet_stdout_filter());
            err.quiet(cli::quiet_stderr_filter());
        }
        out.install();
        err.install();
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
            case cli::Command::Init:
                return cli::init_batch(opts.init, std::cout, std::cerr);
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
