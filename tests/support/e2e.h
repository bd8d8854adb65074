// tests: helpers for end-to-end tests that run the real boardpack binary on real samples.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/process.h"

namespace test {

/// The boardpack binary under test and the repository root (set by CMake).
inline std::string boardpack() { return BOARDPACK_EXE; }
inline std::filesystem::path source_dir() { return BOARDPACK_SOURCE_DIR; }

/// Runs boardpack with a fixed environment (no SOURCE_DATE_EPOCH influence, C locale, TZ=UTC).
inline RunResult run_boardpack(const std::vector<std::string>& args, const std::string& cwd = "") {
    std::vector<std::string> argv = {boardpack()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, {"LC_ALL=C", "TZ=UTC", "SOURCE_DATE_EPOCH="}, cwd);
}

/// Collapses runs of spaces (pdftotext -layout pads columns) so tests can look for phrases.
inline std::string squeeze(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t') {
            if (!space) out += ' ';
            space = true;
        } else {
            out += c;
            space = false;
        }
    }
    return out;
}

inline std::string read_text_file(const std::filesystem::path& p) {
    std::string s;
    if (std::FILE* f = std::fopen(p.c_str(), "rb")) {
        char buf[65536];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) s.append(buf, n);
        std::fclose(f);
    }
    return s;
}

}  // namespace test
