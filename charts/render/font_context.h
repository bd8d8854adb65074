// charts render (internal): one pango font setup per thread — a private fontconfig
// configuration holding only the chart font files, a pango font map on it, and a measuring
// context. Drawing and measuring both come from here, so text is measured with the fonts that
// draw it. Nothing is shared between threads.
#pragma once

#include <pango/pangocairo.h>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

#include "charts/render/fonts.h"
#include "charts/scene/scene.h"

namespace charts::render::detail {

class FontContext {
  public:
    /// This thread's context for `paths`, created on first use (and again when the paths
    /// change). Throws std::runtime_error naming a missing or unloadable font file.
    static FontContext& for_thread(const FontPaths& paths);

    ~FontContext();
    FontContext(const FontContext&) = delete;
    FontContext& operator=(const FontContext&) = delete;

    /// A new pango context on this font map with the glyph-position fix applied (caller unrefs).
    PangoContext* new_context() const;
    /// The font description for `font` (owned by this object).
    const PangoFontDescription* description(const scene::FontSpec& font);

    double width(std::string_view text, const scene::FontSpec& font);
    double ascent(const scene::FontSpec& font);
    double descent(const scene::FontSpec& font);

    const FontPaths& paths() const { return paths_; }

  private:
    explicit FontContext(const FontPaths& paths);
    std::pair<double, double> metrics(const scene::FontSpec& font);

    FontPaths paths_;
    PangoFontMap* font_map_ = nullptr;
    PangoContext* measure_context_ = nullptr;
    PangoLayout* measure_layout_ = nullptr;
    std::string families_;
    std::map<std::pair<bool, double>, PangoFontDescription*> descriptions_;
    std::map<std::pair<bool, double>, std::pair<double, double>> metrics_;
    // Widths already measured, by font and text: charts of a batch measure the same labels
    // (ticks, legends, titles) report after report, and pango gives the same width for the
    // same text and font. Emptied when it reaches kMaxWidths entries.
    std::unordered_map<std::string, double> widths_;
};

/// Sets `layout` to `text` in its font and returns the x where the line starts: the anchor
/// applied with the width pango draws (equal to the measured width when built with
/// PangoTextMeasure). Shared by the cairo and PDF painters, so both place text alike.
double lay_out_anchored(PangoLayout* layout, FontContext& fonts, const scene::Text& text);

/// Applies the glyph-position fix (TECH.md §3): no hinted metrics, no hinting, no rounding of
/// glyph positions, 72 dpi so sizes are in points.
void configure_context(PangoContext* context);

}  // namespace charts::render::detail
