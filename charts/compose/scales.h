// charts compose: scales map data to positions on the page — linear for values, band for bars,
// point for periods on a line chart.
#pragma once

#include <cstddef>

namespace charts::compose {

/// Maps the domain [d0, d1] linearly onto the range [r0, r1] (r0 > r1 is fine: y grows down).
class LinearScale {
  public:
    LinearScale(double d0, double d1, double r0, double r1);
    double operator()(double v) const;
    double domain_lo() const { return d0_; }
    double domain_hi() const { return d1_; }
    double range_start() const { return r0_; }
    double range_end() const { return r1_; }

  private:
    double d0_, d1_, r0_, r1_;
};

/// n equal bands across [r0, r1]; `inner` is the gap between bands and `outer` the space
/// before the first and after the last, both as fractions of the step.
class BandScale {
  public:
    BandScale(std::size_t n, double r0, double r1, double inner = 0.2, double outer = 0.1);
    double start(std::size_t i) const;   ///< where band i begins
    double centre(std::size_t i) const;  ///< middle of band i
    double bandwidth() const { return bandwidth_; }
    double step() const { return step_; }

  private:
    double r0_, step_, bandwidth_, offset_;
};

/// n points spread evenly across [r0, r1] with `pad` points of space at each end; a single
/// point sits in the middle.
class PointScale {
  public:
    PointScale(std::size_t n, double r0, double r1, double pad = 0.0);
    double operator()(std::size_t i) const;
    double step() const { return step_; }

  private:
    std::size_t n_;
    double first_, step_;
};

}  // namespace charts::compose
