// pdf: one embedded font program per face and file — a Type0 (Identity-H) font whose
// FontFile2 is a HarfBuzz subset holding only the glyphs the file shows (pages and charts
// alike), with /W, CIDToGIDMap and ToUnicode for exactly the codes used.
#pragma once

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <string>

#include "charts/render/pdf_painter.h"

namespace engine::pdf {

using charts::render::GlyphCodes;

/// Adds every code point of UTF-8 `text` as a nominal glyph of `file` (code = code point, as
/// libharu's UTF-8 fonts encode text). Code points above U+FFFF are skipped (libharu has no
/// code for them either).
void add_text_codes(GlyphCodes& codes, const std::string& file, const std::string& text);

/// Adds `more` to `codes`. Throws core::EngineError when one code stands for two glyphs.
void merge_codes(GlyphCodes& codes, const GlyphCodes& more, const std::string& file);

/// Makes `font` (a dictionary, indirect) the Type0 font of `file` for `codes`: BaseFont
/// "ABCDEF+<PostScript name>" with a tag derived from the subset's bytes (the same glyphs give
/// the same tag), a CIDFontType2 descendant with /W in 1/1000 em (pdf_glyph_width),
/// CIDToGIDMap, FontDescriptor and FontFile2 (glyph 0 plus the glyphs used, no hinting or
/// layout tables), and a ToUnicode CMap. Streams are left uncompressed for the one compressing
/// write. Throws core::EngineError naming the file when it cannot be read or subset.
void embed_font(QPDF& pdf, QPDFObjectHandle font, const std::string& file, const GlyphCodes& codes);

}  // namespace engine::pdf
