#include "engine/metrics/suppression.h"

#include <algorithm>

#include "engine/core/text.h"

namespace engine::metrics {

std::vector<std::vector<std::string>> effective_partitions(
    const std::vector<std::vector<std::string>>& configured,
    const std::vector<std::string>& groups) {
    auto out = configured;
    for (const auto& g : groups) {
        for (const auto& h : groups) {
            if (core::iequals_ascii(h, "Not " + g)) {
                bool listed = false;
                for (const auto& p : out)
                    if (std::find(p.begin(), p.end(), g) != p.end() &&
                        std::find(p.begin(), p.end(), h) != p.end())
                        listed = true;
                if (!listed) out.push_back({g, h});
            }
        }
    }
    return out;
}

SuppressedView::SuppressedView(const data::ObservationTable& table, SuppressionRules rules)
    : table_(table), rules_(std::move(rules)) {
    // Primary suppression.
    for (const auto& o : table_.rows()) {
        if (o.cohort && *o.cohort < rules_.min_cohort && o.value.has_number())
            decisions_[&o] = SuppressionReason::SmallCohort;
    }
    if (!rules_.secondary) return;

    // Secondary suppression within each slice (measure, level, area, period) and partition.
    auto partitions = effective_partitions(rules_.partitions, table_.groups());
    for (const auto& o : table_.rows()) {
        for (const auto& part : partitions) {
            if (o.group != part.front()) continue;  // visit each slice once per partition
            std::vector<const data::Observation*> members;
            for (const auto& g : part)
                if (auto* m = table_.find(o.measure, g, o.level, o.area, o.period))
                    members.push_back(m);
            if (members.size() < 2) continue;
            auto hidden = [&](const data::Observation* m) {
                return decisions_.count(m) > 0 || m->value.missing == data::Missing::Suppressed;
            };
            std::size_t n_hidden =
                static_cast<std::size_t>(std::count_if(members.begin(), members.end(), hidden));
            if (n_hidden != 1) continue;
            // Hide the visible member with the smallest cohort (first in order on ties).
            const data::Observation* pick = nullptr;
            for (auto* m : members) {
                if (hidden(m) || !m->value.has_number()) continue;
                double c = m->cohort.value_or(1e300);
                if (!pick || c < pick->cohort.value_or(1e300)) pick = m;
            }
            if (pick) decisions_[pick] = SuppressionReason::Secondary;
        }
    }
}

Cell SuppressedView::cell(const std::string& measure, const std::string& group,
                          const std::string& level, const std::string& area,
                          const data::Period& period) const {
    Cell c;
    const data::Observation* o = table_.find(measure, group, level, area, period);
    if (!o) return c;
    c.observation = o;
    c.cohort = o->cohort;
    auto it = decisions_.find(o);
    if (it != decisions_.end()) {
        c.suppression = it->second;
        c.missing = data::Missing::Suppressed;
        return c;
    }
    if (o->value.missing == data::Missing::Suppressed) {
        c.suppression = SuppressionReason::Source;
        c.missing = data::Missing::Suppressed;
        return c;
    }
    c.value = o->value.number;
    c.missing = o->value.missing;
    return c;
}

std::string SuppressedView::footnote() const {
    std::string s = "Figures for groups of fewer than " + std::to_string(rules_.min_cohort) +
                    " children are suppressed and shown as c";
    if (rules_.secondary)
        s += "; where one group of a breakdown is suppressed, the next smallest is suppressed too, "
             "so that it cannot be worked out from the total";
    s += ". Gaps and changes that use a suppressed figure are suppressed as well.";
    return s;
}

}  // namespace engine::metrics
