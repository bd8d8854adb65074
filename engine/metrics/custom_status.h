// metrics: the statuses a batch declares (`statuses:`) — which word a value or a change gets.
// Pure functions on exact values: compare two periods (improved / same / declined, by the
// measure's polarity, "same" when the change rounds to zero at its dp) or thresholds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/core/diagnostic.h"
#include "engine/data/catalog.h"
#include "engine/metrics/gap_series.h"
#include "engine/metrics/suppression.h"

namespace engine::metrics {

/// Improved when `to` is better than `from` by the polarity, same when the difference rounds
/// to zero at `dp` decimal places, declined otherwise.
data::ChangeOutcome compare_outcome(const core::Exact& from, const core::Exact& to,
                                    data::Polarity polarity, int dp);

/// The word of a compare vocabulary for an outcome (nullptr when it has none).
const data::StatusWord* word_for(const data::StatusVocabulary& v, data::ChangeOutcome o);

/// The word of a thresholds vocabulary for a value: the first whose `at_least` / `at_most`
/// the exact value meets, else the one word without a bound (nullptr when there is none).
const data::StatusWord* word_for(const data::StatusVocabulary& v, const core::Exact& value);

/// The period of `periods` written as `text`: its label ("2018/19", "Summer term 2018/19"),
/// short label ("Summer 2018/19") or EES code ("201819"); nullopt when none is.
std::optional<data::Period> period_named(const std::vector<data::Period>& periods, const std::string& text);

/// One measure × group of a rule, in one area.
struct CustomStatusRow {
    std::string measure;
    std::string group;
    std::optional<data::Period> from;  ///< compare rules only
    std::optional<data::Period> to;    ///< the period rated (thresholds) or compared to
    Cell from_cell;
    Cell to_cell;
    std::optional<core::Exact> change;  ///< to − from, exact, when both are present
    /// The word, or nullptr when a value is missing: `suppressed` then says which built-in
    /// word the row shows (Suppressed, or No data).
    const data::StatusWord* word = nullptr;
    bool suppressed = false;
};

/// Every row of a vocabulary's rule in `area`. A measure, group or period the data does not
/// have is an error at the rule's line (nothing quietly becomes "No data").
std::vector<CustomStatusRow> compute_custom_status(const SuppressedView& view,
                                                   const data::Catalog& catalog,
                                                   const data::StatusVocabulary& v,
                                                   const AreaKey& area, core::DiagnosticSink& sink);
/// The rows' `word` points into `v`, so `v` must outlive them: a temporary would leave every
/// `word` dangling (the sanitizer build found a test doing it).
std::vector<CustomStatusRow> compute_custom_status(const SuppressedView& view,
                                                   const data::Catalog& catalog,
                                                   data::StatusVocabulary&& v,
                                                   const AreaKey& area, core::DiagnosticSink& sink) = delete;

}  // namespace engine::metrics
