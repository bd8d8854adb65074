// metrics: the status vocabularies — one word per status, used by tables, charts and narrative.
#pragma once

#include <string>
#include <vector>

namespace engine::metrics {

/// Target status (DESIGN.md §3): Achieved / Not achieved when the target period has data;
/// On target / Not on target before it; No data; Suppressed.
enum class TargetStatus { Achieved, NotAchieved, OnTarget, NotOnTarget, NoData, Suppressed };

/// Action status as of the run's date.
enum class ActionStatus { Complete, OnTrack, AtRisk, Overdue, NotStarted };

std::string status_word(TargetStatus s);  ///< "Achieved", "Not on target" …
std::string status_word(ActionStatus s);  ///< "Complete", "At risk" …
/// Template name: "achieved", "not_on_target" …
std::string status_key(TargetStatus s);
std::string status_key(ActionStatus s);

const std::vector<TargetStatus>& all_target_statuses();
const std::vector<ActionStatus>& all_action_statuses();  ///< in reporting order

/// Direction of a change in a gap.
enum class Direction { Narrowed, Widened, Unchanged };
std::string direction_word(Direction d);  ///< "narrowed", "widened", "unchanged"

}  // namespace engine::metrics
