// metrics: disclosure control — primary suppression of small cohorts, secondary suppression so a
// suppressed value cannot be recovered from a total and the other groups, and the footnote
// that states what was done. Computed once per batch, then read by every report.
//
// Secondary suppression fails closed: where a breakdown has a total and a suppressed group
// whose complement boardpack cannot name (no configured partition, no known EES pair), every
// group of the breakdown that might be its complement is suppressed too, and a warning says
// which partition entry would let it suppress less.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/diagnostic.h"
#include "engine/data/entity_aggregates.h"
#include "engine/data/tables.h"

namespace engine::metrics {

struct SuppressionRules {
    SuppressionRules() = default;
    SuppressionRules(int min, bool second, std::vector<std::vector<std::string>> parts,
                     std::vector<std::string> total_names = {})
        : min_cohort(min), secondary(second), partitions(std::move(parts)),
          totals(std::move(total_names)) {}

    int min_cohort = 5;  ///< cohorts below this are suppressed (primary)
    bool secondary = true;
    /// Groups that together make up the total (e.g. {"FSM", "Not FSM"}), from
    /// `batch.suppression.partitions`. Known EES pairs and "X"/"Not X" are added automatically
    /// (see effective_partitions).
    std::vector<std::vector<std::string>> partitions;
    /// Further names of a breakdown's total, beside the built-in "Total", "All pupils",
    /// "All children" … (`batch.suppression.totals`).
    std::vector<std::string> totals;
};

enum class SuppressionReason {
    None,
    Source,       ///< the data itself says c
    SmallCohort,  ///< primary: cohort below the threshold
    Secondary,    ///< to protect another suppressed group of the same partition
    Breakdown,    ///< fail-closed: a suppressed group of the breakdown has no known complement
    Aggregate,    ///< a group of settings' figure made of a setting's suppressed figure
};

/// A value as reports may show it.
struct Cell {
    std::optional<core::Exact> value;  ///< nullopt when missing or suppressed
    data::Missing missing = data::Missing::Empty;
    std::optional<double> cohort;
    SuppressionReason suppression = SuppressionReason::None;
    std::optional<data::ObservationRef> observation;  ///< nullopt: no row at all

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
    /// Number of values suppressed by rule (primary + secondary + breakdown).
    std::size_t suppressed_count() const {
        return decisions_.size() + spilled_suppressed_ -
               static_cast<std::size_t>(std::count(decisions_.begin(), decisions_.end(), SuppressionReason::None));
    }
    /// A geographic level and an area at it; an empty area means every area of the level.
    using AreaRef = std::pair<std::string, std::string>;
    /// What was done across the whole table, in words.
    std::string footnote() const;
    /// What was done to the figures of `areas` (those a report can print), in words: the rule
    /// and threshold, and which kinds of suppression happened there and why.
    std::string footnote(const std::vector<AreaRef>& areas) const;
    /// One warning per suppressed group whose breakdown had to be suppressed whole, at its
    /// first row, naming the groups and the partition entry that would suppress less.
    const std::vector<core::Diagnostic>& warnings() const { return warnings_; }

    /// Suppresses each aggregate (a group of settings' figure, data::add_aggregates) one of
    /// whose member figures is suppressed or missing as `c`: a published aggregate is then
    /// always a function of published figures, so it can reveal nothing they hide, whatever
    /// else is published (the settings, their totals, the other groups). Counted again for
    /// the footnotes.
    void protect_aggregates(const std::vector<data::AggregateRow>& aggregates);

private:
    const data::ObservationTable& table_;
    SuppressionRules rules_;
    std::uint64_t uid_;  ///< whose marks a block holds (AreaBlock::marked_by)
    /// What secondary suppression needs of the whole batch, worked out once.
    struct Plan {
        std::vector<std::vector<std::string>> partitions;
        std::map<std::string, std::vector<std::size_t>> led_by;  ///< group -> complete partitions it leads
        bool overlapping = false;                                 ///< a group in two complete partitions
        std::vector<std::string> totals, loose_groups;            ///< as the data spells them
    };
    Plan plan_;
    Plan make_plan() const;
    /// A warning to give: a suppressed group whose breakdown was suppressed whole.
    struct Pending {
        data::ObservationRef::Order first{};  ///< the total's row of the first such slice
        core::SourceLocation where;
        std::string total;
        std::string first_slice;
        std::size_t slices = 0;
    };
    using PendingKey = std::pair<std::string, std::vector<std::string>>;
    template <class Each>
    void decide_rows(const Each& each, std::map<PendingKey, Pending>* pending);
    /// The decision for every resident row, by row number (None: shown as published). O(1) to
    /// read. A spilled setting's decisions are its block's marks, made when it is read back.
    std::vector<SuppressionReason> decisions_;
    std::size_t spilled_suppressed_ = 0;
    SuppressionReason decision(const data::ObservationRef& o) const;
    void decide(const data::ObservationRef& o, SuppressionReason r);
    void block_marks(const data::AreaBlock& b) const;
    std::map<SuppressionReason, std::size_t> block_counts(const data::AreaBlock& b) const;
    std::vector<core::Diagnostic> warnings_;
    /// Suppressed figures per (level, area) and reason, counted once for the footnotes (a
    /// spilled setting's from its block, when asked).
    std::map<AreaRef, std::map<SuppressionReason, std::size_t>> counts_;
    /// The same summed over each level's areas.
    std::map<std::string, std::map<SuppressionReason, std::size_t>> level_counts_;
    std::string footnote_from(std::map<SuppressionReason, std::size_t> n) const;
    void count_decisions();
};

/// True for the names a breakdown's total goes by ("Total", "All pupils", "All children",
/// "All", "All schools", "All settings"), case-insensitive, or one of `extra`.
bool is_total_group(const std::string& group, const std::vector<std::string>& extra = {});

/// Partitions used for secondary suppression: the configured ones, then the known EES
/// breakdowns whose groups appear among `groups` ("FSM eligible" / "Not known to be FSM
/// eligible", "SEN support" / "EHC plan" / "No SEN", "Boys" / "Girls" …), then pairs found by
/// name: "X" with "Not X", "Non-X", "Non X", "X all other" or "Not known to be X".
std::vector<std::vector<std::string>> effective_partitions(
    const std::vector<std::vector<std::string>>& configured, const std::vector<std::string>& groups);

}  // namespace engine::metrics
