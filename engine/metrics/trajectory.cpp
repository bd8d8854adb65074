#include "engine/metrics/trajectory.h"

#include <algorithm>

namespace engine::metrics {

TrajectoryPoint trajectory_point(const data::Target& t, const GapSeries& s, std::optional<data::Period> at) {
    using core::Exact;
    TrajectoryPoint out;
    if (!at)
        if (const GapPoint* latest = s.latest()) at = latest->period;
    if (!at) return out;
    out.at = at;
    const bool value_kind = t.kind == data::TargetKind::ValueAtLeast;
    auto has = [&](const GapPoint& p) { return value_kind ? p.group.present() : p.gap.has_value(); };
    const GapPoint* base = nullptr;
    if (t.baseline) {
        base = s.at(*t.baseline);
    } else {
        for (const auto& p : s.points)
            if (has(p)) {
                base = &p;
                break;
            }
    }
    if (!base) return out;
    out.baseline = base->period;
    if (!has(*base)) {
        const Cell& side = value_kind || !base->group.present() ? base->group : base->comparator;
        out.missing = (value_kind ? base->group.suppressed() : base->suppressed()) ? data::Missing::Suppressed
                      : side.missing == data::Missing::None                         ? data::Missing::NotAvailable
                                                                                    : side.missing;
        return out;
    }
    const Exact start = value_kind ? *base->group.value : *base->gap;
    // An academic-year target on termly data is met at that year's Summer term.
    data::Period target_period = t.period;
    if (target_period.kind == data::PeriodKind::AcademicYear && at->is_term() && !s.at(target_period))
        target_period.kind = data::PeriodKind::SummerTerm;
    const Exact from = period_position(base->period);
    const Exact span = period_position(target_period) - from;
    const Exact now = std::min(period_position(*at), period_position(target_period));
    const Exact f = span.sign() <= 0 ? Exact(1) : std::clamp((now - from) / span, Exact(0), Exact(1));
    switch (t.kind) {
        case data::TargetKind::GapAtMost:
        case data::TargetKind::AtOrAboveComparator:
        case data::TargetKind::ValueAtLeast: out.value = start + (t.value - start) * f; break;
        case data::TargetKind::GapNarrowsBy: out.value = start - t.value * f; break;
        case data::TargetKind::ImprovesFasterThanComparatorBy:
            out.value = start - t.value * std::max(now - from, Exact(0));
            break;
    }
    out.missing = data::Missing::None;
    return out;
}

}  // namespace engine::metrics
