// metrics: disclosure control — primary suppression of small cohorts, secondary suppression so a
// suppressed value cannot be recovered from a total and the other groups, and the footnote
// that states the rule. Computed once per batch, then read by every report.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "engine/data/tables.h"

namespace engine::metrics {

struct SuppressionRules {
    int min_cohort = 5;  ///< cohorts below this are suppressed (primary)
    bool secondary = true;
    /// Groups that together make up the total (e.g. {"FSM", "Not FSM"}). Pairs "X" / "Not X"
    /// found in the data are added automatically.
    std::vector<std::vector<std::string>> partitions;
};

enum class SuppressionReason {
    None,
    Source,       ///< the data itself says c
    SmallCohort,  ///< primary: cohort below the threshold
    Secondary,    ///< to protect another suppressed group of the same partition
};

/// A value as reports may show it.
struct Cell {
    std::optional<double> value;  ///< nullopt when missing or suppressed
    data::Missing missing = data::Missing::Empty;
    std::optional<double> cohort;
    SuppressionReason suppression = SuppressionReason::None;
    const data::Observation* observation = nullptr;  ///< nullptr: no row at all

    bool suppressed() const { return suppression != SuppressionReason::None; }
    bool present() const { return value.has_value(); }
};

class SuppressedView {
public:
    SuppressedView(const data::ObservationTable& table, SuppressionRules rules);

    /// The cell after disclosure control; a missing row gives an empty cell.
    Cell cell(const std::string& measure, const std::string& group, const std::string& level,
              const std::string& area, const data::Period& period) const;

    const data::ObservationTable& table() const { return table_; }
    const SuppressionRules& rules() const { return rules_; }
    /// Number of values suppressed by rule (primary + secondary).
    std::size_t suppressed_count() const { return decisions_.size(); }
    /// "Figures for groups of fewer than 5 children are suppressed and shown as c; …"
    std::string footnote() const;

private:
    const data::ObservationTable& table_;
    SuppressionRules rules_;
    std::map<const data::Observation*, SuppressionReason> decisions_;
};

/// Partitions used for secondary suppression: the configured ones plus "X"/"Not X" pairs
/// among `groups`.
std::vector<std::vector<std::string>> effective_partitions(
    const std::vector<std::vector<std::string>>& configured, const std::vector<std::string>& groups);

}  // namespace engine::metrics
