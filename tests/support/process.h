// tests: run a real program (boardpack, pdftotext, qpdf ...) and capture its exit code and
// output. No shell is involved: arguments are passed as they are.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace test {

struct RunResult {
    int exit_code = -1;  ///< exit status, or 128 + signal number
    std::string out;     ///< standard output
    std::string err;     ///< standard error
    long peak_rss_kb = 0;  ///< the child's peak resident memory (getrusage's ru_maxrss), in KB
};

/// Runs argv[0] (searched on PATH) with the given arguments and environment additions
/// ("NAME=value"), waits for it and returns what it printed.
RunResult run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
              const std::string& cwd = "");

/// Starts argv in the background (output discarded) and returns its pid.
int spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});
/// Waits for a spawned process; its exit status, or 128 + signal.
int wait_for(int pid);

/// Waits (up to 60 s) until the lock file of an output folder names the run holding it.
void wait_for_lock(const std::filesystem::path& lock);

/// Keeps a spawned run stopped (SIGSTOP) while it is in scope, so that however fast it is it
/// cannot finish and let go of its lock while a test tries other runs; continued (SIGCONT)
/// when it goes out of scope.
class HeldStill {
public:
    explicit HeldStill(int pid);
    ~HeldStill();
    HeldStill(const HeldStill&) = delete;
    HeldStill& operator=(const HeldStill&) = delete;

private:
    int pid_;
};

/// Text of a PDF via `pdftotext -layout -enc UTF-8 FILE -` (empty string on failure).
std::string pdf_text(const std::string& pdf_path, bool layout = true);

/// `pdfinfo FILE` output.
std::string pdf_info(const std::string& pdf_path);

}  // namespace test
