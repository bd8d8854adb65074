// Every bad input of tests/fixtures/bad/: `boardpack validate` exits 2, prints exactly the
// expected diagnostics (file:line:col, what was wrong, what was expected) and writes nothing.
// Each case folder holds only the files it changes from _base/, and expected.txt.
// UPDATE_GOLDEN=1 writes expected.txt from the current output (review the diff!).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kBad = fs::path(BOARDPACK_TEST_FIXTURES) / "bad";

// stderr without the closing summary line ("boardpack: N errors …").
std::string diagnostics_of(const std::string& err) {
    std::string out;
    std::size_t start = 0;
    while (start < err.size()) {
        std::size_t end = err.find('\n', start);
        std::string line = err.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (line.rfind("boardpack: ", 0) != 0) out += line + "\n";
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// Error lines that do not start with file:line:col (a CSV's row and column are its line and
// column).
std::string unlocated_errors(const std::string& diagnostics) {
    static const std::regex located(R"(^[^: ]+:[0-9]+:[0-9]+: error: .*)");
    std::string out;
    std::istringstream in(diagnostics);
    for (std::string line; std::getline(in, line);)
        if (line.find("error: ") != std::string::npos && !std::regex_match(line, located))
            out += line + "\n";
    return out;
}

// Files under `dir` (none when it does not exist).
std::vector<std::string> written_files(const fs::path& dir) {
    std::vector<std::string> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (!e.is_directory()) out.push_back(e.path().string());
    return out;
}

}  // namespace

TEST_CASE("the valid base of the bad-input fixtures validates", "[e2e][bad-inputs]") {
    test::TempDir dir;
    fs::copy(kBad / "_base", dir.path(), fs::copy_options::recursive);
    auto r = test::run_boardpack({"validate", "batch.yaml"}, dir.path().string());
    INFO(r.err);
    CHECK(r.exit_code == 0);
}

TEST_CASE("every bad input is reported exactly, exits 2 and writes nothing", "[e2e][bad-inputs]") {
    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(kBad))
        if (e.is_directory() && e.path().filename() != "_base") cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 60);
    const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    for (const auto& c : cases) {
        test::TempDir dir;
        fs::copy(kBad / "_base", dir.path(), fs::copy_options::recursive);
        for (const auto& e : fs::recursive_directory_iterator(c)) {
            if (!e.is_regular_file() || e.path().filename() == "expected.txt") continue;
            fs::path target = dir.path() / fs::relative(e.path(), c);
            fs::create_directories(target.parent_path());
            fs::copy_file(e.path(), target, fs::copy_options::overwrite_existing);
        }
        auto r = test::run_boardpack({"validate", "batch.yaml"}, dir.path().string());
        std::string got = diagnostics_of(r.err);
        if (update) test::write_text_file(c / "expected.txt", got);
        INFO("case " << c.filename().string() << "\n" << r.err);
        CHECK(r.exit_code == 2);
        CHECK(got == test::read_text_file(c / "expected.txt"));
        CHECK(!got.empty());
        CHECK(unlocated_errors(got).empty());
        // `run` stops on the same errors before it writes anything.
        auto run = test::run_boardpack({"run", "batch.yaml", "--out", "out"}, dir.path().string());
        CHECK(run.exit_code == 2);
        CHECK(diagnostics_of(run.err) == got);
        CHECK(written_files(dir.path() / "out").empty());
    }
}
