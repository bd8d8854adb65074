// Charts that stay readable with many series (issue 15 item 4): small multiples for more than
// four lines, a second cue (marker shapes) for more than three, status symbols kept on narrow
// stacked segments, value labels clear of target marks; and charts with no figure to draw.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "charts/compose/absent.h"
#include "charts/compose/build_chart.h"
#include "charts/compose/describe.h"
#include "charts/compose/values_table.h"
#include "charts/scene/scene.h"
#include "tests/unit/charts/chart_samples.h"
#include "tests/unit/charts/fixed_measure.h"

using namespace charts;
using scene::Group;
using scene::Path;
using scene::Scene;
using scene::Text;
namespace pal = model::palette;

namespace {

void collect(const std::vector<scene::Item>& items, std::vector<const Path*>& out,
             const std::string& group, const std::string& in = "") {
    for (const auto& item : items) {
        if (const auto* p = std::get_if<Path>(&item))
            if (group.empty() || in == group) out.push_back(p);
        if (const auto* g = std::get_if<Group>(&item)) collect(g->items, out, group, g->name);
    }
}
std::vector<const Path*> paths(const Scene& s, const std::string& group = "") {
    std::vector<const Path*> out;
    collect(s.items, out, group);
    return out;
}
scene::Rect bounds(const Path& p) {
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (const auto& c : p.cmds) {
        if (c.op == scene::PathOp::Close) continue;
        x0 = std::min(x0, c.pts[0].x), x1 = std::max(x1, c.pts[0].x);
        y0 = std::min(y0, c.pts[0].y), y1 = std::max(y1, c.pts[0].y);
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

TEST_CASE("a line chart with more than four lines becomes small multiples with one panel per area",
          "[charts][many]") {
    test_charts::FixedMeasure m;
    const auto spec = test_charts::many_lines();
    const Scene s = compose::build_chart(spec, {480, 260}, m);
    int highlighted = 0, context = 0, reference = 0;
    for (const Path* p : paths(s, "panel")) {
        if (!p->stroke || p->fill) continue;
        if (*p->stroke == pal::kFocus && p->line_width == 2.0) ++highlighted;
        if (*p->stroke == pal::kFocusOther && p->line_width == 0.75) ++context;
        if (*p->stroke == pal::kDarkGrey && !p->dash.empty()) ++reference;
    }
    CHECK(highlighted == 6);    // each area once, in its own panel
    CHECK(context == 6 * 5);    // and in grey behind every other panel
    CHECK(reference == 6);      // England, dashed, in every panel
    // Each panel is titled with its area and latest value.
    for (const char* head : {"Bradford 50%", "Plymouth 62%", "Kent 58%"}) {
        bool found = false;
        for (const Text* t : scene::collect_texts(s)) found = found || t->text == head;
        INFO(head);
        CHECK(found);
    }
    // Nothing lost: the alt text and the values table are the single chart's, every series in.
    CHECK(s.alt_text == compose::describe_chart(spec));
    const model::ValuesTable v = compose::chart_values(spec);
    CHECK(s.values.columns == v.columns);
    CHECK(v.columns.size() == 1 + 7);
    CHECK(v.rows.size() == 4);
    // Four lines stay in one plot.
    auto four = spec;
    four.series.erase(four.series.begin() + 4, four.series.begin() + 6);
    int panels = 0;
    for (const Path* p : paths(compose::build_chart(four, {480, 260}, m)))
        if (p->stroke && *p->stroke == pal::kFocusOther && p->line_width == 0.75) ++panels;
    CHECK(panels == 0);
}

TEST_CASE("small multiples keep every text apart and inside the chart", "[charts][many]") {
    test_charts::FixedMeasure m;
    for (compose::Size size : {compose::Size{480, 260}, compose::Size{515, 215}, compose::Size{300, 240}}) {
        const Scene s = compose::build_chart(test_charts::many_lines(), size, m);
        INFO(size.width << "x" << size.height);
        CHECK(scene::find_text_overlaps(s).empty());
        for (const Text* t : scene::collect_texts(s)) {
            INFO(t->text);
            CHECK(t->box().right() <= s.width + 0.01);
            CHECK(t->box().bottom() <= s.height + 0.01);
        }
    }
}

TEST_CASE("four lines in one plot get four marker shapes as a second cue to colour", "[charts][many]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::many_lines();
    spec.series.erase(spec.series.begin() + 4, spec.series.begin() + 6);
    for (auto& x : spec.series) x.marker = model::MarkerShape::Circle;
    const Scene s = compose::build_chart(spec, {480, 260}, m);
    // Each series' markers, by shape: the outline relative to its first point.
    auto shapes_of = [](const Scene& sc, const std::vector<model::Series>& series) {
        std::set<std::string> shapes;
        for (const auto& x : series)
            for (const Path* p : paths(sc, "plot"))
                if (p->fill && *p->fill == x.color && p->stroke && *p->stroke == pal::kWhite) {
                    std::string sig;
                    for (const auto& c : p->cmds) {
                        sig += std::to_string(static_cast<int>(c.op));
                        if (c.op != scene::PathOp::Close)
                            sig += ":" + std::to_string(static_cast<int>(std::lround((c.pts[0].x - p->cmds[0].pts[0].x) * 10))) +
                                   "," + std::to_string(static_cast<int>(std::lround((c.pts[0].y - p->cmds[0].pts[0].y) * 10))) + ";";
                    }
                    shapes.insert(sig);
                    break;
                }
        return shapes;
    };
    CHECK(shapes_of(s, spec.series).size() == 4);
    // Three lines keep the markers they were given (here all circles).
    spec.series.erase(spec.series.begin() + 3);
    CHECK(shapes_of(compose::build_chart(spec, {480, 260}, m), spec.series).size() == 1);
}

TEST_CASE("a stacked segment too narrow for its count keeps its status symbol under the bar",
          "[charts][many]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::action_status();
    spec.rows = {{"All actions", {40, 1, 0, 0, 1}}};
    spec.last_row_is_total = true;
    const Scene s = compose::build_chart(spec, {480, 120}, m);
    // The "On track" segment is about 11 pt wide: its marker and count go under it.
    const Path* seg = nullptr;
    for (const Path* p : paths(s, "bars"))
        if (p->fill && *p->fill == pal::kStatusBlue) seg = p;
    REQUIRE(seg);
    const scene::Rect box = bounds(*seg);
    CHECK(box.width < 14.0);
    int under = 0;
    for (const Text* t : scene::collect_texts(s))
        if (t->text == "1" && t->box().top() >= box.bottom() - 0.01) {
            ++under;
            CHECK(t->color == pal::kText);  // on white, so in the text colour
        }
    CHECK(under == 2);  // On track and Not started
    int markers_under = 0;
    for (const Path* p : paths(s, "labels"))
        if (p->fill && *p->fill == pal::kStatusBlue && bounds(*p).top() >= box.bottom() - 0.01)
            ++markers_under;
    CHECK(markers_under == 1);
    CHECK(scene::find_text_overlaps(s).empty());
}

TEST_CASE("a gap bar's value label sits clear of a target mark just past the bar end",
          "[charts][many]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::gap_target_bars();
    spec.rows = {{"CL", 9.0, 9.3, test_charts::achieved()}, {"GLD", 16.0, 10.0, test_charts::not_on_target()}};
    spec.x.decimals = 0;
    const Scene s = compose::build_chart(spec, {480, 200}, m);
    std::vector<scene::Rect> marks;
    for (const Path* p : paths(s, "bars"))
        if (p->stroke && *p->stroke == pal::kText && !p->fill) marks.push_back(bounds(*p));
    REQUIRE(marks.size() == 2);
    for (const Text* t : scene::collect_texts(s)) {
        if (t->text != "9" && t->text != "16") continue;
        for (const scene::Rect& mk : marks) {
            INFO(t->text);
            const bool same_row = t->box().bottom() > mk.top() && t->box().top() < mk.bottom();
            if (same_row) CHECK((t->box().left() >= mk.right() + 1.0 || t->box().right() <= mk.left() - 1.0));
        }
    }
}

TEST_CASE("a chart whose every figure is absent says why it has nothing to draw", "[charts][absent]") {
    auto trend = test_charts::gap_trend();
    CHECK_FALSE(compose::nothing_to_draw(trend));
    for (auto* x : {&trend.group, &trend.comparator, &*trend.reference}) {
        x->values.assign(x->values.size(), std::nullopt);
        x->symbols.clear();
    }
    CHECK(compose::nothing_to_draw(trend) == std::string("every figure it would show is suppressed (c)"));
    trend.group.symbols = {"x"};
    CHECK(compose::nothing_to_draw(trend) ==
          std::string("none of the figures it would show is available (c, x)"));
    auto bars = test_charts::gap_target_bars();
    CHECK_FALSE(compose::nothing_to_draw(bars));
    for (auto& r : bars.rows) r.gap = std::nullopt;
    CHECK(compose::nothing_to_draw(bars));
    CHECK_FALSE(compose::nothing_to_draw(test_charts::action_status()));
}
