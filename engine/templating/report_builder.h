// templating: the stage entry point — expand_template turns a template and a report's context
// into a document tree (numbered sections and paragraphs, tables, chart slots) plus the chart
// requests the chart builder fills in.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/diagnostic.h"
#include "engine/templating/doc_tree.h"
#include "engine/templating/template_spec.h"
#include "engine/templating/value.h"

namespace engine::templating {

/// A chart block with its options expanded; `index` matches ChartBlock::chart.
struct ChartRequest {
    int index = 0;
    std::map<std::string, std::string> options;             ///< expanded option values
    std::map<std::string, core::SourceLocation> option_where;
    core::SourceLocation where;
    /// With `data_table: true`, the index in DocTree::blocks of the table after the chart that
    /// is to hold its figures (captioned, still empty: the batch fills it from the chart's
    /// spec, see chart_table.h); -1 when none.
    int data_table = -1;
    std::string figure;   ///< "Figure 3": the chart's number
    std::string caption;  ///< the template's `caption`, expanded, without the number
    /// The chart's title, subtitle and source are printed around it by the report (its figure
    /// caption and source line, figure_words.h): the chart then draws none of them itself.
    bool words_outside = false;
};

struct ExpandedReport {
    DocTree doc;
    std::vector<ChartRequest> charts;
};

/// Expands `tmpl` with `root`. Returns nullopt when any error was reported, unless `partial`:
/// then what could be expanded is returned all the same (for checking a template's charts
/// in the same pass as its placeholders).
std::optional<ExpandedReport> expand_template(const TemplateSpec& tmpl, const Value& root,
                                              core::DiagnosticSink& sink, bool partial = false);

}  // namespace engine::templating
