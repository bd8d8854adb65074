// tests: a fixed-width TextMeasure — every code point is half the font size wide — so scene
// tests and golden dumps do not depend on font files or versions.
#pragma once

#include <string_view>

#include "charts/compose/text_measure.h"

namespace test_charts {

class FixedMeasure final : public charts::compose::TextMeasure {
  public:
    double width(std::string_view text, const charts::scene::FontSpec& font) const override {
        double n = 0;
        for (char c : text)
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) n += 1;  // UTF-8 lead bytes
        return n * font.size * (font.bold ? 0.55 : 0.5);
    }
    double ascent(const charts::scene::FontSpec& font) const override { return 0.8 * font.size; }
    double descent(const charts::scene::FontSpec& font) const override { return 0.2 * font.size; }
};

}  // namespace test_charts
