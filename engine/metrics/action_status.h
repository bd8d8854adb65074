// metrics: action-plan status as of a date, and counts per status and objective.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/core/civil_date.h"
#include "engine/data/tables.h"
#include "engine/metrics/status.h"

namespace engine::metrics {

/// First rule that matches: Complete (marked complete); Overdue (due before `as_of`); At risk
/// (due within `at_risk_days` days of `as_of`, due today included, or a Red/Amber RAG
/// override); Not started (marked not started); otherwise On track. `at_risk_days` 0 turns the
/// window off.
ActionStatus action_status(const data::Action& a, const core::Date& as_of, int at_risk_days);

struct ActionRow {
    const data::Action* action = nullptr;
    ActionStatus status = ActionStatus::OnTrack;
    std::int64_t days_to_due = 0;  ///< negative when overdue
};

struct StatusCounts {
    std::map<ActionStatus, int> counts;  ///< every status present, zero included
    int total = 0;
    int of(ActionStatus s) const;
};

struct ActionSummary {
    std::vector<ActionRow> rows;  ///< file order
    StatusCounts overall;
    std::vector<std::pair<std::string, StatusCounts>> by_objective;  ///< first-seen order
};

ActionSummary summarise_actions(const std::vector<const data::Action*>& actions,
                                const core::Date& as_of, int at_risk_days);

}  // namespace engine::metrics
