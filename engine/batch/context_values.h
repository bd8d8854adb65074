// batch: the template values a batch supplies beside the metrics — the entity of a fan-out
// unit, the term, the settings list, delivery activity and free tables (templates.md, "Names a
// template can use"). The settings and tables values are the same for every report of a batch
// and are built once, in load_batch.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/batch/terms.h"
#include "engine/data/tables.h"
#include "engine/metrics/activity_summary.h"
#include "engine/templating/value.h"

namespace engine::batch {

/// `entity`: id, name, la_name and every other column of the settings file; for one value of
/// a fan-out over a settings-file column (`members` not empty) also `settings`: its settings'
/// count and list (as entity_value).
templating::Value entity_value(const data::Entity& e, const std::vector<const data::Entity*>& members = {});
/// `term`: name, slug, label, start, end.
templating::Value term_value(const Term& t);
/// `settings`: count, list (as entity_value), by_la (la_name, count); the list and by_la are
/// built when a template first names them, from `settings`, which must outlive the value.
templating::Value settings_value(const data::EntityTable& settings);
/// `activity_summary`: total, by_kind, by_leader, by_la.
templating::Value activity_value(const metrics::ActivitySummary& s);
/// `tables`: one list of rows (column -> text) per free table.
templating::Value tables_value(
    const std::map<std::string, std::vector<std::vector<std::pair<std::string, std::string>>>>& tables);

}  // namespace engine::batch
