#include "engine/core/deferred_sync.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "engine/core/diagnostic.h"
#include "engine/core/file_io.h"
#include "tests/support/temp_dir.h"

using namespace engine::core;
namespace fs = std::filesystem;

TEST_CASE("a new file written to sync later reports its data unflushed, one that replaces a file flushed", "[core][io]") {
    test::TempDir dir;
    const fs::path p = dir.path() / "report.pdf";
    CHECK_FALSE(write_file_atomically(p, "first", Sync::Later));
    CHECK(write_file_atomically(p, "second", Sync::Later));
    CHECK(write_file_atomically(dir.path() / "manifest.json", "{}", Sync::Now));
    AtomicFile f(dir.path() / "new.html", Sync::Later);
    f.write("<p>");
    CHECK_FALSE(f.commit());
}

TEST_CASE("a run's deferred sync flushes the file system only when a file's data is unflushed or the folders are many", "[core][io]") {
    test::TempDir dir;
    const fs::path a = dir.path() / "a" / "report.pdf";
    const fs::path b = dir.path() / "b" / "report.html";
    write_file_atomically(a, "old", Sync::Later);
    write_file_atomically(b, "old", Sync::Later);

    DeferredSync replaced;
    CHECK_FALSE(replaced.needs_file_system_sync());
    CHECK_NOTHROW(replaced.sync(dir.path()));  // nothing added
    replaced.add(a, write_file_atomically(a, "new", Sync::Later));
    replaced.add(b, write_file_atomically(b, "new", Sync::Later));
    CHECK_FALSE(replaced.needs_file_system_sync());
    CHECK_NOTHROW(replaced.sync(dir.path()));
    CHECK(read_file(a) == "new");

    DeferredSync fresh;
    fresh.add(a, true);
    fresh.add(dir.path() / "c" / "new.pdf", write_file_atomically(dir.path() / "c" / "new.pdf", "x", Sync::Later));
    CHECK(fresh.needs_file_system_sync());
    CHECK_NOTHROW(fresh.sync(dir.path()));

    DeferredSync many;
    for (std::size_t i = 0; i <= DeferredSync::kMaxFolders; ++i) {
        CHECK_FALSE(many.needs_file_system_sync());
        many.add(dir.path() / std::to_string(i) / "report.pdf", true);
    }
    CHECK(many.needs_file_system_sync());
}

TEST_CASE("a deferred sync names the folder it cannot flush", "[core][io]") {
    test::TempDir dir;
    const fs::path gone = dir.path() / "gone";
    DeferredSync flushed;
    flushed.add(gone / "report.pdf", true);
    try {
        flushed.sync(dir.path());
        FAIL("expected an error");
    } catch (const EngineError& e) {
        CHECK(std::string(e.what()).find(gone.string() + ": error: cannot write file: ") == 0);
    }
    DeferredSync unflushed;
    unflushed.add(gone / "report.pdf", false);
    CHECK_THROWS_AS(unflushed.sync(gone), EngineError);
}
