// charts render: walks a scene in drawing order and calls a Painter for each item.
#pragma once

#include "charts/render/painter.h"
#include "charts/scene/scene.h"

namespace charts::render {

/// Draws every item of `scene` through `painter`: a path's fill before its stroke, groups as
/// push_group / items / pop_group.
void render_scene(const scene::Scene& scene, Painter& painter);

}  // namespace charts::render
