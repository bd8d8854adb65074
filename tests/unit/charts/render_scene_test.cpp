#include "charts/render/render_scene.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "charts/compose/build_chart.h"
#include "tests/unit/charts/chart_samples.h"
#include "tests/unit/charts/fixed_measure.h"

using namespace charts;

namespace {

// Records the painter calls as short strings.
class RecordingPainter final : public render::Painter {
  public:
    std::vector<std::string> calls;
    int depth = 0;
    int max_depth = 0;

    void fill_path(const scene::Path& p) override {
        calls.push_back("fill " + std::to_string(p.cmds.size()));
    }
    void stroke_path(const scene::Path& p) override {
        calls.push_back("stroke " + std::to_string(p.cmds.size()));
    }
    void draw_text(const scene::Text& t) override { calls.push_back("text " + t.text); }
    void push_group(const std::optional<scene::Rect>& clip) override {
        calls.push_back(clip ? "push clip" : "push");
        max_depth = std::max(max_depth, ++depth);
    }
    void pop_group() override {
        calls.push_back("pop");
        --depth;
    }
};

}  // namespace

TEST_CASE("render_scene walks items in order, fill before stroke, groups balanced",
          "[charts][render]") {
    scene::Scene s;
    s.width = 100;
    s.height = 100;
    scene::Path both = scene::Path::rect({0, 0, 10, 10});
    both.fill = model::palette::kDarkBlue;
    both.stroke = model::palette::kWhite;
    s.items.emplace_back(both);
    scene::Group g;
    g.clip = scene::Rect{0, 0, 50, 50};
    scene::Text t;
    t.text = "hello";
    g.items.emplace_back(t);
    scene::Group inner;
    scene::Path line = scene::Path::line({0, 0}, {1, 1});
    line.stroke = model::palette::kText;
    inner.items.emplace_back(line);
    scene::Path nothing;  // no commands: skipped
    nothing.fill = model::palette::kText;
    inner.items.emplace_back(nothing);
    scene::Text empty;  // empty text: skipped
    inner.items.emplace_back(empty);
    g.items.emplace_back(std::move(inner));
    s.items.emplace_back(std::move(g));

    RecordingPainter p;
    render::render_scene(s, p);
    CHECK(p.calls == std::vector<std::string>{"fill 5", "stroke 5", "push clip", "text hello",
                                              "push", "stroke 2", "pop", "pop"});
    CHECK(p.depth == 0);
}

TEST_CASE("every chart kind renders with balanced groups and all its text", "[charts][render]") {
    test_charts::FixedMeasure m;
    for (const auto& [name, spec] : test_charts::all_samples()) {
        scene::Scene s = compose::build_chart(spec, {480, 240}, m);
        RecordingPainter p;
        render::render_scene(s, p);
        INFO(name);
        CHECK(p.depth == 0);
        // Fill patterns (more than three groups of bars) are clipped groups inside the bars' group.
        CHECK(p.max_depth == (name == "grouped_bars_many" ? 2 : 1));
        auto texts = std::count_if(p.calls.begin(), p.calls.end(),
                                   [](const std::string& c) { return c.rfind("text ", 0) == 0; });
        CHECK(static_cast<std::size_t>(texts) == scene::collect_texts(s).size());
    }
}
