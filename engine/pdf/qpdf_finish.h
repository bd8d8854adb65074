// pdf: the one libqpdf pass over libharu's output — places the vector charts, replaces the
// malformed ToUnicode CMaps, keeps the reader's zoom on jumps, sets /Producer, and writes a
// deterministic PDF (deterministic /ID, object streams, compressed streams).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace engine::pdf {

/// Page `chart_page` of the chart PDF, scaled (aspect kept, centred) into a box on `page`.
/// The box is in PDF coordinates (points, origin bottom-left).
struct ChartOnPage {
    int page = 0;        ///< 0-based page of the report
    int chart_page = 0;  ///< 0-based page of the chart PDF
    double llx = 0, lly = 0, urx = 0, ury = 0;
};

/// Finishes libharu's bytes. `chart_pdf` may be empty when `charts` is. Each chart page is
/// copied once however often it is placed. Throws EngineError when a chart page does not
/// exist or qpdf cannot read or write a document. Independent per call (thread-safe).
std::string finish_pdf(std::string_view haru_pdf, std::string_view chart_pdf,
                       const std::vector<ChartOnPage>& charts);

}  // namespace engine::pdf
