#include "engine/metrics/coverage.h"

#include <filesystem>
#include <set>

#include "engine/core/text.h"

namespace engine::metrics {

namespace {

std::string place(const std::string& level, const std::string& area) {
    if (area.empty()) return "any area at " + level + " level";
    return level == data::kNational ? area : area + " (" + level + ")";
}

std::vector<std::string> quoted_names(const std::set<std::string>& s) { return {s.begin(), s.end()}; }

std::string files_of(const std::set<std::string>& files) {
    std::vector<std::string> names;
    for (const auto& f : files) names.push_back(std::filesystem::path(f).filename().string());
    return core::join(names, ", ");
}

// The data's name most like the report's `group`, for the example in the hint: the same
// polarity ("Not FSM" goes with "Not known to be FSM eligible"), then the most shared words;
// "" when no name has the same polarity (renaming "Not FSM" to "FSM" would be wrong).
std::string likeliest(const std::string& group, const std::vector<std::string>& have) {
    auto negated = [](const std::string& s) {
        std::string l = core::to_lower_ascii(s);
        return core::starts_with(l, "not ") || core::starts_with(l, "non") || core::starts_with(l, "no ");
    };
    auto words = [](const std::string& s) { return core::split(core::to_lower_ascii(s), ' '); };
    std::string best;
    int best_score = 99;
    for (const auto& h : have) {
        int score = negated(h) == negated(group) ? 100 : 0;
        for (const auto& w : words(group))
            for (const auto& x : words(h)) score += w == x ? 1 : 0;
        if (score > best_score) {
            best = h;
            best_score = score;
        }
    }
    return best;
}

// The areas at `level` with rows of `measure`.
std::set<std::string> areas_with(const data::ObservationTable& table, const std::string& measure,
                                 const std::string& level) {
    std::set<std::string> out;
    for (const auto& a : table.areas(level))
        if (!table.periods(measure, level, a).empty()) out.insert(a);
    return out;
}

}  // namespace

std::optional<Unmatched> unmatched_rows(const data::ObservationTable& table, const std::string& measure,
                                        const std::string& group, const std::string& level,
                                        const std::string& area) {
    // Read from the table's per-key lists: O(1) when the group has rows (every report's case);
    // only a miss, which is an error to explain, looks wider.
    std::set<std::string> groups_here, measures_here;
    if (area.empty()) {
        if (table.has_rows(measure, group, level)) return std::nullopt;
        for (const auto& a : table.areas(level)) {
            for (auto& g : table.groups_in(measure, level, a)) groups_here.insert(std::move(g));
            for (auto& m : table.measures_at(level, a)) measures_here.insert(std::move(m));
        }
    } else {
        for (auto& g : table.groups_in(measure, level, area)) {
            if (g == group) return std::nullopt;
            groups_here.insert(std::move(g));
        }
        for (auto& m : table.measures_at(level, area)) measures_here.insert(std::move(m));
    }
    auto files = [](std::vector<std::string> v) { return std::set<std::string>(v.begin(), v.end()); };
    const std::set<std::string> files_here = files(table.files_of(level, area, measure));
    Unmatched u;
    std::string where = place(level, area);
    if (!groups_here.empty()) {
        std::vector<std::string> have = quoted_names(groups_here);
        u.message = "group '" + group + "' has no rows for " + measure + " in " + where + " in " +
                    files_of(files_here) + ", which has " + core::quoted_list(have);
        std::string example = likeliest(group, have);
        if (example.empty())
            u.hints.push_back("check that the file has '" + group + "' under another name, and map it with "
                              "data.observations.groups");
        else
            u.hints.push_back("map one with data.observations.groups, e.g. groups: {\"" + example + "\": " +
                              group + "}, or use the data's name");
    } else if (!measures_here.empty()) {
        std::vector<std::string> have = quoted_names(measures_here);
        u.message = "measure '" + measure + "' has no rows in " + where + ", where the data has " +
                    core::quoted_list(have);
        u.hints.push_back(core::valid_values_hint("measures", measure, have));
    } else if (std::set<std::string> areas_level = areas_with(table, measure, level);
               !areas_level.empty() && !area.empty()) {
        std::vector<std::string> have = quoted_names(areas_level);
        u.message = "'" + area + "' has no rows for " + measure + " at " + level + " level";
        u.area_empty = true;
        u.hints.push_back(core::valid_values_hint("areas", area, have));
    } else {
        const std::set<std::string> files_level = files(table.files_of(level));
        u.message = "no data file has rows for " + measure + " at " + level + " level" +
                    (files_level.empty() ? "" : " (" + files_of(files_level) + " has other measures)");
    }
    return u;
}

std::vector<Unmatched> unmatched_in_series(const data::ObservationTable& table, const GapSeries& s) {
    std::vector<Unmatched> out;
    bool group_seen = false, comparator_seen = false;
    for (const auto& p : s.points) {
        group_seen = group_seen || p.group.observation;
        comparator_seen = comparator_seen || p.comparator.observation;
    }
    if (!group_seen)
        if (auto u = unmatched_rows(table, s.measure, s.group, s.area.level, s.area.area)) out.push_back(*u);
    // The comparator may have rows in periods the group has not: then it is "No data" there.
    if (group_seen && !comparator_seen && !s.comparator_area.empty())
        if (auto u = unmatched_rows(table, s.measure, s.comparator.group, s.comparator_level, s.comparator_area)) {
            u->comparator = true;
            out.push_back(*u);
        }
    return out;
}

}  // namespace engine::metrics
