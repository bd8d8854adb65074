// pdf: a text run's show-text operator, written into libharu's page stream without libharu
// measuring the run. HPDF_Page_ShowText measures every run (a cmap lookup and a width per
// character) only to advance its own record of the text position, which the pdf stage never
// reads (each run has an absolute text matrix); that was about 7 % of a setting report's CPU.
// The bytes are those libharu writes: "<" the UTF-16BE code units in upper-case hex "> Tj".
// The font is chosen the same way (`select_font`): a "Tf" naming a font resource the qpdf pass
// adds to the page, so that libharu never builds a font object for the pages (HPDF_GetFont,
// about 9 % of a setting report's instructions, for a font the qpdf pass rewrote anyway).
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace engine::pdf {

/// Writes "/<resource> <size> Tf", as HPDF_Page_SetFontAndSize would for a font of that
/// resource name, into a page in a text object. Returns HPDF_PAGE_INVALID_FONT_SIZE for a size
/// libharu refuses (not in (0, 600]) and HPDF_PAGE_INVALID_GMODE outside a text object.
HPDF_STATUS select_font(HPDF_Page page, const std::string& resource, double size);

/// Shows text runs in one document. Remembers, per font definition and code point, whether
/// libharu gives the character a width, so that a run libharu would skip (all of it zero
/// width) is skipped too, with one lookup per distinct character and font.
class TextShower {
public:
    /// Writes `text` (UTF-8) in the page's current font, whose TrueType definition is `def`, as
    /// HPDF_Page_ShowText would, into a page in a text object, and returns libharu's status.
    /// Text it cannot encode as libharu does (code points above U+FFFF, invalid UTF-8, NUL), a
    /// run too long or a page outside a text object it does not write: nullopt, and the caller
    /// shows the run through libharu.
    std::optional<HPDF_STATUS> show(HPDF_Page page, HPDF_FontDef def, const std::string& text);

private:
    bool has_width(HPDF_FontDef def, char32_t cp);

    // font definition -> one entry per BMP code point: 0 unknown, 1 zero width, 2 has a width
    std::map<HPDF_FontDef, std::vector<std::uint8_t>> widths_;
    std::string ops_;
};

}  // namespace engine::pdf
