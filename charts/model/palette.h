// charts model: the project palette — Analysis Function chart colours, text and axis greys, and
// the GOV.UK status colours. Plain constants; both the charts and the engine use them.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace charts::model {

/// An sRGB colour with components in 0..1 and an alpha (1 = opaque).
struct Color {
    double r = 0.0;
    double g = 0.0;
    double b = 0.0;
    double a = 1.0;

    friend constexpr bool operator==(const Color&, const Color&) = default;
};

/// Colour from 0xRRGGBB, e.g. from_hex(0x12436D).
constexpr Color from_hex(std::uint32_t rgb, double alpha = 1.0) {
    return Color{static_cast<double>((rgb >> 16) & 0xFFu) / 255.0,
                 static_cast<double>((rgb >> 8) & 0xFFu) / 255.0,
                 static_cast<double>(rgb & 0xFFu) / 255.0, alpha};
}

/// The same colour with another alpha.
constexpr Color with_alpha(Color c, double alpha) {
    c.a = alpha;
    return c;
}

/// WCAG 2 relative luminance of an opaque colour (alpha ignored).
inline double relative_luminance(const Color& c) {
    auto lin = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/// WCAG 2 contrast ratio between two opaque colours (1 .. 21). Text needs >= 4.5 (AA).
inline double contrast_ratio(const Color& x, const Color& y) {
    double lx = relative_luminance(x);
    double ly = relative_luminance(y);
    if (lx < ly) std::swap(lx, ly);
    return (lx + 0.05) / (ly + 0.05);
}

namespace palette {

// ---- Analysis Function (GSS) colours, DOMAIN.md §5.1. Order matters. ----------------------------
inline constexpr Color kDarkBlue = from_hex(0x12436D);
inline constexpr Color kTurquoise = from_hex(0x28A197);
inline constexpr Color kDarkPink = from_hex(0x801650);
inline constexpr Color kOrange = from_hex(0xF46A25);
inline constexpr Color kDarkGrey = from_hex(0x3D3D3D);
inline constexpr Color kLightPurple = from_hex(0xA285D1);
inline constexpr Color kMidBlue = from_hex(0x2073BC);
inline constexpr Color kLightBlue = from_hex(0x6BACE6);

// The categorical palette starts from the Analysis Function's dark blue and orange and is
// chosen so that every pair stays apart (CIEDE2000 dE >= 15) as seen with normal vision and
// simulated protanopia and deuteranopia, and the first three also in greyscale; every colour is
// 3:1 or more on white. charts/model/color_vision.h does the maths, tests/unit/charts/
// palette_test.cpp the check, docs/accessibility.md#chart-colours gives the measured figures.
inline constexpr Color kDarkTurquoise = from_hex(0x28786C);  ///< AF turquoise, darker
inline constexpr Color kNearBlack = from_hex(0x0B0C0C);
inline constexpr Color kBrown = from_hex(0x6B4A00);

/// Categorical palette, in order: use at most 4 colours where possible; 5 and 6 are the
/// extension. Charts with more than three series add marker shapes as a second cue.
inline constexpr std::array<Color, 6> kCategorical = {kDarkBlue,  kOrange,      kDarkTurquoise,
                                                      kNearBlack, kLightPurple, kBrown};
/// Two series: dark blue and orange.
inline constexpr std::array<Color, 2> kTwoSeries = {kDarkBlue, kOrange};
/// Sequential palette, dark to light.
inline constexpr std::array<Color, 3> kSequential = {kDarkBlue, kMidBlue, kLightBlue};
/// Focus charts: the highlighted item, and every other item.
inline constexpr Color kFocus = kDarkBlue;
/// (#8A8A8A, 3.4:1 on white: light enough to step back, dark enough for WCAG 1.4.11; the
/// Analysis Function's #BFBFBF is 1.8:1.)
inline constexpr Color kFocusOther = from_hex(0x8A8A8A);

/// The i-th categorical colour (wraps round after 6).
constexpr Color categorical(std::size_t i) { return kCategorical[i % kCategorical.size()]; }

// ---- chart furniture
// -----------------------------------------------------------------------------
inline constexpr Color kWhite = from_hex(0xFFFFFF);
inline constexpr Color kText = from_hex(0x0B0C0C);           ///< titles, labels
inline constexpr Color kTextSecondary = from_hex(0x505A5F);  ///< subtitles, captions, ticks
inline constexpr Color kGridline = from_hex(0xD9D9D9);       ///< light horizontal gridlines
inline constexpr Color kAxis = from_hex(0x6F777B);           ///< axis and zero lines

// ---- status colours (GOV.UK, DOMAIN.md §3.3). Never the only signal: print the word too. -------
inline constexpr Color kStatusGreen = from_hex(0x00703C);
inline constexpr Color kStatusRed = from_hex(0xD4351C);
inline constexpr Color kStatusBlue = from_hex(0x1D70B8);
inline constexpr Color kStatusYellow = from_hex(0xFFDD00);  ///< needs black text on it
inline constexpr Color kStatusOrange = from_hex(0xF47738);
inline constexpr Color kStatusMidGrey = from_hex(0xB1B4B6);
inline constexpr Color kStatusLightGrey = from_hex(0xF3F2F1);
inline constexpr Color kStatusBlack = from_hex(0x0B0C0C);

}  // namespace palette

/// The text colour (white or near-black) that reads best on `fill`.
inline Color text_on(const Color& fill) {
    return contrast_ratio(palette::kWhite, fill) >= contrast_ratio(palette::kText, fill)
               ? palette::kWhite
               : palette::kText;
}

}  // namespace charts::model
