// data: what the measures and groups of a batch mean — labels, units, display precision and
// polarity. Filled from the batch YAML (and from EES *.meta.csv files when present).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/data/status_vocabulary.h"

namespace engine::data {

/// What a measure's values are: a percentage (0–100), a plain number, a count of things
/// (thousands separators), days, or a score or rating (optionally on a declared scale).
enum class Unit { Percent, Number, Score, Count, Days };
enum class Polarity { HigherIsBetter, LowerIsBetter };

/// A rating scale of whole steps, e.g. 1–4 with the words Beginning, Developing, Embedding,
/// Mature: values must lie in [min, max]; labels (none, or one per step) name the steps.
struct Scale {
    int min = 0;
    int max = 0;
    std::vector<std::string> labels;  ///< labels[i] names min + i; empty = numbers only

    /// The label of a whole step v, or "" (not a step, or no labels).
    std::string label_of(long long v) const {
        if (labels.empty() || v < min || v > max) return "";
        return labels[static_cast<std::size_t>(v - min)];
    }
};
struct MeasureInfo {
    std::string id;           ///< as in the data's `measure` column
    std::string label;        ///< "Key Stage 2: reading, writing and maths"
    std::string short_label;  ///< "KS2 RWM"
    Unit unit = Unit::Percent;
    int dp = 1;               ///< display decimal places of values and gaps
    Polarity polarity = Polarity::HigherIsBetter;
    std::optional<Scale> scale;  ///< a score's or rating's scale (unit score only)
    /// A noun phrase for generated titles, read after "the gap in": "parents taking part".
    /// Defaults to the label with its first letter lower-cased when the label is a plain
    /// phrase in sentence case, else to the short label (see default_measure_phrase).
    std::string phrase = {};  // last, so that positional initialisers of the fields above hold
};

/// The phrase a measure gets when the batch gives none: "Good level of development" ->
/// "good level of development" ("EAL pupils …" keeps its acronym); a label with a colon or a
/// capital after its first word ("Key Stage 2: reading…") is not a phrase, so the short label
/// ("KS2 RWM") is used.
std::string default_measure_phrase(const std::string& label, const std::string& short_label);

/// The unit's name as the batch file writes it: "percent", "number", "score", "count", "days".
const char* unit_name(Unit u);
/// The suffix a value of the unit prints with in charts and tables: "%" for percent, "" else.
inline const char* unit_suffix(Unit u) { return u == Unit::Percent ? "%" : ""; }

struct GroupInfo {
    std::string id;     ///< as in the data's `characteristic` column
    std::string label;  ///< display label (defaults to id)
};

struct Catalog {
    std::map<std::string, MeasureInfo> measures;  ///< by id
    std::vector<std::string> measure_order;       ///< as declared
    std::map<std::string, GroupInfo> groups;      ///< by id
    std::vector<std::string> group_order;
    /// `statuses:` of the batch file, in the order written.
    std::vector<StatusVocabulary> statuses;

    const MeasureInfo* measure(const std::string& id) const;
    /// The declared measure, or an undeclared one with the defaults and its id as labels.
    MeasureInfo measure_or_default(const std::string& id) const;
    /// Label of a group (the id itself when not declared).
    std::string group_label(const std::string& id) const;
    std::vector<std::string> measure_ids() const { return measure_order; }
};

}  // namespace engine::data
