#include "engine/core/text.h"
#include "engine/data/csv_columns.h"
#include "engine/data/loaders.h"

namespace engine::data {

bool load_entities(const std::string& path, EntityTable& into, core::DiagnosticSink& sink) {
    std::size_t errors_before = sink.error_count();
    auto file = open_csv(path, sink);
    if (!file->reader || !file->reader->ok()) return false;
    CsvReader& reader = *file->reader;
    CsvColumns cols(reader, sink, "settings");
    int c_id = cols.require({"setting_id", "id"});
    int c_name = cols.require({"setting_name", "name"});
    int c_la = cols.optional({"la_name"});
    // Every other column is an attribute (type, cluster, coach …) for grouping and filters.
    std::vector<int> attrs;
    for (std::size_t i = 0; i < reader.header().size(); ++i)
        if (static_cast<int>(i) != c_id && static_cast<int>(i) != c_name && static_cast<int>(i) != c_la)
            attrs.push_back(static_cast<int>(i));
    if (!cols.ok()) return false;
    into.set_columns(reader.header());
    into.set_file(reader.header_where(0).file);

    CsvRecord row;
    while (reader.next(row)) {
        Entity e;
        const core::SourceLocation at_row = reader.where(row, 0);
        e.line = at_row.line;
        e.column = at_row.column;
        auto id = cols.required_text(row, c_id);
        auto name = cols.required_text(row, c_name);
        if (!id || !name) continue;
        e.id = *id;
        e.name = *name;
        e.la_name = std::string(core::trim(cols.text(row, c_la)));
        for (int a : attrs)
            e.attributes.emplace_back(reader.header()[static_cast<std::size_t>(a)],
                                      std::string(core::trim(cols.text(row, a))));
        std::string id_copy = e.id;
        core::SourceLocation at = reader.where(row, c_id);
        if (const Entity* first = into.add(std::move(e)))
            sink.error(at, "column '" + reader.header()[static_cast<std::size_t>(c_id)] +
                               "': duplicate setting '" + id_copy + "' (first at " +
                               into.where(*first).str() + ")");
    }
    into.shrink_to_fit();
    return sink.error_count() == errors_before;
}

bool load_activities(const std::string& path, const EntityTable& settings,
                     std::vector<Activity>& into, core::DiagnosticSink& sink) {
    std::size_t errors_before = sink.error_count();
    auto file = open_csv(path, sink);
    if (!file->reader || !file->reader->ok()) return false;
    CsvReader& reader = *file->reader;
    CsvColumns cols(reader, sink, "activity");
    int c_date = cols.require({"date"});
    int c_setting = cols.require({"setting_id"});
    int c_kind = cols.require({"activity", "kind"});
    int c_topic = cols.optional({"topic"});
    int c_leader = cols.optional({"leader"});
    int c_half = cols.require({"half_days"});
    int c_part = cols.optional({"participants"});
    int c_pos = cols.optional({"feedback_positive"});
    int c_total = cols.optional({"feedback_total"});
    cols.reject_unknown();
    if (!cols.ok()) return false;

    auto count = [&](const CsvRecord& row, int col, bool& ok) -> std::optional<int> {
        if (col < 0) return std::nullopt;
        std::string_view cell = core::trim(cols.text(row, col));
        if (cell.empty()) return std::nullopt;
        auto d = parse_decimal(cell);
        if (!d || d->sign() < 0 || !d->is_whole() || *d > 1000000000) {
            cols.error(row, col, "expected a whole number, 0 or more, got '" + core::excerpt(cell) + "'");
            ok = false;
            return std::nullopt;
        }
        return static_cast<int>(d->num());
    };

    CsvRecord row;
    while (reader.next(row)) {
        Activity a;
        a.where = reader.where(row, 0);
        bool ok = true;
        auto date = cols.date(row, c_date, true);
        if (!date) ok = false;
        else a.date = *date;
        std::string sid(core::trim(cols.text(row, c_setting)));
        if (!settings.empty() && !settings.find(sid)) {
            cols.error(row, c_setting, "unknown setting '" + sid + "': it is not in the settings file",
                       {core::valid_values_hint("settings", sid, settings.ids(), 6)});
            ok = false;
        }
        a.setting_id = sid;
        auto kind = cols.choice(row, c_kind, activity_kind_names());
        if (!kind) ok = false;
        else a.kind = *kind;
        a.topic = std::string(core::trim(cols.text(row, c_topic)));
        a.leader = std::string(core::trim(cols.text(row, c_leader)));
        auto half = cols.number(row, c_half);
        if (!half) ok = false;
        else if (*half < 0) {
            cols.error(row, c_half, "half days cannot be negative");
            ok = false;
        } else {
            a.half_days = *half;
        }
        a.participants = count(row, c_part, ok);
        a.feedback_positive = count(row, c_pos, ok);
        a.feedback_total = count(row, c_total, ok);
        if (a.feedback_positive && a.feedback_total && *a.feedback_positive > *a.feedback_total) {
            cols.error(row, c_pos, "positive feedback (" + std::to_string(*a.feedback_positive) +
                                       ") is more than the feedback received (" +
                                       std::to_string(*a.feedback_total) + ")");
            ok = false;
        }
        if (ok) into.push_back(std::move(a));
    }
    return sink.error_count() == errors_before;
}

}  // namespace engine::data
