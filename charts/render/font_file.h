// charts render: TrueType files read once per process through HarfBuzz — glyph lookups and the
// PDF widths shared by the chart PDF painter and the pdf stage's font subsets.
#pragma once

#include <cstdint>
#include <string>

typedef struct hb_font_t hb_font_t;

namespace charts::render {

/// The font of `path` at its design size (scale = units per em), loaded on first use and kept
/// for the life of the process (HarfBuzz fonts are safe to read from several threads). Throws
/// std::runtime_error naming a missing or unreadable file.
hb_font_t* font_file_font(const std::string& path);

/// A glyph's advance in 1/1000 em, truncated, as a PDF /W entry gives it (and as libharu and
/// the layout measure body text).
int pdf_glyph_width(const std::string& path, std::uint32_t gid);

/// The glyph id `code_point` maps to in the font's cmap, 0 when it has none.
std::uint32_t nominal_glyph(const std::string& path, char32_t code_point);

}  // namespace charts::render
