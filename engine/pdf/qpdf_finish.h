// pdf: the one libqpdf pass over libharu's output — places the vector charts (at their slots
// in the content, inside their Figure's marked content), writes the structure tree, replaces
// the malformed ToUnicode CMaps, keeps the reader's zoom on jumps, sets /Producer, and writes a
// deterministic PDF (deterministic /ID, object streams, compressed streams).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/pdf/marked_content.h"

namespace engine::layout {
class StructureTree;
}
#include "engine/pdf/pdf_document_level.h"

namespace engine::pdf {

/// Page `chart_page` of the chart PDF, scaled (aspect kept, centred) into a box on `page`.
/// The box is in PDF coordinates (points, origin bottom-left).
struct ChartOnPage {
    int page = 0;        ///< 0-based page of the report
    int chart_page = 0;  ///< 0-based page of the chart PDF
    double llx = 0, lly = 0, urx = 0, ury = 0;
};

/// The line libharu's content stream of `page` carries where chart `index` (into the charts
/// given to finish_pdf) is drawn, inside its Figure's marked content: the chart is drawn
/// there, in reading order, not after the page.
std::string chart_slot(std::size_t index);

/// The structure tree and what each page's content stream holds (see structure_tree.h).
struct Tagging {
    const layout::StructureTree* tree = nullptr;  ///< null: an untagged document
    std::vector<std::vector<ContentRef>> refs;    ///< per page
};

/// Finishes libharu's bytes. `chart_pdf` may be empty when `charts` is. Each chart page is
/// copied once however often it is placed. Throws EngineError when a chart page or a chart
/// slot does not exist or qpdf cannot read or write a document. Independent per call
/// (thread-safe). `level` sets the document level (pdf_document_level.h); the file is PDF 1.7.
std::string finish_pdf(std::string_view haru_pdf, std::string_view chart_pdf,
                       const std::vector<ChartOnPage>& charts, const Tagging& tagging = {},
                       const DocumentLevel& level = default_document_level());

}  // namespace engine::pdf
