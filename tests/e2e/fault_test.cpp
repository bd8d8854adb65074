// Fault tests: a 500-setting batch killed with SIGKILL at random points, several times. After
// every kill each PDF of the earlier complete run is still there and byte-identical (a
// rebuilt one is identical too: output is deterministic), at most the one temporary file a
// worker was renaming is left, and the next run starts at once (the lock died with the
// process), removes it and completes.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <thread>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kFanout = fs::path(BOARDPACK_TEST_FIXTURES) / "fanout";
constexpr int kSettings = 500;

// The fan-out fixture widened to kSettings settings, each with two years of GLD by group.
fs::path big_fanout(const test::TempDir& dir) {
    const fs::path batch = dir.path() / "batch";
    fs::copy(kFanout, batch, fs::copy_options::recursive);
    std::string settings = "setting_id,setting_name,la_name\n";
    std::string obs = "time_period,time_identifier,geographic_level,la_name,setting_id,characteristic,measure,value,cohort\n";
    for (int s = 1; s <= kSettings; ++s) {
        const std::string id = "S" + std::to_string(s), la = s % 2 ? "Kent" : "York";
        settings += id + ",Setting " + std::to_string(s) + " Nursery," + la + "\n";
        for (const char* period : {"201718", "201819"})
            for (const char* group : {"Disadvantaged", "Not disadvantaged"}) {
                const int tenths = 550 + (s * 37 + (group[0] == 'N' ? 120 : 0) + (period[3] == '8' ? 15 : 0)) % 300;
                obs += std::string(period) + ",Summer term,Setting," + la + "," + id + "," + group + ",gld," +
                       std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "," +
                       std::to_string(10 + s % 20) + "\n";
            }
    }
    test::write_text_file(batch / "data/settings.csv", settings);
    test::write_text_file(batch / "data/observations.csv", obs);
    test::write_text_file(batch / "data/actions.csv",
                          "action_id,setting_id,objective,action,owner,start,due,status\n"
                          "S1-A1,S1,Close the gap,Coaching visits,Coach,2018-09-01,2019-03-31,Complete\n");
    return batch / "batch.yaml";
}

std::map<std::string, std::string> pdfs_under(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".pdf")
            out[fs::relative(e.path(), dir).string()] = test::read_text_file(e.path());
    return out;
}

}  // namespace

TEST_CASE("a 500-setting batch killed at random points keeps every earlier PDF whole and leaves no temp file", "[e2e][fault][kill]") {
    test::TempDir dir;
    const fs::path config = big_fanout(dir);
    const fs::path out = dir.path() / "out";
    const auto started = std::chrono::steady_clock::now();
    auto first = test::run_boardpack({"run", config.string(), "--out", out.string(), "--format", "pdf"});
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    const auto before = pdfs_under(out);
    REQUIRE(before.size() == kSettings);

    std::random_device rd;
    const unsigned seed = rd();
    std::mt19937 rng(seed);
    // Kills at random points of a run as long as the first one took (not a timing assertion: the
    // points scale with however fast this machine renders, so they land part-way on any).
    const int full_ms = static_cast<int>(took.count());
    std::uniform_int_distribution<int> delay_ms(full_ms / 20, full_ms * 9 / 10);
    int interrupted = 0;
    for (int kill = 0; kill < 4; ++kill) {
        const int ms = delay_ms(rng);
        INFO("seed " << seed << ", kill " << kill << " after " << ms << " ms");
        int pid = test::spawn({test::boardpack(), "run", config.string(), "--out", out.string(), "--format", "pdf",
                               "--force", "--jobs", "2"});
        REQUIRE(pid > 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        ::kill(pid, SIGKILL);
        const int status = test::wait_for(pid);
        CHECK((status == 128 + SIGKILL || status == 0));  // 0: it finished before the kill
        interrupted += status == 128 + SIGKILL;
        CHECK(pdfs_under(out) == before);
        // A kill between naming a finished file and renaming it over the old one (two system
        // calls; Linux cannot link over a name) may leave that one file per worker, named for
        // the killed process; nothing else. The next run removes it (checked below).
        int leftovers = 0;
        for (const auto& e : fs::recursive_directory_iterator(out)) {
            const std::string name = e.path().filename().string();
            if (name.find(".tmp-") == std::string::npos) continue;
            INFO(e.path().string());
            CHECK(name.find(".tmp-" + std::to_string(pid) + "-") != std::string::npos);
            ++leftovers;
        }
        CHECK(leftovers <= 2);
    }
    CHECK(interrupted >= 1);  // the kills did land part-way (a re-run of 500 takes seconds)
    // The folder is free and whole: a run without --force finds every report up to date or
    // rebuilds the ones the killed runs had not recorded, and all are as before.
    auto last = test::run_boardpack({"run", config.string(), "--out", out.string(), "--format", "pdf"});
    INFO(last.err);
    CHECK(last.exit_code == 0);
    CHECK(pdfs_under(out) == before);
    for (const auto& e : fs::recursive_directory_iterator(out)) {
        INFO(e.path().string());
        CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
    }
}
