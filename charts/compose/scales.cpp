#include "charts/compose/scales.h"

namespace charts::compose {

LinearScale::LinearScale(double d0, double d1, double r0, double r1)
    : d0_(d0), d1_(d1), r0_(r0), r1_(r1) {}

double LinearScale::operator()(double v) const {
    if (d1_ == d0_) return (r0_ + r1_) / 2.0;
    return r0_ + (v - d0_) / (d1_ - d0_) * (r1_ - r0_);
}

BandScale::BandScale(std::size_t n, double r0, double r1, double inner, double outer) : r0_(r0) {
    // n bands, n-1 inner gaps and two outer margins, all in units of the step.
    const double units = n == 0 ? 1.0 : static_cast<double>(n) - inner + 2.0 * outer;
    step_ = (r1 - r0) / units;
    bandwidth_ = step_ * (1.0 - inner);
    offset_ = step_ * outer;
}

double BandScale::start(std::size_t i) const {
    return r0_ + offset_ + static_cast<double>(i) * step_;
}

double BandScale::centre(std::size_t i) const { return start(i) + bandwidth_ / 2.0; }

PointScale::PointScale(std::size_t n, double r0, double r1, double pad) : n_(n) {
    if (n <= 1) {
        first_ = (r0 + r1) / 2.0;
        step_ = 0.0;
    } else {
        first_ = r0 + pad;
        step_ = (r1 - r0 - 2.0 * pad) / static_cast<double>(n - 1);
    }
}

double PointScale::operator()(std::size_t i) const {
    return n_ <= 1 ? first_ : first_ + static_cast<double>(i) * step_;
}

}  // namespace charts::compose
