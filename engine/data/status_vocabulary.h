// data: status vocabularies of a batch's own (`statuses:` in the batch file) — the words in
// order, each with a palette colour and a marker symbol, and the rule that picks a word from
// the data: compare two periods (improved / same / declined) or thresholds (a RAG from a value).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/core/exact.h"
#include "engine/core/source_location.h"

namespace engine::data {

/// The outcome of comparing a measure between two periods, by its polarity.
enum class ChangeOutcome { Improved, Same, Declined };

/// "improved", "same", "declined".
const char* change_outcome_name(ChangeOutcome o);

/// The built-in status words (target and action statuses: "Achieved", "On track" …), which a
/// batch's own vocabularies may not reuse: their cells keep the built-in colours.
const std::vector<std::string>& builtin_status_words();

/// One word of a vocabulary.
struct StatusWord {
    std::string word;         ///< "Improved", "Green" …
    std::string colour;       ///< a palette colour name ("green", "red" …), checked at load
    std::string symbol;       ///< a marker name ("triangle", "circle" …), checked at load
    /// compare rule: the outcome this word stands for.
    std::optional<ChangeOutcome> when;
    /// thresholds rule: the word applies when the value is at least / at most this (exact);
    /// a word with neither is the one for every other value.
    std::optional<core::Exact> at_least;
    std::optional<core::Exact> at_most;
    core::SourceLocation where;
};

enum class StatusRuleKind { Compare, Thresholds };

/// What the rule reads: one row per measure × group, in the report's area.
struct StatusRule {
    StatusRuleKind kind = StatusRuleKind::Compare;
    std::vector<std::string> measures;
    std::vector<std::string> groups = {"Total"};
    /// Periods as written ("2018/19", "Summer term 2019/20"); empty = the latest period with
    /// data (`to`, or `period` of a thresholds rule) and the one before it (`from`).
    std::string from;
    std::string to;
    core::SourceLocation where;           ///< the rule
    core::SourceLocation measures_where;  ///< its `measures`
    core::SourceLocation groups_where;    ///< its `group`/`groups`
};

struct StatusVocabulary {
    std::string name;  ///< the key under `statuses:`; templates read `statuses.<name>`
    std::vector<StatusWord> words;
    StatusRule rule;
    core::SourceLocation where;
};

}  // namespace engine::data
