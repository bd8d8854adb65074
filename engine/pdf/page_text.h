// pdf: a text run's show-text operator, written into libharu's page stream without libharu
// measuring the run. HPDF_Page_ShowText measures every run (a cmap lookup and a width per
// character) only to advance its own record of the text position, which the pdf stage never
// reads (each run has an absolute text matrix); that was about 7 % of a setting report's CPU.
// The bytes are those libharu writes: "<" the UTF-16BE code units in upper-case hex "> Tj".
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace engine::pdf {

/// Shows text runs in one document. Remembers, per font and code point, whether libharu gives
/// the character a width, so that a run libharu would skip (all of it zero width) is skipped
/// too, with one libharu measurement per distinct character and font.
class TextShower {
public:
    /// Writes `text` (UTF-8) in the page's current font, as HPDF_Page_ShowText would, into a
    /// page in a text object. Falls back to HPDF_Page_ShowText for text it cannot encode as
    /// libharu does (code points above U+FFFF, invalid UTF-8, NUL). Returns libharu's status.
    HPDF_STATUS show(HPDF_Page page, HPDF_Font font, const std::string& text);

private:
    bool has_width(HPDF_Font font, char32_t cp, const std::string& utf8);

    // font -> one entry per BMP code point: 0 unknown, 1 zero width, 2 has a width
    std::map<HPDF_Font, std::vector<std::uint8_t>> widths_;
    std::string ops_;
};

}  // namespace engine::pdf
