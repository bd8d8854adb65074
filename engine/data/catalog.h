// data: what the measures and groups of a batch mean — labels, units, display precision and
// polarity. Filled from the batch YAML (and from EES *.meta.csv files when present).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace engine::data {

enum class Unit { Percent, Number, Score };
enum class Polarity { HigherIsBetter, LowerIsBetter };

struct MeasureInfo {
    std::string id;           ///< as in the data's `measure` column
    std::string label;        ///< "Key Stage 2: reading, writing and maths"
    std::string short_label;  ///< "KS2 RWM"
    Unit unit = Unit::Percent;
    int dp = 1;               ///< display decimal places of values and gaps
    Polarity polarity = Polarity::HigherIsBetter;
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

struct GroupInfo {
    std::string id;     ///< as in the data's `characteristic` column
    std::string label;  ///< display label (defaults to id)
};

struct Catalog {
    std::map<std::string, MeasureInfo> measures;  ///< by id
    std::vector<std::string> measure_order;       ///< as declared
    std::map<std::string, GroupInfo> groups;      ///< by id
    std::vector<std::string> group_order;

    const MeasureInfo* measure(const std::string& id) const;
    /// Label of a group (the id itself when not declared).
    std::string group_label(const std::string& id) const;
    std::vector<std::string> measure_ids() const { return measure_order; }
};

}  // namespace engine::data
