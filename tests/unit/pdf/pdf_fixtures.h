// tests (pdf): inputs for the pdf stage made on the fly — a multi-page chart PDF drawn with
// plain cairo calls, a PNG logo, a hand-built layout::Document — and helpers to read the output.
#pragma once

#include <filesystem>
#include <string>

#include "engine/layout/page.h"

namespace pdftest {

/// A 2-page chart PDF (453 x 255 pt, then 300 x 200 pt) with vector text:
/// page 1 says "Axis label 2014/15", page 2 "Second chart 2016/17". No creation date.
std::string make_chart_pdf();

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
