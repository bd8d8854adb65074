// The "Source: …" line of a chart or table (templating/block_sources.h): its own `source`,
// else the data files it draws on (their `source:`, the report's for a file that names none),
// each once in the batch's order, else the report's.
#include "engine/templating/block_sources.h"

#include <catch2/catch.hpp>

#include "engine/metrics/report_metrics.h"
#include "engine/templating/report_builder.h"
#include "tests/support/observation_row.h"

using namespace engine;
using namespace engine::templating;

namespace {

// GLD for Kent from kent.csv and for England from england.csv; maturity ratings from matrix.csv.
struct Data {
    data::ObservationTable table;
    config::BatchConfig batch;
    config::ReportConfig report;
    metrics::ReportMetrics metrics;
    std::unique_ptr<metrics::SuppressedView> view;

    void add(const char* file, const char* level, const char* area, const char* group, const char* measure) {
        table.add(test::observation_row(level, area, group, measure, file));
    }
    Data() {
        add("kent.csv", "Local authority", "Kent", "FSM", "gld");
        add("kent.csv", "Local authority", "Kent", "Not FSM", "gld");
        add("england.csv", "National", "England", "FSM", "gld");
        add("matrix.csv", "Local authority", "Kent", "Total", "eif_data");
        view = std::make_unique<metrics::SuppressedView>(table, metrics::SuppressionRules(5, false, {}));
        metrics.area = {"Local authority", "Kent", ""};
        batch.actions_path = "actions.csv";
        batch.targets_path = "targets.csv";
        data::StatusVocabulary st;
        st.name = "maturity";
        st.rule.measures = {"eif_data"};
        batch.catalog.statuses.push_back(st);
        // The batch's order: england.csv before kent.csv, the actions last.
        batch.data_sources = {{"england.csv", "DfE, EYFS profile results"},
                              {"matrix.csv", "EIF maturity matrix"},
                              {"actions.csv", "Action log"}};
        report.source = "Kent County Council";
    }
    Value root() const {
        ValueMap r;
        r["report"] = Value(ValueMap{{"title", Value("T")}, {"source", Value(report.source)}});
        r["data_sources"] = data_sources_value(batch, report, &metrics, view.get());
        r["as_of"] = Value(core::Date{2019, 7, 19});
        return Value(r);
    }
};

BlockSpec chart(std::map<std::string, std::string> options) {
    BlockSpec b;
    b.kind = BlockKind::Chart;
    for (auto& [k, v] : options) b.options[k] = {v, {"t.yaml", 1, 1}};
    return b;
}

std::vector<std::string> sources_of(const BlockSpec& b, const Value& root) {
    std::map<std::string, std::string> opts;
    for (const auto& [k, v] : b.options) opts[k] = v.text;
    return block_sources(b, opts, root);
}

// The source line the report builder prints under the template's only block.
std::string printed_source(const BlockSpec& b, const Value& root) {
    TemplateSpec t;
    SectionSpec s;
    s.blocks = {b};
    t.sections.push_back(s);
    core::DiagnosticSink sink;
    auto out = expand_template(t, root, sink, true);
    REQUIRE(out);
    for (const auto& block : out->doc.blocks) {
        if (const auto* c = std::get_if<ChartBlock>(&block)) return c->source;
        if (const auto* tb = std::get_if<Table>(&block)) return tb->source;
    }
    return "(no block)";
}

}  // namespace

TEST_CASE("a chart drawn from one data source gets that source's line", "[templating][sources]") {
    Data d;
    const Value root = d.root();
    // Kent's GLD comes from kent.csv, which names no source: the report's stands for it.
    CHECK(sources_of(chart({{"kind", "gap_trend"}, {"measure", "gld"}}), root) ==
          std::vector<std::string>{"Kent County Council"});
    CHECK(sources_of(chart({{"kind", "status_bars"}, {"status", "maturity"}}), root) ==
          std::vector<std::string>{"EIF maturity matrix"});
    CHECK(sources_of(chart({{"kind", "action_status"}}), root) == std::vector<std::string>{"Action log"});
    CHECK(printed_source(chart({{"kind", "action_status"}}), root) == "Source: Action log");
}

TEST_CASE("a chart drawing on several data sources lists each once in the batch's order", "[templating][sources]") {
    Data d;
    const Value root = d.root();
    // England's line first (the batch lists england.csv first), then the report's for kent.csv.
    const auto b = chart({{"kind", "gap_trend"}, {"measure", "gld"}, {"national", "true"}});
    CHECK(sources_of(b, root) == std::vector<std::string>{"DfE, EYFS profile results", "Kent County Council"});
    CHECK(printed_source(b, root) == "Source: DfE, EYFS profile results; Kent County Council");
    // The same measure twice still gives each line once.
    CHECK(sources_of(chart({{"kind", "grouped_bars"}, {"measures", "gld, gld"}}), root) ==
          std::vector<std::string>{"Kent County Council"});
}

TEST_CASE("a block's own source wins over its data sources and the report's is the fallback", "[templating][sources]") {
    Data d;
    {
        auto b = chart({{"kind", "action_status"}, {"source", "The programme board"}});
        CHECK(printed_source(b, d.root()) == "Source: The programme board");
    }
    {
        // A table of rows the data sources say nothing about: the report's source.
        BlockSpec t;
        t.kind = BlockKind::Table;
        t.rows = "settings.by_la";
        CHECK(sources_of(t, d.root()).empty());
        CHECK(printed_source(t, d.root()) == "Source: Kent County Council");
        t.source = {"Local records", {}};
        CHECK(printed_source(t, d.root()) == "Source: Local records");
    }
    {
        // The targets name no source: the report's, beside the rows they compare.
        BlockSpec t;
        t.kind = BlockKind::ActionTable;
        CHECK(printed_source(t, d.root()) == "Source: Action log");
    }
    {
        // Without any source at all, no line.
        d.report.source.clear();
        d.batch.data_sources.clear();
        CHECK(printed_source(chart({{"kind", "gap_trend"}, {"measure", "gld"}}), d.root()).empty());
    }
}
