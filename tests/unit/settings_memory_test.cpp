// Unit tests: what grows with the number of settings stays out of the resident heap or small
// (docs/performance.md, "Memory flat in the number of settings"): the action plan in a
// temporary file with a small directory, compact units and settings.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "engine/batch/fan_out.h"
#include "engine/batch/manifest.h"
#include "engine/core/diagnostic.h"
#include "engine/data/loaders.h"
#include "tests/support/temp_dir.h"

using namespace engine;

namespace {

std::string setting_id(int i) { return "S" + std::to_string(10000 + i); }

// A plan of `entities` settings with 9 actions each, in setting order but for one setting whose
// last actions come at the end of the file (a second run of its rows); the progress notes differ
// from row to row, the objectives repeat.
std::string write_plan(const test::TempDir& dir, int entities) {
    const std::string path = (dir.path() / ("actions-" + std::to_string(entities) + ".csv")).string();
    std::ofstream out(path, std::ios::binary);
    out << "setting_id,action_id,objective,action,owner,start,due,status,progress,last_updated,rag\n";
    static const char* kStatus[] = {"Complete", "In progress", "Not started"};
    static const char* kRag[] = {"", "Red", "Amber", "Green"};
    auto row = [&](int e, int k) {
        out << setting_id(e) << "," << setting_id(e) << "-A" << k << ",Objective " << k % 3 << ",Action " << k
            << ",Owner " << e % 7 << "," << (k % 2 ? "2018-05-01" : "") << ",2019-0" << 1 + k % 9 << "-15,"
            << kStatus[k % 3] << ",\"Note " << e << "/" << k << ", with a comma\"," << (k % 4 ? "2019-01-15" : "")
            << "," << kRag[(e + k) % 4] << "\n";
    };
    for (int e = 0; e < entities; ++e)
        for (int k = 0; k < (e == 3 ? 6 : 9); ++k) row(e, k);
    for (int k = 6; k < 9; ++k) row(3, k);
    return path;
}

void check_same(const data::Action& a, const data::Action& b) {
    CHECK(a.id == b.id);
    CHECK(a.entity == b.entity);
    CHECK(a.objective == b.objective);
    CHECK(a.action == b.action);
    CHECK(a.owner == b.owner);
    CHECK(a.start == b.start);
    CHECK(a.due == b.due);
    CHECK(a.state == b.state);
    CHECK(a.progress == b.progress);
    CHECK(a.last_updated == b.last_updated);
    CHECK(a.rag == b.rag);
    CHECK(a.line == b.line);
}

}  // namespace

TEST_CASE("an action plan read back from its temporary file is the plan kept in memory, entity by entity",
          "[data][memory]") {
    test::TempDir dir;
    const std::string path = write_plan(dir, 600);
    data::ActionPlan kept(std::size_t{1} << 30), spilled(0);
    core::DiagnosticSink sink;
    REQUIRE(data::load_actions(path, data::EntityTable{}, kept, sink));
    REQUIRE(data::load_actions(path, data::EntityTable{}, spilled, sink));
    CHECK_FALSE(kept.spilled());
    CHECK(spilled.spilled());
    REQUIRE(kept.size() == 600 * 9);
    REQUIRE(spilled.size() == kept.size());

    const data::ActionList all = spilled.read(""), all_kept = kept.read("");
    REQUIRE(all.size() == all_kept.size());
    for (std::size_t i = 0; i < all.size(); ++i) check_same(all[i], all_kept[i]);
    // File order, line by line, and the texts as written (a quoted comma kept).
    CHECK(all[0].line == 2);
    CHECK(all.actions().back().line == 600 * 9 + 1);
    CHECK(all[0].progress == "Note 0/0, with a comma");
    CHECK(all[1].start == core::Date{2018, 5, 1});
    CHECK_FALSE(all[0].start.has_value());

    std::size_t visited = 0;
    spilled.for_each([&](const data::Action& a) {
        REQUIRE(visited < all.size());
        check_same(a, all[visited++]);
    });
    CHECK(visited == all.size());

    for (int e : {0, 3, 299, 599}) {
        const data::ActionList mine = spilled.read(setting_id(e)), mine_kept = kept.read(setting_id(e));
        REQUIRE(mine.size() == 9);
        REQUIRE(mine_kept.size() == 9);
        for (std::size_t k = 0; k < 9; ++k) {
            check_same(mine[k], mine_kept[k]);
            CHECK(mine[k].entity == setting_id(e));
            CHECK(mine[k].id == setting_id(e) + "-A" + std::to_string(k));  // both runs, in file order
        }
    }
    CHECK(spilled.read("S99999").empty());
}

TEST_CASE("an action plan keeps under 40 bytes resident for each further setting, its actions in the file",
          "[data][memory]") {
    // What stays resident per setting: its run in the directory (24 bytes), the run's place in
    // the index by setting (4) and the setting's id (6 bytes here); the actions are in the file.
    test::TempDir dir;
    auto resident = [&](int entities) {
        data::ActionPlan plan(0);
        core::DiagnosticSink sink;
        REQUIRE(data::load_actions(write_plan(dir, entities), data::EntityTable{}, plan, sink));
        REQUIRE(plan.size() == static_cast<std::size_t>(entities) * 9);
        return plan.resident_bytes();
    };
    const std::size_t small = resident(500), large = resident(5000);
    INFO("resident bytes: " << small << " at 500 settings, " << large << " at 5,000");
    CHECK(large > small);
    CHECK((large - small) / 4500 < 40);
}

namespace {

// A settings file of `n` settings in six local authorities, one of them with a character a path
// may not hold.
std::string write_settings(const test::TempDir& dir, int n) {
    const std::string path = (dir.path() / ("settings-" + std::to_string(n) + ".csv")).string();
    std::ofstream out(path, std::ios::binary);
    out << "setting_id,setting_name,la_name,cluster\n";
    for (int i = 0; i < n; ++i)
        out << setting_id(i) << ",Setting " << i << ",LA " << i % 5 << (i % 6 == 5 ? "/East" : "") << ",C" << i % 3 << "\n";
    return path;
}

std::unique_ptr<batch::BatchData> settings_batch(const std::string& settings_path) {
    auto b = std::make_unique<batch::BatchData>();
    core::DiagnosticSink sink;
    REQUIRE(data::load_entities(settings_path, b->settings, sink));
    config::ReportConfig r;
    r.id = "summary";
    r.for_each = "setting";
    r.output = "{term}/{la_name}/{setting_id}-{cluster}.pdf";
    b->config.reports.push_back(r);
    config::ReportConfig whole;
    whole.id = "overview";
    whole.output = "overview-{year}.pdf";
    b->config.reports.push_back(whole);
    return b;
}

}  // namespace

TEST_CASE("units made from a generated settings file have the keys, outputs and shards their settings give",
          "[batch][memory]") {
    test::TempDir dir;
    const int n = 3000;
    auto b = settings_batch(write_settings(dir, n));
    batch::Term term;
    term.name = "Summer";
    term.year = 2019;
    const core::Date as_of{2019, 7, 31};
    core::DiagnosticSink sink;
    const auto units = batch::expand_units(*b, term, as_of, sink);
    CHECK(sink.diagnostics().empty());
    REQUIRE(units.size() == static_cast<std::size_t>(n) + 1);
    for (int i = 0; i < n; ++i) {
        const batch::Unit& u = units[static_cast<std::size_t>(i)];
        INFO(setting_id(i));
        CHECK(u.key() == "summary/" + setting_id(i));
        const std::string la = "LA " + std::to_string(i % 5) + (i % 6 == 5 ? "_East" : "");  // the '/' made safe
        CHECK(batch::unit_output(u, term, as_of) ==
              "summer-2019/" + la + "/" + setting_id(i) + "-C" + std::to_string(i % 3) + ".pdf");
        CHECK(u.area().level == data::kSetting);
        CHECK(u.area().name == setting_id(i));
        CHECK(u.action_entity() == setting_id(i));
        CHECK(u.entity == b->settings.find(setting_id(i)));  // the table's own, not a copy
    }
    CHECK(units.back().key() == "overview");
    CHECK(batch::unit_output(units.back(), term, as_of) == "overview-2019.pdf");
    CHECK(units.back().entity == nullptr);
    CHECK(units.back().action_entity().empty());

    // Every unit in exactly one shard, and in the same one whatever else the batch holds.
    auto half = settings_batch(write_settings(dir, n / 2));
    const auto fewer = batch::expand_units(*half, term, as_of, sink);
    for (int k = 0; k < n / 2; ++k) {
        const auto i = static_cast<std::size_t>(k);
        int shards = 0;
        for (int s = 1; s <= 7; ++s) {
            shards += batch::in_shard(units[i], s, 7);
            CHECK(batch::in_shard(units[i], s, 7) == batch::in_shard(fewer[i], s, 7));
        }
        CHECK(shards == 1);
    }

    // Two settings writing one file: the error names both units, as before.
    b->config.reports[0].output = "{la_name}.pdf";
    core::DiagnosticSink clash;
    const auto some = batch::expand_units(*b, term, as_of, clash);
    REQUIRE(clash.error_count() > 0);
    // Setting 5 writes "LA 0_East.pdf"; setting 6 is the first to write a file again.
    CHECK(clash.diagnostics()[0].message == "'summary/" + setting_id(6) + "' and 'summary/" + setting_id(1) +
                                                "' would both write 'LA 1.pdf'");
    CHECK(some.size() == 10 + 1);  // one unit per file: five authorities, each with and without "_East"
}

TEST_CASE("a unit holds its entity by pointer, not a copy of it, its key or its output", "[batch][memory]") {
    // A report, an entity and a group pointer, and the share of an entity made for a local
    // authority or a column's value: 40 bytes, against about 1 KB with a copy of the setting,
    // the key, the output path and the area as strings.
    CHECK(sizeof(batch::Unit) <= 48);
}

TEST_CASE("what a run keeps of each unit until the manifest is written is 136 bytes", "[batch][memory]") {
    // Status, counts and the seconds (16 bytes), the input key and two files' digests and sizes
    // (112), and a pointer to the files read and errors, which only a few units have.
    CHECK(sizeof(batch::UnitResult) <= 136);
}

TEST_CASE("an action plan that cannot go to its temporary folder is an error naming the folder", "[data][memory]") {
    test::TempDir dir;
    const std::string path = write_plan(dir, 20);
    const char* before = std::getenv("TMPDIR");
    const std::string saved = before ? before : "";
    const std::string missing = (dir.path() / "no-such-folder").string();
    ::setenv("TMPDIR", missing.c_str(), 1);
    data::ActionPlan plan(0);
    core::DiagnosticSink sink;
    const bool ok = data::load_actions(path, data::EntityTable{}, plan, sink);
    if (before) ::setenv("TMPDIR", saved.c_str(), 1);
    else ::unsetenv("TMPDIR");
    CHECK_FALSE(ok);
    REQUIRE(sink.error_count() == 1);  // once, not once a row
    CHECK(sink.diagnostics()[0].where.file == missing);
    CHECK(sink.diagnostics()[0].message.find("cannot make a temporary file") != std::string::npos);
    REQUIRE_FALSE(sink.diagnostics()[0].hints.empty());
    CHECK(sink.diagnostics()[0].hints[0].find("TMPDIR") != std::string::npos);
}
