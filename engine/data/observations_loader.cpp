#include <algorithm>
#include <condition_variable>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>

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


/// A block of checked rows on their way to the table: the rows that passed their checks, the
/// checks' diagnostics, and for each row how many of those came before it. Blocks are reused,
/// so the rows' strings keep their buffers.
struct CheckedBlock {
    std::vector<Observation> rows;  ///< the first size() are this block's
    std::vector<std::size_t> diagnostics_before;
    std::vector<core::Diagnostic> diagnostics;

    std::size_t size() const { return diagnostics_before.size(); }
    void clear() {
        diagnostics_before.clear();
        diagnostics.clear();
    }
    /// The row after the block's rows, written in place (its strings keep their buffers);
    /// a reference valid until the next call.
    Observation& slot() {
        if (rows.size() == size()) rows.emplace_back();
        return rows[size()];
    }
    /// Makes slot() one of the block's rows.
    void commit(std::size_t diagnostics_so_far) { diagnostics_before.push_back(diagnostics_so_far); }
};

/// Runs `fill` (false after the last block) on a worker thread and `drain` on this one, on a
/// few reused blocks handed over in order, so a block is drained while the next is filled.
/// What `drain` sees does not depend on the threads' timing: the blocks come in the order
/// they were filled, each whole. An exception on either side stops both and is rethrown here.
template <class Fill, class Drain>
void run_pipelined(Fill& fill, Drain& drain) {
    constexpr std::size_t kBlocks = 3;
    CheckedBlock blocks[kBlocks];
    std::mutex m;
    std::condition_variable changed;
    std::size_t filled = 0, drained = 0;  // blocks handed over each way, counted from the start
    bool last_filled = false, stop = false;
    std::exception_ptr failure;
    std::thread worker([&] {
        for (;;) {
            {
                std::unique_lock<std::mutex> lock(m);
                changed.wait(lock, [&] { return stop || filled - drained < kBlocks; });
                if (stop) return;
            }
            bool more = false;
            try {
                more = fill(blocks[filled % kBlocks]);
            } catch (...) {
                std::lock_guard<std::mutex> lock(m);
                failure = std::current_exception();
            }
            {
                std::lock_guard<std::mutex> lock(m);
                ++filled;
                last_filled = !more;
            }
            changed.notify_all();
            if (!more) return;
        }
    });
    try {
        for (;;) {
            bool last;
            {
                std::unique_lock<std::mutex> lock(m);
                changed.wait(lock, [&] { return drained < filled; });
                if (failure) break;
                last = last_filled && drained + 1 == filled;
            }
            drain(blocks[drained % kBlocks]);
            {
                std::lock_guard<std::mutex> lock(m);
                ++drained;
            }
            changed.notify_all();
            if (last) break;
        }
    } catch (...) {
        {
            std::lock_guard<std::mutex> lock(m);
            stop = true;
        }
        changed.notify_all();
        worker.join();
        throw;
    }
    worker.join();
    if (failure) std::rethrow_exception(failure);
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

bool load_observations(const ObservationSource& src, Catalog& catalog, ObservationTable& into,
                       core::DiagnosticSink& sink, const ObservationLoading& tuning) {
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
    // The rows are checked into blocks (checks, below) and added to the table in file order
    // (add_block): on a worker thread and the calling one for a large file, one after the
    // other for a small one. Either way the same diagnostics reach `sink` in the same order:
    // a block carries the checks' own, each with its place among the block's rows, and the
    // duplicates found while adding are reported between them.
    core::DiagnosticSink checks_sink(std::numeric_limits<std::size_t>::max());
    reader.report_to(checks_sink);
    CsvColumns checks(reader, checks_sink, "observations");
    std::size_t rows_seen = 0, rows_kept = 0;
    auto check_record = [&](const CsvRecord& row, CheckedBlock& block) {
        ++rows_seen;
        Observation& o = block.slot();
        // Rows the filters leave out are not checked: a DfE file may carry levels and
        // breakdowns boardpack does not know.
        bool keep = true;
        for (const auto& [fc, fv] : filters)
            if (fc >= 0 && core::trim(checks.text(row, fc)) != fv) keep = false;
        if (!keep) return;
        ++rows_kept;
        o.where = reader.where(row, 0);
        bool ok = true;

        std::string perr;
        auto period = parse_period(checks.text(row, c_period), checks.text(row, c_ident), perr);
        if (!period) {
            bool ident_bad = perr.rfind("unknown time_identifier", 0) == 0;
            checks.error(row, ident_bad ? c_ident : c_period, perr,
                       ident_bad ? std::vector<std::string>{core::valid_values_hint(
                                       "identifiers", checks.owned_text(row, c_ident),
                                       period_identifiers())}
                                 : std::vector<std::string>{});
            ok = false;
        } else {
            o.period = *period;
        }

        const int li = level_index(core::trim(checks.text(row, c_level)));
        if (li < 0) {
            checks.error(row, c_level, "unknown geographic level '" + checks.owned_text(row, c_level) + "'",
                       {core::valid_values_hint("levels", checks.owned_text(row, c_level),
                                                geographic_levels())});
            ok = false;
        } else {
            const LevelInfo& l = level_table()[static_cast<std::size_t>(li)];
            const LevelColumn& lc = level_cols[static_cast<std::size_t>(li)];
            const std::string& level = lc.name;
            o.level = level;
            const int col = lc.column;
            std::string_view area = col >= 0 ? core::trim(checks.text(row, col)) : std::string_view();
            if (area.empty() && l.default_area) area = l.default_area;
            if (area.empty()) {
                if (col >= 0) {
                    checks.error(row, col, "the area is required for a '" + level + "' row");
                } else {
                    checks_sink.error(reader.where(row, c_level),
                               "a '" + level + "' row needs a '" + l.area_columns.front() +
                                   "' column naming the area");
                }
                ok = false;
            }
            o.area.assign(area);
        }

        auto group = checks.required_view(row, c_group);
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
            measure = checks.required_view(row, c_measure);
            if (!measure) ok = false;
        }
        if (!ok) return;

        bool slot_has_record = true;  // the record's period, level, area and group are in slot()
        for (const auto& so : sources) {
            if (!slot_has_record) {  // a wide record's next value: a row like the last one
                Observation& next = block.slot();
                next = block.rows[block.size() - 1];
                slot_has_record = true;
            }
            Observation& obs = block.slot();  // each source sets the measure, value and counts afresh
            obs.cohort.reset();
            obs.numerator.reset();
            bool good = true;
            if (src.wide) obs.measure = so.measure;
            else obs.measure.assign(*measure);
            auto value = checks.value(row, so.value);
            if (!value) {
                good = false;
            } else {
                obs.value = *value;
                const MeasureInfo* mi = measure_info(obs.measure);
                if (mi && mi->unit == Unit::Percent && value->number &&
                    (*value->number < 0 || *value->number > 100)) {
                    checks.error(row, so.value,
                               "a percentage must lie between 0 and 100, got '" +
                                   core::excerpt(checks.owned_text(row, so.value)) + "'");
                    good = false;
                } else if (mi && mi->scale && value->number &&
                           (*value->number < mi->scale->min || *value->number > mi->scale->max)) {
                    checks.error(row, so.value,
                               "a value of '" + obs.measure + "' must lie on its scale, " +
                                   std::to_string(mi->scale->min) + " to " + std::to_string(mi->scale->max) +
                                   ", got '" + core::excerpt(checks.owned_text(row, so.value)) + "'");
                    good = false;
                } else if (value->number && (*value->number > kMaxValue || *value->number < -kMaxValue)) {
                    // Finite but absurd: no education figure is this large, and charts and
                    // text could not show it.
                    checks.error(row, so.value,
                               "a value must lie between -1000000000000 and 1000000000000, got '" +
                                   core::excerpt(checks.owned_text(row, so.value)) + "'");
                    good = false;
                }
            }
            auto count = [&](int col, std::optional<double>& out, const char* what) {
                if (col < 0) return;
                auto v = checks.value(row, col);
                if (!v) {
                    good = false;
                    return;
                }
                if (!v->number) return;  // a symbol: unknown count
                // Counts are whole and far below 2^53, so a double holds them exactly.
                if (v->number->sign() < 0 || !v->number->is_whole() ||
                    *v->number > 1000000000000LL) {
                    checks.error(row, col,
                               std::string("a ") + what + " must be a whole number of children, 0 or "
                               "more, got '" + core::excerpt(checks.owned_text(row, col)) + "'");
                    good = false;
                    return;
                }
                out = v->number->to_double();
            };
            count(so.cohort, obs.cohort, "cohort");
            count(so.numerator, obs.numerator, "numerator");
            if (obs.cohort && obs.numerator && *obs.numerator > *obs.cohort) {
                checks.error(row, so.numerator,
                           "the numerator (" + checks.owned_text(row, so.numerator) +
                               ") is larger than the cohort (" + checks.owned_text(row, so.cohort) + ")");
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
                std::string shown(core::trim(checks.owned_text(row, so.value)));
                auto dot = shown.find('.');
                int dp = dot == std::string::npos ? 0 : static_cast<int>(shown.size() - dot - 1);
                // The published value must be the exact one rounded at its own places (half
                // either way: publishers round halves differently).
                core::Int128 scale = 2;
                for (int k = 0; k < std::min(dp, 12); ++k) scale *= 10;
                const core::Exact half = core::Exact::ratio(1, scale);
                if ((*obs.value.number - exact).abs() > half) {
                    checks.error(row, so.value,
                               "the value '" + shown + "' does not agree with numerator / cohort (" +
                                   checks.owned_text(row, so.numerator) + " / " + checks.owned_text(row, so.cohort) +
                                   " = " + core::format_fixed(exact, std::max(dp, 1)) + "%)");
                    good = false;
                } else {
                    obs.value.number = exact;
                }
            }
            if (good) {
                block.commit(checks_sink.diagnostics().size());
                slot_has_record = false;
            }
        }
    };
    CsvRecord row;
    auto fill_block = [&](CheckedBlock& out) {
        out.clear();
        bool more = true;
        while (out.size() < tuning.block_rows && (more = reader.next(row))) check_record(row, out);
        out.diagnostics = checks_sink.take();
        return more;
    };
    auto add_block = [&](CheckedBlock& in) {
        std::size_t d = 0;
        for (std::size_t i = 0; i < in.size(); ++i) {
            for (; d < in.diagnostics_before[i]; ++d) sink.add(std::move(in.diagnostics[d]));
            const Observation& obs = in.rows[i];
            int dup = into.add(obs);
            if (dup >= 0) {
                sink.error(obs.where,
                           "duplicate observation: " + obs.measure + ", " + obs.group + ", " + obs.area +
                               ", " + obs.period.label() + " already appears at " +
                               into.where_of(dup).str());
            }
        }
        for (; d < in.diagnostics.size(); ++d) sink.add(std::move(in.diagnostics[d]));
    };
    if (file->text.view().size() < tuning.thread_min_bytes) {
        CheckedBlock block;
        for (bool more = true; more;) {
            more = fill_block(block);
            add_block(block);
        }
    } else {
        run_pipelined(fill_block, add_block);
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
