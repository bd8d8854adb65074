// templating: the batch's own statuses as templates see them — `statuses.<name>.rows` (one
// per measure × group of the rule, with the values, the change and the word),
// `statuses.<name>.words` (the vocabulary with a count each) and `statuses.<name>.<measure>`
// (the row of the rule's first group). Status cells and charts look words up here.
#pragma once

#include <optional>
#include <string>

#include "charts/model/chart_spec.h"
#include "engine/core/diagnostic.h"
#include "engine/data/catalog.h"
#include "engine/metrics/custom_status.h"
#include "engine/templating/value.h"

namespace engine::templating {

/// The `statuses` map of a report's context: every vocabulary's rule worked out for `area`.
/// Errors (a measure, group or period the data do not have) go to `sink` at the rule.
Value statuses_value(const data::Catalog& catalog, const metrics::SuppressedView& view,
                     const metrics::AreaKey& area, core::DiagnosticSink& sink);

/// The chart category (fill, text colour, marker) of a word of a batch's vocabulary given by
/// its colour and symbol names; nullopt when a name is unknown.
std::optional<charts::model::Category> custom_category(const std::string& word,
                                                       const std::string& colour,
                                                       const std::string& symbol);

/// The category of a word of any vocabulary of `catalog`, or nullopt.
std::optional<charts::model::Category> custom_category(const data::Catalog& catalog,
                                                       const std::string& word);

/// The word a row of a rule shows: its vocabulary word, or "Suppressed" / "No data".
std::string status_word_of(const metrics::CustomStatusRow& row);

}  // namespace engine::templating
