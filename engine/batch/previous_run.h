// batch: what the previous run's manifest says of each unit, for deciding which units are up to
// date. Read one record at a time (no JSON tree of the whole manifest is built) and kept as
// compactly as a run keeps its own units: a termly re-run of 5,000 reports held every record
// as strings, about 800 bytes a unit, and the manifest's whole tree while reading it
// (docs/performance.md, "A re-run's memory").
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/batch/manifest.h"

namespace engine::batch {

/// One unit of the previous run: its status, pages, input key, files (digest and size, in the
/// manifest's order) and the other files it read, as a UnitResult; and each file's format.
struct PreviousUnit {
    UnitResult result;
    std::array<std::string_view, 2> formats{};  ///< "pdf", "html", or empty for anything else

    /// The record's i-th file is a file of `format`.
    bool file_is(std::size_t i, std::string_view format) const {
        return i < result.file_count && formats[i] == format;
    }
};

/// The previous run's units by key ("report-id/entity-id"), so that the same batch run by
/// another spelling of its path finds them.
class PreviousRun {
public:
    PreviousRun() = default;
    /// The units of the manifest at `path`; none when it is missing, unreadable or not a
    /// manifest (every unit is then built again). A record without a key is left out.
    static PreviousRun read(const std::string& path);

    const PreviousUnit* find(const std::string& key) const;
    std::size_t size() const { return units_.size(); }

private:
    std::unordered_map<std::string, PreviousUnit> units_;
};

}  // namespace engine::batch
