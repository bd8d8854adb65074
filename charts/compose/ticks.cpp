#include "charts/compose/ticks.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "charts/compose/format.h"

namespace charts::compose {

namespace {

constexpr int kMultipliers[] = {1, 2, 5};

// i × m × 10^k computed so that the result is the double nearest the decimal value
// (0.1 × 3 would give 0.30000000000000004; 3 / 10 gives 0.3).
double tick_value(long long i, int m, int k) {
    double n = static_cast<double>(i * m);
    return k >= 0 ? n * std::pow(10.0, k) : n / std::pow(10.0, -k);
}

double step_of(int m, int k) { return tick_value(1, m, k); }

// Axis values are cast to integers below, so the range is kept where that is defined: a
// non-finite end becomes 0 (1 for an empty range), ends are clamped to ±1e15 and a range
// narrower than 1e-9 of its size is widened. The engine rejects absurd values at load; this
// keeps the chart code itself from undefined behaviour whatever it is given.
constexpr double kMaxAxisValue = 1e15;

void keep_castable(double& lo, double& hi) {
    if (!std::isfinite(lo)) lo = 0.0;
    if (!std::isfinite(hi)) hi = lo;
    lo = std::clamp(lo, -kMaxAxisValue, kMaxAxisValue);
    hi = std::clamp(hi, -kMaxAxisValue, kMaxAxisValue);
    if (lo > hi) std::swap(lo, hi);
    const double size = std::max({std::fabs(lo), std::fabs(hi), 1e-6});
    if (hi - lo < size * 1e-9) hi = lo;
}

}  // namespace

Ticks nice_ticks(double lo, double hi, int max_ticks) {
    keep_castable(lo, hi);
    max_ticks = std::max(max_ticks, 2);
    if (hi - lo <= 0.0) {
        if (std::fabs(lo) < 1e-9) {
            lo = 0.0;
            hi = 1.0;
        } else {
            double pad = std::fabs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
    }
    const double range = hi - lo;
    int k = static_cast<int>(std::floor(std::log10(range / max_ticks))) - 1;
    for (;; ++k) {
        for (int m : kMultipliers) {
            const double step = step_of(m, k);
            const double eps = 1e-9;
            auto i_lo = static_cast<long long>(std::floor(lo / step + eps));
            auto i_hi = static_cast<long long>(std::ceil(hi / step - eps));
            if (i_hi - i_lo + 1 > max_ticks) continue;
            Ticks t;
            t.step = step;
            for (long long i = i_lo; i <= i_hi; ++i) t.values.push_back(tick_value(i, m, k));
            t.lo = t.values.front();
            t.hi = t.values.back();
            t.decimals = decimals_for_step(step);
            return t;
        }
    }
}

Ticks ticks_within(double lo, double hi, int max_ticks) {
    keep_castable(lo, hi);
    max_ticks = std::max(max_ticks, 2);
    if (hi - lo <= 0.0) {
        Ticks t = nice_ticks(lo, hi, max_ticks);
        return t;
    }
    const double range = hi - lo;
    int k = static_cast<int>(std::floor(std::log10(range / max_ticks))) - 1;
    for (;; ++k) {
        for (int m : kMultipliers) {
            const double step = step_of(m, k);
            const double eps = 1e-9;
            auto i_lo = static_cast<long long>(std::ceil(lo / step - eps));
            auto i_hi = static_cast<long long>(std::floor(hi / step + eps));
            if (i_hi - i_lo + 1 > max_ticks) continue;
            Ticks t;
            t.lo = lo;
            t.hi = hi;
            t.step = step;
            for (long long i = i_lo; i <= i_hi; ++i) t.values.push_back(tick_value(i, m, k));
            t.decimals = decimals_for_step(step);
            return t;
        }
    }
}

}  // namespace charts::compose
