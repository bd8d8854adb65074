#include "engine/metrics/gap_series.h"

#include "engine/metrics/gap.h"

namespace engine::metrics {

const GapPoint* GapSeries::at(const data::Period& p) const {
    for (const auto& pt : points)
        if (pt.period == p) return &pt;
    return nullptr;
}

const GapPoint* GapSeries::latest() const {
    for (auto it = points.rbegin(); it != points.rend(); ++it)
        if (it->group.observation) return &*it;
    return nullptr;
}

const GapPoint* GapSeries::before(const data::Period& p) const {
    const GapPoint* prev = nullptr;
    for (const auto& pt : points) {
        if (!(pt.period < p)) break;
        prev = &pt;
    }
    return prev;
}

std::string GapSeries::group_label(const data::Catalog& catalog) const {
    return catalog.group_label(group);
}

std::string GapSeries::comparator_label(const data::Catalog& catalog) const {
    return metrics::comparator_label(catalog, comparator, area);
}

std::string comparator_label(const data::Catalog& catalog, const data::ComparatorRef& comparator,
                             const AreaKey& area) {
    std::string l = catalog.group_label(comparator.group);
    if (comparator.national) return l + " (England)";
    if (comparator.local_authority)
        return l + " (" + (area.la_name.empty() ? std::string("local authority") : area.la_name) + ")";
    return l;
}

core::Exact period_position(const data::Period& p) {
    switch (p.kind) {
        case data::PeriodKind::AutumnTerm: return p.year;
        case data::PeriodKind::SpringTerm: return core::Exact::ratio(3 * p.year + 1, 3);
        case data::PeriodKind::SummerTerm: return core::Exact::ratio(3 * p.year + 2, 3);
        default: return p.year;
    }
}

GapSeries build_gap_series(const SuppressedView& view, const data::Catalog& catalog,
                           const std::string& measure, const std::string& group,
                           const data::ComparatorRef& comparator, const AreaKey& area) {
    GapSeries s;
    s.measure = measure;
    s.group = group;
    s.comparator = comparator;
    s.area = area;
    if (const auto* mi = catalog.measure(measure)) s.polarity = mi->polarity;
    std::string comp_level = area.level, comp_area = area.area;
    if (comparator.national) {
        const auto& nat = view.table().areas(data::kNational);
        comp_level = data::kNational;
        comp_area = nat.empty() ? "England" : nat.front();
    } else if (comparator.local_authority) {
        comp_level = data::kLocalAuthority;
        comp_area = area.level == data::kLocalAuthority ? area.area : area.la_name;
    }
    s.comparator_level = comp_level;
    s.comparator_area = comp_area;
    for (const auto& p : view.table().periods(measure, area.level, area.area)) {
        GapPoint pt;
        pt.period = p;
        pt.group = view.cell(measure, group, area.level, area.area, p);
        pt.comparator = view.cell(measure, comparator.group, comp_level, comp_area, p);
        if (pt.group.present() && pt.comparator.present())
            pt.gap = gap_between(*pt.group.value, *pt.comparator.value, s.polarity);
        s.points.push_back(pt);
    }
    return s;
}

}  // namespace engine::metrics
