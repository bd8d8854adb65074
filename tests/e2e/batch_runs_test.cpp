// End to end: unattended batch runs — isolation of failures, incremental re-runs, shards,
// parallel determinism, the output lock and a run killed with SIGKILL.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kFanout = fs::path(BOARDPACK_TEST_FIXTURES) / "fanout";
const fs::path kTfs = test::source_dir() / "samples/tracking-for-success/batch.yaml";
// The Tracking for Success batch: one setting summary per setting, and the annual report.
const std::size_t kTfsReports =
    test::read_simple_csv(test::source_dir() / "samples/tracking-for-success/data/settings.csv").size() + 1;

// Every file under `dir` (relative path -> bytes), except the lock and the manifest.
std::map<std::string, std::string> outputs(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        std::string name = e.path().filename().string();
        if (name.rfind(".boardpack", 0) == 0 || name.rfind("manifest", 0) == 0) continue;
        out[fs::relative(e.path(), dir).string()] = test::read_text_file(e.path());
    }
    return out;
}

// The inode at each file's name under `dir`: outputs are renamed into place, so a file a run
// has replaced has a new one.
std::map<std::string, ino_t> inodes(const fs::path& dir) {
    std::map<std::string, ino_t> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        struct stat st {};
        if (e.is_regular_file() && ::stat(e.path().c_str(), &st) == 0) out[e.path().string()] = st.st_ino;
    }
    return out;
}

// Waits until the run `pid` has replaced at least one file under `dir`, so that a kill lands
// part-way through its reports however fast they are. False if it ended first, or after 60 s.
bool wait_for_first_replaced(const fs::path& dir, int pid) {
    const auto before = inodes(dir);
    for (int i = 0; i < 60000; ++i) {
        if (inodes(dir) != before) return true;
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) return false;  // it ended (and is reaped)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

// A copy of the fan-out fixture, optionally with S4's bad row (a GLD of 159.5%) mended.
fs::path fanout_copy(const test::TempDir& dir, bool with_broken) {
    fs::copy(kFanout, dir.path() / "batch", fs::copy_options::recursive);
    if (!with_broken) {
        std::string s = test::read_text_file(dir.path() / "batch/data/observations.csv");
        s = std::regex_replace(s, std::regex(",159\\.5,"), ",59.5,");
        std::FILE* f = std::fopen((dir.path() / "batch/data/observations.csv").c_str(), "wb");
        std::fputs(s.c_str(), f);
        std::fclose(f);
    }
    return dir.path() / "batch/batch.yaml";
}

std::set<std::string> listed_keys(const std::string& out) {
    std::set<std::string> keys;
    std::regex line("(?:up to date|to build) +(\\S+)  ->");
    for (std::sregex_iterator it(out.begin(), out.end(), line), end; it != end; ++it) keys.insert((*it)[1]);
    return keys;
}

}  // namespace

TEST_CASE("a bad row of one setting fails only that setting's report, exit 1 and the manifest names it",
          "[e2e][batch]") {
    test::TempDir dir;
    auto batch = fanout_copy(dir, true);
    auto out = dir.path() / "out";
    auto r = test::run_boardpack({"run", batch.string(), "--out", out.string(), "--jobs", "2"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("FAILED summary/S4") != std::string::npos);
    CHECK(r.out.find("5 of 6 reports written, 1 failed") != std::string::npos);
    auto files = outputs(out);
    CHECK(files.size() == 2 * 5);
    CHECK(files.count("summer-2019/Leeds/S4.pdf") == 0);
    CHECK(files.count("summer-2019/Leeds/S3.pdf") == 1);
    CHECK(files.count("summer-2019/Leeds/S3.html") == 1);
    CHECK(files.count("summer-2019/Leeds/S4.html") == 0);
    std::string manifest = test::read_text_file(out / "manifest.json");
    CHECK(manifest.find("\"key\": \"summary/S4\"") != std::string::npos);
    CHECK(std::regex_search(manifest, std::regex("\"status\": \"failed\"")));
    // The located cause: the row and column of S4's bad value.
    CHECK(std::regex_search(manifest, std::regex("observations\\.csv:16:\\d+: error: column 'value': a "
                                                 "percentage must lie between 0 and 100, got '159\\.5'")));
    CHECK(r.err.find("got '159.5'") != std::string::npos);
    CHECK(std::regex_search(manifest, std::regex("\"sha256\": \"[0-9a-f]{64}\"")));
}

TEST_CASE("fail-fast stops starting reports after the first failure", "[e2e][batch]") {
    test::TempDir dir;
    auto batch = fanout_copy(dir, true);
    auto r = test::run_boardpack({"run", batch.string(), "--out", (dir.path() / "out").string(),
                                  "--jobs", "1", "--fail-fast"});
    CHECK(r.exit_code == 1);
    // S1..S3 are written before S4 fails; S5 and S6 never start.
    CHECK(r.out.find("2 reports not started (--fail-fast)") != std::string::npos);
    CHECK(outputs(dir.path() / "out").size() == 2 * 3);  // a PDF and an HTML page each
}

TEST_CASE("a second run skips every unchanged report and says so and force rebuilds",
          "[e2e][batch][incremental]") {
    test::TempDir dir;
    auto batch = fanout_copy(dir, false);
    auto out = dir.path() / "out";
    auto first = test::run_boardpack({"run", batch.string(), "--out", out.string()});
    REQUIRE(first.exit_code == 0);
    auto before = outputs(out);
    auto second = test::run_boardpack({"run", batch.string(), "--out", out.string()});
    CHECK(second.exit_code == 0);
    CHECK(second.out.find("0 of 6 reports written, 6 up to date") != std::string::npos);
    CHECK(std::regex_search(second.out, std::regex("skipped .*S1\\.pdf \\(up to date\\)")));
    CHECK(outputs(out) == before);
    auto list = test::run_boardpack({"list", batch.string(), "--out", out.string()});
    CHECK(list.out.find("6 reports, 6 up to date") != std::string::npos);
    // A changed input rebuilds; --force rebuilds regardless.
    {
        std::string t = test::read_text_file(batch.parent_path() / "data/targets.csv");
        t = std::regex_replace(t, std::regex("gap_at_most,10"), "gap_at_most,11");
        std::FILE* f = std::fopen((batch.parent_path() / "data/targets.csv").c_str(), "wb");
        std::fputs(t.c_str(), f);
        std::fclose(f);
    }
    auto third = test::run_boardpack({"run", batch.string(), "--out", out.string()});
    CHECK(third.out.find("6 of 6 reports written") != std::string::npos);
    auto forced = test::run_boardpack({"run", batch.string(), "--out", out.string(), "--force"});
    CHECK(forced.out.find("6 of 6 reports written") != std::string::npos);
}

TEST_CASE("shards partition the fan-out exactly", "[e2e][batch][shard]") {
    auto all = listed_keys(test::run_boardpack({"list", kTfs.string(), "--out", "/nonexistent"}).out);
    REQUIRE(all.size() == kTfsReports);
    std::set<std::string> seen;
    std::size_t total = 0;
    for (int k = 1; k <= 3; ++k) {
        auto r = test::run_boardpack({"list", kTfs.string(), "--out", "/nonexistent", "--shard",
                                      std::to_string(k) + "/3"});
        REQUIRE(r.exit_code == 0);
        auto keys = listed_keys(r.out);
        CHECK(!keys.empty());
        total += keys.size();
        seen.insert(keys.begin(), keys.end());
    }
    CHECK(total == all.size());  // no overlap
    CHECK(seen == all);          // nothing missing
    auto bad = test::run_boardpack({"list", kTfs.string(), "--shard", "4/3"});
    CHECK(bad.exit_code == 2);
}

TEST_CASE("outputs are byte-identical with --jobs 1 and --jobs 2", "[e2e][batch][determinism]") {
    test::TempDir a, b;
    auto r1 = test::run_boardpack({"run", kTfs.string(), "--out", a.path().string(), "--jobs", "1"});
    auto r2 = test::run_boardpack({"run", kTfs.string(), "--out", b.path().string(), "--jobs", "2"});
    REQUIRE(r1.exit_code == 0);
    REQUIRE(r2.exit_code == 0);
    auto oa = outputs(a.path()), ob = outputs(b.path());
    CHECK(oa.size() == 2 * kTfsReports);  // a PDF and an HTML page each
    CHECK(oa == ob);
}

TEST_CASE("a second concurrent run on the same folder is refused", "[e2e][batch][lock]") {
    test::TempDir dir;
    auto out = dir.path() / "out";
    int pid = test::spawn({test::boardpack(), "run", kTfs.string(), "--out", out.string(), "--jobs", "1"});
    REQUIRE(pid > 0);
    // Once the first run holds the lock, it is kept stopped while the second one is tried.
    test::wait_for_lock(out / ".boardpack.lock");
    {
        test::HeldStill held(pid);
        auto second = test::run_boardpack({"run", kTfs.string(), "--out", out.string()});
        CHECK(second.exit_code == 2);
        CHECK(second.err.find("another boardpack run is writing to this folder (pid " +
                              std::to_string(pid) + ")") != std::string::npos);
    }
    CHECK(test::wait_for(pid) == 0);
    // Once the first run has ended the folder is free again.
    auto third = test::run_boardpack({"run", kTfs.string(), "--out", out.string()});
    CHECK(third.exit_code == 0);
    CHECK(third.out.find(std::to_string(kTfsReports) + " up to date") != std::string::npos);
}

TEST_CASE("a run killed with SIGKILL leaves no partial PDF and the earlier outputs intact",
          "[e2e][batch][atomic]") {
    test::TempDir dir;
    auto out = dir.path() / "out";
    REQUIRE(test::run_boardpack({"run", kTfs.string(), "--out", out.string()}).exit_code == 0);
    auto before = outputs(out);
    REQUIRE(before.size() == 2 * kTfsReports);
    // Rebuild everything one at a time and kill the run part-way.
    int pid = test::spawn({test::boardpack(), "run", kTfs.string(), "--out", out.string(), "--jobs",
                           "1", "--force"});
    REQUIRE(pid > 0);
    REQUIRE(wait_for_first_replaced(out, pid));
    ::kill(pid, SIGKILL);
    CHECK(test::wait_for(pid) == 128 + SIGKILL);
    // Every PDF is whole and identical to before (the rebuilt ones too: output is
    // deterministic); no temporary file is left anywhere.
    auto after = outputs(out);
    CHECK(after == before);
    for (const auto& e : fs::recursive_directory_iterator(out)) {
        std::string name = e.path().filename().string();
        INFO(name);
        CHECK((name.find(".tmp-") == std::string::npos));
    }
    // The lock died with the process: the next run starts and finds everything in place.
    auto next = test::run_boardpack({"run", kTfs.string(), "--out", out.string()});
    CHECK(next.exit_code == 0);
}

TEST_CASE("shards run at the same time into one folder and together write every report",
          "[e2e][batch][shard]") {
    test::TempDir dir;
    auto out = dir.path() / "out";
    int a = test::spawn({test::boardpack(), "run", kTfs.string(), "--out", out.string(), "--shard", "1/2", "--jobs", "1"});
    int b = test::spawn({test::boardpack(), "run", kTfs.string(), "--out", out.string(), "--shard", "2/2", "--jobs", "1"});
    REQUIRE(a > 0);
    REQUIRE(b > 0);
    CHECK(test::wait_for(a) == 0);
    CHECK(test::wait_for(b) == 0);
    CHECK(outputs(out).size() == 2 * kTfsReports);
    CHECK(fs::exists(out / "manifest-shard-1-of-2.json"));
    CHECK(fs::exists(out / "manifest-shard-2-of-2.json"));
}
