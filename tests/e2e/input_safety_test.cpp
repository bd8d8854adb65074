// Inputs that are not plain files: a FIFO or a device named as a data path is a located error
// at once (reading one would block or never end), and a YAML file built to explode or to
// crash the reader is stopped with its line and column.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kBase = fs::path(BOARDPACK_TEST_FIXTURES) / "bad" / "_base";

}  // namespace

TEST_CASE("a FIFO named as the observations file is refused with the batch line, not read", "[e2e][bad-inputs]") {
    test::TempDir dir;
    fs::copy(kBase, dir.path(), fs::copy_options::recursive);
    const fs::path fifo = dir.path() / "data" / "pipe.csv";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    REQUIRE(test::edit_file(dir.path() / "batch.yaml", "observations: data/observations.csv",
                            "observations: data/pipe.csv") == 1);
    // Nobody writes to the FIFO: a reader that opened it would wait for ever (the test would
    // time out under ctest).
    for (const char* command : {"validate", "run"}) {
        auto r = command == std::string("run")
                     ? test::run_boardpack({"run", "batch.yaml", "--out", "out"}, dir.path().string())
                     : test::run_boardpack({"validate", "batch.yaml"}, dir.path().string());
        INFO(r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("batch.yaml:6:17: error: cannot read 'data/pipe.csv' (data.observations): "
                         "it is a pipe (FIFO), not a regular file") != std::string::npos);
        CHECK_FALSE(fs::exists(dir.path() / "out" / "base.pdf"));
    }
}

TEST_CASE("a 10 MB value in the batch file is refused at its line and column before anything reads it", "[e2e][bad-inputs]") {
    test::TempDir dir;
    fs::copy(kBase, dir.path(), fs::copy_options::recursive);
    REQUIRE(test::edit_file(dir.path() / "batch.yaml", "    title: Fixture report",
                            "    title: Fixture report\n    subtitle: \"" + std::string(10000000, 'x') + "\"") == 1);
    auto r = test::run_boardpack({"run", "batch.yaml", "--out", "out"}, dir.path().string());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("batch.yaml:20:15: error: a value of 10000000 bytes is longer than the 1000000 allowed") !=
          std::string::npos);
    CHECK(r.err.size() < 1000);  // the value is not echoed
    CHECK_FALSE(fs::exists(dir.path() / "out"));
}
