#include "engine/config/config_loader.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

#include "tests/support/temp_dir.h"

using namespace engine;

namespace {
struct Loaded {
    std::optional<config::BatchConfig> cfg;
    std::string errors;
};

Loaded load(const std::string& yaml) {
    static test::TempDir dir;
    std::string path = (dir.path() / "batch.yaml").string();
    std::ofstream(path) << yaml;
    // The config checks that the files it names are regular files: make the ones named
    // (relative .csv and .yaml paths), empty, as the loaders read them only later.
    static const std::regex named(R"((?:^|[\s\[{,:])([A-Za-z0-9_][A-Za-z0-9_./-]*\.(?:csv|yaml)))");
    for (std::sregex_iterator it(yaml.begin(), yaml.end(), named), end; it != end; ++it) {
        std::filesystem::path f = dir.path() / (*it)[1].str();
        std::filesystem::create_directories(f.parent_path());
        if (!std::filesystem::exists(f)) std::ofstream{f};
    }
    core::DiagnosticSink sink;
    Loaded l;
    l.cfg = config::load_batch_config(path, sink);
    l.errors = sink.str();
    // Make messages independent of the temp folder.
    for (std::size_t p; (p = l.errors.find(path)) != std::string::npos;)
        l.errors.replace(p, path.size(), "batch.yaml");
    return l;
}

const char* kMinimal = R"(data:
  observations: obs.csv
reports:
  - id: r1
    template: t.yaml
    title: Report one
)";
}  // namespace

TEST_CASE("a minimal batch loads with defaults and resolved paths", "[config]") {
    auto l = load(kMinimal);
    REQUIRE(l.cfg);
    CHECK(l.errors.empty());
    CHECK(l.cfg->min_cohort == 5);
    CHECK(l.cfg->reports.at(0).output == "{id}.pdf");
    CHECK(l.cfg->observations.at(0).path.size() > std::string("obs.csv").size());
}

TEST_CASE("an unknown key is reported with its position and the valid keys", "[config]") {
    auto l = load(std::string(kMinimal) + "    tittle: x\n");
    CHECK_FALSE(l.cfg);
    CHECK(l.errors ==
          "batch.yaml:7:5: error: unknown key 'tittle' in 'reports[0]'\n"
          "  hint: did you mean 'title'? valid keys are 'id', 'for_each', 'where', 'template', "
          "'output', 'formats', 'title', 'subtitle', 'author', 'organisation', 'classification', 'source', "
          "'area', "
          "'meeting', 'text' and 'sources'\n");
}

TEST_CASE("a duplicate key is an error naming the first occurrence", "[config]") {
    auto l = load(std::string(kMinimal) + "    title: Again\n");
    CHECK_FALSE(l.cfg);
    CHECK(l.errors.rfind("batch.yaml:7:5: error: duplicate key 'title' in 'reports[0]' (first "
                         "given on line 6)\n",
                         0) == 0);
}

TEST_CASE("a value of the wrong type is reported at the value", "[config]") {
    auto l = load(std::string("batch:\n  suppression:\n    min_cohort: five\n") + kMinimal);
    CHECK_FALSE(l.cfg);
    CHECK(l.errors ==
          "batch.yaml:3:17: error: 'batch.suppression.min_cohort' must be a whole number, got "
          "'five'\n");
    auto l2 = load(std::string("batch:\n  as_of: 17/09/2015\n") + kMinimal);
    CHECK(l2.errors ==
          "batch.yaml:2:10: error: 'batch.as_of' must be a date as YYYY-MM-DD, got '17/09/2015'\n");
    auto l3 = load("data:\n  observations: obs.csv\nreports: r1\n");
    CHECK(l3.errors == "batch.yaml:3:10: error: 'reports' must be a list, got 'r1'\n");
}

TEST_CASE("a YAML syntax error is reported with a 1-based position", "[config]") {
    auto l = load("data:\n  observations: [obs.csv\nreports: []\n");
    CHECK_FALSE(l.cfg);
    CHECK(l.errors.rfind("batch.yaml:3:8: error: YAML syntax error: end of sequence flow not found",
                         0) == 0);
}

TEST_CASE("a missing required key names the map it belongs to", "[config]") {
    auto l = load("data:\n  observations: obs.csv\nreports:\n  - id: r1\n    title: T\n");
    CHECK(l.errors == "batch.yaml:4:5: error: missing required key 'reports[0].template'\n");
}

TEST_CASE("a missing batch file is reported by name", "[config]") {
    core::DiagnosticSink sink;
    CHECK_FALSE(config::load_batch_config("/nonexistent/batch.yaml", sink));
    CHECK(sink.str() == "/nonexistent/batch.yaml: error: cannot read file: no such file\n");
}

TEST_CASE("a report id must be lower case letters, digits, '-' or '_'", "[config]") {
    for (const char* bad : {"My Report-1", "Report", "a b", "r/1"}) {
        std::string yaml = kMinimal;
        yaml.replace(yaml.find("id: r1"), 6, std::string("id: \"") + bad + "\"");
        auto l = load(yaml);
        INFO(bad << ": " << l.errors);
        CHECK_FALSE(l.cfg);
        CHECK(l.errors.find("must be lower case letters, digits, '-' or '_'") != std::string::npos);
    }
    for (const char* good : {"setting-summary", "annual_report", "r1"}) {
        std::string yaml = kMinimal;
        yaml.replace(yaml.find("id: r1"), 6, std::string("id: ") + good);
        INFO(good);
        CHECK(load(yaml).cfg);
    }
}

TEST_CASE("a GLD area outside the records' areas is an error, not a silent lack of GLD", "[config]") {
    auto l = load(R"(data:
  records:
    file: records.csv
    areas: [communication_language, literacy, mathematics]
    gld: {areas: [communication_language, literacy, maths]}
reports:
  - id: r1
    template: t.yaml
    title: Report one
)");
    CHECK_FALSE(l.cfg);
    CHECK(l.errors.find("batch.yaml:5:") != std::string::npos);
    CHECK(l.errors.find("GLD area 'maths' is not one of 'data.records.areas'") != std::string::npos);
    CHECK(l.errors.find("'mathematics'") != std::string::npos);  // the hint lists the valid areas
}

namespace {
const char* kOneReport = R"(reports:
  - id: r1
    template: t.yaml
    title: Report one
)";
}  // namespace

TEST_CASE("an observations source's groups map renames data names and totals name a breakdown's total", "[config]") {
    auto l = load(R"(batch:
  suppression:
    partitions: [[Band A, Band B]]
    totals: [Everyone]
data:
  observations:
    - file: national.csv
      groups: {"FSM eligible": FSM, "Not known to be FSM eligible": Not FSM}
)" + std::string(kOneReport));
    INFO(l.errors);
    REQUIRE(l.cfg);
    const auto& names = l.cfg->observations.at(0).group_names;
    CHECK(names.size() == 2);
    CHECK(names.at("FSM eligible") == "FSM");
    CHECK(names.at("Not known to be FSM eligible") == "Not FSM");
    CHECK(l.cfg->totals == std::vector<std::string>{"Everyone"});
    CHECK(l.cfg->partitions.size() == 1);
}

TEST_CASE("a groups entry without a report name is an error at its key", "[config]") {
    auto l = load(R"(data:
  observations:
    - file: national.csv
      groups: {"FSM eligible": [FSM]}
)" + std::string(kOneReport));
    CHECK_FALSE(l.cfg);
    CHECK_THAT(l.errors, Catch::StartsWith("batch.yaml:4:"));
}

TEST_CASE("batch.abbreviations are read in order and an empty expansion is an error", "[config]") {
    auto l = load(std::string("batch:\n  abbreviations:\n    HWB: Health and Wellbeing Board\n"
                              "    JSNA: joint strategic needs assessment\n") +
                  kMinimal);
    REQUIRE(l.cfg);
    REQUIRE(l.cfg->abbreviations.size() == 2);
    CHECK(l.cfg->abbreviations[0] ==
          std::pair<std::string, std::string>("HWB", "Health and Wellbeing Board"));
    CHECK(l.cfg->abbreviations[1].first == "JSNA");
    auto bad = load(std::string("batch:\n  abbreviations:\n    HWB: \"\"\n") + kMinimal);
    CHECK_FALSE(bad.cfg);
    CHECK(bad.errors ==
          "batch.yaml:3:10: error: 'batch.abbreviations.HWB' must spell the abbreviation out, "
          "e.g. HWB: Health and Wellbeing Board\n");
}

TEST_CASE("a measure's title phrase is given or made from a sentence-case label", "[config]") {
    auto l = load(std::string(kMinimal) + R"(measures:
  parents: {label: Parents taking part in home learning, short_label: Parents engaged, phrase: parents taking part}
  gld: {label: Good level of development, short_label: GLD}
  ks2: {label: "Key Stage 2: reading, writing and maths", short_label: KS2 RWM}
  eal: {label: EAL pupils at the expected standard, short_label: EAL}
)");
    REQUIRE(l.cfg);
    CHECK(l.errors.empty());
    const auto& cat = l.cfg->catalog;
    CHECK(cat.measure("parents")->phrase == "parents taking part");
    CHECK(cat.measure("gld")->phrase == "good level of development");
    CHECK(cat.measure("ks2")->phrase == "KS2 RWM");  // a colon: not a phrase, the short label
    CHECK(cat.measure("eal")->phrase == "EAL pupils at the expected standard");  // acronym kept
    CHECK(engine::data::default_measure_phrase("Maths in Year 6", "Y6 maths") == "Y6 maths");
}

TEST_CASE("the fingerprints of a batch and its reports change with their settings and with nothing else",
          "[config]") {
    auto base = load(kMinimal);
    REQUIRE(base.cfg);
    // Layout only (a flow map, comments, quotes): the same settings, the same fingerprints.
    auto restyled = load("data: {observations: obs.csv}   # comment\nreports:\n"
                         "  - {id: r1, template: t.yaml, title: \"Report one\"}\n");
    REQUIRE(restyled.cfg);
    auto retitled = load("data:\n  observations: obs.csv\nreports:\n  - id: r1\n    template: t.yaml\n"
                         "    title: Report one.\n");
    REQUIRE(retitled.cfg);
    auto other_data = load("data:\n  observations: obs2.csv\nreports:\n  - id: r1\n    template: t.yaml\n"
                           "    title: Report one\n");
    REQUIRE(other_data.cfg);
    CHECK(!base.cfg->fingerprint.empty());
    CHECK(!base.cfg->reports.at(0).fingerprint.empty());
    CHECK(restyled.cfg->reports.at(0).fingerprint != base.cfg->reports.at(0).fingerprint);  // "…" is tagged "!"
    CHECK(restyled.cfg->fingerprint == base.cfg->fingerprint);
    CHECK(retitled.cfg->reports.at(0).fingerprint != base.cfg->reports.at(0).fingerprint);
    CHECK(retitled.cfg->fingerprint == base.cfg->fingerprint);  // the reports are not the batch's
    CHECK(other_data.cfg->fingerprint != base.cfg->fingerprint);
    CHECK(other_data.cfg->reports.at(0).fingerprint == base.cfg->reports.at(0).fingerprint);
}
