// charts scene: a stable text form of a scene for golden tests — fixed two decimals, written
// with std::to_chars (never the global locale), one item per line, groups indented.
#pragma once

#include <string>

#include "charts/scene/scene.h"

namespace charts::scene {

/// The dump of a whole scene. Identical scenes give identical text on every platform and locale.
std::string dump_scene(const Scene& scene);

/// A number with exactly two decimals ("-0.00" never appears).
std::string format_2dp(double v);

/// A path's commands as "M x y L x y C x1 y1 x2 y2 x y Z" (two decimals), which is also SVG
/// path data.
std::string format_path_data(const Path& p);

/// "#RRGGBB", or "#RRGGBBAA" when not opaque.
std::string format_color(const Color& c);

}  // namespace charts::scene
