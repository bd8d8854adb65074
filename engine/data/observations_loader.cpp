#include <algorithm>

#include "engine/core/number_format.h"
#include "engine/core/text.h"
#include "engine/data/csv_columns.h"
#include "engine/data/loaders.h"

namespace engine::data {

namespace {

constexpr long long kMaxValue = 1000000000000LL;  // 10^12
}  // namespace

namespace {

struct LevelInfo {
    const char* name;
    std::vector<std::string> area_columns;  // first found wins
    const char* default_area;               // when no column is present
};

const std::vector<LevelInfo>& level_table() {
    static const std::vector<LevelInfo> t = {
        {kNational, {"country_name"}, "England"},
        {"Regional", {"region_name"}, nullptr},
        {kLocalAuthority, {"la_name"}, nullptr},
        {kSetting, {"setting_id", "school_urn"}, nullptr},
        {kProject, {"project_name"}, "Project"},
    };
    return t;
}

/// The level's place in level_table(), or -1 when `s` names none.
int level_index(std::string_view s) {
    const auto& t = level_table();
    for (std::size_t i = 0; i < t.size(); ++i)
        if (core::iequals_ascii(s, t[i].name)) return static_cast<int>(i);
    if (core::iequals_ascii(s, "School"))
        for (std::size_t i = 0; i < t.size(); ++i)
            if (std::string_view(t[i].name) == kSetting) return static_cast<int>(i);
    return -1;
}

}  // namespace

const std::vector<std::string>& geographic_levels() {
    static const std::vector<std::string> v = [] {
        std::vector<std::string> out;
        for (const auto& l : level_table()) out.emplace_back(l.name);
        out.emplace_back("School");
        return out;
    }();
    return v;
}

bool load_observations(const ObservationSource& src, Catalog& catalog,
                       ObservationTable& into, core::DiagnosticSink& sink) {
    std::size_t errors_before = sink.error_count();
    if (!src.meta_path.empty() && !load_meta(src, catalog, sink)) return false;
    auto file = open_csv(src.path, sink);
    if (!file->reader || !file->reader->ok()) return false;
    CsvReader& reader = *file->reader;

    auto name = [&](const std::string& canonical) {
        auto it = src.rename.find(canonical);
        return it == src.rename.end() ? canonical : it->second;
    };
    CsvColumns cols(reader, sink, "observations");
    int c_period = cols.require({name("time_period")});
    int c_ident = cols.require({name("time_identifier")});
    int c_level = cols.require({name("geographic_level")});
    int c_group = src.wide ? cols.require({src.group_column})
                           : cols.require({name("characteristic"), "group"});
    // Tidy files have one measure/value per row; wide files one value per indicator column.
    struct Source {
        std::string measure;
        int value, cohort, numerator;
    };
    std::vector<Source> sources;
    int c_measure = -1;
    if (src.wide) {
        for (const auto& ind : src.indicators) {
            Source so{ind.measure, cols.require({ind.column}), -1, -1};
            if (!ind.cohort.empty()) so.cohort = cols.require({ind.cohort});
            if (!ind.numerator.empty()) so.numerator = cols.require({ind.numerator});
            sources.push_back(so);
        }
    } else {
        c_measure = cols.require({name("measure")});
        sources.push_back({"", cols.require({name("value")}), cols.optional({name("cohort")}),
                           cols.optional({name("numerator")})});
    }
    // Room for every row up front: each record gives a row per value column.
    if (std::size_t rows = estimated_rows(file->text.view())) into.reserve(into.size() + sources.size() * rows);
    std::vector<std::pair<int, std::string>> filters;
    for (const auto& [col, value] : src.filters) filters.emplace_back(cols.require({col}), value);
    // Each level's area column (the first of its names the file has, or -1), worked out once
    // rather than looked up by name on every row.
    struct LevelColumn {
        std::string name;
        int column = -1;
    };
    std::vector<LevelColumn> level_cols;
    for (const auto& l : level_table()) {
        LevelColumn lc{l.name, -1};
        for (const auto& c : l.area_columns) {
            const int col = cols.optional({name(c)});
            if (lc.column < 0) lc.column = col;
        }
        level_cols.push_back(lc);
    }
    // EES files carry codes beside names; they are known columns we do not need.
    cols.allow({"country_code", "region_code", "new_la_code", "old_la_code", "la_code",
                "setting_name", "school_name", "school_laestab", "lad_code", "lad_name"});
    if (!src.ignore_unknown_columns) cols.reject_unknown();
    if (!cols.ok()) return false;

    // The catalogue entry of the row's measure, from the few measures seen so far (a file has a
    // handful, and its rows cycle through them, so a map lookup a row would dominate).
    std::vector<std::pair<std::string, const MeasureInfo*>> seen_measures;
    auto measure_info = [&](const std::string& id) {
        for (const auto& [m, info] : seen_measures)
            if (m == id) return info;
        const MeasureInfo* info = catalog.measure(id);
        if (seen_measures.size() < 64) seen_measures.emplace_back(id, info);
        return info;
    };
    CsvRecord row;
    Observation o;  // one for every row: its strings keep their buffers, and the table copies none
    std::size_t rows_seen = 0, rows_kept = 0;
    while (reader.next(row)) {
        ++rows_seen;
        // Rows the filters leave out are not checked: a DfE file may carry levels and
        // breakdowns boardpack does not know.
        bool keep = true;
        for (const auto& [fc, fv] : filters)
            if (fc >= 0 && core::trim(cols.text(row, fc)) != fv) keep = false;
        if (!keep) continue;
        ++rows_kept;
        o.where = reader.where(row, 0);
        bool ok = true;

        std::string perr;
        auto period = parse_period(cols.text(row, c_period), cols.text(row, c_ident), perr);
        if (!period) {
            bool ident_bad = perr.rfind("unknown time_identifier", 0) == 0;
            cols.error(row, ident_bad ? c_ident : c_period, perr,
                       ident_bad ? std::vector<std::string>{core::valid_values_hint(
                                       "identifiers", cols.owned_text(row, c_ident),
                                       period_identifiers())}
                                 : std::vector<std::string>{});
            ok = false;
        } else {
            o.period = *period;
        }

        const int li = level_index(core::trim(cols.text(row, c_level)));
        if (li < 0) {
            cols.error(row, c_level, "unknown geographic level '" + cols.owned_text(row, c_level) + "'",
                       {core::valid_values_hint("levels", cols.owned_text(row, c_level),
                                                geographic_levels())});
            ok = false;
        } else {
            const LevelInfo& l = level_table()[static_cast<std::size_t>(li)];
            const LevelColumn& lc = level_cols[static_cast<std::size_t>(li)];
            const std::string& level = lc.name;
            o.level = level;
            const int col = lc.column;
            std::string_view area = col >= 0 ? core::trim(cols.text(row, col)) : std::string_view();
            if (area.empty() && l.default_area) area = l.default_area;
            if (area.empty()) {
                if (col >= 0) {
                    cols.error(row, col, "the area is required for a '" + level + "' row");
                } else {
                    sink.error(reader.where(row, c_level),
                               "a '" + level + "' row needs a '" + l.area_columns.front() +
                                   "' column naming the area");
                }
                ok = false;
            }
            o.area.assign(area);
        }

        auto group = cols.required_view(row, c_group);
        if (!group) {
            ok = false;
        } else if (src.group_names.empty()) {
            o.group.assign(*group);
        } else {
            auto renamed = src.group_names.find(std::string(*group));
            if (renamed == src.group_names.end()) o.group.assign(*group);
            else o.group = renamed->second;
        }
        std::optional<std::string_view> measure;
        if (!src.wide) {
            measure = cols.required_view(row, c_measure);
            if (!measure) ok = false;
        }
        if (!ok) continue;

        for (const auto& so : sources) {
            Observation& obs = o;  // each source sets the measure, value and counts afresh
            obs.cohort.reset();
            obs.numerator.reset();
            bool good = true;
            if (src.wide) obs.measure = so.measure;
            else obs.measure.assign(*measure);
            auto value = cols.value(row, so.value);
            if (!value) {
                good = false;
            } else {
                obs.value = *value;
                const MeasureInfo* mi = measure_info(obs.measure);
                if (mi && mi->unit == Unit::Percent && value->number &&
                    (*value->number < 0 || *value->number > 100)) {
                    cols.error(row, so.value,
                               "a percentage must lie between 0 and 100, got '" +
                                   core::excerpt(cols.owned_text(row, so.value)) + "'");
                    good = false;
                } else if (mi && mi->scale && value->number &&
                           (*value->number < mi->scale->min || *value->number > mi->scale->max)) {
                    cols.error(row, so.value,
                               "a value of '" + obs.measure + "' must lie on its scale, " +
                                   std::to_string(mi->scale->min) + " to " + std::to_string(mi->scale->max) +
                                   ", got '" + core::excerpt(cols.owned_text(row, so.value)) + "'");
                    good = false;
                } else if (value->number && (*value->number > kMaxValue || *value->number < -kMaxValue)) {
                    // Finite but absurd: no education figure is this large, and charts and
                    // text could not show it.
                    cols.error(row, so.value,
                               "a value must lie between -1000000000000 and 1000000000000, got '" +
                                   core::excerpt(cols.owned_text(row, so.value)) + "'");
                    good = false;
                }
            }
            auto count = [&](int col, std::optional<double>& out, const char* what) {
                if (col < 0) return;
                auto v = cols.value(row, col);
                if (!v) {
                    good = false;
                    return;
                }
                if (!v->number) return;  // a symbol: unknown count
                // Counts are whole and far below 2^53, so a double holds them exactly.
                if (v->number->sign() < 0 || !v->number->is_whole() ||
                    *v->number > 1000000000000LL) {
                    cols.error(row, col,
                               std::string("a ") + what + " must be a whole number of children, 0 or "
                               "more, got '" + core::excerpt(cols.owned_text(row, col)) + "'");
                    good = false;
                    return;
                }
                out = v->number->to_double();
            };
            count(so.cohort, obs.cohort, "cohort");
            count(so.numerator, obs.numerator, "numerator");
            if (obs.cohort && obs.numerator && *obs.numerator > *obs.cohort) {
                cols.error(row, so.numerator,
                           "the numerator (" + cols.owned_text(row, so.numerator) +
                               ") is larger than the cohort (" + cols.owned_text(row, so.cohort) + ")");
                good = false;
            }
            // A percentage published with its counts: the counts give the unrounded value
            // (gaps are worked out from it), and the published value must agree with them.
            const MeasureInfo* mi = measure_info(obs.measure);
            if (good && mi && mi->unit == Unit::Percent && obs.value.number && obs.cohort &&
                obs.numerator && *obs.cohort > 0) {
                core::Exact exact = core::Exact::ratio(
                    100 * static_cast<core::Int128>(*obs.numerator),
                    static_cast<core::Int128>(*obs.cohort));
                std::string shown(core::trim(cols.owned_text(row, so.value)));
                auto dot = shown.find('.');
                int dp = dot == std::string::npos ? 0 : static_cast<int>(shown.size() - dot - 1);
                // The published value must be the exact one rounded at its own places (half
                // either way: publishers round halves differently).
                core::Int128 scale = 2;
                for (int k = 0; k < std::min(dp, 12); ++k) scale *= 10;
                const core::Exact half = core::Exact::ratio(1, scale);
                if ((*obs.value.number - exact).abs() > half) {
                    cols.error(row, so.value,
                               "the value '" + shown + "' does not agree with numerator / cohort (" +
                                   cols.owned_text(row, so.numerator) + " / " + cols.owned_text(row, so.cohort) +
                                   " = " + core::format_fixed(exact, std::max(dp, 1)) + "%)");
                    good = false;
                } else {
                    obs.value.number = exact;
                }
            }
            if (!good) continue;
            int dup = into.add(obs);
            if (dup >= 0) {
                sink.error(obs.where,
                           "duplicate observation: " + obs.measure + ", " + obs.group + ", " + obs.area +
                               ", " + obs.period.label() + " already appears at " +
                               into.where_of(dup).str());
            }
        }
    }
    // A file with no rows would give reports with blank periods and "No data": say so.
    if (reader.ok() && rows_kept == 0)
        sink.error({src.path, 1, 1},
                   rows_seen == 0 ? "the observations file has a header row but no data rows"
                                  : "no row of the observations file matches its filters (" +
                                        std::to_string(rows_seen) + " rows read)",
                   {rows_seen == 0 ? "add the observations below the header"
                                   : "check data.observations.filters against the file's values"});
    return sink.error_count() == errors_before;
}

}  // namespace engine::data
