// charts render: the chart fonts, loaded from known files (never whatever fontconfig picks):
// Liberation Sans for text (or a brand family's files, then Liberation Sans), DejaVu Sans for
// glyphs they lack (e.g. ✓).
#pragma once

#include <string>

namespace charts::render {

/// Font files for chart text. Missing files are reported as std::runtime_error naming the file.
struct FontPaths {
    std::string regular = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";
    std::string bold = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf";
    std::string fallback_regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::string fallback_bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    /// With a brand family as regular and bold: Liberation Sans, tried before the fallback
    /// (empty: none).
    std::string latin_regular, latin_bold;
    /// The brand family regular and bold are (batch.fonts.family), for the SVG's font list;
    /// empty for Liberation Sans.
    std::string family;

    /// The same file names in other folders (e.g. from the batch config's fonts path).
    static FontPaths in_dirs(const std::string& liberation_dir, const std::string& dejavu_dir);

    friend bool operator==(const FontPaths&, const FontPaths&) = default;
};

/// Throws std::runtime_error naming the first font file that is missing or cannot be loaded.
/// Rendering calls this implicitly; call it early to fail before any work is done.
void check_fonts(const FontPaths& paths = {});

}  // namespace charts::render
