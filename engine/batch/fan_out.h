// batch: the units of work of a run — one per report, or one per entity of a fan-out report
// (for_each: setting | local_authority | a settings-file column, filtered by `where`) — with their output paths made
// from the report's pattern and safe for file systems, and the deterministic shard each belongs
// to.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/batch/batch_data.h"
#include "engine/batch/terms.h"
#include "engine/core/diagnostic.h"

namespace engine::batch {

/// One unit of work, kept small (a run holds one per setting): its key, area and output path
/// are worked out from the report and the entity when asked for (docs/performance.md, "Memory
/// flat in the number of settings").
struct Unit {
    const config::ReportConfig* report = nullptr;
    /// The fan-out entity, if any: a setting of the batch's settings table (which does not move
    /// once loaded), or the entity made for a local authority or a settings-column value, which
    /// the unit shares (`made`).
    const data::Entity* entity = nullptr;
    std::shared_ptr<const data::Entity> made;
    /// A fan-out over a settings-file column: the settings that share the unit's value (a list
    /// of batch.entity_groups).
    const std::vector<const data::Entity*>* group = nullptr;

    /// "report-id" or "report-id/entity-id".
    std::string key() const;
    /// Whose figures the unit shows.
    config::AreaRef area() const;
    /// Only this entity's actions (a fan-out by setting), else "" (every action).
    std::string action_entity() const;
    /// The settings that share the unit's value (empty unless a fan-out over a column).
    const std::vector<const data::Entity*>& members() const;
    /// Makes `e` the unit's own entity.
    void own(data::Entity e);
};

/// Expands every report into units. Errors (an unknown placeholder in an output pattern, two
/// units writing the same file, a fan-out without a settings file) go to `sink`.
std::vector<Unit> expand_units(const BatchData& batch, const Term& term, const core::Date& as_of,
                               core::DiagnosticSink& sink);

/// A unit's output path, relative to the output folder, from its report's pattern (one that
/// expand_units made, whose pattern it has checked).
std::string unit_output(const Unit& unit, const Term& term, const core::Date& as_of);

/// The HTML page's path beside a unit's PDF: the output with ".pdf" (any case) replaced by
/// ".html", or with ".html" added when it has no ".pdf" ending.
std::string html_output(const std::string& output);

/// A path component made safe for file systems: no separators or reserved characters, no
/// leading dots, no trailing spaces or dots.
std::string safe_component(std::string_view s);

/// Whether a unit belongs to shard k of n (1-based), by a stable hash of its key: the same
/// unit always lands in the same shard, whatever else the batch holds.
bool in_shard(const Unit& u, int k, int n);

}  // namespace engine::batch
