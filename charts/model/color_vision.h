// charts model: colour science for checking the palette — sRGB to CIELAB, the CIEDE2000 colour
// difference (Sharma, Wu and Dalal 2005), colour-vision-deficiency simulation (Machado, Oliveira
// and Fernandes 2009, severity 1) and greyscale. Pure functions; the palette tests use them.
#pragma once

#include <cstddef>
#include <vector>

#include "charts/model/palette.h"

namespace charts::model {

/// CIE 1976 L*a*b* (D65 white).
struct Lab {
    double l = 0.0;
    double a = 0.0;
    double b = 0.0;
};

/// An opaque sRGB colour (alpha ignored) in CIELAB, through linear RGB and XYZ (D65).
Lab to_lab(const Color& c);

/// CIEDE2000 colour difference ΔE00 between two CIELAB colours (kL = kC = kH = 1).
double ciede2000(const Lab& x, const Lab& y);

/// How a colour is seen: with normal colour vision, as a dichromat (protanopia: no long-wave
/// cones; deuteranopia: no medium-wave cones), or printed in greyscale.
enum class Vision { Normal, Protanopia, Deuteranopia, Greyscale };

/// The name of a vision, for messages and docs: "normal", "protanopia" …
const char* vision_name(Vision v);

/// `c` as seen with `v`: Machado 2009's severity-1 matrices applied in linear RGB (clamped to
/// 0..1); greyscale keeps the WCAG relative luminance. Alpha is kept.
Color simulate(const Color& c, Vision v);

/// CIEDE2000 difference of two colours as seen with `v`.
double delta_e(const Color& x, const Color& y, Vision v);

/// The closest pair of `colors` as seen with `v`: the two indexes (i < j) and their ΔE00.
struct ClosestPair {
    std::size_t i = 0;
    std::size_t j = 0;
    double delta_e = 0.0;
};
ClosestPair closest_pair(const std::vector<Color>& colors, Vision v);

}  // namespace charts::model
