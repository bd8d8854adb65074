// cli: operator output — line filters put in front of standard output and standard error by
// main, so the batch stage prints as it always does:
//   --quiet     drops the per-file lines (wrote, skipped, ok) and warnings with their hints;
//               errors (with the notes that explain them) and the summary stay;
//   journald    when a stream is the systemd journal (JOURNAL_STREAM names its device and
//               inode), each line gets its syslog priority prefix: <3> errors, <4> warnings,
//               <6> everything else; a continuation line (indented: a hint, a note) takes the
//               priority of the line it continues.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>

namespace engine::cli {

/// A streambuf that hands each complete line (without its '\n') to `filter` and writes what
/// it returns, plus '\n', to `target`; nullopt drops the line. A last line without '\n' is
/// passed on at flush or destruction.
class LineFilterBuf : public std::streambuf {
public:
    using Filter = std::function<std::optional<std::string>(const std::string&)>;
    LineFilterBuf(std::streambuf* target, Filter filter) : target_(target), filter_(std::move(filter)) {}
    ~LineFilterBuf() override;

protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

private:
    void emit(bool newline);
    std::streambuf* target_;
    Filter filter_;
    std::string line_;
};

/// Syslog priorities of the prefixes.
enum class Priority { Error = 3, Warning = 4, Info = 6 };

/// The priority of one output line; `previous` is the priority of the line before (for
/// continuation lines).
Priority line_priority(const std::string& line, Priority previous);

/// A filter that prefixes each line with "<N>".
LineFilterBuf::Filter journal_prefix_filter();

/// The --quiet filter for standard output: drops "wrote", "skipped" and "ok" lines.
LineFilterBuf::Filter quiet_stdout_filter();

/// The --quiet filter for standard error: drops warnings with their continuation lines.
LineFilterBuf::Filter quiet_stderr_filter();

/// Chains two filters (`first`'s output goes through `second`).
LineFilterBuf::Filter chain(LineFilterBuf::Filter first, LineFilterBuf::Filter second);

/// Whether file descriptor `fd` is the stream JOURNAL_STREAM ("DEV:INODE") names.
bool is_journal_stream(int fd, const char* journal_stream);

}  // namespace engine::cli
