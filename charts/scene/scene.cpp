#include "charts/scene/scene.h"

#include <algorithm>
#include <utility>

namespace charts::scene {

Path& Path::move_to(double x, double y) {
    cmds.push_back({PathOp::MoveTo, {Point{x, y}, Point{}, Point{}}});
    return *this;
}

Path& Path::line_to(double x, double y) {
    cmds.push_back({PathOp::LineTo, {Point{x, y}, Point{}, Point{}}});
    return *this;
}

Path& Path::curve_to(double x1, double y1, double x2, double y2, double x, double y) {
    cmds.push_back({PathOp::CurveTo, {Point{x1, y1}, Point{x2, y2}, Point{x, y}}});
    return *this;
}

Path& Path::close() {
    cmds.push_back({PathOp::Close, {}});
    return *this;
}

Path Path::rect(const Rect& r) {
    Path p;
    p.move_to(r.x, r.y).line_to(r.right(), r.y).line_to(r.right(), r.bottom());
    p.line_to(r.x, r.bottom()).close();
    return p;
}

Path Path::line(Point a, Point b) {
    Path p;
    p.move_to(a.x, a.y).line_to(b.x, b.y);
    return p;
}

Path Path::circle(Point c, double r) {
    // Control distance for a quarter circle.
    const double k = 0.5522847498307936 * r;
    Path p;
    p.move_to(c.x + r, c.y);
    p.curve_to(c.x + r, c.y + k, c.x + k, c.y + r, c.x, c.y + r);
    p.curve_to(c.x - k, c.y + r, c.x - r, c.y + k, c.x - r, c.y);
    p.curve_to(c.x - r, c.y - k, c.x - k, c.y - r, c.x, c.y - r);
    p.curve_to(c.x + k, c.y - r, c.x + r, c.y - k, c.x + r, c.y);
    p.close();
    return p;
}

Rect Text::box() const {
    double left = pos.x;
    if (anchor == Anchor::Centre) left -= width / 2.0;
    if (anchor == Anchor::Right) left -= width;
    return Rect{left, pos.y - ascent, width, ascent + descent};
}

namespace {

void collect(const std::vector<Item>& items, std::vector<const Text*>& out) {
    for (const Item& item : items) {
        if (const auto* t = std::get_if<Text>(&item)) {
            out.push_back(t);
        } else if (const auto* g = std::get_if<Group>(&item)) {
            collect(g->items, out);
        }
    }
}

}  // namespace

std::vector<const Text*> collect_texts(const Scene& scene) {
    std::vector<const Text*> out;
    collect(scene.items, out);
    return out;
}

std::vector<std::pair<std::size_t, std::size_t>> find_text_overlaps(const Scene& scene,
                                                                    double tolerance) {
    std::vector<const Text*> texts = collect_texts(scene);
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (texts[i]->text.empty()) continue;
        Rect a = texts[i]->box();
        for (std::size_t j = i + 1; j < texts.size(); ++j) {
            if (texts[j]->text.empty()) continue;
            Rect b = texts[j]->box();
            double dx = std::min(a.right(), b.right()) - std::max(a.left(), b.left());
            double dy = std::min(a.bottom(), b.bottom()) - std::max(a.top(), b.top());
            if (dx > tolerance && dy > tolerance) out.emplace_back(i, j);
        }
    }
    return out;
}

}  // namespace charts::scene
