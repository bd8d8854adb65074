// Unit tests: what a large batch keeps in memory (docs/performance.md, "Memory at 5,000
// settings"): input files hashed in steps, the action plan's compact rows, the manifest's
// compact records written one at a time and read back one at a time.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/batch/input_digest.h"
#include "engine/batch/manifest.h"
#include "engine/batch/previous_run.h"
#include "engine/core/file_io.h"
#include "engine/core/sha256.h"
#include "engine/data/loaders.h"
#include "tests/support/temp_dir.h"

using namespace engine;

TEST_CASE("a file hashed in steps for the manifest has the digest of its bytes hashed whole", "[batch][memory]") {
    test::TempDir dir;
    // Longer than one step (4 MB) and not a multiple of it, so the last step is short.
    std::string bytes;
    for (int i = 0; bytes.size() < (std::size_t{9} << 20) + 12345; ++i)
        bytes += "201819,Autumn term,Setting,Kent,S" + std::to_string(i) + ",Total,gld,61.5,12\n";
    const std::string path = (dir.path() / "big.csv").string();
    std::ofstream(path, std::ios::binary) << bytes;
    const batch::InputFile f = batch::hash_file(path);
    CHECK(f.bytes == bytes.size());
    CHECK(f.sha256 == core::sha256_hex(bytes));
    // The well-known digest of nothing, for an empty file.
    const std::string empty = (dir.path() / "empty.csv").string();
    std::ofstream(empty, std::ios::binary).flush();
    CHECK(batch::hash_file(empty).sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("an action plan keeps each repeated text once and a copy of it outlives the original", "[data][memory]") {
    test::TempDir dir;
    const std::string path = (dir.path() / "actions.csv").string();
    std::ofstream(path, std::ios::binary)
        << "setting_id,action_id,objective,action,owner,start,due,status,last_updated\n"
           "S1,S1-A01,Close the attainment gap,Coaching visit programme,Setting lead,2018-05-01,2018-08-28,Complete,2019-01-15\n"
           "S2,S2-A01,Close the attainment gap,Coaching visit programme,SENCo,2018-05-01,2018-08-28,In progress,2019-01-15\n"
           "S2,S2-A02,Increase parental involvement,Coaching visit programme,SENCo,2018-06-01,2018-09-28,Not started,\n";
    data::ActionPlan copy;
    {
        data::ActionPlan plan;
        core::DiagnosticSink sink;
        REQUIRE(data::load_actions(path, data::EntityTable{}, plan, sink));
        REQUIRE(plan.size() == 3);
        const data::ActionList a = plan.read("");
        CHECK(a[0].objective == "Close the attainment gap");
        CHECK(a[0].objective.data() == a[1].objective.data());  // one copy of the text
        CHECK(a[2].objective == "Increase parental involvement");
        CHECK(a[0].action.data() == a[2].action.data());
        CHECK(a[1].owner.data() == a[2].owner.data());
        CHECK(a[2].line == 4);
        copy = plan;
    }
    REQUIRE(copy.size() == 3);
    const data::ActionList all = copy.read("");
    CHECK(all[1].owner == "SENCo");
    CHECK(all[2].action == "Coaching visit programme");
    const data::ActionList s2 = copy.read("S2");
    REQUIRE(s2.size() == 2);
    CHECK(s2[1].id == "S2-A02");
}

namespace {

batch::UnitRecord written_record(int i) {
    batch::UnitRecord r;
    r.key = "setting-summary/S" + std::to_string(10000 + i);
    r.report = "setting-summary";
    r.entity = "S" + std::to_string(10000 + i);
    r.status = i % 3 == 2 ? batch::UnitStatus::Failed : batch::UnitStatus::Written;
    const std::string pdf = "/out/S" + std::to_string(10000 + i) + ".pdf";
    r.output = pdf;
    r.input_key = core::sha256_hex("key " + std::to_string(i));
    r.seconds = 0.25 * i;
    if (r.status == batch::UnitStatus::Failed) {
        r.errors = {"data/observations.csv:" + std::to_string(i + 2) + ":8: error: \"value\" must be a number"};
        return r;
    }
    r.pages = 2 + i;
    r.files = {{"pdf", pdf, core::sha256_hex("pdf " + std::to_string(i)), std::size_t(28000 + i)},
               {"html", "/out/S" + std::to_string(10000 + i) + ".html", core::sha256_hex("html"), 51234}};
    r.sha256 = r.files[0].sha256;
    r.bytes = r.files[0].bytes;
    if (i == 1) r.reads = {{"/templates/logo.png", core::sha256_hex("logo"), 0}};
    return r;
}

}  // namespace

TEST_CASE("a run keeps a unit's manifest record in under 200 bytes and gives it back whole", "[batch][memory][manifest]") {
    CHECK(sizeof(batch::UnitResult) < 200);
    for (int i = 0; i < 3; ++i) {
        INFO(i);
        const batch::UnitRecord r = written_record(i);
        const batch::UnitResult kept = batch::compact(r);
        std::vector<batch::OutputFile> files = {{"pdf", r.output, "", 0}, {"html", "/out/S" + std::to_string(10000 + i) + ".html", "", 0}};
        const batch::UnitRecord back = batch::expand(kept, r.key, r.report, r.entity, files);
        CHECK(back.key == r.key);
        CHECK(back.output == r.output);
        CHECK(back.status == r.status);
        CHECK(back.input_key == r.input_key);
        CHECK(back.sha256 == r.sha256);
        CHECK(back.bytes == r.bytes);
        CHECK(back.pages == r.pages);
        CHECK(back.seconds == r.seconds);
        REQUIRE(back.files.size() == r.files.size());
        for (std::size_t k = 0; k < r.files.size(); ++k) {
            CHECK(back.files[k].path == r.files[k].path);
            CHECK(back.files[k].format == r.files[k].format);
            CHECK(back.files[k].sha256 == r.files[k].sha256);
            CHECK(back.files[k].bytes == r.files[k].bytes);
        }
        CHECK(back.reads.size() == r.reads.size());
        CHECK(back.errors == r.errors);
    }
    CHECK(batch::hex_of(batch::digest_of_hex(core::sha256_hex("x"))) == core::sha256_hex("x"));
    CHECK(batch::hex_of(batch::digest_of_hex("not a digest")) == std::string(64, '0'));
}

TEST_CASE("the manifest written record by record is the JSON a whole tree of it would dump", "[batch][memory][manifest]") {
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{5}}) {
        INFO(count);
        batch::Manifest m{.engine_version = "0.1.0", .batch = "batch.yaml", .as_of = "2019-07-31",
                          .as_of_source = "batch.as_of", .term = "summer-2019", .started = "2026-01-01T00:00:00Z",
                          .shard = "1/2", .inputs = {{"data/a.csv", core::sha256_hex("a"), 12}},
                          .unit_count = count,
                          .unit = [](std::size_t i) { return written_record(static_cast<int>(i)); }};
        const std::string text = m.to_json();
        const nlohmann::json j = nlohmann::json::parse(text);
        CHECK(j.dump(2) + "\n" == text);  // byte for byte what dump(2) of the whole tree gives
        REQUIRE(j["reports"].size() == count);
        CHECK(j["summary"]["units"] == count);
        for (std::size_t i = 0; i < count; ++i) CHECK(j["reports"][i]["key"] == written_record(static_cast<int>(i)).key);
        if (count == 5) {
            CHECK(j["summary"]["failed"] == 1);
            CHECK(j["reports"][1]["reads"][0]["path"] == "/templates/logo.png");
            CHECK(j["reports"][2]["errors"].size() == 1);
            CHECK(!j["reports"][2].contains("files"));
        }
    }
}

TEST_CASE("a re-run reads the previous manifest record by record into compact units", "[batch][memory][manifest]") {
    test::TempDir dir;
    const std::string path = (dir.path() / "manifest.json").string();
    batch::Manifest m{.engine_version = "0.1.0", .batch = "batch.yaml", .as_of = "2019-07-31",
                      .as_of_source = "batch.as_of", .term = "summer-2019", .started = "2026-01-01T00:00:00Z",
                      .shard = "", .inputs = {{"data/a.csv", core::sha256_hex("a"), 12}},
                      .unit_count = 4,
                      .unit = [](std::size_t i) { return written_record(static_cast<int>(i)); }};
    const std::string text = m.to_json();
    std::ofstream(path, std::ios::binary) << text;

    const batch::PreviousRun previous = batch::PreviousRun::read(path);
    REQUIRE(previous.size() == 4);
    for (int i = 0; i < 4; ++i) {
        INFO(i);
        const batch::UnitRecord r = written_record(i);
        const batch::PreviousUnit* u = previous.find(r.key);
        REQUIRE(u != nullptr);
        CHECK(u->result.status == r.status);
        CHECK(u->result.pages == r.pages);
        CHECK(batch::hex_of(u->result.input_key) == r.input_key);
        REQUIRE(u->result.file_count == r.files.size());
        for (std::size_t k = 0; k < r.files.size(); ++k) {
            CHECK(u->file_is(k, r.files[k].format));
            CHECK(batch::hex_of(u->result.files[k].sha256) == r.files[k].sha256);
            CHECK(u->result.files[k].bytes == r.files[k].bytes);
        }
        REQUIRE(u->result.reads().size() == r.reads.size());
        if (!r.reads.empty()) {
            CHECK(u->result.reads()[0].path == r.reads[0].path);
            CHECK(u->result.reads()[0].sha256 == r.reads[0].sha256);
        }
    }
    CHECK(!previous.find(written_record(0).key)->file_is(0, "html"));
    CHECK(previous.find("setting-summary/S99999") == nullptr);

    // A manifest cut short (a disk that filled up under an older version) is no manifest: every
    // unit is built again rather than trusting the records read before the cut.
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text.substr(0, text.size() / 2);
    CHECK(batch::PreviousRun::read(path).size() == 0);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << "[{\"key\": \"setting-summary/S10000\"}]";
    CHECK(batch::PreviousRun::read(path).size() == 0);
    CHECK(batch::PreviousRun::read((dir.path() / "none.json").string()).size() == 0);
}
