// The colour maths (CIELAB, CIEDE2000, dichromat simulation, greyscale) against published
// reference data, and the palette rules built on it: categorical colours stay apart for readers
// with protanopia or deuteranopia and (the first three) in greyscale, and every mark is 3:1.
#include <catch2/catch.hpp>

#include <vector>

#include "charts/model/color_vision.h"
#include "charts/model/palette.h"
#include "charts/scene/scene_dump.h"

using namespace charts::model;
namespace pal = charts::model::palette;

namespace {

struct ReferencePair {
    Lab x, y;
    double delta_e;
};

// Sharma, Wu and Dalal (2005), Table 1: CIEDE2000 test data (pairs 1-4, 7, 9, 11, 13, 15-21,
// 25-34), published to four decimals.
const std::vector<ReferencePair>& sharma_pairs() {
    static const std::vector<ReferencePair> v = {
        {{50.0000, 2.6772, -79.7751}, {50.0000, 0.0000, -82.7485}, 2.0425},
        {{50.0000, 3.1571, -77.2803}, {50.0000, 0.0000, -82.7485}, 2.8615},
        {{50.0000, 2.8361, -74.0200}, {50.0000, 0.0000, -82.7485}, 3.4412},
        {{50.0000, -1.3802, -84.2814}, {50.0000, 0.0000, -82.7485}, 1.0000},
        {{50.0000, 0.0000, 0.0000}, {50.0000, -1.0000, 2.0000}, 2.3669},
        {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0009}, 7.1792},
        {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0011}, 7.2195},
        {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0009, -2.4900}, 4.8045},
        {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0011, -2.4900}, 4.7461},
        {{50.0000, 2.5000, 0.0000}, {50.0000, 0.0000, -2.5000}, 4.3065},
        {{50.0000, 2.5000, 0.0000}, {73.0000, 25.0000, -18.0000}, 27.1492},
        {{50.0000, 2.5000, 0.0000}, {61.0000, -5.0000, 29.0000}, 22.8977},
        {{50.0000, 2.5000, 0.0000}, {56.0000, -27.0000, -3.0000}, 31.9030},
        {{50.0000, 2.5000, 0.0000}, {58.0000, 24.0000, 15.0000}, 19.4535},
        {{50.0000, 2.5000, 0.0000}, {50.0000, 3.1736, 0.5854}, 1.0000},
        {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
        {{63.0109, -31.0961, -5.8663}, {62.8187, -29.7946, -4.0864}, 1.2630},
        {{61.2901, 3.7196, -5.3901}, {61.4292, 2.2480, -4.9620}, 1.8731},
        {{35.0831, -44.1164, 3.7933}, {35.0232, -40.0716, 1.5901}, 1.8645},
        {{22.7233, 20.0904, -46.6940}, {23.0331, 14.9730, -42.5619}, 2.0373},
        {{36.4612, 47.8580, 18.3852}, {36.2715, 50.5065, 21.2231}, 1.4146},
        {{90.8027, -2.0831, 1.4410}, {91.1528, -1.6435, 0.0447}, 1.4441},
        {{90.9257, -0.5406, -0.9208}, {88.6381, -0.8985, -0.7239}, 1.5381},
        {{6.7747, -0.2908, -2.4247}, {5.8714, -0.0985, -2.2286}, 0.6377},
        {{2.0776, 0.0795, -1.1350}, {0.9033, -0.0636, -0.5514}, 0.9082},
    };
    return v;
}

std::vector<Color> categorical() { return {pal::kCategorical.begin(), pal::kCategorical.end()}; }

}  // namespace

TEST_CASE("CIEDE2000 gives the published differences of Sharma, Wu and Dalal's test pairs",
          "[charts][palette]") {
    for (const auto& p : sharma_pairs()) {
        INFO("L " << p.x.l << " a " << p.x.a << " b " << p.x.b << " against L " << p.y.l << " a "
                  << p.y.a << " b " << p.y.b);
        CHECK(ciede2000(p.x, p.y) == Approx(p.delta_e).margin(0.00005));
        CHECK(ciede2000(p.y, p.x) == Approx(p.delta_e).margin(0.00005));  // symmetric
    }
    CHECK(ciede2000({50, 10, -10}, {50, 10, -10}) == 0.0);
}

TEST_CASE("sRGB converts to CIELAB with white at 100 and black at 0", "[charts][palette]") {
    const Lab white = to_lab(pal::kWhite);
    CHECK(white.l == Approx(100.0).margin(0.01));
    CHECK(white.a == Approx(0.0).margin(0.01));
    CHECK(white.b == Approx(0.0).margin(0.01));
    CHECK(to_lab(from_hex(0x000000)).l == Approx(0.0).margin(0.01));
    // sRGB red, a standard check value: L* 53.24, a* 80.09, b* 67.20.
    const Lab red = to_lab(from_hex(0xFF0000));
    CHECK(red.l == Approx(53.24).margin(0.01));
    CHECK(red.a == Approx(80.09).margin(0.02));
    CHECK(red.b == Approx(67.20).margin(0.02));
}

TEST_CASE("simulated protanopia and deuteranopia confuse red with green but keep greys",
          "[charts][palette]") {
    const Color red = pal::kStatusRed, green = from_hex(0x4C9A2A);
    const double normal = delta_e(red, green, Vision::Normal);
    CHECK(normal > 40.0);
    for (Vision v : {Vision::Protanopia, Vision::Deuteranopia}) {
        INFO(vision_name(v));
        CHECK(delta_e(red, green, v) < normal / 2.0);
        // Neutral colours are seen as they are (each row of Machado's matrices sums to 1).
        for (std::uint32_t grey : {0x000000u, 0x505050u, 0x8A8A8Au, 0xFFFFFFu})
            CHECK(delta_e(from_hex(grey), simulate(from_hex(grey), v), Vision::Normal) < 0.5);
    }
    // Greyscale keeps the WCAG luminance, so contrast on white does not change.
    for (const Color& c : pal::kCategorical) {
        const Color g = simulate(c, Vision::Greyscale);
        CHECK(g.r == g.g);
        CHECK(g.g == g.b);
        CHECK(contrast_ratio(g, pal::kWhite) == Approx(contrast_ratio(c, pal::kWhite)).epsilon(0.01));
    }
}

TEST_CASE("no two categorical colours are closer than CIEDE2000 15 in normal, protanopic or deuteranopic vision",
          "[charts][palette]") {
    for (Vision v : {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia}) {
        const ClosestPair p = closest_pair(categorical(), v);
        INFO(vision_name(v) << ": " << charts::scene::format_color(pal::kCategorical[p.i]) << " and "
                            << charts::scene::format_color(pal::kCategorical[p.j]) << " dE "
                            << p.delta_e);
        CHECK(p.delta_e >= 15.0);
    }
}

TEST_CASE("the first three categorical colours stay CIEDE2000 15 apart in greyscale",
          "[charts][palette]") {
    const std::vector<Color> first3(pal::kCategorical.begin(), pal::kCategorical.begin() + 3);
    const ClosestPair p = closest_pair(first3, Vision::Greyscale);
    INFO(charts::scene::format_color(first3[p.i]) << " and "
                                                  << charts::scene::format_color(first3[p.j])
                                                  << " dE " << p.delta_e);
    CHECK(p.delta_e >= 15.0);
    // The two-series pair is the categorical pair, so a gap trend and a two-group bar chart agree.
    CHECK(pal::kTwoSeries[0] == pal::kCategorical[0]);
    CHECK(pal::kTwoSeries[1] == pal::kCategorical[1]);
}

TEST_CASE("every series and mark colour is at least 3 to 1 on white", "[charts][palette]") {
    for (const Color& c : pal::kCategorical) {
        INFO(charts::scene::format_color(c));
        CHECK(contrast_ratio(c, pal::kWhite) >= 3.0);
    }
    // The context grey of focus charts and distribution dots, and the reference line.
    CHECK(contrast_ratio(pal::kFocusOther, pal::kWhite) >= 3.0);
    CHECK(contrast_ratio(pal::kDarkGrey, pal::kWhite) >= 3.0);
    CHECK(contrast_ratio(pal::kAxis, pal::kWhite) >= 3.0);
}
