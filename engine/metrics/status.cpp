#include "engine/metrics/status.h"

#include "engine/core/text.h"

namespace engine::metrics {

std::string status_word(TargetStatus s) {
    switch (s) {
        case TargetStatus::Achieved: return "Achieved";
        case TargetStatus::NotAchieved: return "Not achieved";
        case TargetStatus::OnTarget: return "On target";
        case TargetStatus::NotOnTarget: return "Not on target";
        case TargetStatus::NoData: return "No data";
        case TargetStatus::Suppressed: return "Suppressed";
    }
    return "";
}

std::string status_word(ActionStatus s) {
    switch (s) {
        case ActionStatus::Complete: return "Complete";
        case ActionStatus::OnTrack: return "On track";
        case ActionStatus::AtRisk: return "At risk";
        case ActionStatus::Overdue: return "Overdue";
        case ActionStatus::NotStarted: return "Not started";
    }
    return "";
}

std::string status_key(TargetStatus s) { return core::slugify(status_word(s)); }
std::string status_key(ActionStatus s) { return core::slugify(status_word(s)); }

const std::vector<TargetStatus>& all_target_statuses() {
    static const std::vector<TargetStatus> v = {
        TargetStatus::Achieved,    TargetStatus::OnTarget, TargetStatus::NotOnTarget,
        TargetStatus::NotAchieved, TargetStatus::NoData,   TargetStatus::Suppressed};
    return v;
}

const std::vector<ActionStatus>& all_action_statuses() {
    static const std::vector<ActionStatus> v = {ActionStatus::Complete, ActionStatus::OnTrack,
                                                ActionStatus::AtRisk, ActionStatus::NotStarted,
                                                ActionStatus::Overdue};
    return v;
}

std::string direction_word(Direction d) {
    switch (d) {
        case Direction::Narrowed: return "narrowed";
        case Direction::Widened: return "widened";
        case Direction::Unchanged: return "unchanged";
    }
    return "";
}

}  // namespace engine::metrics
