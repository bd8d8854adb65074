// config: strict reading of YAML with yaml-cpp — syntax errors, unknown keys (with the valid
// ones as a hint), duplicate keys (yaml-cpp accepts them silently), wrong types — all with
// 1-based line:col. yaml-cpp's 0-based marks are converted here and nowhere else.
#pragma once

#include <yaml-cpp/yaml.h>

#include <climits>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/civil_date.h"
#include "engine/core/diagnostic.h"

namespace engine::config {

/// Parses YAML text. A syntax error becomes a diagnostic in `sink` and nullopt.
std::optional<YAML::Node> parse_yaml(const std::string& text, const std::string& file,
                                     core::DiagnosticSink& sink);

/// Reads and parses a YAML file (a missing file is a diagnostic too).
std::optional<YAML::Node> load_yaml_file(const std::string& path, core::DiagnosticSink& sink);

/// 1-based location of a node (line 0 when yaml-cpp has no mark for it).
core::SourceLocation location_of(const YAML::Node& node, const std::string& file);

/// "a map", "a list", "a string" … for type errors.
std::string describe_node(const YAML::Node& node);

/// A YAML map read against the keys the caller asks for. Every getter records its key as
/// valid; finish() reports the keys that were never asked for, listing the valid ones.
class MapReader {
public:
    /// `path` names the map in messages, e.g. "reports[2].meeting".
    MapReader(const YAML::Node& node, std::string file, std::string path,
              core::DiagnosticSink& sink);

    bool valid() const { return valid_; }
    /// The map read (an empty map when the node was not a map): safe to iterate as pairs.
    const YAML::Node& node() const { return node_; }
    bool has(const std::string& key) const;

    std::optional<std::string> string(const std::string& key, bool required = false);
    std::optional<double> number(const std::string& key, bool required = false);
    std::optional<int> integer(const std::string& key, bool required = false, int min = INT_MIN,
                               int max = INT_MAX);
    std::optional<bool> boolean(const std::string& key, bool required = false);
    std::optional<core::Date> date(const std::string& key, bool required = false);
    std::optional<std::string> choice(const std::string& key,
                                      const std::vector<std::string>& valid, bool required = false);
    /// A child that must be a map / list; an undefined node when absent (or wrong: reported).
    YAML::Node map(const std::string& key, bool required = false);
    YAML::Node list(const std::string& key, bool required = false);
    /// Any child node (no type check).
    YAML::Node any(const std::string& key, bool required = false);

    /// Location of the key's value (or of the map when the key is absent).
    core::SourceLocation where(const std::string& key) const;
    core::SourceLocation where() const { return location_of(node_, file_); }
    const std::string& file() const { return file_; }
    std::string child_path(const std::string& key) const;

    /// Reports unknown keys. Call once after reading.
    void finish();

private:
    YAML::Node find(const std::string& key) const;
    YAML::Node scalar(const std::string& key, bool required, const char* expected);
    void missing(const std::string& key);

    YAML::Node node_;
    std::string file_;
    std::string path_;
    core::DiagnosticSink& sink_;
    bool valid_ = false;
    std::vector<std::string> asked_;
};

}  // namespace engine::config
