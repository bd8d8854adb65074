// End to end: never stale. Every kind of input a report reads — data.tables files, templates,
// logos, per-setting rows, shared rows — rebuilds the reports that read it when it changes, and
// nothing else; an unchanged batch is skipped, however its path is spelt. On a copy of
// tests/fixtures/fanout (six settings, one report each).
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kFanout = fs::path(BOARDPACK_TEST_FIXTURES) / "fanout";

// Two 1 x 1 PNG files, red and blue: a logo, and the same logo changed.
const std::string kRedPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    "\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\x38\x21\x27\x07\x00\x02\xb6\x01"
    "\x05\x34\xa6\x75\xaa\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82", 69);
const std::string kBluePng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    "\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\x90\x93\x3b\x01\x00\x01\x62\x01"
    "\x05\x11\x1b\xa3\x21\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82", 69);

// A sound copy of the fan-out fixture (S4's bad row mended) with a quotes table and a
// national row, so that every kind of input is there to change.
struct Batch {
    test::TempDir dir;
    fs::path root = dir.path() / "batch";
    fs::path batch = root / "batch.yaml";
    fs::path out = dir.path() / "out";
    Batch() {
        fs::copy(kFanout, root, fs::copy_options::recursive);
        REQUIRE(test::edit_file(root / "data/observations.csv", ",159\\.5,", ",59.5,") == 1);
        REQUIRE(test::edit_file(batch, "(  actions: data/actions.csv)", "$1\n  tables:\n    quotes: data/quotes.csv") == 1);
        test::write_text_file(root / "data/quotes.csv", "quote,who\nThe children love it.,A parent\n");
        std::string obs = test::read_text_file(root / "data/observations.csv");
        test::write_text_file(root / "data/observations.csv",
                              obs + "201819,Summer term,National,,,Disadvantaged,gld,51.0,1000\n");
    }
    test::RunResult run(const std::vector<std::string>& extra = {}) const {
        std::vector<std::string> args = {"run", batch.string(), "--out", out.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::run_boardpack(args);
    }
    // Runs once (everything written) and again (everything skipped).
    void settle() const {
        auto first = run();
        INFO(first.err);
        REQUIRE(first.exit_code == 0);
        REQUIRE(first.out.find("6 of 6 reports written") != std::string::npos);
        auto second = run();
        REQUIRE(second.out.find("0 of 6 reports written, 6 up to date") != std::string::npos);
    }
};

}  // namespace

TEST_CASE("a changed data.tables file rebuilds every report that reads it", "[e2e][incremental]") {
    Batch b;
    b.settle();
    REQUIRE(test::edit_file(b.root / "data/quotes.csv", "love it", "loved it") == 1);
    auto r = b.run();
    CHECK(r.out.find("6 of 6 reports written") != std::string::npos);
    CHECK(b.run().out.find("6 up to date") != std::string::npos);
}

TEST_CASE("a changed template rebuilds every report made from it", "[e2e][incremental]") {
    Batch b;
    b.settle();
    std::string t = test::read_text_file(b.root / "template.yaml");
    test::write_text_file(b.root / "template.yaml", t + "# an edit\n");
    CHECK(b.run().out.find("6 of 6 reports written") != std::string::npos);
}

TEST_CASE("a changed logo rebuilds the reports that show it and the manifest lists it",
          "[e2e][incremental][logo]") {
    Batch b;
    test::write_text_file(b.root / "logo.png", kRedPng);
    // A board-paper front block shows the logo, whose path is relative to the template.
    REQUIRE(test::edit_file(b.root / "template.yaml", "(style:)",
                            "front:\n  kind: board_paper\n  title: \"{{ report.title }}\"\n$1\n  logo: logo.png") == 1);
    b.settle();
    auto images = test::run({"pdfimages", "-list", (b.out / "summer-2019/Kent/S1.pdf").string()});
    CHECK(std::regex_search(images.out, std::regex("\n +1 +0 image +1 +1 +rgb")));
    const std::string manifest = test::read_text_file(b.out / "manifest.json");
    CHECK(std::regex_search(manifest, std::regex("\"reads\": \\[\\s*\\{\\s*\"path\": \"[^\"]*/batch/logo\\.png\"")));
    // ... and among the run's inputs, once.
    const std::regex listed("\"bytes\": 69,\\s*\"path\": \"[^\"]*/batch/logo\\.png\"");
    CHECK(std::distance(std::sregex_iterator(manifest.begin(), manifest.end(), listed), std::sregex_iterator()) == 1);
    // and among the run's inputs, once.
    CHECK(std::regex_search(manifest, std::regex("\"bytes\": 69,\\s*\"path\": \"[^\"]*/batch/logo\\.png\"")));
    test::write_text_file(b.root / "logo.png", kBluePng);
    CHECK(b.run().out.find("6 of 6 reports written") != std::string::npos);
    CHECK(b.run().out.find("6 up to date") != std::string::npos);
}

TEST_CASE("a change to one setting's rows rebuilds only that setting's report", "[e2e][incremental][rows]") {
    Batch b;
    b.settle();
    REQUIRE(test::edit_file(b.root / "data/observations.csv", "S1,Disadvantaged,gld,62\\.6,", "S1,Disadvantaged,gld,62.9,") == 1);
    auto r = b.run();
    INFO(r.out);
    CHECK(r.out.find("1 of 6 reports written, 5 up to date") != std::string::npos);
    CHECK(std::regex_search(r.out, std::regex("wrote   \\S*/Kent/S1\\.pdf")));
    // An action of S2 rebuilds S2 alone.
    REQUIRE(test::edit_file(b.root / "data/actions.csv", "S2-A2,S2,Parents,Parent workshops", "S2-A2,S2,Parents,Parent evenings") == 1);
    r = b.run();
    CHECK(r.out.find("1 of 6 reports written, 5 up to date") != std::string::npos);
    CHECK(std::regex_search(r.out, std::regex("wrote   \\S*/Kent/S2\\.pdf")));
}

TEST_CASE("a change to a shared row rebuilds every report", "[e2e][incremental][rows]") {
    Batch b;
    b.settle();
    REQUIRE(test::edit_file(b.root / "data/observations.csv", "National,,,Disadvantaged,gld,51\\.0", "National,,,Disadvantaged,gld,52.0") == 1);
    CHECK(b.run().out.find("6 of 6 reports written") != std::string::npos);
}

TEST_CASE("a chart across settings makes one setting's change rebuild every report", "[e2e][incremental][rows]") {
    Batch b;
    REQUIRE(test::edit_file(b.root / "template.yaml", "(      - action_table: \\{\\})",
                            "      - chart: {kind: distribution, measure: gld, group: Disadvantaged, comparator: Not disadvantaged}\n$1") == 1);
    b.settle();
    REQUIRE(test::edit_file(b.root / "data/observations.csv", "S1,Disadvantaged,gld,62\\.6,", "S1,Disadvantaged,gld,62.9,") == 1);
    CHECK(b.run().out.find("6 of 6 reports written") != std::string::npos);
}

TEST_CASE("the same batch run by another spelling of its path is up to date", "[e2e][incremental][paths]") {
    Batch b;
    b.settle();
    // Relative paths from the folder above the batch, and from the batch's own folder.
    auto from_above = test::run_boardpack({"run", "batch/batch.yaml", "--out", "out"}, b.dir.path().string());
    INFO(from_above.out << from_above.err);
    CHECK(from_above.out.find("0 of 6 reports written, 6 up to date") != std::string::npos);
    auto from_inside = test::run_boardpack({"run", "./batch.yaml", "--out", "../out/."}, b.root.string());
    INFO(from_inside.out << from_inside.err);
    CHECK(from_inside.out.find("0 of 6 reports written, 6 up to date") != std::string::npos);
    auto listed = test::run_boardpack({"list", "batch.yaml", "--out", "../out"}, b.root.string());
    CHECK(listed.out.find("6 reports, 6 up to date") != std::string::npos);
}

TEST_CASE("the manifest lists every file the batch reads with its checksum", "[e2e][incremental][manifest]") {
    Batch b;
    REQUIRE(b.run().exit_code == 0);
    const std::string m = test::read_text_file(b.out / "manifest.json");
    for (const char* name : {"batch\\.yaml", "template\\.yaml", "data/quotes\\.csv", "data/observations\\.csv",
                             "data/settings\\.csv", "data/targets\\.csv", "data/actions\\.csv", "LiberationSans-Regular\\.ttf"}) {
        INFO(name);
        CHECK(std::regex_search(m, std::regex(std::string("\"path\": \"[^\"]*") + name + "\",\\s*\"sha256\": \"[0-9a-f]{64}\"")));
    }
}
