// Unit tests: what a large batch keeps in memory (docs/performance.md, "Memory at 5,000
// settings"): input files hashed in steps, the action plan's compact rows.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "engine/batch/input_digest.h"
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
        REQUIRE(plan.actions.size() == 3);
        const auto& a = plan.actions;
        CHECK(a[0].objective == "Close the attainment gap");
        CHECK(a[0].objective.data() == a[1].objective.data());  // one copy of the text
        CHECK(a[2].objective == "Increase parental involvement");
        CHECK(a[0].action.data() == a[2].action.data());
        CHECK(a[1].owner.data() == a[2].owner.data());
        CHECK(a[2].line == 4);
        copy = plan;
    }
    REQUIRE(copy.actions.size() == 3);
    CHECK(copy.actions[1].owner == "SENCo");
    CHECK(copy.actions[2].action == "Coaching visit programme");
    REQUIRE(copy.for_entity("S2").size() == 2);
    CHECK(copy.for_entity("S2")[1]->id == "S2-A02");
}
