// charts compose: "nice" axis ticks — steps of 1, 2 or 5 × 10^k that cover the data with at most
// a handful of ticks, so axes read 0, 20, 40 … rather than 0, 17, 34 ….
#pragma once

#include <string>
#include <vector>

namespace charts::compose {

struct Ticks {
    double lo = 0.0;             ///< axis domain start (the first tick for nice_ticks)
    double hi = 1.0;             ///< axis domain end (the last tick for nice_ticks)
    double step = 1.0;           ///< distance between ticks
    std::vector<double> values;  ///< tick values, ascending
    int decimals = 0;            ///< decimals needed to print the ticks
    /// Words for the ticks of a rating scale, one per value ("" = no label); empty = numbers.
    std::vector<std::string> labels = {};
};

/// The smallest nice step whose ticks cover [lo, hi] in at most `max_ticks` ticks; the domain
/// becomes [first tick, last tick]. lo > hi is swapped; lo == hi is widened around the value
/// (to [0, 1] for zero).
Ticks nice_ticks(double lo, double hi, int max_ticks = 6);

/// Ticks for a fixed domain [lo, hi]: the multiples of the smallest nice step that lie inside
/// and number at most `max_ticks` (0–100 gives 0, 20 … 100). The domain stays [lo, hi].
Ticks ticks_within(double lo, double hi, int max_ticks = 6);

}  // namespace charts::compose
