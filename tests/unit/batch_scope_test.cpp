// Unit tests: which setting a bad row belongs to (entities_of), which reports read a setting's
// rows (reads_entity), and `if:`/`unless:` on names that are not defined.
#include <catch2/catch.hpp>

#include <fstream>

#include "engine/batch/entity_rows.h"
#include "engine/batch/report_job.h"
#include "engine/templating/report_builder.h"
#include "tests/support/temp_dir.h"

using namespace engine;

namespace {

data::EntityTable two_settings() {
    data::EntityTable t;
    t.add({"S1", "Little Acorns", "Kent", {}, {}});
    t.add({"S2", "Hill Top", "Leeds", {}, {}});
    return t;
}

core::Diagnostic error_at(const std::string& file, int line, core::Severity s = core::Severity::Error) {
    core::Diagnostic d;
    d.severity = s;
    d.where = {file, line, 3};
    d.message = "bad";
    return d;
}

}  // namespace

TEST_CASE("an error on a row of one setting is that setting's and any other error is the batch's",
          "[batch][scope]") {
    test::TempDir dir;
    const std::string obs = (dir.path() / "obs.csv").string();
    const std::string urn_obs = (dir.path() / "urn.csv").string();
    const std::string actions = (dir.path() / "actions.csv").string();
    const std::string targets = (dir.path() / "targets.csv").string();
    std::ofstream(obs) << "geographic_level,setting_id,value\n"
                          "Setting,S1,1\n"                   // line 2
                          "National,,2\n"                    // line 3
                          "Setting,S9,3\n"                   // line 4: not a known setting
                          "Setting,S2,\"a\nmulti-line\"\n";  // lines 5-6: one record
    std::ofstream(urn_obs) << "geographic_level,urn,value\nSetting,S2,1\n";
    std::ofstream(actions) << "action_id,setting_id\nA1,S2\nA2,\n";
    std::ofstream(targets) << "measure,characteristic\ngld,S1\n";
    config::BatchConfig cfg;
    cfg.observations.resize(2);
    cfg.observations[0].path = obs;
    cfg.observations[1].path = urn_obs;
    cfg.observations[1].rename["setting_id"] = "urn";
    cfg.actions_path = actions;
    cfg.targets_path = targets;

    struct Case {
        core::Diagnostic d;
        std::string entity;
    };
    const std::vector<Case> cases = {
        {error_at(obs, 2), "S1"},
        {error_at(obs, 3), ""},    // a national row is shared
        {error_at(obs, 4), ""},    // an unknown setting has no report to fail alone
        {error_at(obs, 5), "S2"},
        {error_at(obs, 6), "S2"},  // inside the quoted field of the record that starts on 5
        {error_at(obs, 1), ""},    // the header
        {error_at(obs, 2, core::Severity::Warning), ""},
        {error_at(urn_obs, 2), "S2"},  // the setting column renamed
        {error_at(actions, 2), "S2"},
        {error_at(actions, 3), ""},  // an action of no setting
        {error_at(targets, 2), ""},  // targets are shared
        {error_at("batch.yaml", 2), ""},
    };
    std::vector<core::Diagnostic> ds;
    for (const auto& c : cases) ds.push_back(c.d);
    const auto got = batch::entities_of(cfg, two_settings(), ds);
    REQUIRE(got.size() == cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        INFO("case " << i << ": " << cases[i].d.where.file << ":" << cases[i].d.where.line);
        CHECK(got[i] == cases[i].entity);
    }
}

TEST_CASE("a setting's rows are read by its own report its local authority's and every report across areas",
          "[batch][scope]") {
    batch::BatchData b;
    b.settings = two_settings();
    config::ReportConfig per_setting, per_la, whole, spread;
    per_setting.for_each = "setting";
    per_setting.template_path = "plain.yaml";
    per_la.for_each = "local_authority";
    per_la.template_path = "plain.yaml";
    whole.template_path = "plain.yaml";
    spread.for_each = "setting";
    spread.template_path = "spread.yaml";
    b.templates["plain.yaml"] = {};
    templating::TemplateSpec with_chart;
    templating::BlockSpec chart;
    chart.kind = templating::BlockKind::Chart;
    chart.options["kind"] = {"distribution", {}};
    with_chart.sections.push_back({{}, true, false, "", "", {chart}, {}});
    b.templates["spread.yaml"] = with_chart;

    auto unit = [](const config::ReportConfig& r, std::optional<data::Entity> e) {
        batch::Unit u;
        u.report = &r;
        if (e) u.own(std::move(*e));
        return u;
    };
    const data::Entity s1 = *b.settings.find("S1"), s2 = *b.settings.find("S2");
    data::Entity kent;
    kent.id = kent.name = kent.la_name = "Kent";
    struct Case {
        batch::Unit u;
        bool reads_s1, reads_s2;
    };
    const std::vector<Case> cases = {
        {unit(per_setting, s1), true, false},
        {unit(per_setting, s2), false, true},
        {unit(per_la, kent), true, false},
        {unit(whole, std::nullopt), true, true},
        {unit(spread, s2), true, true},  // its distribution chart shows every setting
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        INFO("case " << i);
        CHECK(batch::reads_entity(b, cases[i].u, b.settings.find("S1")) == cases[i].reads_s1);
        CHECK(batch::reads_entity(b, cases[i].u, b.settings.find("S2")) == cases[i].reads_s2);
        CHECK_FALSE(batch::reads_entity(b, cases[i].u, nullptr));
    }
}

TEST_CASE("if on an undefined name is false and a name two edits from a defined one warns", "[templating][if]") {
    templating::ValueMap text;
    text["purpose"] = templating::Value("To inform.");
    text["empty"] = templating::Value("");
    templating::ValueMap root;
    root["text"] = templating::Value(text);
    // What the default running header and footer name.
    templating::ValueMap report;
    for (const char* key : {"title", "author", "organisation"}) report[key] = templating::Value("R");
    root["report"] = templating::Value(report);
    root["as_of"] = templating::Value(core::Date{2019, 7, 31});
    const templating::Value context(root);

    struct Case {
        std::string if_path, unless_path;
        bool shown;
        std::string warning;  // the name suggested, "" for no warning
    };
    const std::vector<Case> cases = {
        {"text.purpose", "", true, ""},
        {"text.empty", "", false, ""},
        {"text.notes", "", false, ""},                          // undefined, like nothing defined
        {"text.purpos", "", false, "text.purpose"},             // one edit away
        {"Text.Purpse", "", false, "text.purpose"},             // case aside, one edit
        {"text.prps", "", false, ""},                           // three edits: not a typo
        {"", "text.notes", true, ""},                           // unless on undefined: shown
        {"", "text.purpose", false, ""},
        {"", "text.purpse", true, "text.purpose"},
    };
    for (const auto& c : cases) {
        INFO("if: '" << c.if_path << "' unless: '" << c.unless_path << "'");
        templating::TemplateSpec t;
        templating::BlockSpec p;
        p.kind = templating::BlockKind::Paragraph;
        p.text = {"Shown.", {}};
        p.if_path = c.if_path;
        p.unless_path = c.unless_path;
        t.sections.push_back({{}, true, false, "", "", {p}, {}});
        core::DiagnosticSink sink;
        auto out = templating::expand_template(t, context, sink);
        INFO(sink.str());
        REQUIRE(out);
        CHECK_FALSE(sink.has_errors());
        bool shown = false;
        for (const auto& blk : out->doc.blocks)
            if (const auto* para = std::get_if<templating::Paragraph>(&blk))
                shown |= !para->text.empty() && para->text.front().text == "Shown.";
        CHECK(shown == c.shown);
        const std::string diagnostics = sink.str();
        if (c.warning.empty()) {
            CHECK(sink.diagnostics().empty());
        } else {
            CHECK(diagnostics.find("warning: '" + (c.if_path.empty() ? c.unless_path : c.if_path) +
                                   "' is not defined, so the condition is false") != std::string::npos);
            CHECK(diagnostics.find("did you mean '" + c.warning + "'?") != std::string::npos);
        }
    }
}
