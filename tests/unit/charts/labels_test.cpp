#include "charts/compose/labels.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "tests/unit/charts/fixed_measure.h"

using charts::compose::LabelSlot;
using charts::compose::spread_labels;
using charts::compose::wrap_text;

namespace {

void require_apart(const std::vector<LabelSlot>& slots, const std::vector<double>& c, double gap) {
    for (std::size_t i = 0; i < slots.size(); ++i) {
        for (std::size_t j = i + 1; j < slots.size(); ++j) {
            double need = (slots[i].extent + slots[j].extent) / 2 + gap;
            INFO("labels " << i << " and " << j);
            REQUIRE(std::abs(c[i] - c[j]) >= need - 1e-9);
        }
    }
}

}  // namespace

TEST_CASE("labels that do not collide stay where they want to be", "[charts][labels]") {
    std::vector<LabelSlot> slots = {{10, 8}, {50, 8}, {30, 8}};
    auto c = spread_labels(slots, 0, 100, 1);
    CHECK(c[0] == Approx(10));
    CHECK(c[1] == Approx(50));
    CHECK(c[2] == Approx(30));
}

TEST_CASE("crowded labels are nudged apart around their mean position", "[charts][labels]") {
    std::vector<LabelSlot> slots = {{50, 10}, {51, 10}, {49, 10}, {50.5, 10}};
    auto c = spread_labels(slots, 0, 100, 1);
    require_apart(slots, c, 1);
    double mean = 0;
    for (double v : c) mean += v;
    CHECK(mean / 4 == Approx((50 + 51 + 49 + 50.5) / 4));
    // Order is kept: the lowest desired stays lowest.
    CHECK(c[2] < c[0]);
    CHECK(c[0] < c[3]);
    CHECK(c[3] < c[1]);
}

TEST_CASE("nudged labels stay inside the bounds when they fit", "[charts][labels]") {
    std::vector<LabelSlot> slots = {{98, 10}, {99, 10}, {100, 10}};
    auto c = spread_labels(slots, 0, 100, 1);
    require_apart(slots, c, 1);
    for (std::size_t i = 0; i < c.size(); ++i) {
        CHECK(c[i] + 5 <= 100 + 1e-9);
        CHECK(c[i] - 5 >= 0 - 1e-9);
    }
    // A cluster pushed against the top, then another one merging into it.
    slots = {{1, 10}, {2, 10}, {20, 10}, {12, 10}};
    c = spread_labels(slots, 0, 100, 1);
    require_apart(slots, c, 1);
    CHECK(*std::min_element(c.begin(), c.end()) - 5 >= -1e-9);
}

TEST_CASE("text wraps at spaces within the width", "[charts][labels]") {
    test_charts::FixedMeasure m;
    charts::scene::FontSpec f{false, 10};  // 5 pt per character
    auto lines = wrap_text("KS2 reading, writing and maths", f, 60, m);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "KS2 reading,");
    CHECK(lines[1] == "writing and");
    CHECK(lines[2] == "maths");
    lines = wrap_text("KS2 reading, writing and maths", f, 60, m, 2);
    REQUIRE(lines.size() == 2);
    CHECK(lines[1] == "writing and maths");
    lines = wrap_text("Supercalifragilistic word", f, 30, m);
    CHECK(lines.size() == 2);
    CHECK(wrap_text("", f, 30, m).empty());
}
