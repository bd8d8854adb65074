// pdf: the one libqpdf pass over libharu's output — places the vector charts as form XObjects
// (at their slots in the content, inside their Figure's marked content) whose text uses the
// pages' fonts, embeds one subset font program per face (font_embedding.h), writes the
// structure tree, keeps the reader's zoom on jumps, sets /Producer, and writes a deterministic
// PDF (deterministic /ID, object streams, every stream compressed once, here).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "charts/render/pdf_painter.h"
#include "engine/pdf/marked_content.h"

namespace engine::layout {
class StructureTree;
}
#include "engine/pdf/pdf_document_level.h"

namespace engine::pdf {

/// Chart `chart_page` (an index into the report's charts), scaled (aspect kept, centred) into
/// a box on `page`. The box is in PDF coordinates (points, origin bottom-left).
struct ChartOnPage {
    int page = 0;        ///< 0-based page of the report
    int chart_page = 0;  ///< 0-based index into the charts given to finish_pdf
    double llx = 0, lly = 0, urx = 0, ury = 0;
};

/// The pages' fonts: the font resources each page's text names (written by the pdf stage,
/// not by libharu), the file of each font name libharu was given for text only it could show
/// (its BaseFont without subset tag and style), and the codes the pages show in each file.
struct PageFonts {
    std::vector<std::map<std::string, std::string>> resources;  ///< per page: "BF0" -> its .ttf
    std::map<std::string, std::string> files;  ///< "LiberationSans-Bold" -> its .ttf
    std::map<std::string, charts::render::GlyphCodes> codes;  ///< file -> codes used
};

/// The line libharu's content stream of `page` carries where chart `index` (into the charts
/// given to finish_pdf) is drawn, inside its Figure's marked content: the chart is drawn
/// there, in reading order, not after the page.
std::string chart_slot(std::size_t index);

/// `data` compressed as the one compressing write compresses a stream (zlib, the same level),
/// for a stream that is the same in every report: given to qpdf as /FlateDecode data, the
/// write keeps it as it is, so compressing it once gives the bytes compressing it per report
/// gives.
std::string flate_compressed(std::string_view data);

/// The structure tree and what each page's content stream holds (see structure_tree.h).
struct Tagging {
    const layout::StructureTree* tree = nullptr;  ///< null: an untagged document
    std::vector<std::vector<ContentRef>> refs;    ///< per page
};

/// Finishes libharu's bytes (written uncompressed: every stream is compressed once, by the
/// write here). Each chart becomes one form XObject however often it is placed; its fonts and
/// the pages' fonts become one Type0 font per file. Throws EngineError when a chart or a chart
/// slot does not exist, a libharu font is not in `fonts`, a font cannot be subset, or qpdf
/// cannot read or write a document. Independent per call (thread-safe). `level` sets the
/// document level (pdf_document_level.h); the file is PDF 1.7.
std::string finish_pdf(std::string_view haru_pdf, const std::vector<charts::render::PdfChart>& charts,
                       const std::vector<ChartOnPage>& placements, const PageFonts& fonts,
                       const Tagging& tagging = {},
                       const DocumentLevel& level = default_document_level());

}  // namespace engine::pdf
