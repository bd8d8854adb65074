// Unit: the operator-output line filters of engine/cli (--quiet, journald priority prefixes)
// and the shard taken from a Kubernetes Indexed Job's variables.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>
#include <sstream>

#include "engine/cli/cli_options.h"
#include "engine/cli/output_filter.h"

using namespace engine::cli;

namespace {

std::string filtered(const std::string& text, LineFilterBuf::Filter f) {
    std::ostringstream target;
    {
        LineFilterBuf buf(target.rdbuf(), std::move(f));
        std::ostream s(&buf);
        s << text;
    }
    return target.str();
}

EnvLookup env_of(std::map<std::string, std::string> vars) {
    return [vars](const char* name) -> std::optional<std::string> {
        auto it = vars.find(name);
        return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
}

}  // namespace

TEST_CASE("journal prefixes give errors 3 warnings 4 and other lines 6 with hints following their line",
          "[cli][journal]") {
    const std::string in =
        "data/o.csv:4:2: error: bad value\n"
        "  hint: write a number\n"
        "t.yaml:3:1: warning: 'x' is not defined\n"
        "  hint: did you mean 'y'?\n"
        "wrote   out/a.pdf (2 pages)\n"
        "FAILED s4: 1 error; nothing written\n"
        "boardpack: 2 errors in the batch; nothing was written\n"
        "note: report 'overview' reads the rows of setting 'S4'\n"
        "last line without newline";
    CHECK(filtered(in, journal_prefix_filter()) ==
          "<3>data/o.csv:4:2: error: bad value\n"
          "<3>  hint: write a number\n"
          "<4>t.yaml:3:1: warning: 'x' is not defined\n"
          "<4>  hint: did you mean 'y'?\n"
          "<6>wrote   out/a.pdf (2 pages)\n"
          "<3>FAILED s4: 1 error; nothing written\n"
          "<3>boardpack: 2 errors in the batch; nothing was written\n"
          "<6>note: report 'overview' reads the rows of setting 'S4'\n"
          "<6>last line without newline");
}

TEST_CASE("quiet drops per-file lines and warnings with their hints but keeps errors and the summary",
          "[cli][quiet]") {
    CHECK(filtered("wrote   a.pdf (1 page)\nskipped b.pdf (up to date)\nok      c (2 pages)\n"
                   "  report units\n3 of 3 reports written\nfailed:\n  s4: x.csv:1:1: error: e\n",
                   quiet_stdout_filter()) == "  report units\n3 of 3 reports written\nfailed:\n  s4: x.csv:1:1: error: e\n");
    CHECK(filtered("t.yaml:3:1: warning: w\n  hint: h\nx.csv:1:1: error: e\n  hint: fix it\n",
                   quiet_stderr_filter()) == "x.csv:1:1: error: e\n  hint: fix it\n");
    // Quiet first, then the prefixes: what is left is prefixed.
    CHECK(filtered("t.yaml:3:1: warning: w\nx.csv:1:1: error: e\n", chain(quiet_stderr_filter(), journal_prefix_filter())) ==
          "<3>x.csv:1:1: error: e\n");
}

TEST_CASE("the journal stream is recognised only by its own device and inode", "[cli][journal]") {
    char name[] = "/tmp/boardpack-journal-XXXXXX";
    int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    struct stat st {};
    REQUIRE(fstat(fd, &st) == 0);
    const std::string mine = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
    CHECK(is_journal_stream(fd, mine.c_str()));
    CHECK_FALSE(is_journal_stream(fd, (std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino + 1)).c_str()));
    CHECK_FALSE(is_journal_stream(fd, nullptr));
    CHECK_FALSE(is_journal_stream(fd, ""));
    CHECK_FALSE(is_journal_stream(fd, (mine + "x").c_str()));
    CHECK_FALSE(is_journal_stream(fd, "not a pair"));
    close(fd);
    unlink(name);
}

TEST_CASE("the shard comes from an Indexed Job's variables only without the flag", "[cli][shard]") {
    auto opts = parse_cli({"run", "b.yaml"}, env_of({{"JOB_COMPLETION_INDEX", "0"}, {"JOB_COMPLETIONS", "4"}}));
    CHECK(opts.run.shard_k == 1);
    CHECK(opts.run.shard_n == 4);
    opts = parse_cli({"charts", "b.yaml"}, env_of({{"JOB_COMPLETION_INDEX", "3"}, {"JOB_COMPLETIONS", "4"}}));
    CHECK(opts.run.shard_k == 4);
    opts = parse_cli({"list", "b.yaml", "--shard", "2/3"}, env_of({{"JOB_COMPLETION_INDEX", "0"}, {"JOB_COMPLETIONS", "4"}}));
    CHECK(opts.run.shard_k == 2);
    CHECK(opts.run.shard_n == 3);
    // validate renders every report: the variables do not apply.
    opts = parse_cli({"validate", "b.yaml"}, env_of({{"JOB_COMPLETION_INDEX", "1"}, {"JOB_COMPLETIONS", "4"}}));
    CHECK(opts.run.shard_n == 1);
    opts = parse_cli({"run", "b.yaml"}, env_of({}));
    CHECK(opts.run.shard_n == 1);
    for (auto bad : {std::map<std::string, std::string>{{"JOB_COMPLETION_INDEX", "4"}, {"JOB_COMPLETIONS", "4"}},
                     {{"JOB_COMPLETION_INDEX", "-1"}, {"JOB_COMPLETIONS", "4"}},
                     {{"JOB_COMPLETION_INDEX", "1x"}, {"JOB_COMPLETIONS", "4"}},
                     {{"JOB_COMPLETION_INDEX", "0"}, {"JOB_COMPLETIONS", "0"}},
                     {{"JOB_COMPLETION_INDEX", "0"}}}) {
        CHECK_THROWS_AS(parse_cli({"run", "b.yaml"}, env_of(bad)), UsageError);
    }
}

TEST_CASE("quiet and json and init parse and quiet turns the progress line off", "[cli]") {
    auto q = parse_cli({"run", "b.yaml", "-q", "--progress", "line"}, env_of({}));
    CHECK(q.quiet);
    CHECK(q.run.progress == engine::batch::RunOptions::Progress::Log);
    CHECK(parse_cli({"list", "b.yaml", "--json"}, env_of({})).run.json);
    CHECK_THROWS_AS(parse_cli({"run", "b.yaml", "--json"}, env_of({})), UsageError);
    auto i = parse_cli({"init", "dir", "-t", "setting-summary"}, env_of({}));
    CHECK(i.command == Command::Init);
    CHECK(i.init.dir == "dir");
    CHECK(i.init.template_name == "setting-summary");
    CHECK(parse_cli({"init", "dir"}, env_of({})).init.template_name == "hwb-board-paper");
    CHECK_THROWS_AS(parse_cli({"init"}, env_of({})), UsageError);
    CHECK_THROWS_AS(parse_cli({"init", "a", "b"}, env_of({})), UsageError);
}
