// batch: which setting a bad CSV row belongs to. The per-setting data files (observations,
// action plan, delivery activity) carry a setting_id on rows that belong to one setting; an
// error on such a row can then stop only the reports that read that setting's rows.
#pragma once

#include <string>
#include <vector>

#include "engine/config/batch_config.h"
#include "engine/core/diagnostic.h"
#include "engine/data/tables.h"

namespace engine::batch {

/// For each of `diagnostics`, the id of the setting (in `settings`) whose row of a per-setting
/// data file it is located on, or "" when it is not on such a row (the batch file, a template,
/// shared data such as national or local-authority rows, targets, the settings file itself, or
/// a row whose setting_id is missing or unknown).
std::vector<std::string> entities_of(const config::BatchConfig& config,
                                     const data::EntityTable& settings,
                                     const std::vector<core::Diagnostic>& diagnostics);

}  // namespace engine::batch
