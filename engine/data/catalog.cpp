#include "engine/data/catalog.h"

namespace engine::data {

std::string default_measure_phrase(const std::string& label, const std::string& short_label) {
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    const std::size_t first_space = label.find(' ');
    bool phrase = !label.empty() && label.find(':') == std::string::npos;
    // Only the first word may start with a capital (a name such as "Key Stage 2" stays a label).
    for (std::size_t i = first_space; phrase && i != std::string::npos && i + 1 < label.size();
         i = label.find(' ', i + 1))
        if (upper(label[i + 1])) phrase = false;
    if (!phrase) return short_label.empty() ? label : short_label;
    std::string out = label;
    // "Good level …" -> "good level …"; an acronym ("EAL pupils …") keeps its capitals.
    const bool acronym = out.size() > 1 && upper(out[1]);
    if (upper(out[0]) && !acronym) out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
}

const char* change_outcome_name(ChangeOutcome o) {
    switch (o) {
        case ChangeOutcome::Improved: return "improved";
        case ChangeOutcome::Same: return "same";
        case ChangeOutcome::Declined: return "declined";
    }
    return "";
}

const std::vector<std::string>& builtin_status_words() {
    static const std::vector<std::string> v = {"Achieved", "Not achieved", "On target",
                                               "Not on target", "No data", "Suppressed",
                                               "Complete", "On track", "At risk", "Overdue",
                                               "Not started"};
    return v;
}

const char* unit_name(Unit u) {
    switch (u) {
        case Unit::Percent: return "percent";
        case Unit::Number: return "number";
        case Unit::Score: return "score";
        case Unit::Count: return "count";
        case Unit::Days: return "days";
    }
    return "";
}

const MeasureInfo* Catalog::measure(const std::string& id) const {
    auto it = measures.find(id);
    return it == measures.end() ? nullptr : &it->second;
}

MeasureInfo Catalog::measure_or_default(const std::string& id) const {
    if (const auto* m = measure(id)) return *m;
    MeasureInfo m;
    m.id = m.label = m.short_label = id;
    return m;
}

std::string Catalog::group_label(const std::string& id) const {
    auto it = groups.find(id);
    return it == groups.end() || it->second.label.empty() ? id : it->second.label;
}

}  // namespace engine::data
