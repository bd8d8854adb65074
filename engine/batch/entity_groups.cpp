#include "engine/batch/entity_groups.h"

#include <algorithm>
#include <set>

#include "engine/core/text.h"
#include "engine/data/loaders.h"

namespace engine::batch {

namespace {

// Observation levels go up to eight (the store packs a level into three bits); five are the
// geographic ones.
constexpr std::size_t kMaxColumns = 3;

bool known_column(const data::EntityTable& settings, const std::string& column) {
    const auto& cols = settings.columns();
    return std::find(cols.begin(), cols.end(), column) != cols.end() || column == "setting_id" ||
           column == "setting_name" || column == "la_name";
}

}  // namespace

bool matches_where(const data::Entity& e, const config::ReportConfig& r) {
    for (const auto& [key, values] : r.entity_filter)
        if (std::find(values.begin(), values.end(), e.get(key)) == values.end()) return false;
    return true;
}

bool fans_out_over_column(const config::ReportConfig& r) {
    return !r.for_each.empty() && r.for_each != "setting" && r.for_each != "local_authority";
}

void add_entity_groups(BatchData& b, core::DiagnosticSink& sink) {
    if (b.settings.empty()) return;  // expand_units reports a fan-out without a settings file
    std::set<std::string> columns;
    for (const auto& r : b.config.reports) {
        if (!fans_out_over_column(r) || core::trim(r.for_each).empty()) continue;
        const std::string& column = r.for_each;
        if (!known_column(b.settings, column)) {
            sink.error(r.for_each_where,
                       "report '" + r.id + "' fans out over '" + column + "', which is neither 'setting', "
                       "'local_authority' nor a column of the settings file '" + b.config.settings_path + "'",
                       {core::valid_values_hint("columns", column, b.settings.columns())});
            continue;
        }
        const auto& levels = data::geographic_levels();
        if (std::any_of(levels.begin(), levels.end(),
                        [&](const std::string& l) { return core::iequals_ascii(l, column); })) {
            sink.error(r.for_each_where, "report '" + r.id + "' fans out over the column '" + column +
                                             "', whose name is a geographic level",
                       {"rename the column in the settings file, e.g. to '" + column + "_group'"});
            continue;
        }
        for (const auto& e : b.settings.all())
            if (matches_where(e, r) && core::trim(e.get(column)).empty())
                sink.error(b.settings.where(e), "column '" + column + "' is empty for setting '" + e.id +
                                        "', so report '" + r.id + "' (for_each: " + column +
                                        ") has no report to put it in",
                           {"fill in its " + column + ", or leave the setting out with the report's 'where'"});
        if (columns.insert(column).second && columns.size() > kMaxColumns)
            sink.error(r.for_each_where, "a batch may fan out over at most " + std::to_string(kMaxColumns) +
                                             " columns of the settings file; '" + column + "' is one more");
    }
    std::size_t n = 0;
    for (const auto& column : columns) {
        if (++n > kMaxColumns) break;
        auto groups = data::settings_by_value(b.settings, column);
        auto rows = data::add_aggregates(b.observations, b.config.catalog, column, groups);
        b.aggregate_rows.insert(b.aggregate_rows.end(), rows.begin(), rows.end());
        b.entity_groups.emplace(column, std::move(groups));
    }
}

}  // namespace engine::batch
