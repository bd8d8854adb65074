// pdf: the pdf stage — positioned pages (layout::Document) plus the report's charts (PDF
// content from charts::render::render_pdf_charts) in, final PDF bytes out. libharu draws text,
// rules, boxes, logos, links and the outline, with the marked content of a tagged PDF around
// them; one qpdf pass places the charts as vector form XObjects, embeds one subset font per
// face, writes the structure tree and makes the output deterministic.
#pragma once

#include <string>
#include <vector>

#include "charts/render/pdf_painter.h"

#include "engine/pdf/pdf_document_level.h"

namespace engine::layout {
struct Document;
struct FontFiles;
}  // namespace engine::layout

namespace engine::pdf {

/// Renders `doc` to PDF bytes (the caller writes them, e.g. with write_file_atomically).
/// `charts` are the report's charts (ChartPlacement::chart_page indexes them); empty when no
/// page places a chart. Only the faces text runs and charts use are embedded, each once, as a
/// subset of the glyphs shown. Dates come from doc.info.date only, so equal input gives
/// byte-identical output. When doc.structure holds more than its root the PDF is tagged:
/// every item must carry a Tag (an element or an artifact), and an item without one is an
/// EngineError naming its page and kind. Throws core::EngineError for a missing or unusable font or logo
/// file (naming it), a link, bookmark or chart referring to a page that does not exist, or a
/// libharu/qpdf failure. Independent per call: safe to run on several threads at once.
/// `level` gives the language and the OutputIntent's ICC profile (by default en-GB and the
/// built-in sRGB profile).
std::string write_pdf(const layout::Document& doc, const std::vector<charts::render::PdfChart>& charts,
                      const layout::FontFiles& fonts,
                      const DocumentLevel& level = default_document_level());

}  // namespace engine::pdf
