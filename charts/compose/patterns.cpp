#include "charts/compose/patterns.h"

#include <cmath>

namespace charts::compose {

namespace {

constexpr double kStep = 4.0;       // between hatch lines and dots, points
constexpr double kLineWidth = 0.9;  // hatch lines
constexpr double kDotRadius = 0.9;

using scene::Path;
using scene::Rect;

// Lines x·ax + y·ay = c for every c on the grid that crosses `r` (ax, ay in {-1, 0, 1}).
void add_lines(Path& p, const Rect& r, int ax, int ay) {
    const double corners[4] = {r.left() * ax + r.top() * ay, r.right() * ax + r.top() * ay,
                               r.left() * ax + r.bottom() * ay, r.right() * ax + r.bottom() * ay};
    double lo = corners[0], hi = corners[0];
    for (double c : corners) {
        lo = std::min(lo, c);
        hi = std::max(hi, c);
    }
    for (double c = std::floor(lo / kStep) * kStep; c <= hi + 1e-9; c += kStep) {
        if (ay == 0) {  // vertical: x = c
            p.move_to(c, r.top()).line_to(c, r.bottom());
        } else if (ax == 0) {  // horizontal: y = c
            p.move_to(r.left(), c).line_to(r.right(), c);
        } else {  // y = (c - x·ax) / ay, from the left edge to the right
            p.move_to(r.left(), (c - r.left() * ax) / ay).line_to(r.right(), (c - r.right() * ax) / ay);
        }
    }
}

}  // namespace

FillPattern series_pattern(std::size_t index, std::size_t count) {
    static constexpr FillPattern order[] = {FillPattern::None,       FillPattern::Diagonal,
                                            FillPattern::Dots,       FillPattern::Horizontal,
                                            FillPattern::Cross,      FillPattern::Vertical,
                                            FillPattern::BackDiagonal};
    if (count <= 3) return FillPattern::None;
    return order[index % (sizeof order / sizeof order[0])];
}

const char* pattern_name(FillPattern p) {
    switch (p) {
        case FillPattern::None: return "none";
        case FillPattern::Diagonal: return "diagonal";
        case FillPattern::Dots: return "dots";
        case FillPattern::Horizontal: return "horizontal";
        case FillPattern::Cross: return "cross";
        case FillPattern::Vertical: return "vertical";
        case FillPattern::BackDiagonal: return "back-diagonal";
    }
    return "none";
}

model::Color pattern_ink(const model::Color& fill) {
    using namespace model::palette;
    return model::contrast_ratio(kWhite, fill) >= model::contrast_ratio(kNearBlack, fill) ? kWhite : kNearBlack;
}

scene::Group pattern_over(FillPattern p, const Rect& area, const model::Color& fill) {
    scene::Group g;
    g.name = std::string("pattern ") + pattern_name(p);
    if (p == FillPattern::None || area.width <= 0.0 || area.height <= 0.0) return g;
    g.clip = area;
    Path marks;
    const model::Color ink = pattern_ink(fill);
    if (p == FillPattern::Dots) {
        for (double y = std::floor(area.top() / kStep) * kStep + kStep / 2.0; y < area.bottom() + kDotRadius; y += kStep)
            for (double x = std::floor(area.left() / kStep) * kStep + kStep / 2.0; x < area.right() + kDotRadius; x += kStep)
                for (const auto& cmd : Path::circle({x, y}, kDotRadius).cmds) marks.cmds.push_back(cmd);
        marks.fill = ink;
    } else {
        if (p == FillPattern::Diagonal || p == FillPattern::Cross) add_lines(marks, area, 1, 1);
        if (p == FillPattern::BackDiagonal || p == FillPattern::Cross) add_lines(marks, area, 1, -1);
        if (p == FillPattern::Horizontal) add_lines(marks, area, 0, 1);
        if (p == FillPattern::Vertical) add_lines(marks, area, 1, 0);
        marks.stroke = ink;
        marks.line_width = kLineWidth;
    }
    g.items.emplace_back(std::move(marks));
    return g;
}

}  // namespace charts::compose
