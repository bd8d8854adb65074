// config: the batch file's `statuses:` section — vocabularies of a batch's own (words in
// order, palette colour, marker symbol) and the rule that computes one from data. Every bad
// entry is an error at its line and column.
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "engine/core/diagnostic.h"
#include "engine/data/catalog.h"

namespace engine::config {

/// Reads `statuses:` into cat.statuses. Measures named by a rule must be declared under
/// `measures` when the batch declares any (others are checked against the data later).
void read_statuses(const YAML::Node& n, const std::string& file, data::Catalog& cat,
                   core::DiagnosticSink& sink);

}  // namespace engine::config
