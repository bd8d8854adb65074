#include "engine/core/text.h"
#include "engine/data/csv_columns.h"
#include "engine/data/loaders.h"

namespace engine::data {

bool load_actions(const std::string& path, const EntityTable& settings, ActionPlan& into,
                  core::DiagnosticSink& sink) {
    std::size_t errors_before = sink.error_count();
    auto file = open_csv(path, sink);
    if (!file->reader || !file->reader->ok()) return false;
    CsvReader& reader = *file->reader;

    CsvColumns cols(reader, sink, "action plan");
    int c_id = cols.require({"action_id", "id"});
    int c_entity = cols.optional({"setting_id", "entity"});
    int c_objective = cols.require({"objective", "priority"});
    int c_action = cols.require({"action"});
    int c_owner = cols.require({"owner"});
    int c_start = cols.optional({"start"});
    int c_due = cols.require({"due"});
    int c_status = cols.require({"status"});
    int c_progress = cols.optional({"progress", "progress_note"});
    int c_updated = cols.optional({"last_updated"});
    int c_rag = cols.optional({"rag", "rag_override"});
    cols.reject_unknown();
    if (!cols.ok()) return false;

    // The plan goes to a temporary file once it outgrows its spool: a folder that cannot take
    // it is an error of the batch (with the folder named), reported once, not an internal one.
    bool spill_failed = false;
    auto guarded = [&](auto&& step) {
        if (spill_failed) return;
        try {
            step();
        } catch (const core::EngineError& e) {
            sink.add(e.diagnostic());
            spill_failed = true;
        }
    };
    auto add = [&](const Action& a) { guarded([&] { into.add(a); }); };
    auto finish = [&] { guarded([&] { into.finish(); }); };

    CsvRecord row;
    while (reader.next(row)) {
        Action a;
        a.line = row.line;
        bool ok = true;
        auto id = cols.required_text(row, c_id);
        auto action = cols.required_text(row, c_action);
        if (!id || !action) ok = false;
        if (id) a.id = *id;
        if (action) a.action = *action;  // a view: the plan copies the row as it adds it
        a.entity = std::string(core::trim(cols.owned_text(row, c_entity)));
        if (!a.entity.empty() && !settings.empty() && !settings.find(a.entity)) {
            cols.error(row, c_entity, "unknown setting '" + a.entity + "': it is not in the settings file",
                       {core::valid_values_hint("settings", a.entity, settings.ids(), 6)});
            ok = false;
        }
        a.objective = core::trim(cols.text(row, c_objective));
        a.owner = core::trim(cols.text(row, c_owner));
        a.progress = core::trim(cols.text(row, c_progress));

        a.start = cols.date(row, c_start, false);
        if (c_start >= 0 && !core::trim(cols.owned_text(row, c_start)).empty() && !a.start) ok = false;
        auto due = cols.date(row, c_due, true);
        if (!due) ok = false;
        else a.due = *due;
        if (a.start && due && *due < *a.start) {
            cols.error(row, c_due,
                       "the due date (" + core::format_iso(*due) + ") is before the start date (" +
                           core::format_iso(*a.start) + ")");
            ok = false;
        }
        a.last_updated = cols.date(row, c_updated, false);
        if (c_updated >= 0 && !core::trim(cols.owned_text(row, c_updated)).empty() && !a.last_updated)
            ok = false;

        auto state = parse_action_state(cols.owned_text(row, c_status));
        if (!state) {
            cols.error(row, c_status, "unknown status '" + cols.owned_text(row, c_status) + "'",
                       {core::valid_values_hint("statuses", cols.owned_text(row, c_status),
                                                action_state_names())});
            ok = false;
        } else {
            a.state = *state;
        }
        auto rag = parse_rag(cols.owned_text(row, c_rag));
        if (!rag) {
            cols.error(row, c_rag, "unknown RAG override '" + cols.owned_text(row, c_rag) + "'",
                       {core::valid_values_hint("values", cols.owned_text(row, c_rag), rag_names()) +
                        ", or leave it empty"});
            ok = false;
        } else {
            a.rag = *rag;
        }
        if (ok) add(a);
    }
    finish();
    return sink.error_count() == errors_before;
}

}  // namespace engine::data
