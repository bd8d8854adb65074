#include "engine/core/spill_file.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <numeric>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/core/diagnostic.h"
#include "tests/support/temp_dir.h"

using namespace engine::core;
namespace fs = std::filesystem;

namespace {

/// Sets TMPDIR for one test and puts back what was there.
class TmpdirSet {
public:
    explicit TmpdirSet(const std::string& to) {
        if (const char* v = std::getenv("TMPDIR")) old_ = v;
        ::setenv("TMPDIR", to.c_str(), 1);
    }
    ~TmpdirSet() {
        if (old_) ::setenv("TMPDIR", old_->c_str(), 1);
        else ::unsetenv("TMPDIR");
    }

private:
    std::optional<std::string> old_;
};

std::vector<char> pattern(std::size_t n, int seed) {
    std::vector<char> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<char>((i * 131 + static_cast<std::size_t>(seed) * 7) % 251);
    return v;
}

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("a spill file within its spool limit stays in memory and reads back what was appended", "[core][spill]") {
    SpillFile f(1024);
    auto a = pattern(300, 1), b = pattern(500, 2);
    CHECK(f.append(a.data(), a.size()) == 0);
    CHECK(f.append(b.data(), b.size()) == 300);
    f.finish();
    CHECK_FALSE(f.on_disk());
    CHECK(f.size() == 800);
    std::vector<char> out(500);
    f.read(300, out.data(), out.size());
    CHECK(out == b);
}

TEST_CASE("a spill file past its spool limit goes to an unlinked file in TMPDIR and reads back every piece", "[core][spill]") {
    test::TempDir dir;
    TmpdirSet tmp(dir.path().string());
    SpillFile f(0);
    std::vector<std::vector<char>> pieces;
    std::vector<std::uint64_t> at;
    // Small pieces, and pieces larger than the write buffer (256 KiB), mixed.
    for (int i = 0; i < 40; ++i) {
        pieces.push_back(pattern(i % 7 == 3 ? (300u << 10) + static_cast<std::size_t>(i) : 97u * static_cast<std::size_t>(i) + 1, i));
        at.push_back(f.append(pieces.back().data(), pieces.back().size()));
        // Read back before finish(): part of it may still be in the write buffer.
        std::vector<char> out(pieces.back().size());
        f.read(at.back(), out.data(), out.size());
        CHECK(out == pieces.back());
    }
    CHECK(f.on_disk());
    CHECK(entries(dir.path()) == 0);  // nothing named is left in the folder, even while it is open
    f.finish();
    CHECK(f.resident_bytes() == 0);
    // Two threads reading at once see the same bytes.
    auto check_all = [&](int* bad) {
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            std::vector<char> out(pieces[i].size());
            f.read(at[i], out.data(), out.size());
            if (out != pieces[i]) ++*bad;
        }
    };
    int bad1 = 0, bad2 = 0;
    std::thread t1(check_all, &bad1), t2(check_all, &bad2);
    t1.join();
    t2.join();
    CHECK(bad1 == 0);
    CHECK(bad2 == 0);
    CHECK(f.size() == std::accumulate(pieces.begin(), pieces.end(), std::uint64_t{0},
                                      [](std::uint64_t s, const std::vector<char>& p) { return s + p.size(); }));
}

TEST_CASE("reading past the end of a spill file is an error, not garbage", "[core][spill]") {
    SpillFile f(0);
    auto a = pattern(100, 3);
    f.append(a.data(), a.size());
    f.finish();
    std::vector<char> out(10);
    CHECK_THROWS_AS(f.read(95, out.data(), out.size()), EngineError);
}

TEST_CASE("a spill file that cannot be made names the folder and says to set TMPDIR", "[core][spill]") {
    test::TempDir dir;
    TmpdirSet tmp((dir.path() / "no-such-folder").string());
    SpillFile f(16);
    auto a = pattern(64, 4);
    try {
        f.append(a.data(), a.size());
        FAIL("no error");
    } catch (const EngineError& e) {
        CHECK(e.diagnostic().where.file == (dir.path() / "no-such-folder").string());
        CHECK_THAT(e.diagnostic().message, Catch::Contains("cannot make a temporary file"));
        REQUIRE(e.diagnostic().hints.size() == 1);
        CHECK_THAT(e.diagnostic().hints[0], Catch::Contains("set TMPDIR"));
    }
}
