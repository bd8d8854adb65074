// End to end: operating boardpack like a Debian tool — `init` for every shipped template,
// `--quiet`, `list --json`, journald priority prefixes and --shard from a Kubernetes Indexed
// Job's variables. The real binary on real files.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kFanout = fs::path(BOARDPACK_TEST_FIXTURES) / "fanout";
const fs::path kDisclosure = fs::path(BOARDPACK_TEST_FIXTURES) / "disclosure";
const fs::path kTfs = test::source_dir() / "samples/tracking-for-success/batch.yaml";

// The CSV files of a starter, each with its number of data rows.
std::vector<std::pair<std::string, std::size_t>> csv_rows(const fs::path& dir) {
    std::vector<std::pair<std::string, std::size_t>> out;
    for (const auto& e : fs::directory_iterator(dir / "data"))
        if (e.path().extension() == ".csv") out.push_back({e.path().filename().string(), test::read_simple_csv(e.path()).size()});
    return out;
}

// Runs boardpack through sh with stderr (and stdout) sent to files, JOURNAL_STREAM set to
// the device and inode of `journal` ("err" or "out"), or to `forced` when given.
struct JournalRun {
    int exit_code;
    std::string out, err;
};
JournalRun run_with_journal(const fs::path& dir, const std::string& args, const std::string& journal,
                            const std::string& forced = "") {
    const std::string target = (dir / journal).string();
    const std::string script = ": > " + (dir / "out").string() + "; : > " + (dir / "err").string() +
                               "; JOURNAL_STREAM=" + (forced.empty() ? "$(stat -c %d:%i " + target + ")" : forced) +
                               " exec " + test::boardpack() + " " + args + " >" + (dir / "out").string() +
                               " 2>" + (dir / "err").string();
    auto r = test::run({"sh", "-c", script}, {"LC_ALL=C", "TZ=UTC"});
    return {r.exit_code, test::read_text_file(dir / "out"), test::read_text_file(dir / "err")};
}

}  // namespace

TEST_CASE("init writes a starter for every shipped template that validate and run accept at once",
          "[e2e][init]") {
    const std::string name = GENERATE("hwb-board-paper", "setting-summary", "eyqip-progress", "annual-report", "peer-challenge-follow-up");
    INFO(name);
    test::TempDir tmp;
    const fs::path dir = tmp.path() / "starter";
    auto init = test::run_boardpack({"init", dir.string(), "--template", name});
    INFO(init.out << init.err);
    REQUIRE(init.exit_code == 0);
    // The template is a byte-for-byte copy of the shipped one, and the batch points at it.
    CHECK(test::read_text_file(dir / "templates" / (name + ".yaml")) ==
          test::read_text_file(test::source_dir() / "templates" / (name + ".yaml")));
    CHECK(test::read_text_file(dir / "batch.yaml").find("template: templates/" + name + ".yaml") != std::string::npos);
    // Data CSVs with a header and at least two example rows each.
    auto csvs = csv_rows(dir);
    CHECK(csvs.size() >= 2);
    for (const auto& [file, rows] : csvs) {
        INFO(file);
        CHECK(rows >= 2);
    }
    auto v = test::run_boardpack({"validate", (dir / "batch.yaml").string()});
    INFO(v.out << v.err);
    CHECK(v.exit_code == 0);
    CHECK(v.err.find("error") == std::string::npos);
    auto r = test::run_boardpack({"run", (dir / "batch.yaml").string()});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex("wrote   (\\S+\\.pdf) \\((\\d+) pages")));
    CHECK(test::page_count(m[1]) == std::stoi(m[2]));
    CHECK(test::pdf_text(m[1]).find("Example") != std::string::npos);
}

TEST_CASE("init refuses an unknown template and a folder that is not empty and writes nothing", "[e2e][init]") {
    test::TempDir tmp;
    auto bad = test::run_boardpack({"init", (tmp.path() / "a").string(), "--template", "hwb-board-papr"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("unknown --template 'hwb-board-papr'") != std::string::npos);
    CHECK(bad.err.find("did you mean 'hwb-board-paper'") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path() / "a"));
    test::write_text_file(tmp.path() / "notes.txt", "mine\n");
    auto full = test::run_boardpack({"init", tmp.path().string()});
    CHECK(full.exit_code == 2);
    CHECK(full.err.find("is not empty; nothing was written") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path() / "batch.yaml"));
    auto forced = test::run_boardpack({"init", tmp.path().string(), "--force"});
    CHECK(forced.exit_code == 0);
    CHECK(fs::exists(tmp.path() / "batch.yaml"));
    CHECK(test::read_text_file(tmp.path() / "notes.txt") == "mine\n");
}

TEST_CASE("quiet prints only errors and the summary and keeps the exit code", "[e2e][quiet]") {
    test::TempDir tmp;
    auto loud = test::run_boardpack({"run", (kFanout / "batch.yaml").string(), "--out", (tmp.path() / "a").string()});
    auto quiet = test::run_boardpack({"run", (kFanout / "batch.yaml").string(), "--out", (tmp.path() / "b").string(), "--quiet"});
    INFO(loud.out << loud.err << "\n--- quiet:\n" << quiet.out << quiet.err);
    REQUIRE(loud.exit_code == 1);  // the fixture has a bad row of one setting
    CHECK(quiet.exit_code == loud.exit_code);
    CHECK(loud.out.find("wrote   ") != std::string::npos);
    CHECK(quiet.out.find("wrote   ") == std::string::npos);
    // The error and the summary (table, summary line, failed: list) are all still there.
    CHECK(quiet.err.find(": error: ") != std::string::npos);
    CHECK(quiet.err.find("FAILED ") != std::string::npos);
    CHECK(quiet.out.find("failed:") != std::string::npos);
    CHECK(quiet.out.find("reports written") != std::string::npos);
    // Everything written all the same.
    CHECK(fs::exists(tmp.path() / "b/manifest.json"));
}

TEST_CASE("quiet drops warnings but validate still finds them without it", "[e2e][quiet]") {
    auto loud = test::run_boardpack({"validate", (kDisclosure / "batch.yaml").string()});
    auto quiet = test::run_boardpack({"validate", (kDisclosure / "batch.yaml").string(), "-q"});
    INFO(loud.out << loud.err << "\n--- quiet:\n" << quiet.out << quiet.err);
    REQUIRE(loud.exit_code == 0);
    CHECK(loud.err.find(": warning: ") != std::string::npos);
    CHECK(loud.out.find("ok      ") != std::string::npos);
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.find("warning") == std::string::npos);
    CHECK(quiet.err.find("hint:") == std::string::npos);
    CHECK(quiet.out.find("ok      ") == std::string::npos);
    CHECK(quiet.out.find("valid; as of") != std::string::npos);
}

TEST_CASE("list json names every report its files and whether it is up to date", "[e2e][list]") {
    test::TempDir tmp;
    const std::string out = (tmp.path() / "o").string();
    auto before = test::run_boardpack({"list", kTfs.string(), "--out", out, "--json"});
    REQUIRE(before.exit_code == 0);
    auto doc = nlohmann::json::parse(before.out);
    const std::size_t settings = test::read_simple_csv(test::source_dir() / "samples/tracking-for-success/data/settings.csv").size();
    CHECK(doc["as_of"] == "2019-07-31");
    CHECK(doc["term"] == "summer-2019");
    CHECK(doc["summary"]["units"] == settings + 1);
    CHECK(doc["summary"]["up_to_date"] == 0);
    REQUIRE(doc["reports"].size() == settings + 1);
    CHECK(doc["reports"][0]["files"][0]["format"] == "pdf");
    CHECK(doc["reports"][0]["files"][1]["format"] == "html");
    // After a run with a bad row of one setting, the written reports are up to date and the failed one is not.
    REQUIRE(test::run_boardpack({"run", (kFanout / "batch.yaml").string(), "--out", out + "f", "--format", "pdf"}).exit_code == 1);
    auto after = nlohmann::json::parse(
        test::run_boardpack({"list", (kFanout / "batch.yaml").string(), "--out", out + "f", "--format", "pdf", "--json"}).out);
    std::size_t fresh = 0;
    for (const auto& r : after["reports"]) fresh += r["up_to_date"].get<bool>();
    CHECK(after["summary"]["up_to_date"] == fresh);
    CHECK(fresh > 0);
    CHECK(fresh < after["reports"].size());  // the failed report is still to build
}

TEST_CASE("errors warnings and info lines carry journald priorities when stderr is the journal",
          "[e2e][journal]") {
    test::TempDir tmp;
    // A bad row of one setting: errors on stderr, per-report lines and the summary on stdout.
    auto r = run_with_journal(tmp.path(), "run " + (kFanout / "batch.yaml").string() + " --out " +
                                              (tmp.path() / "o").string(), "err");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    std::istringstream lines(r.err);
    std::size_t n = 0;
    for (std::string line; std::getline(lines, line); ++n) {
        INFO(line);
        CHECK(std::regex_search(line, std::regex("^<[346]>")));
        if (line.find(": error: ") != std::string::npos || line.rfind("<3>FAILED", 0) == 0) CHECK(line.rfind("<3>", 0) == 0);
        if (line.find("  hint: ") != std::string::npos) CHECK(line.rfind("<3>", 0) == 0);  // hint of an error
    }
    CHECK(n > 0);
    CHECK(r.out.find("<") == std::string::npos);  // stdout is a plain file here, not the journal
    // Warnings are <4>.
    auto w = run_with_journal(tmp.path(), "validate " + (kDisclosure / "batch.yaml").string(), "err");
    CHECK(w.exit_code == 0);
    CHECK(std::regex_search(w.err, std::regex("(^|\\n)<4>[^\\n]*: warning: group 'Band A'")));
    // stdout on the journal: its lines are <6>.
    auto o = run_with_journal(tmp.path(), "list " + (kFanout / "batch.yaml").string(), "out");
    CHECK(o.exit_code == 0);
    CHECK(o.out.rfind("<6>to build", 0) == 0);
    // A JOURNAL_STREAM that names another stream (a child of a unit whose stderr was redirected) is ignored.
    auto other = run_with_journal(tmp.path(), "validate " + (kDisclosure / "batch.yaml").string(), "err", "1:1");
    CHECK(other.err.find(": warning: ") != std::string::npos);
    CHECK(other.err.find("<4>") == std::string::npos);
}

TEST_CASE("the shard comes from JOB_COMPLETION_INDEX and JOB_COMPLETIONS when the flag is absent",
          "[e2e][shard]") {
    auto keys = [](const test::RunResult& r) {
        std::set<std::string> k;
        for (const auto& rep : nlohmann::json::parse(r.out)["reports"]) k.insert(rep["key"].get<std::string>());
        return k;
    };
    const std::string batch = kTfs.string();
    std::set<std::string> all;
    std::size_t total = 0;
    for (int index = 0; index < 3; ++index) {
        auto env = test::run({test::boardpack(), "list", batch, "--json"},
                             {"JOB_COMPLETION_INDEX=" + std::to_string(index), "JOB_COMPLETIONS=3"});
        auto flag = test::run_boardpack({"list", batch, "--json", "--shard", std::to_string(index + 1) + "/3"});
        REQUIRE(env.exit_code == 0);
        CHECK(nlohmann::json::parse(env.out)["shard"] == std::to_string(index + 1) + "/3");
        CHECK(keys(env) == keys(flag));
        for (const auto& k : keys(env)) all.insert(k);
        total += keys(env).size();
    }
    CHECK(total == all.size());  // no overlap
    CHECK(all == keys(test::run_boardpack({"list", batch, "--json"})));  // and nothing missed
    // The flag wins over the variables.
    auto both = test::run({test::boardpack(), "list", batch, "--json", "--shard", "1/2"},
                          {"JOB_COMPLETION_INDEX=2", "JOB_COMPLETIONS=3"});
    CHECK(nlohmann::json::parse(both.out)["shard"] == "1/2");
    // Bad or half-set variables are a usage error naming them.
    auto bad = test::run({test::boardpack(), "list", batch}, {"JOB_COMPLETION_INDEX=3", "JOB_COMPLETIONS=3"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("JOB_COMPLETION_INDEX and JOB_COMPLETIONS must be whole numbers with 0 <= index < completions, got '3' and '3'") != std::string::npos);
    auto half = test::run({test::boardpack(), "list", batch}, {"JOB_COMPLETION_INDEX=0"});
    CHECK(half.exit_code == 2);
    CHECK(half.err.find("JOB_COMPLETIONS is not set") != std::string::npos);
}
