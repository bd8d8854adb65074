#include "charts/compose/scales.h"

#include <catch2/catch.hpp>

using namespace charts::compose;

TEST_CASE("a linear scale maps the domain onto the range, reversed for y", "[charts][scales]") {
    LinearScale y(0, 100, 200, 20);  // y grows down on the page
    CHECK(y(0) == Approx(200));
    CHECK(y(100) == Approx(20));
    CHECK(y(50) == Approx(110));
    CHECK(y(110) == Approx(2));  // extrapolates
    LinearScale flat(5, 5, 0, 10);
    CHECK(flat(5) == Approx(5));
}

TEST_CASE("a band scale splits the range into equal bands with gaps", "[charts][scales]") {
    BandScale b(4, 0, 100, 0.2, 0.1);
    CHECK(b.step() == Approx(100 / 4.0));  // 4 - 0.2 + 0.2 = 4 steps
    CHECK(b.bandwidth() == Approx(b.step() * 0.8));
    CHECK(b.start(0) == Approx(2.5));
    CHECK(b.start(3) + b.bandwidth() + 2.5 == Approx(100));
    CHECK(b.centre(1) == Approx(b.start(1) + b.bandwidth() / 2));
}

TEST_CASE("a point scale spreads points evenly and centres a single one", "[charts][scales]") {
    PointScale p(5, 0, 100, 10);
    CHECK(p(0) == Approx(10));
    CHECK(p(4) == Approx(90));
    CHECK(p(2) == Approx(50));
    PointScale one(1, 0, 100, 10);
    CHECK(one(0) == Approx(50));
}
