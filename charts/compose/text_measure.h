// charts compose: how builders learn the size of text. The real implementation is
// render::PangoTextMeasure (the same fonts that draw); tests use a fixed-width fake.
#pragma once

#include <string_view>

#include "charts/scene/scene.h"

namespace charts::compose {

using scene::FontSpec;

/// Text metrics in points for the chart font at a given size and weight.
class TextMeasure {
  public:
    virtual ~TextMeasure() = default;

    /// Advance width of one line of UTF-8 text.
    virtual double width(std::string_view text, const FontSpec& font) const = 0;
    /// Distance from the baseline up to the top of the line box.
    virtual double ascent(const FontSpec& font) const = 0;
    /// Distance from the baseline down to the bottom of the line box.
    virtual double descent(const FontSpec& font) const = 0;

    /// Baseline-to-baseline distance for single-spaced lines.
    double line_height(const FontSpec& font) const { return ascent(font) + descent(font); }
};

}  // namespace charts::compose
