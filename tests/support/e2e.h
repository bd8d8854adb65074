// tests: helpers for end-to-end tests that run the real boardpack binary on real samples.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/process.h"

namespace test {

/// A program built beside the running test binary, from its path relative to the binary's
/// folder (set by CMake, tests/e2e_tests.cmake).
inline std::string built_program(const std::string& relative) {
    return (std::filesystem::canonical("/proc/self/exe").parent_path() / relative).lexically_normal().string();
}

/// The boardpack binary under test and the repository root (set by CMake).
inline std::string boardpack() { return built_program(BOARDPACK_EXE); }
inline std::string pdf_tag_check() { return built_program(PDF_TAG_CHECK_EXE); }
inline std::filesystem::path source_dir() { return BOARDPACK_SOURCE_DIR; }

/// Every sample batch: the folders of samples/ that hold a batch.yaml, sorted by name, so a new
/// sample is picked up by every test that iterates over the samples.
inline std::vector<std::string> sample_names() {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(source_dir() / "samples"))
        if (fs::is_regular_file(e.path() / "batch.yaml")) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

/// Runs boardpack with a fixed environment (no SOURCE_DATE_EPOCH influence, C locale, TZ=UTC).
inline RunResult run_boardpack(const std::vector<std::string>& args, const std::string& cwd = "") {
    std::vector<std::string> argv = {boardpack()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, {"LC_ALL=C", "TZ=UTC", "SOURCE_DATE_EPOCH="}, cwd);
}

/// Copies samples/<sample>/ to <dir>/samples/<sample>/ and templates/ to <dir>/templates/, so
/// that the copy's "../../templates" paths hold and a test can edit its batch file or
/// templates. Returns the copy's folder.
inline std::filesystem::path copy_sample(const std::filesystem::path& dir, const std::string& sample) {
    namespace fs = std::filesystem;
    fs::copy(source_dir() / "templates", dir / "templates", fs::copy_options::recursive);
    const fs::path copy = dir / "samples" / sample;
    fs::create_directories(copy);
    fs::copy(source_dir() / "samples" / sample, copy, fs::copy_options::recursive);
    return copy;
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

inline void write_text_file(const std::filesystem::path& p, const std::string& s) {
    if (std::FILE* f = std::fopen(p.c_str(), "wb")) {
        std::fwrite(s.data(), 1, s.size(), f);
        std::fclose(f);
    }
}

/// Replaces every match of `pattern` in the file; returns how many there were, so a test can
/// check that its edit really happened.
inline int edit_file(const std::filesystem::path& p, const std::string& pattern, const std::string& with) {
    std::string s = read_text_file(p);
    const std::regex re(pattern);
    const int n = static_cast<int>(std::distance(std::sregex_iterator(s.begin(), s.end(), re), std::sregex_iterator()));
    write_text_file(p, std::regex_replace(s, re, with));
    return n;
}

/// The text from the first `from` up to (not including) the first `to` after it ("" when
/// `from` is missing; to the end when `to` is).
inline std::string between(const std::string& text, const std::string& from, const std::string& to) {
    const auto a = text.find(from);
    if (a == std::string::npos) return "";
    const auto b = text.find(to, a + from.size());
    return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

/// A PDF's text in reading order with line breaks joined and spaces squeezed, so that a
/// sentence wrapped over several lines reads whole.
inline std::string pdf_flow(const std::string& pdf_path) {
    std::string flow = pdf_text(pdf_path, false);
    for (char& c : flow)
        if (c == '\n') c = ' ';
    return squeeze(flow);
}

/// The page count pdfinfo reports, or -1.
inline int page_count(const std::string& pdf) {
    std::smatch m;
    std::string info = pdf_info(pdf);
    if (std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)"))) return std::stoi(m[1]);
    return -1;
}

/// The rows of a simple CSV (quoted fields may hold commas and doubled quotes, not line
/// breaks), each a map from column name to text: enough for tests to work figures out from
/// the sample data independently of the engine.
inline std::vector<std::map<std::string, std::string>> read_simple_csv(const std::filesystem::path& p) {
    std::vector<std::map<std::string, std::string>> rows;
    std::istringstream in(read_text_file(p));
    std::string line;
    std::vector<std::string> header;
    auto split = [](const std::string& l) {
        std::vector<std::string> f;
        std::string cur;
        bool quoted = false;
        for (std::size_t i = 0; i < l.size(); ++i) {
            const char c = l[i];
            if (c == '"' && quoted && i + 1 < l.size() && l[i + 1] == '"') { cur += '"'; ++i; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { f.push_back(cur); cur.clear(); }
            else if (c != '\r') cur += c;
        }
        f.push_back(cur);
        return f;
    };
    while (std::getline(in, line)) {
        if (header.empty()) { header = split(line); continue; }
        if (line.empty()) continue;
        auto f = split(line);
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size() && i < f.size(); ++i) row[header[i]] = f[i];
        rows.push_back(std::move(row));
    }
    return rows;
}

/// A percentage or gap as the reports print it: one decimal place, halves away from zero,
/// a true minus sign.
inline std::string one_dp(double v) {
    double r = std::round(std::fabs(v) * 10 + 1e-9) / 10;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", r);
    return (v < 0 && r > 0 ? std::string("\xE2\x88\x92") : std::string()) + buf;
}

}  // namespace test
