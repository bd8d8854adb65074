#include "engine/cli/output_filter.h"

#include <sys/stat.h>

#include <cinttypes>
#include <cstdio>
#include <memory>

namespace engine::cli {

LineFilterBuf::~LineFilterBuf() {
    if (!line_.empty()) emit(false);
    target_->pubsync();
}

void LineFilterBuf::emit(bool newline) {
    if (auto out = filter_(line_)) {
        target_->sputn(out->data(), static_cast<std::streamsize>(out->size()));
        if (newline) target_->sputc('\n');
    }
    line_.clear();
}

LineFilterBuf::int_type LineFilterBuf::overflow(int_type ch) {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    const char c = traits_type::to_char_type(ch);
    if (c == '\n') emit(true);
    else line_ += c;
    return ch;
}

std::streamsize LineFilterBuf::xsputn(const char* s, std::streamsize n) {
    for (std::streamsize i = 0; i < n; ++i) overflow(traits_type::to_int_type(s[i]));
    return n;
}

int LineFilterBuf::sync() { return target_->pubsync(); }

namespace {

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }
bool continues(const std::string& line) { return !line.empty() && line[0] == ' '; }

}  // namespace

Priority line_priority(const std::string& line, Priority previous) {
    if (line.find(": error: ") != std::string::npos || starts_with(line, "FAILED ") ||
        (starts_with(line, "boardpack: ") && line.find(" error") != std::string::npos))
        return Priority::Error;
    if (line.find(": warning: ") != std::string::npos) return Priority::Warning;
    if (continues(line)) return previous;
    return Priority::Info;
}

LineFilterBuf::Filter journal_prefix_filter() {
    auto previous = std::make_shared<Priority>(Priority::Info);
    return [previous](const std::string& line) -> std::optional<std::string> {
        *previous = line_priority(line, *previous);
        return "<" + std::to_string(static_cast<int>(*previous)) + ">" + line;
    };
}

LineFilterBuf::Filter quiet_stdout_filter() {
    return [](const std::string& line) -> std::optional<std::string> {
        if (starts_with(line, "wrote   ") || starts_with(line, "skipped ") || starts_with(line, "ok      "))
            return std::nullopt;
        return line;
    };
}

LineFilterBuf::Filter quiet_stderr_filter() {
    auto dropping = std::make_shared<bool>(false);
    return [dropping](const std::string& line) -> std::optional<std::string> {
        if (continues(line)) {
            if (*dropping) return std::nullopt;
            return line;
        }
        *dropping = line.find(": warning: ") != std::string::npos;
        if (*dropping) return std::nullopt;
        return line;
    };
}

LineFilterBuf::Filter chain(LineFilterBuf::Filter first, LineFilterBuf::Filter second) {
    return [first, second](const std::string& line) -> std::optional<std::string> {
        auto once = first(line);
        if (!once) return std::nullopt;
        return second(*once);
    };
}

bool is_journal_stream(int fd, const char* journal_stream) {
    if (!journal_stream || !*journal_stream) return false;
    std::uintmax_t dev = 0, ino = 0;
    char extra = 0;
    if (std::sscanf(journal_stream, "%" SCNuMAX ":%" SCNuMAX "%c", &dev, &ino, &extra) != 2) return false;
    struct stat st {};
    if (fstat(fd, &st) != 0) return false;
    return static_cast<std::uintmax_t>(st.st_dev) == dev && static_cast<std::uintmax_t>(st.st_ino) == ino;
}

}  // namespace engine::cli
