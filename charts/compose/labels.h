// charts compose: placing labels so that they never overlap — one-dimensional spreading of
// direct labels (nudging) and greedy word wrapping against measured widths.
#pragma once

#include <string>
#include <vector>

#include "charts/compose/text_measure.h"

namespace charts::compose {

/// A label to place along one axis: where its centre wants to be and how much room it takes.
struct LabelSlot {
    double desired = 0.0;  ///< wanted centre position
    double extent = 0.0;   ///< size along the axis
};

/// Centre positions, one per slot in input order, as near to the desired positions as possible
/// such that neighbouring labels are at least `gap` apart and all lie within [lo, hi] when they
/// fit (when they do not, they start at lo and run past hi). Overlapping groups are moved as a
/// block to their mean desired position (nudging).
std::vector<double> spread_labels(const std::vector<LabelSlot>& slots, double lo, double hi,
                                  double gap = 1.0);

/// Greedy word wrap of `text` into lines no wider than max_width where possible (a single word
/// wider than max_width gets a line of its own). max_lines > 0 caps the number of lines: the
/// rest of the text joins the last line.
std::vector<std::string> wrap_text(const std::string& text, const FontSpec& font, double max_width,
                                   const TextMeasure& measure, std::size_t max_lines = 0);

/// `text` if it fits in max_width, else as many whole code points as fit followed by "…".
std::string fit_text(const std::string& text, const FontSpec& font, double max_width,
                     const TextMeasure& measure);

}  // namespace charts::compose
