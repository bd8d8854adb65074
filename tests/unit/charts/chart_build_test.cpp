#include "charts/compose/build_chart.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "charts/render/pango_text.h"
#include "charts/scene/scene.h"
#include "tests/unit/charts/chart_samples.h"
#include "tests/unit/charts/fixed_measure.h"

using namespace charts;
using scene::Group;
using scene::Path;
using scene::PathOp;
using scene::Scene;
using scene::Text;

namespace {

// Every path in the scene, depth first.
void collect_paths(const std::vector<scene::Item>& items, std::vector<const Path*>& out) {
    for (const auto& item : items) {
        if (const auto* p = std::get_if<Path>(&item)) out.push_back(p);
        if (const auto* g = std::get_if<Group>(&item)) collect_paths(g->items, out);
    }
}
std::vector<const Path*> paths(const Scene& s) {
    std::vector<const Path*> out;
    collect_paths(s.items, out);
    return out;
}

bool has_text(const Scene& s, const std::string& t) {
    for (const Text* x : scene::collect_texts(s))
        if (x->text == t) return true;
    return false;
}

bool has_text_containing(const Scene& s, const std::string& t) {
    for (const Text* x : scene::collect_texts(s))
        if (x->text.find(t) != std::string::npos) return true;
    return false;
}

std::string describe_overlaps(const Scene& s) {
    auto texts = scene::collect_texts(s);
    std::string out;
    for (auto [a, b] : scene::find_text_overlaps(s))
        out += "'" + texts[a]->text + "' x '" + texts[b]->text + "'; ";
    return out;
}

void require_clean(const Scene& s, const std::string& name) {
    INFO(name << ": " << describe_overlaps(s));
    REQUIRE(scene::find_text_overlaps(s).empty());
    for (const Text* t : scene::collect_texts(s)) {
        auto b = t->box();
        INFO(name << ": text '" << t->text << "' at " << b.x << "," << b.y << " size " << b.width
                  << "x" << b.height);
        CHECK(b.left() >= -0.01);
        CHECK(b.top() >= -0.01);
        CHECK(b.right() <= s.width + 0.01);
        CHECK(b.bottom() <= s.height + 0.01);
    }
}

// The engine's sizes, a few smaller ones and the smallest with the no-overlap promise.
const compose::Size kSizes[] = {{480, 240}, {515, 215}, {300, 200},
                              {480, 150}, {240, 150}, {700, 400}};

}  // namespace

TEST_CASE("no text overlaps or leaves the chart for any chart kind (fixed-width text)",
          "[charts][collision]") {
    test_charts::FixedMeasure m;
    for (const auto& [name, spec] : test_charts::all_samples()) {
        for (auto size : kSizes) {
            Scene s = compose::build_chart(spec, size, m);
            require_clean(s, name + " at " + std::to_string(size.width));
        }
    }
}

TEST_CASE("no text overlaps or leaves the chart for any chart kind (real fonts)",
          "[charts][collision]") {
    render::PangoTextMeasure m;
    for (const auto& [name, spec] : test_charts::all_samples()) {
        for (auto size : kSizes) {
            Scene s = compose::build_chart(spec, size, m);
            require_clean(s, name + " at " + std::to_string(size.width));
        }
    }
}

TEST_CASE("the overlap finder reports overlapping text boxes", "[charts][collision]") {
    test_charts::FixedMeasure m;
    Scene s;
    s.width = 100;
    s.height = 100;
    auto t = [&](std::string str, double x, double y) {
        Text x_;
        x_.text = std::move(str);
        x_.pos = {x, y};
        x_.font = {false, 10};
        x_.width = m.width(x_.text, x_.font);
        x_.ascent = 8;
        x_.descent = 2;
        return x_;
    };
    s.items.emplace_back(t("hello", 0, 10));   // 0..25 x 2..12
    s.items.emplace_back(t("world", 20, 15));  // 20..45 x 7..17: overlaps the first
    s.items.emplace_back(t("apart", 0, 30));
    Group g;
    g.items.emplace_back(t("touching", 0, 40));  // 32..42 only touches "apart" (22..32)
    s.items.emplace_back(std::move(g));
    auto o = scene::find_text_overlaps(s);
    REQUIRE(o.size() == 1);
    CHECK(o[0] == std::pair<std::size_t, std::size_t>{0, 1});
}

TEST_CASE("crowded direct labels are nudged apart and get leader lines", "[charts][collision]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::crowded_gap_trend();
    Scene s = compose::build_chart(spec, {480, 240}, m);
    require_clean(s, "crowded");
    // Labels for all four lines plus the gap.
    CHECK(has_text(s, "FSM 47%"));
    CHECK(has_text(s, "Non-FSM 48%"));
    CHECK(has_text(s, "England 48%"));
    CHECK(has_text(s, "Target 47%"));
    CHECK(has_text(s, "Gap 1 ppt"));
    // At least one thin leader joins a moved label to its line end.
    int leaders = 0;
    for (const Path* p : paths(s))
        if (p->stroke && *p->stroke == model::palette::kAxis && p->line_width == 0.5) ++leaders;
    CHECK(leaders >= 2);
}

TEST_CASE("gap trend draws a suppressed point as a break with a note", "[charts][suppressed]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::gap_trend();  // FSM 2014/15 is suppressed
    Scene s = compose::build_chart(spec, {480, 240}, m);
    const Path* fsm_line = nullptr;
    int fsm_markers = 0;
    for (const Path* p : paths(s)) {
        if (p->stroke && *p->stroke == model::palette::kDarkBlue && p->line_width == 2.0)
            fsm_line = p;
        if (p->fill && *p->fill == model::palette::kDarkBlue) ++fsm_markers;
    }
    REQUIRE(fsm_line != nullptr);
    // Two runs (2012/13–2013/14 and 2015/16–2018/19): two MoveTo, 4 LineTo, nothing at zero.
    auto moves = std::count_if(fsm_line->cmds.begin(), fsm_line->cmds.end(),
                               [](const scene::PathCmd& c) { return c.op == PathOp::MoveTo; });
    CHECK(moves == 2);
    CHECK(fsm_line->cmds.size() == 6);
    CHECK(fsm_markers == 6);  // one per present value, none for the suppressed one
    CHECK(has_text(s, model::kDefaultSuppressedNote));
    // The gap shading breaks too: two shaded areas.
    int areas = 0;
    for (const Path* p : paths(s))
        if (p->fill && p->fill->a < 1.0) ++areas;
    CHECK(areas == 2);
}

TEST_CASE("a chart without missing values has no suppressed note", "[charts][suppressed]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::gap_trend();
    spec.group.values[2] = 40.0;
    Scene s = compose::build_chart(spec, {480, 240}, m);
    CHECK_FALSE(has_text(s, model::kDefaultSuppressedNote));
}

TEST_CASE("line chart breaks a series at a missing value and says so", "[charts][suppressed]") {
    test_charts::FixedMeasure m;
    Scene s = compose::build_chart(test_charts::line_chart(), {480, 240}, m);
    const Path* pink = nullptr;
    for (const Path* p : paths(s))
        if (p->stroke && *p->stroke == model::palette::kDarkPink && p->line_width == 2.0) pink = p;
    REQUIRE(pink != nullptr);
    // 2015/16 alone (a marker only), then 2017/18–2018/19.
    CHECK(pink->cmds.size() == 3);
    CHECK(has_text(s, model::kDefaultSuppressedNote));
    CHECK(has_text(s, "Staffordshire Moorlands 70%"));
}

TEST_CASE("gap bars are coloured by status and always carry the status word", "[charts][status]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::gap_target_bars();
    Scene s = compose::build_chart(spec, {480, 240}, m);
    std::vector<model::Color> fills;
    for (const Path* p : paths(s))
        if (p->fill) fills.push_back(*p->fill);
    for (const auto& row : spec.rows) {
        INFO(row.label);
        CHECK(has_text(s, row.status.label));
        CHECK(std::count(fills.begin(), fills.end(), row.status.fill) >= 1);
    }
    // The suppressed gap is a "c" at zero, not a bar.
    CHECK(has_text(s, "c"));
    CHECK(std::count(fills.begin(), fills.end(), model::palette::kStatusMidGrey) ==
          1);  // marker only
    CHECK(has_text(s,
                   "\xE2\x88\x92"
                   "1.5"));
    CHECK(has_text(s, "Target"));
}

TEST_CASE("action status segments use the status colours and the key shows words and counts",
          "[charts][status]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::action_status();
    Scene s = compose::build_chart(spec, {480, 240}, m);
    CHECK(has_text(s, "Complete (6)"));
    CHECK(has_text(s, "On track (6)"));
    CHECK(has_text(s, "At risk (3)"));
    CHECK(has_text(s, "Overdue (2)"));
    CHECK(has_text(s, "Not started (3)"));
    CHECK(has_text(s, "All actions (20)"));
    CHECK(has_text(s, "2. Parental involvement (6)"));
    int yellow = 0;
    for (const Path* p : paths(s))
        if (p->fill && *p->fill == model::palette::kStatusYellow) ++yellow;
    CHECK(yellow == 4);  // rows 1 and 3, the total row, and the key swatch
}

TEST_CASE("grouped bars label a suppressed value c and never draw it as zero",
          "[charts][suppressed]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::grouped_bars();
    Scene s = compose::build_chart(spec, {480, 240}, m);
    CHECK(has_text(s, "c"));
    CHECK(has_text_containing(s, "c = suppressed"));
    int dark_bars = 0;
    for (const Path* p : paths(s))
        if (p->fill && *p->fill == model::palette::kDarkBlue) ++dark_bars;
    CHECK(dark_bars == 3 + 1);  // three bars and the key swatch
}

TEST_CASE("distribution marks the median, highlights one entity and counts suppressed ones",
          "[charts][distribution]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::distribution();
    Scene s = compose::build_chart(spec, {480, 240}, m);
    CHECK(has_text(s, "Project median 12.8"));
    CHECK(has_text(s, "Little Acorns 15.5"));
    CHECK(has_text(s, "2 settings with suppressed values (small numbers) are not shown."));
    auto one = spec;
    one.points.resize(21);  // one suppressed setting: the note is singular
    CHECK(has_text(compose::build_chart(one, {480, 240}, m),
                   "1 setting with suppressed values (small numbers) is not shown."));
    int grey = 0, focus = 0;
    for (const Path* p : paths(s)) {
        if (p->fill && *p->fill == model::palette::kFocusOther) ++grey;
        if (p->fill && *p->fill == model::palette::kFocus) ++focus;
    }
    CHECK(grey == 19);
    CHECK(focus == 1);
}

TEST_CASE("finding titles replace the title only when asked for", "[charts][describe]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::gap_trend();
    Scene s = compose::build_chart(spec, {480, 240}, m);
    CHECK(has_text(s, "The KS2 gap has narrowed since 2012/13"));
    spec.text.finding_title = true;
    s = compose::build_chart(spec, {480, 240}, m);
    CHECK(has_text(s, "The gap in KS2 RWM narrowed by 2 ppts since 2012/13"));
}

TEST_CASE("the alt text is generated unless the template overrides it", "[charts][describe]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::grouped_bars();
    Scene s = compose::build_chart(spec, {480, 240}, m);
    CHECK(s.alt_text.rfind("Disadvantaged children are below other children", 0) == 0);
    spec.text.alt_text = "Custom description.";
    s = compose::build_chart(spec, {480, 240}, m);
    CHECK(s.alt_text == "Custom description.");
}

TEST_CASE("invalid specs are rejected with a message naming the problem", "[charts][check]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::gap_trend();
    spec.comparator.values.pop_back();
    auto problem = compose::check_chart_spec(spec);
    REQUIRE(problem);
    CHECK(*problem == "gap trend: comparator 'Non-FSM' has 6 values for 7 periods");
    CHECK_THROWS_AS(compose::build_chart(spec, {480, 240}, m), std::invalid_argument);

    auto bars = test_charts::action_status();
    bars.rows[0].counts.push_back(1);
    CHECK(*compose::check_chart_spec(bars) ==
          "action status: row '1. Close the gap by KS1' has 6 counts for 5 statuses");

    auto dist = test_charts::distribution();
    dist.highlight = 99;
    CHECK(*compose::check_chart_spec(dist) ==
          "distribution: highlight index 99 is out of range (22 points)");

    CHECK_FALSE(compose::check_chart_spec(test_charts::line_chart()));
    CHECK_THROWS_AS(compose::build_chart(test_charts::line_chart(), {100, 50}, m),
                    std::invalid_argument);
}

TEST_CASE("a gap trend with no data at all still draws axes and says so", "[charts][suppressed]") {
    test_charts::FixedMeasure m;
    auto spec = test_charts::gap_trend();
    for (auto& v : spec.group.values) v.reset();
    for (auto& v : spec.comparator.values) v.reset();
    spec.reference.reset();
    Scene s = compose::build_chart(spec, {480, 240}, m);
    CHECK(has_text(s, "No data to show"));
    CHECK(has_text(s, "100%"));
    require_clean(s, "empty");
}
