// layout: the font faces a report may use and the files they come from. Body text is
// Liberation Sans (metric-compatible with Arial); DejaVu Sans covers symbols it lacks.
#pragma once

#include <array>
#include <cstddef>
#include <string>

namespace engine::layout {

enum class FontFace : std::size_t { Regular = 0, Bold, Italic, Symbol, SymbolBold };
inline constexpr std::size_t kFontFaceCount = 5;

/// Font files per face. Defaults are the Debian paths of fonts-liberation2 and
/// fonts-dejavu-core; a batch may override the folder (style.fonts_dir).
struct FontFiles {
    std::array<std::string, kFontFaceCount> paths = {
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Italic.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    };
    const std::string& path(FontFace f) const { return paths[static_cast<std::size_t>(f)]; }
};

}  // namespace engine::layout
