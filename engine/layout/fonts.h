// layout: the font faces a report may use and the files they come from. Body text is
// Liberation Sans (metric-compatible with Arial), or a brand family chosen in the batch
// (batch.fonts.family, then Liberation Sans for what it lacks); DejaVu Sans covers symbols
// neither has.
#pragma once

#include <array>
#include <cstddef>
#include <string>

namespace engine::layout {

/// Regular, Bold and Italic are the body family (Liberation Sans or the brand family); Symbol
/// and SymbolBold are DejaVu Sans; the Latin faces are Liberation Sans, the first fallback of a
/// brand family (with no brand family they are the body faces and never drawn).
enum class FontFace : std::size_t { Regular = 0, Bold, Italic, Symbol, SymbolBold, Latin, LatinBold, LatinItalic };
inline constexpr std::size_t kFontFaceCount = 8;

/// Font files per face. Defaults are the Debian paths of fonts-liberation2 and
/// fonts-dejavu-core; batch.fonts.dir may hold them instead, batch.fonts.family replaces the
/// body faces (resolve_font_family).
struct FontFiles {
    std::array<std::string, kFontFaceCount> paths = {
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Italic.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Italic.ttf",
    };
    std::string family;  ///< the brand family's name, empty for Liberation Sans
    const std::string& path(FontFace f) const { return paths[static_cast<std::size_t>(f)]; }
    /// True when a brand family replaces Liberation Sans (the Latin faces are then fallbacks).
    bool branded() const { return !family.empty(); }
};

/// The hint of every "font file not found / cannot be loaded" error.
inline std::string missing_font_hint() {
    return "install fonts-liberation2 and fonts-dejavu-core (scripts/setup.sh does), or set "
           "batch.fonts.dir to a folder that holds this file";
}

/// The Latin fallback face of a body face (Regular -> Latin …); other faces map to themselves.
inline FontFace latin_of(FontFace f) {
    switch (f) {
        case FontFace::Regular: return FontFace::Latin;
        case FontFace::Bold: return FontFace::LatinBold;
        case FontFace::Italic: return FontFace::LatinItalic;
        default: return f;
    }
}

}  // namespace engine::layout
