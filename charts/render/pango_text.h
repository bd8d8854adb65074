// charts render: compose::TextMeasure backed by pango with exactly the font setup that draws the
// charts (same files, same options, glyph-position rounding off).
#pragma once

#include <string_view>

#include "charts/compose/text_measure.h"
#include "charts/render/fonts.h"

namespace charts::render {

/// Measures chart text with pango. Thread-safe: each thread uses its own font setup.
/// The constructor throws std::runtime_error naming a missing font file.
class PangoTextMeasure final : public compose::TextMeasure {
  public:
    explicit PangoTextMeasure(FontPaths paths = {});

    double width(std::string_view text, const scene::FontSpec& font) const override;
    double ascent(const scene::FontSpec& font) const override;
    double descent(const scene::FontSpec& font) const override;

    const FontPaths& paths() const { return paths_; }

  private:
    FontPaths paths_;
};

}  // namespace charts::render
