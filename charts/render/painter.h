// charts render: the small backend interface a scene is drawn through (matplotlib's renderer
// idea). Helpers such as markers and dashed grids live in the builders, not in each backend.
#pragma once

#include <optional>

#include "charts/scene/scene.h"

namespace charts::render {

class Painter {
  public:
    virtual ~Painter() = default;

    /// Fills `path` with path.fill (which is set), applying path.opacity.
    virtual void fill_path(const scene::Path& path) = 0;
    /// Strokes `path` with path.stroke (which is set), its width, dash, cap, join and opacity.
    virtual void stroke_path(const scene::Path& path) = 0;
    /// Draws one line of text at its anchor point on the baseline.
    virtual void draw_text(const scene::Text& text) = 0;
    /// Starts a group, clipped to `clip` when set. Groups nest.
    virtual void push_group(const std::optional<scene::Rect>& clip) = 0;
    /// Ends the innermost group.
    virtual void pop_group() = 0;
};

}  // namespace charts::render
