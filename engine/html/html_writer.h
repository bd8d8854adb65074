// html: one report as one self-contained, accessible HTML page, written from the same document
// tree the layout reads (engine/templating/doc_tree.h) and the same chart scenes, so the page
// and the PDF can never disagree on a figure, a status or a suppression. The CSS is inline,
// there is no script and nothing is fetched; the same inputs give the same bytes.
//
// Structure: <html lang>, <title>, a skip link, landmarks (header: logo, running header and
// protective marking; main: the report; footer: "Data as at …" and source lines), headings at
// the PDF's levels (h1 the title when the front block shows one, h2 sections, h3 sub-sections),
// paragraph numbers as text, lists as lists, tables with <caption>, <th scope="col"> and their
// notes after them in a box that scrolls on its own, status cells carrying their word, the
// contents as a <nav> list of in-page links, charts as inline <svg role="img"> in <figure>.
#pragma once

#include <string>
#include <vector>

#include "charts/model/values_table.h"

#include "engine/templating/doc_tree.h"

namespace engine::html {

struct HtmlInputs {
    std::string language = "en-GB";  ///< BCP 47, for <html lang>
    /// Chart i (ChartBlock::chart) as an inline <svg role="img"> element with its <title> and
    /// <desc>, drawn from the same scene as the PDF's chart. A chart without one is given as
    /// its alt text.
    std::vector<std::string> chart_svgs;
    /// Chart i's generated alt text (the PDF's Figure /Alt), used when it has no SVG.
    std::vector<std::string> chart_alt_texts;
    std::string logo_png;  ///< the logo's bytes (embedded as a data: URI); empty: no logo
    /// Chart i's values (charts::compose::chart_values, the same figures as its labels), shown
    /// in a <details> table under the chart; a table without rows is left out.
    std::vector<charts::model::ValuesTable> chart_values;
    /// Chart i's values as a CSV data: URL for a download link; empty: no link.
    std::vector<std::string> chart_csv_urls;
    /// A brand family (batch.fonts.family) the PDF's body is set in: named first in the page's
    /// font list. Empty: Liberation Sans.
    std::string font_family;
};

/// The page for `doc`. Pure: no I/O, no clock.
std::string write_html(const templating::DocTree& doc, const HtmlInputs& inputs);

/// The HTML heading level (1..6) of a heading of `level` (0 section, 1 sub-section) in `doc`:
/// the PDF's level, H1 being the title when the front block shows one.
int heading_level(const templating::DocTree& doc, int level);

}  // namespace engine::html
