// metrics: delivery activity summed up — sessions, half days, participants and feedback by
// kind of activity, by leader and overall, and how many settings were supported. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/data/tables.h"

namespace engine::metrics {

struct ActivityTotals {
    std::string name;  ///< the kind, leader or local authority ("" for the overall total)
    int sessions = 0;
    core::Exact half_days;
    int participants = 0;
    int feedback_positive = 0;
    int feedback_total = 0;
    int settings = 0;  ///< distinct settings reached
    /// Positive feedback as a percentage of feedback received; nullopt without feedback.
    std::optional<core::Exact> positive_pct() const;
};

struct ActivitySummary {
    ActivityTotals total;
    std::vector<ActivityTotals> by_kind;    ///< in activity_kind_names() order, kinds present only
    std::vector<ActivityTotals> by_leader;  ///< alphabetical
    std::vector<ActivityTotals> by_la;      ///< alphabetical
};

/// Sums `activities` (only those of `setting_id` when it is not empty).
ActivitySummary summarise_activities(const std::vector<data::Activity>& activities,
                                     const data::EntityTable& settings,
                                     const std::string& setting_id = "");

}  // namespace engine::metrics
