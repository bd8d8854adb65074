#include "charts/model/color_vision.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace charts::model {

namespace {

constexpr double kPi = 3.14159265358979323846;

double to_linear(double v) {
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}
double to_srgb(double v) {
    v = std::clamp(v, 0.0, 1.0);
    return v <= 0.0031308 ? v * 12.92 : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
}

using Matrix = std::array<std::array<double, 3>, 3>;

// Machado, Oliveira and Fernandes (2009), "A physiologically-based model for simulation of
// color vision deficiency", Table 1, severity 1.0; for linear RGB.
constexpr Matrix kProtanopia = {{{0.152286, 1.052583, -0.204868},
                                 {0.114503, 0.786281, 0.099216},
                                 {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeuteranopia = {{{0.367322, 0.860646, -0.227968},
                                   {0.280085, 0.672501, 0.047413},
                                   {-0.011820, 0.042940, 0.968881}}};

Color apply(const Matrix& m, const Color& c) {
    const std::array<double, 3> lin = {to_linear(c.r), to_linear(c.g), to_linear(c.b)};
    std::array<double, 3> out{};
    for (std::size_t i = 0; i < 3; ++i)
        out[i] = m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2];
    return Color{to_srgb(out[0]), to_srgb(out[1]), to_srgb(out[2]), c.a};
}

double lab_f(double t) {
    constexpr double d = 6.0 / 29.0;
    return t > d * d * d ? std::cbrt(t) : t / (3.0 * d * d) + 4.0 / 29.0;
}

double degrees(double rad) { return rad * 180.0 / kPi; }
double radians(double deg) { return deg * kPi / 180.0; }

// Hue angle in degrees, 0..360; 0 for a neutral colour (a = b = 0).
double hue(double b, double a) {
    if (a == 0.0 && b == 0.0) return 0.0;
    double h = degrees(std::atan2(b, a));
    return h < 0.0 ? h + 360.0 : h;
}

}  // namespace

Lab to_lab(const Color& c) {
    const double r = to_linear(c.r), g = to_linear(c.g), b = to_linear(c.b);
    // sRGB (IEC 61966-2-1) to XYZ, D65.
    const double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
    constexpr double xn = 0.95047, yn = 1.0, zn = 1.08883;
    const double fx = lab_f(x / xn), fy = lab_f(y / yn), fz = lab_f(z / zn);
    return Lab{116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

// Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes,
// supplementary test data, and mathematical observations", equations (1)-(22).
double ciede2000(const Lab& p, const Lab& q) {
    const double c1 = std::hypot(p.a, p.b), c2 = std::hypot(q.a, q.b);
    const double c_bar = (c1 + c2) / 2.0;
    const double c7 = std::pow(c_bar, 7.0);
    const double g = 0.5 * (1.0 - std::sqrt(c7 / (c7 + std::pow(25.0, 7.0))));
    const double a1 = (1.0 + g) * p.a, a2 = (1.0 + g) * q.a;
    const double cp1 = std::hypot(a1, p.b), cp2 = std::hypot(a2, q.b);
    const double h1 = hue(p.b, a1), h2 = hue(q.b, a2);

    const double dl = q.l - p.l;
    const double dc = cp2 - cp1;
    double dh = 0.0;
    if (cp1 * cp2 != 0.0) {
        dh = h2 - h1;
        if (dh > 180.0) dh -= 360.0;
        else if (dh < -180.0) dh += 360.0;
    }
    const double d_big_h = 2.0 * std::sqrt(cp1 * cp2) * std::sin(radians(dh / 2.0));

    const double l_bar = (p.l + q.l) / 2.0;
    const double cp_bar = (cp1 + cp2) / 2.0;
    double h_bar = h1 + h2;
    if (cp1 * cp2 != 0.0) {
        if (std::fabs(h1 - h2) <= 180.0) h_bar = (h1 + h2) / 2.0;
        else if (h1 + h2 < 360.0) h_bar = (h1 + h2 + 360.0) / 2.0;
        else h_bar = (h1 + h2 - 360.0) / 2.0;
    }
    const double t = 1.0 - 0.17 * std::cos(radians(h_bar - 30.0)) +
                     0.24 * std::cos(radians(2.0 * h_bar)) +
                     0.32 * std::cos(radians(3.0 * h_bar + 6.0)) -
                     0.20 * std::cos(radians(4.0 * h_bar - 63.0));
    const double d_theta = 30.0 * std::exp(-std::pow((h_bar - 275.0) / 25.0, 2.0));
    const double cp_bar7 = std::pow(cp_bar, 7.0);
    const double rc = 2.0 * std::sqrt(cp_bar7 / (cp_bar7 + std::pow(25.0, 7.0)));
    const double l50 = (l_bar - 50.0) * (l_bar - 50.0);
    const double sl = 1.0 + 0.015 * l50 / std::sqrt(20.0 + l50);
    const double sc = 1.0 + 0.045 * cp_bar;
    const double sh = 1.0 + 0.015 * cp_bar * t;
    const double rt = -std::sin(radians(2.0 * d_theta)) * rc;
    const double tl = dl / sl, tc = dc / sc, th = d_big_h / sh;
    return std::sqrt(tl * tl + tc * tc + th * th + rt * tc * th);
}

const char* vision_name(Vision v) {
    switch (v) {
        case Vision::Normal: return "normal";
        case Vision::Protanopia: return "protanopia";
        case Vision::Deuteranopia: return "deuteranopia";
        case Vision::Greyscale: return "greyscale";
    }
    return "normal";
}

Color simulate(const Color& c, Vision v) {
    switch (v) {
        case Vision::Normal: return c;
        case Vision::Protanopia: return apply(kProtanopia, c);
        case Vision::Deuteranopia: return apply(kDeuteranopia, c);
        case Vision::Greyscale: {
            const double y = to_srgb(relative_luminance(c));
            return Color{y, y, y, c.a};
        }
    }
    return c;
}

double delta_e(const Color& x, const Color& y, Vision v) {
    return ciede2000(to_lab(simulate(x, v)), to_lab(simulate(y, v)));
}

ClosestPair closest_pair(const std::vector<Color>& colors, Vision v) {
    ClosestPair best{0, 0, std::numeric_limits<double>::infinity()};
    for (std::size_t i = 0; i < colors.size(); ++i)
        for (std::size_t j = i + 1; j < colors.size(); ++j) {
            const double d = delta_e(colors[i], colors[j], v);
            if (d < best.delta_e) best = {i, j, d};
        }
    return best;
}

}  // namespace charts::model
