// batch: the units of work of a run — one per report, or one per entity of a fan-out report
// (for_each: setting | local_authority | a settings-file column, filtered by `where`) — with their output paths made
// from the report's pattern and safe for file systems, and the deterministic shard each belongs
// to.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/batch/batch_data.h"
#include "engine/batch/terms.h"
#include "engine/core/diagnostic.h"

namespace engine::batch {

struct Unit {
    const config::ReportConfig* report = nullptr;
    std::optional<data::Entity> entity;  ///< the fan-out entity, if any
    std::string key;                     ///< "report-id" or "report-id/entity-id"
    std::string output;                  ///< path relative to the output folder
    config::AreaRef area;                ///< whose figures the unit shows
    std::string action_entity;           ///< only this entity's actions (fan-out by setting)
    /// A fan-out over a settings-file column: the settings that share the unit's value.
    std::vector<const data::Entity*> members;
};

/// Expands every report into units. Errors (an unknown placeholder in an output pattern, two
/// units writing the same file, a fan-out without a settings file) go to `sink`.
std::vector<Unit> expand_units(const BatchData& batch, const Term& term, const core::Date& as_of,
                               core::DiagnosticSink& sink);

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
