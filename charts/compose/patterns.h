// charts compose: fill patterns, the second cue of bars when more than three series share a
// chart (hatching and dots drawn as vector paths over the fill, in the bars and their key).
#pragma once

#include <cstddef>

#include "charts/model/palette.h"
#include "charts/scene/scene.h"

namespace charts::compose {

enum class FillPattern { None, Diagonal, Dots, Horizontal, Cross, Vertical, BackDiagonal };

/// The pattern of series `index` of `count`: None for every series of a chart with at most
/// three (colour and direct labels suffice), else a different one for each of the first seven.
FillPattern series_pattern(std::size_t index, std::size_t count);

/// "diagonal", "dots" … for dumps and messages ("none" for None).
const char* pattern_name(FillPattern p);

/// The colour a pattern is drawn in over `fill`: white or near-black, whichever contrasts
/// more with it (at least 4.5:1 for any fill, so the marks keep the 3:1 WCAG 1.4.11 asks).
model::Color pattern_ink(const model::Color& fill);

/// The pattern's marks over `area` (a group clipped to it, named "pattern <name>"), laid on a
/// grid fixed to the chart's origin so neighbouring bars line up; empty group for None.
scene::Group pattern_over(FillPattern p, const scene::Rect& area, const model::Color& fill);

}  // namespace charts::compose
