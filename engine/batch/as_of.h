// batch: "today" for a run — the --as-of option, else the batch's as_of, else
// SOURCE_DATE_EPOCH, else the clock. The only place the engine reads the clock.
#pragma once

#include <optional>
#include <string>

#include "engine/core/civil_date.h"

namespace engine::batch {

struct AsOf {
    core::Date date;
    std::string source;  ///< "--as-of", "batch.as_of", "SOURCE_DATE_EPOCH" or "clock"
};

/// `source_date_epoch` is the environment variable's text (empty when unset). An unparseable
/// SOURCE_DATE_EPOCH is ignored with a note in `source`.
AsOf resolve_as_of(const std::optional<core::Date>& cli, const std::optional<core::Date>& batch,
                   const std::string& source_date_epoch);

}  // namespace engine::batch
