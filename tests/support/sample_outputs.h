// tests: every sample batch rendered once per ctest run, read by many end-to-end tests.
// ctest renders them first (tests/e2e/render_sample.sh, the fixture "e2e_samples") into
// $BOARDPACK_SAMPLE_OUTPUTS/<sample>/: `boardpack run` (PDF + HTML, --jobs 2) into run/ and
// `boardpack charts` (PNG + alt text + CSV, --jobs 2) into charts/, each with its exit code,
// stdout and stderr beside it. A test binary started by hand, without that variable, renders
// what it asks for itself, once per process. Tests only read these folders.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace test {

/// One `boardpack run` or `boardpack charts` of a sample: where it wrote and what it said.
struct SampleOutput {
    std::filesystem::path dir;          ///< the --out folder
    RunResult run;                      ///< exit code, stdout, stderr
    std::vector<std::filesystem::path> pdfs;  ///< every PDF under dir, sorted
};

namespace detail {

inline SampleOutput sample_output(const std::string& sample, const std::string& command) {
    namespace fs = std::filesystem;
    SampleOutput s;
    const char* shared = std::getenv("BOARDPACK_SAMPLE_OUTPUTS");
    const fs::path base = shared && *shared ? fs::path(shared) / sample : fs::path();
    static std::vector<std::unique_ptr<TempDir>> own;  // removed when the process ends
    if (!base.empty() && fs::exists(base / (command + ".rc"))) {
        s.dir = base / command;
        s.run.exit_code = std::atoi(read_text_file(base / (command + ".rc")).c_str());
        s.run.out = read_text_file(base / (command + ".out"));
        s.run.err = read_text_file(base / (command + ".err"));
    } else {
        own.push_back(std::make_unique<TempDir>());
        s.dir = own.back()->path() / command;
        const fs::path batch = source_dir() / "samples" / sample / "batch.yaml";
        s.run = run_boardpack({command, batch.string(), "--out", s.dir.string(), "--jobs", "2"});
    }
    if (fs::exists(s.dir))
        for (const auto& e : fs::recursive_directory_iterator(s.dir))
            if (e.is_regular_file() && e.path().extension() == ".pdf") s.pdfs.push_back(e.path());
    std::sort(s.pdfs.begin(), s.pdfs.end());
    return s;
}

inline const SampleOutput& cached(const std::string& sample, const std::string& command) {
    static std::map<std::string, SampleOutput> cache;
    const std::string key = command + "/" + sample;
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.emplace(key, sample_output(sample, command)).first;
    return it->second;
}

}  // namespace detail

/// samples/<sample>/batch.yaml as `boardpack run --jobs 2` wrote it (PDF and HTML pages).
inline const SampleOutput& rendered_sample(const std::string& sample) {
    return detail::cached(sample, "run");
}

/// samples/<sample>/batch.yaml as `boardpack charts --jobs 2` wrote it (PNG, alt text, CSV).
inline const SampleOutput& exported_charts(const std::string& sample) {
    return detail::cached(sample, "charts");
}

}  // namespace test
