// templating: the words around a report's figures — one title per chart ("Figure 3: The gap
// narrowed …"), a subtitle that repeats none of it, and a "Source: …" line — written into the
// document tree once the charts' specs are known, so that the charts draw none of them again.
#pragma once

#include <string>

#include "engine/core/diagnostic.h"
#include "engine/templating/chart_builder.h"
#include "engine/templating/report_builder.h"

namespace engine::templating {

/// "Source: DfE" for "DfE"; text that already starts with "Source" is kept; "" stays "".
std::string source_sentence(const std::string& source);

/// Gives every chart block of `report` its caption ("Figure N: " and the chart's title — its
/// `title`, the generated finding for `title: finding`, or else its `caption`) and subtitle
/// (the `subtitle` option, else the template's `caption` when the title is another text, else
/// the generated subtitle; left out when it repeats the title), and marks each request
/// `words_outside` so the chart is drawn without them. False when a spec could not be made
/// (the errors are in `sink`).
bool set_figure_words(ExpandedReport& report, const ChartContext& ctx, core::DiagnosticSink& sink);

}  // namespace engine::templating
