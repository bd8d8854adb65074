// tests (pdf): inputs for the pdf stage made on the fly — two charts drawn from small scenes
// by the PDF painter, a PNG logo, a hand-built layout::Document — and helpers to read the output.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "charts/render/pdf_painter.h"

#include "engine/layout/page.h"

namespace pdftest {

/// Two charts (453 x 255 pt, then 300 x 200 pt) with vector text in Liberation Sans 11 pt:
/// chart 1 says "Axis label 2014/15", chart 2 "Second chart 2016/17".
std::vector<charts::render::PdfChart> make_charts();

/// Writes a small 48 x 48 RGB PNG, with a partly transparent alpha channel when asked.
void write_png(const std::filesystem::path& path, bool with_alpha = false);

/// A two-page report: an A4 page with a heading, body text with £ – ’ é ≥ −, a Symbol-face ✓,
/// a filled band, a rule, a URI link, an internal link to page 2, chart page 1 in a box and
/// (when `logo` is not empty) the logo; then a US Letter page that places chart page 2 and
/// chart page 1 again. Three bookmarks, the second nested under the first.
engine::layout::Document sample_document(const std::string& logo = {});

/// sample_document() tagged: the title H1, body lines P, the two links Link elements (in their
/// P) owning their text and annotation, the three charts Figures with alt text, "Charts" an
/// H2, the band, rules and frame layout artifacts and "Page 2 ✓" a footer artifact.
engine::layout::Document tagged_document();

/// A one-page report whose text uses only the Regular and Bold faces.
engine::layout::Document regular_and_bold_document();

/// Appends an item to a page. (Out of line: GCC 12 reports a false -Wmaybe-uninitialized
/// when a variant vector grows inside the big test functions.)
void add(engine::layout::Page& page, engine::layout::PageItem item);

/// Writes bytes to a file.
void write_bytes(const std::filesystem::path& path, const std::string& bytes);

}  // namespace pdftest
