// charts render: the PDF backend — a scene as PDF content operators for a form XObject, its
// text set through the report's own embedded fonts (no second font program per face, no cairo
// PDF to parse again). Glyphs and their positions come from pango, exactly as the cairo painter
// and PangoTextMeasure place them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "charts/render/fonts.h"
#include "charts/scene/scene.h"

namespace charts::render {

/// The glyph a 2-byte code of an Identity-H font stands for, and the text it shows.
struct GlyphCode {
    std::uint32_t gid = 0;  ///< glyph id in the font file
    std::string text;       ///< UTF-8 the glyph stands for ("" for the 2nd+ glyph of a cluster)
};
/// Code (CID) -> glyph. A nominal glyph has code = its Unicode code point (as libharu's UTF-8
/// fonts do); any other (a ligature, a contextual form) has code kPrivateCodeBase + gid.
using GlyphCodes = std::map<std::uint16_t, GlyphCode>;
inline constexpr std::uint16_t kPrivateCodeBase = 0xE000;

/// One font a chart uses: its resource name in the form's /Font dictionary, the file, and
/// every code the content shows.
struct PdfChartFont {
    std::string resource;  ///< "C0", "C1", … (no slash)
    std::string file;      ///< the TrueType file pango drew from
    GlyphCodes codes;
};

/// A chart as a form XObject's content: y up, origin bottom left, BBox [0 0 width height].
struct PdfChart {
    double width = 0.0;
    double height = 0.0;
    std::string content;                 ///< PDF operators
    std::vector<PdfChartFont> fonts;     ///< /Font resources (Type0, Identity-H, 2-byte codes)
    std::map<std::string, double> alphas;  ///< /ExtGState resource name -> /ca and /CA
};

/// One PdfChart per scene, drawn by the PDF painter (a render::Painter): paths as PDF path
/// operators, text through pango on `fonts` (the setup PangoTextMeasure measures with), each
/// glyph at pango's position. Throws std::invalid_argument for a scene without a size,
/// std::runtime_error for a missing font file. Deterministic; safe on several threads.
std::vector<PdfChart> render_pdf_charts(const std::vector<const scene::Scene*>& scenes,
                                        const FontPaths& fonts = {});

}  // namespace charts::render
