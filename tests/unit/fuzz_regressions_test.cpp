// Replays every input in tests/fuzz/regressions/ (a crash, hang or sanitizer report the fuzz
// targets once found, docs/testing.md) through the fuzz targets' own entry points, built with
// gcc: each must come back with located diagnostics, never an exception or a crash.
#include "tests/fuzz/fuzz_entry.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {
const fs::path regressions = fs::path(BOARDPACK_SOURCE_DIR) / "tests/fuzz/regressions";

std::vector<std::uint8_t> bytes_of(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

using Entry = std::size_t (*)(const std::uint8_t*, std::size_t);

std::size_t replay(const std::string& target, Entry run) {
    std::size_t count = 0;
    for (const auto& e : fs::directory_iterator(regressions / target)) {
        if (!e.is_regular_file() || e.path().filename() == ".gitkeep") continue;
        auto b = bytes_of(e.path());
        INFO(e.path().string());
        CHECK_NOTHROW(run(b.data(), b.size()));
        ++count;
    }
    return count;
}

std::vector<std::uint8_t> with_first(std::uint8_t first, const std::string& text) {
    std::string s = std::string(1, static_cast<char>(first)) + text;
    return {s.begin(), s.end()};
}
}  // namespace

TEST_CASE("every fuzz regression input replays through its target without throwing", "[fuzz]") {
    std::size_t n = replay("csv", fuzz::run_csv) + replay("config", fuzz::run_config) +
                    replay("template", fuzz::run_template);
    CHECK(n >= 2);
}

TEST_CASE("the fuzz entry points report errors for bad input and none for good", "[fuzz]") {
    // entities: a valid settings file, then one missing its required columns
    REQUIRE(fuzz::csv_loader_name(5) == "entities");
    auto good = with_first(5, "setting_id,setting_name,la_name\nS1,Acorn,Stoke-on-Trent\n");
    CHECK(fuzz::run_csv(good.data(), good.size()) == 0);
    auto bad = with_first(5, "setting_id\nS1\n");
    CHECK(fuzz::run_csv(bad.data(), bad.size()) > 0);
    // every loader index is reachable and reports an empty file
    for (std::size_t i = 0; i < fuzz::csv_loader_count(); ++i) {
        auto empty = with_first(static_cast<std::uint8_t>(i), "");
        INFO(fuzz::csv_loader_name(i));
        CHECK(fuzz::run_csv(empty.data(), empty.size()) > 0);
    }
    std::string yaml = "data: {observations: [[x.csv]]}\n";
    CHECK(fuzz::run_config(reinterpret_cast<const std::uint8_t*>(yaml.data()), yaml.size()) > 0);
    auto unknown = with_first(1, "{{ no_such_name }}");
    CHECK(fuzz::run_template(unknown.data(), unknown.size()) > 0);
    auto known = with_first(1, "{{ title }} on {{ date }}");
    CHECK(fuzz::run_template(known.data(), known.size()) == 0);
}
