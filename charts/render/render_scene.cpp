#include "charts/render/render_scene.h"

#include <variant>

namespace charts::render {

namespace {

void render_items(const std::vector<scene::Item>& items, Painter& painter) {
    for (const scene::Item& item : items) {
        if (const auto* p = std::get_if<scene::Path>(&item)) {
            if (p->cmds.empty()) continue;
            if (p->fill) painter.fill_path(*p);
            if (p->stroke && p->line_width > 0.0) painter.stroke_path(*p);
        } else if (const auto* t = std::get_if<scene::Text>(&item)) {
            if (!t->text.empty()) painter.draw_text(*t);
        } else if (const auto* g = std::get_if<scene::Group>(&item)) {
            painter.push_group(g->clip);
            render_items(g->items, painter);
            painter.pop_group();
        }
    }
}

}  // namespace

void render_scene(const scene::Scene& scene, Painter& painter) {
    render_items(scene.items, painter);
}

}  // namespace charts::render
