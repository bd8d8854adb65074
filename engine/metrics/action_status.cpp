#include "engine/metrics/action_status.h"

#include <algorithm>
#include <iterator>

namespace engine::metrics {

ActionStatus action_status(const data::Action& a, const core::Date& as_of, int at_risk_days) {
    if (a.state == data::ActionState::Complete) return ActionStatus::Complete;
    std::int64_t days = core::days_between(as_of, a.due);
    if (days < 0) return ActionStatus::Overdue;
    if (a.rag == data::Rag::Red || a.rag == data::Rag::Amber) return ActionStatus::AtRisk;
    if (at_risk_days > 0 && days <= at_risk_days) return ActionStatus::AtRisk;
    if (a.state == data::ActionState::NotStarted) return ActionStatus::NotStarted;
    return ActionStatus::OnTrack;
}

int StatusCounts::of(ActionStatus s) const {
    auto it = counts.find(s);
    return it == counts.end() ? 0 : it->second;
}

namespace {
StatusCounts empty_counts() {
    StatusCounts c;
    for (auto s : all_action_statuses()) c.counts[s] = 0;
    return c;
}
}  // namespace

ActionSummary summarise_actions(const std::vector<const data::Action*>& actions,
                                const core::Date& as_of, int at_risk_days) {
    ActionSummary out;
    out.overall = empty_counts();
    for (const auto* a : actions) {
        ActionRow row{a, action_status(*a, as_of, at_risk_days), core::days_between(as_of, a->due)};
        out.rows.push_back(row);
        ++out.overall.counts[row.status];
        ++out.overall.total;
        auto it = std::find_if(out.by_objective.begin(), out.by_objective.end(),
                               [&](const auto& p) { return p.first == a->objective; });
        if (it == out.by_objective.end()) {
            out.by_objective.emplace_back(a->objective, empty_counts());
            it = std::prev(out.by_objective.end());
        }
        ++it->second.counts[row.status];
        ++it->second.total;
    }
    return out;
}

}  // namespace engine::metrics
