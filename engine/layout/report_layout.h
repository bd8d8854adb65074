// layout: the stage entry point — layout_report turns a document tree into positioned pages:
// numbered paragraphs with hanging numbers, tables that split across pages with the header row
// repeated, charts kept whole, headings kept with what follows, no single widowed or orphaned
// lines, a header and footer with "Page X of Y" on every page, an outline and a contents page.
#pragma once

#include <string>
#include <vector>

#include "engine/core/diagnostic.h"
#include "engine/layout/font_metrics.h"
#include "engine/layout/page.h"
#include "engine/templating/doc_tree.h"

namespace engine::layout {

struct ChartSize {
    double width = 0, height = 0;
};

struct LaidOutReport {
    Document document;
    /// Size of each chart slot, by chart index (the chart PDF's page i must have this size).
    std::vector<ChartSize> chart_sizes;
    /// Content that cannot be laid out without breaking it (a table too wide even at its
    /// smallest text): the report must not be written.
    std::vector<core::Diagnostic> errors;
};

LaidOutReport layout_report(const templating::DocTree& doc, const Fonts& fonts,
                            int chart_count);

/// Gives the Figure of each chart placed in `doc` the chart's alt text (`alt_texts[i]` for
/// chart i; the charts are built after layout, at their slot sizes). Empty texts are skipped.
void set_figure_alt_texts(Document& doc, const std::vector<std::string>& alt_texts);

/// Width available to body text for a page style.
double text_width(const templating::PageStyle& style);

}  // namespace engine::layout
