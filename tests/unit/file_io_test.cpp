#include "engine/core/file_io.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "engine/core/diagnostic.h"
#include "tests/support/temp_dir.h"

using namespace engine::core;
namespace fs = std::filesystem;

namespace {

/// The folder holds exactly one entry, and it is not an atomic write's temp file.
bool only_entry_is_no_temp_file(const fs::path& dir) {
    int entries = 0;
    bool temp = false;
    for (auto& e : fs::directory_iterator(dir)) {
        ++entries;
        temp = temp || is_atomic_temp_name(e.path().filename().string());
    }
    return entries == 1 && !temp;
}

}  // namespace

TEST_CASE("atomic write replaces the file and leaves no temp files", "[core][io]") {
    test::TempDir dir;
    fs::path p = dir.path() / "sub" / "report.pdf";
    write_file_atomically(p, "first");
    write_file_atomically(p, "second");
    CHECK(read_file(p) == "second");
    CHECK(only_entry_is_no_temp_file(p.parent_path()));
}

TEST_CASE("a failed atomic write keeps the previous file", "[core][io]") {
    test::TempDir dir;
    fs::path p = dir.path() / "report.pdf";
    write_file_atomically(p, "good");
    fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
    bool root = ::geteuid() == 0;  // root ignores directory permissions
    if (!root) CHECK_THROWS_AS(write_file_atomically(p, "bad"), EngineError);
    fs::permissions(dir.path(), fs::perms::owner_all);
    if (!root) CHECK(read_file(p) == "good");
    // Writing over a directory fails at the rename and must leave nothing behind.
    fs::create_directories(dir.path() / "taken" / "x");
    CHECK_THROWS_AS(write_file_atomically(dir.path() / "taken", "bytes"), EngineError);
    for (auto& e : fs::directory_iterator(dir.path()))
        CHECK_FALSE(is_atomic_temp_name(e.path().filename().string()));
}

TEST_CASE("a file written to sync later is whole under its name and the folder flushes once", "[core][io]") {
    test::TempDir dir;
    fs::path p = dir.path() / "later" / "report.pdf";
    write_file_atomically(p, "first", Sync::Later);
    write_file_atomically(p, "second", Sync::Later);
    CHECK(read_file(p) == "second");
    for (auto& e : fs::directory_iterator(p.parent_path()))
        CHECK_FALSE(is_atomic_temp_name(e.path().filename().string()));
    CHECK_NOTHROW(sync_file_system(p.parent_path()));
    try {
        sync_file_system(dir.path() / "missing");
        FAIL("expected an error");
    } catch (const EngineError& e) {
        CHECK(std::string(e.what()).find((dir.path() / "missing").string() + ": error: cannot write file: ") == 0);
    }
}

TEST_CASE("reading a missing file names the file", "[core][io]") {
    try {
        read_file("/nonexistent/data.csv");
        FAIL("expected an error");
    } catch (const EngineError& e) {
        CHECK(std::string(e.what()) == "/nonexistent/data.csv: error: cannot read file: no such file");
    }
}

TEST_CASE("a file written atomically in pieces appears whole at commit, and not at all without it", "[core][io]") {
    test::TempDir dir;
    const fs::path p = dir.path() / "manifest.json";
    write_file_atomically(p, "the last good one");
    {
        AtomicFile f(p);
        f.write("{\"a\": ");
        f.write("1}");
        CHECK(read_file(p) == "the last good one");  // untouched until commit
        f.commit();
    }
    CHECK(read_file(p) == "{\"a\": 1}");
    {
        AtomicFile f(p);
        f.write("half a manif");
        // destroyed without commit: an error on the way
    }
    CHECK(read_file(p) == "{\"a\": 1}");
    CHECK(only_entry_is_no_temp_file(dir.path()));
}
