// batch: what decides whether a unit's PDF is up to date. Every file a batch reads is hashed
// for the manifest; a unit's key is a hash over everything its output depends on. The rows of
// the per-setting data (observations at setting level — including those aggregated from pupil
// records — the action plan, delivery activity) are hashed per setting, so that a change to one
// setting's rows rebuilds only the reports that read them (see docs/scheduling.md).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/batch/batch_data.h"
#include "engine/batch/fan_out.h"
#include "engine/batch/manifest.h"
#include "engine/batch/terms.h"
#include "engine/core/civil_date.h"

namespace engine::batch {

struct InputDigest {
    std::vector<InputFile> files;  ///< every file the batch reads, whole, for the manifest
    std::string shared;            ///< engine version, the batch file and every shared file
    std::string all_rows;          ///< the per-setting data files, whole
    std::string shared_rows;       ///< their rows that belong to no one setting
    /// The rows of each setting of the settings table, by its place in the table (32 bytes a
    /// setting, not a map of hex strings); `has_rows` is false for a setting with none.
    std::vector<Digest> setting_rows;
    std::vector<bool> has_rows;
};

/// Hashes every input of a loaded batch: the batch file, templates, fonts, data.tables,
/// settings, targets and EES meta files (shared), and the per-setting data (whole and by row).
InputDigest digest_inputs(const BatchData& batch);

/// The key of a unit: changes whenever anything its PDF depends on changes. A unit of a
/// `for_each: setting` fan-out whose template draws no chart across areas (distribution,
/// line) depends on its own setting's rows and the shared rows only; every other unit on the
/// per-setting files whole.
std::string unit_input_key(const InputDigest& digest, const BatchData& batch, const Unit& unit,
                           const core::Date& as_of, const Term& term);

/// The sha256 and size of a file ("missing" when it cannot be read).
InputFile hash_file(const std::string& path);

}  // namespace engine::batch
