// A batch's own statuses (`statuses:`): the rules (compare two periods, thresholds), the
// vocabulary's errors at their line and column, the template values and the status cells.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "engine/config/config_loader.h"
#include "engine/metrics/custom_status.h"
#include "engine/metrics/status.h"
#include "engine/templating/format_value.h"
#include "engine/templating/status_context.h"
#include "engine/templating/status_style.h"
#include "tests/support/temp_dir.h"

using namespace engine;

namespace {

core::Exact ex(const char* s) { return *core::Exact::parse(s); }

data::StatusVocabulary compare_vocabulary() {
    data::StatusVocabulary v;
    v.name = "change";
    v.rule.kind = data::StatusRuleKind::Compare;
    v.rule.measures = {"lead", "data"};
    v.words = {{"Improved", "green", "triangle", data::ChangeOutcome::Improved, {}, {}, {}},
               {"Same", "grey", "circle", data::ChangeOutcome::Same, {}, {}, {}},
               {"Declined", "red", "triangle_down", data::ChangeOutcome::Declined, {}, {}, {}}};
    return v;
}

data::StatusVocabulary rag_vocabulary() {
    data::StatusVocabulary v;
    v.name = "rag";
    v.rule.kind = data::StatusRuleKind::Thresholds;
    v.rule.measures = {"gld"};
    v.words = {{"Green", "green", "circle", {}, ex("70"), {}, {}},
               {"Amber", "yellow", "diamond", {}, ex("65"), {}, {}},
               {"Red", "red", "triangle_down", {}, {}, {}, {}}};
    return v;
}

data::ObservationTable ratings() {
    data::ObservationTable t;
    auto add = [&](const std::string& measure, int year, const char* value) {
        data::Observation o;
        o.period = {year, data::PeriodKind::AcademicYear};
        o.level = "Local authority";
        o.area = "Kent";
        o.group = "Total";
        o.measure = measure;
        o.value = std::string(value) == "c" ? data::Value::missing_as(data::Missing::Suppressed, "c")
                                            : data::Value::of(ex(value));
        o.where = {"obs.csv", 2, 1};
        t.add(o);
    };
    add("lead", 2022, "2");
    add("lead", 2023, "3");
    add("data", 2022, "3");
    add("data", 2023, "3");
    add("gld", 2023, "65");
    return t;
}

struct Loaded {
    std::optional<config::BatchConfig> cfg;
    std::string errors;
};

Loaded load(const std::string& statuses, const std::string& measures = "") {
    static test::TempDir dir;
    const std::string path = (dir.path() / "batch.yaml").string();
    std::ofstream{dir.path() / "obs.csv"};
    std::ofstream{dir.path() / "t.yaml"};
    std::ofstream(path) << "data:\n  observations: obs.csv\n" << measures << "statuses:\n" << statuses
                        << "reports:\n  - {id: r, template: t.yaml, title: R}\n";
    core::DiagnosticSink sink;
    Loaded l;
    l.cfg = config::load_batch_config(path, sink);
    l.errors = sink.str();
    for (std::size_t p; (p = l.errors.find(path)) != std::string::npos;) l.errors.replace(p, path.size(), "batch.yaml");
    return l;
}

const char* kCompare = R"(  change:
    compare: {measures: [lead, data], from: 2022/23, to: 2023/24}
    words:
      - {word: Improved, colour: green, symbol: triangle, when: improved}
      - {word: Same, colour: grey, symbol: circle, when: same}
      - {word: Declined, colour: red, symbol: triangle_down, when: declined}
)";

}  // namespace

TEST_CASE("a comparison improves, stays the same or declines by the measure's polarity and dp", "[statuses]") {
    using data::ChangeOutcome;
    using data::Polarity;
    struct Case {
        const char* from;
        const char* to;
        Polarity polarity;
        int dp;
        ChangeOutcome want;
    };
    auto c = GENERATE(values<Case>({
        {"2", "3", Polarity::HigherIsBetter, 0, ChangeOutcome::Improved},
        {"3", "2", Polarity::HigherIsBetter, 0, ChangeOutcome::Declined},
        {"3", "3", Polarity::HigherIsBetter, 0, ChangeOutcome::Same},
        {"3", "2", Polarity::LowerIsBetter, 0, ChangeOutcome::Improved},
        {"50.0", "50.04", Polarity::HigherIsBetter, 1, ChangeOutcome::Same},
        {"50.0", "50.05", Polarity::HigherIsBetter, 1, ChangeOutcome::Improved},
        {"50.0", "50.4", Polarity::HigherIsBetter, 0, ChangeOutcome::Same},
    }));
    CAPTURE(c.from, c.to, c.dp);
    CHECK(metrics::compare_outcome(ex(c.from), ex(c.to), c.polarity, c.dp) == c.want);
}

TEST_CASE("thresholds give the first word whose bound the exact value meets, else the last word", "[statuses]") {
    const auto v = rag_vocabulary();
    CHECK(metrics::word_for(v, ex("70"))->word == "Green");
    CHECK(metrics::word_for(v, ex("69.99"))->word == "Amber");
    CHECK(metrics::word_for(v, ex("65"))->word == "Amber");
    CHECK(metrics::word_for(v, ex("64.9"))->word == "Red");
    auto low = rag_vocabulary();
    low.words = {{"Good", "green", "circle", {}, {}, ex("10"), {}}, {"Poor", "red", "square", {}, {}, {}, {}}};
    CHECK(metrics::word_for(low, ex("10"))->word == "Good");
    CHECK(metrics::word_for(low, ex("10.1"))->word == "Poor");
}

TEST_CASE("a compare rule rates every measure between the latest period and the one before", "[statuses]") {
    auto table = ratings();
    metrics::SuppressedView view(table, {});
    data::Catalog cat;
    auto v = compare_vocabulary();
    core::DiagnosticSink sink;
    auto rows = metrics::compute_custom_status(view, cat, v, {"Local authority", "Kent", ""}, sink);
    CHECK(sink.str().empty());
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].measure == "lead");
    CHECK(rows[0].from->label() == "2022/23");
    CHECK(rows[0].to->label() == "2023/24");
    REQUIRE(rows[0].word);
    CHECK(rows[0].word->word == "Improved");
    CHECK(*rows[0].change == 1);
    REQUIRE(rows[1].word);
    CHECK(rows[1].word->word == "Same");
}

TEST_CASE("a thresholds rule rates the latest value of each measure", "[statuses]") {
    auto table = ratings();
    metrics::SuppressedView view(table, {});
    data::Catalog cat;
    core::DiagnosticSink sink;
    const auto vocabulary = rag_vocabulary();  // the rows point into it
    auto rows = metrics::compute_custom_status(view, cat, vocabulary, {"Local authority", "Kent", ""}, sink);
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].word);
    CHECK(rows[0].word->word == "Amber");
    CHECK(templating::status_word_of(rows[0]) == "Amber");
}

TEST_CASE("a rule naming a measure or period the data do not have is an error at the rule", "[statuses]") {
    auto table = ratings();
    metrics::SuppressedView view(table, {});
    data::Catalog cat;
    auto v = compare_vocabulary();
    v.rule.measures = {"leed"};
    v.rule.measures_where = {"batch.yaml", 7, 20};
    core::DiagnosticSink sink;
    CHECK(metrics::compute_custom_status(view, cat, v, {"Local authority", "Kent", ""}, sink).empty());
    CHECK(sink.str().find("batch.yaml:7:20: error: 'statuses.change' names measure 'leed', which the data do not have") !=
          std::string::npos);
    CHECK(sink.str().find("did you mean 'lead'") != std::string::npos);
    auto w = compare_vocabulary();
    w.rule.from = "2019/20";
    w.rule.where = {"batch.yaml", 6, 5};
    core::DiagnosticSink sink2;
    metrics::compute_custom_status(view, cat, w, {"Local authority", "Kent", ""}, sink2);
    CHECK(sink2.str().find("batch.yaml:6:5: error: 'statuses.change' names period '2019/20'") != std::string::npos);
}

TEST_CASE("a suppressed value rates as Suppressed, never as a word of the vocabulary", "[statuses]") {
    data::ObservationTable t = ratings();
    data::Observation o;
    o.period = {2023, data::PeriodKind::AcademicYear};
    o.level = "Local authority";
    o.area = "Kent";
    o.group = "Total";
    o.measure = "send";
    o.value = data::Value::missing_as(data::Missing::Suppressed, "c");
    o.where = {"obs.csv", 9, 1};
    t.add(o);
    o.period = {2022, data::PeriodKind::AcademicYear};
    o.value = data::Value::of(ex("2"));
    t.add(o);
    metrics::SuppressedView view(t, {});
    data::Catalog cat;
    auto v = compare_vocabulary();
    v.rule.measures = {"send"};
    core::DiagnosticSink sink;
    auto rows = metrics::compute_custom_status(view, cat, v, {"Local authority", "Kent", ""}, sink);
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(rows[0].word);
    CHECK(templating::status_word_of(rows[0]) == "Suppressed");
}

TEST_CASE("the statuses section loads words, colours, symbols and the rule", "[statuses][config]") {
    auto l = load(kCompare);
    INFO(l.errors);
    REQUIRE(l.cfg);
    REQUIRE(l.cfg->catalog.statuses.size() == 1);
    const auto& v = l.cfg->catalog.statuses[0];
    CHECK(v.name == "change");
    CHECK(v.rule.kind == data::StatusRuleKind::Compare);
    CHECK(v.rule.measures == std::vector<std::string>{"lead", "data"});
    CHECK(v.rule.groups == std::vector<std::string>{"Total"});
    CHECK(v.rule.from == "2022/23");
    REQUIRE(v.words.size() == 3);
    CHECK(v.words[2].word == "Declined");
    CHECK(v.words[2].colour == "red");
    CHECK(v.words[2].symbol == "triangle_down");
}

TEST_CASE("every bad statuses entry is an error at its line and column", "[statuses][config]") {
    struct Case {
        std::string yaml;
        std::string measures;
        std::string error;
    };
    auto c = GENERATE(values<Case>({
        {"  change:\n    compare: {measures: [lead]}\n    words:\n      - {word: Up, colour: pink, symbol: circle, when: improved}\n",
         "", "batch.yaml:7:28: error: unknown value 'pink' for 'statuses.change.words[0].colour'"},
        {"  change:\n    compare: {measures: [lead]}\n    words:\n      - {word: Up, colour: green, symbol: star, when: improved}\n",
         "", "batch.yaml:7:43: error: unknown value 'star' for 'statuses.change.words[0].symbol'"},
        {"  change:\n    compare: {measures: [lead]}\n    words:\n      - {word: Up, colour: green, symbol: circle, when: improved}\n      - {word: up, colour: red, symbol: circle, when: declined}\n      - {word: Same, colour: grey, symbol: square, when: same}\n",
         "", "batch.yaml:8:9: error: status word 'up' is given twice"},
        {"  change:\n    compare: {measures: [lead]}\n    words:\n      - {word: On track, colour: green, symbol: circle, when: improved}\n",
         "", "batch.yaml:7:9: error: status word 'On track' is a built-in status word"},
        {"  change:\n    compare: {measures: [leed]}\n    words:\n      - {word: Up, colour: green, symbol: circle, when: improved}\n      - {word: Same, colour: grey, symbol: square, when: same}\n      - {word: Down, colour: red, symbol: circle, when: declined}\n",
         "measures:\n  lead: {unit: score}\n", "batch.yaml:7:25: error: unknown measure 'leed' in 'statuses.change.compare'"},
        {"  change:\n    compare: {measures: [lead]}\n    words:\n      - {word: Up, colour: green, symbol: circle, when: improved}\n",
         "", "batch.yaml:5:5: error: 'statuses.change.words' has no word for 'same'"},
        {"  rag:\n    thresholds: {measures: [gld]}\n    words:\n      - {word: Green, colour: green, symbol: circle, at_least: 70}\n",
         "", "error: 'statuses.rag.words' must end with exactly one word without 'at_least' or 'at_most'"},
        {"  rag:\n    words:\n      - {word: Green, colour: green, symbol: circle}\n",
         "", "batch.yaml:5:5: error: 'statuses.rag' needs exactly one rule: 'compare'"},
        {"  Bad-Name:\n    compare: {measures: [lead]}\n    words: []\n",
         "", "batch.yaml:4:3: error: status name 'Bad-Name' must be lower case letters, digits or '_'"},
    }));
    auto l = load(c.yaml, c.measures);
    CAPTURE(c.yaml);
    CHECK_FALSE(l.cfg);
    CHECK_THAT(l.errors, Catch::Contains(c.error));
}

TEST_CASE("a rating scale is declared in the measure's metadata with one word per step", "[statuses][config]") {
    auto l = load(kCompare, "measures:\n  lead: {label: Leadership, unit: score, scale: {min: 1, max: 4, labels: [Beginning, Developing, Embedding, Mature]}}\n  data: {unit: days, dp: 1}\n");
    INFO(l.errors);
    REQUIRE(l.cfg);
    const auto* lead = l.cfg->catalog.measure("lead");
    REQUIRE(lead->scale);
    CHECK(lead->unit == data::Unit::Score);
    CHECK(lead->dp == 0);
    CHECK(lead->scale->label_of(3) == "Embedding");
    CHECK(lead->scale->label_of(5) == "");
    CHECK(l.cfg->catalog.measure("data")->unit == data::Unit::Days);
    CHECK(l.cfg->catalog.measure("data")->dp == 1);
    auto bad = load(kCompare, "measures:\n  lead: {unit: score, scale: {min: 1, max: 4, labels: [Beginning, Mature]}}\n");
    CHECK_THAT(bad.errors, Catch::Contains("'measures.lead.scale.labels' has 2 words for the 4 steps 1–4"));
    auto not_score = load(kCompare, "measures:\n  lead: {unit: percent, scale: {min: 1, max: 4}}\n");
    CHECK_THAT(not_score.errors, Catch::Contains("'measures.lead.scale' is only for 'unit: score'"));
}

TEST_CASE("the built-in status words are the words of the target and action statuses", "[statuses]") {
    std::vector<std::string> words;
    for (auto s : metrics::all_target_statuses()) words.push_back(metrics::status_word(s));
    for (auto s : metrics::all_action_statuses()) words.push_back(metrics::status_word(s));
    std::sort(words.begin(), words.end());
    auto builtin = data::builtin_status_words();
    std::sort(builtin.begin(), builtin.end());
    CHECK(words == builtin);
}

TEST_CASE("a status cell of a batch's own word gets its colour and symbol, built-in words are unchanged", "[statuses]") {
    auto table = ratings();
    metrics::SuppressedView view(table, {});
    data::Catalog cat;
    cat.statuses.push_back(compare_vocabulary());
    core::DiagnosticSink sink;
    templating::Value statuses = templating::statuses_value(cat, view, {"Local authority", "Kent", ""}, sink);
    auto improved = templating::status_style("Improved", &statuses);
    REQUIRE(improved);
    CHECK(improved->glyph == "\xE2\x96\xB2");
    CHECK(improved->fill.r == 0x00);
    CHECK(improved->fill.g == 0x70);
    CHECK(improved->fill.b == 0x3C);
    auto on_track = templating::status_style("On track", &statuses);
    REQUIRE(on_track);
    CHECK(on_track->glyph.empty());
    CHECK_FALSE(templating::status_style("Improved"));
    CHECK_FALSE(templating::status_style("Sideways", &statuses));
    // The template values: rows with the word, and a count per word.
    const auto& change = *statuses.get("change");
    REQUIRE(change.get("rows")->list().size() == 2);
    std::string err;
    CHECK(*templating::render_value(*change.get("rows")->list()[0].get("status"), err) == "Improved");
    CHECK(*templating::render_value(*change.get("lead")->get("previous_value"), err) == "2.0%");
    CHECK(*templating::render_value(*change.get("words")->list()[1].get("count"), err) == "1");
}
