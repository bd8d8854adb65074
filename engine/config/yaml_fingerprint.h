// config: a canonical text of a YAML node, for the input digest (a report's or the batch's
// settings changed or not). Cheaper than emitting the node as YAML, which was about 4 % of the
// instructions of a cold run of a board paper (docs/performance.md).
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

namespace engine::config {

/// Appends to `out` a text that two nodes share exactly when they have the same structure, tags
/// and scalar values (map keys in document order; an alias as the node it repeats). Each
/// scalar and tag carries its length, so no value can be mistaken for structure.
void append_fingerprint(std::string& out, const YAML::Node& node);

}  // namespace engine::config
