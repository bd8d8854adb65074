// WCAG 2.2 AA contrast of every colour the charts actually draw, on the white ground every
// backend paints: text 4.5:1 (1.4.3), marks 3:1 (1.4.11) by their fill or their outline.
#include <catch2/catch.hpp>

#include <string>
#include <variant>

#include "charts/compose/build_chart.h"
#include "charts/scene/scene_dump.h"
#include "tests/unit/charts/chart_samples.h"
#include "tests/unit/charts/fixed_measure.h"

using namespace charts;
namespace pal = model::palette;

namespace {

double on_white(const model::Color& c) { return model::contrast_ratio(c, pal::kWhite); }

struct Checked {
    int texts = 0, marks = 0;
};

// Walks a scene; `fill_under` is the fill a text is drawn on (white unless inside a mark).
void check_items(const std::vector<scene::Item>& items, Checked& n,
                 std::vector<const scene::Path*>& fills) {
    for (const auto& item : items) {
        if (const auto* p = std::get_if<scene::Path>(&item)) {
            // Translucent areas (the shaded gap) and the gridlines are decoration: the values
            // they stand near are labelled. White is the ground or a separator.
            const bool decoration = (p->fill && p->fill->a < 1.0) ||
                                    (p->stroke && *p->stroke == pal::kGridline && !p->fill);
            if (decoration) continue;
            if (p->fill && *p->fill != pal::kWhite) {
                ++n.marks;
                const double by_outline = p->stroke ? on_white(*p->stroke) : 0.0;
                INFO("fill " << scene::format_color(*p->fill) << " outline "
                             << (p->stroke ? scene::format_color(*p->stroke) : "none"));
                CHECK(std::max(on_white(*p->fill), by_outline) >= 3.0);
                fills.push_back(p);
            } else if (p->stroke && !p->fill && *p->stroke != pal::kWhite) {
                ++n.marks;
                INFO("stroke " << scene::format_color(*p->stroke));
                CHECK(on_white(*p->stroke) >= 3.0);
            }
        } else if (const auto* t = std::get_if<scene::Text>(&item)) {
            if (t->text.empty()) continue;
            ++n.texts;
            INFO("text '" << t->text << "' " << scene::format_color(t->color));
            if (on_white(t->color) >= 4.5) continue;
            // Otherwise it must sit on a mark it reads on (a count inside a status segment).
            const scene::Rect box = t->box();
            const scene::Path* under = nullptr;
            for (const scene::Path* f : fills) {
                double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
                for (const auto& c : f->cmds) {
                    if (c.op == scene::PathOp::Close) continue;
                    x0 = std::min(x0, c.pts[0].x), x1 = std::max(x1, c.pts[0].x);
                    y0 = std::min(y0, c.pts[0].y), y1 = std::max(y1, c.pts[0].y);
                }
                if (box.left() >= x0 - 0.01 && box.right() <= x1 + 0.01 &&
                    (box.top() + box.bottom()) / 2.0 >= y0 && (box.top() + box.bottom()) / 2.0 <= y1)
                    under = f;
            }
            REQUIRE(under);
            CHECK(model::contrast_ratio(t->color, *under->fill) >= 4.5);
        } else if (const auto* g = std::get_if<scene::Group>(&item)) {
            check_items(g->items, n, fills);
        }
    }
}

}  // namespace

TEST_CASE("every text and mark of every chart kind meets WCAG 2.2 AA contrast on white",
          "[charts][contrast]") {
    test_charts::FixedMeasure m;
    for (const auto& [name, spec] : test_charts::all_samples()) {
        INFO(name);
        const scene::Scene s = compose::build_chart(spec, {480, 240}, m);
        Checked n;
        std::vector<const scene::Path*> fills;
        check_items(s.items, n, fills);
        CHECK(n.texts > 3);
        CHECK(n.marks > 2);
    }
}

TEST_CASE("the palette's text colours read on white and series labels fall back to text colour",
          "[charts][contrast]") {
    CHECK(on_white(pal::kText) >= 4.5);
    CHECK(on_white(pal::kTextSecondary) >= 4.5);
    CHECK(on_white(pal::kAxis) >= 3.0);
    CHECK(on_white(pal::kFocusOther) >= 3.0);
    for (const model::Color& c : pal::kCategorical) {
        INFO(scene::format_color(c));
        CHECK(on_white(c) >= 3.0);  // lines and markers
    }
    // text_on picks the better of white and near-black: every status fill gets 4.5:1 or more.
    for (const model::Color& fill : {pal::kStatusGreen, pal::kStatusRed, pal::kStatusBlue,
                                     pal::kStatusYellow, pal::kStatusOrange, pal::kStatusMidGrey,
                                     pal::kStatusLightGrey, pal::kStatusBlack}) {
        INFO(scene::format_color(fill));
        CHECK(model::contrast_ratio(model::text_on(fill), fill) >= 4.5);
    }
}
