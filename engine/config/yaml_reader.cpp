#include "engine/config/yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "engine/core/file_io.h"
#include "engine/core/text.h"

namespace engine::config {

using core::SourceLocation;

SourceLocation location_of(const YAML::Node& node, const std::string& file) {
    if (!node.IsDefined() || node.Mark().is_null()) return {file, 0, 0};
    return {file, node.Mark().line + 1, node.Mark().column + 1};
}

std::optional<YAML::Node> parse_yaml(const std::string& text, const std::string& file,
                                     core::DiagnosticSink& sink) {
    try {
        YAML::Node root = YAML::Load(text);
        return root;
    } catch (const YAML::Exception& e) {
        SourceLocation at{file, 0, 0};
        if (!e.mark.is_null()) at = {file, e.mark.line + 1, e.mark.column + 1};
        sink.error(at, "YAML syntax error: " + e.msg,
                   {"check indentation (spaces, not tabs) and that quotes and brackets are "
                    "closed"});
        return std::nullopt;
    }
}

std::optional<YAML::Node> load_yaml_file(const std::string& path, core::DiagnosticSink& sink) {
    std::string text;
    try {
        text = core::read_file(path);
    } catch (const core::EngineError& e) {
        sink.add(e.diagnostic());
        return std::nullopt;
    }
    if (auto bad = core::find_invalid_utf8(text)) {
        int line = 1 + static_cast<int>(std::count(text.begin(),
                                                   text.begin() + static_cast<long>(*bad), '\n'));
        sink.error({path, line, 0}, "file is not valid UTF-8", {"save the file as UTF-8"});
        return std::nullopt;
    }
    return parse_yaml(text, path, sink);
}

std::string describe_node(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return "nothing";
    if (node.IsMap()) return "a map";
    if (node.IsSequence()) return "a list";
    return "'" + node.Scalar() + "'";
}

MapReader::MapReader(const YAML::Node& node, std::string file, std::string path,
                     core::DiagnosticSink& sink)
    : node_(node), file_(std::move(file)), path_(std::move(path)), sink_(sink) {
    if (!node.IsDefined() || node.IsNull()) {
        node_ = YAML::Node(YAML::NodeType::Map);
        valid_ = true;
        return;
    }
    if (!node.IsMap()) {
        sink_.error(location_of(node, file_),
                    (path_.empty() ? std::string("the document") : "'" + path_ + "'") +
                        " must be a map of 'key: value' entries, got " + describe_node(node));
        return;
    }
    valid_ = true;
    std::map<std::string, int> seen;
    for (const auto& kv : node_) {
        if (!kv.first.IsScalar()) {
            sink_.error(location_of(kv.first, file_), "a key must be a plain name");
            continue;
        }
        const std::string& k = kv.first.Scalar();
        auto [it, fresh] = seen.emplace(k, kv.first.Mark().line + 1);
        if (!fresh) {
            sink_.error(location_of(kv.first, file_),
                        "duplicate key '" + k + "'" + (path_.empty() ? "" : " in '" + path_ + "'") +
                            " (first given on line " + std::to_string(it->second) + ")",
                        {"YAML keeps only one of them; remove or rename one"});
        }
    }
}

YAML::Node MapReader::find(const std::string& key) const {
    for (const auto& kv : node_)
        if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
    return YAML::Node(YAML::NodeType::Undefined);
}

bool MapReader::has(const std::string& key) const {
    YAML::Node n = find(key);
    return n.IsDefined() && !n.IsNull();
}

std::string MapReader::child_path(const std::string& key) const {
    return path_.empty() ? key : path_ + "." + key;
}

SourceLocation MapReader::where(const std::string& key) const {
    YAML::Node n = find(key);
    if (n.IsDefined() && !n.Mark().is_null()) return location_of(n, file_);
    return where();
}

void MapReader::missing(const std::string& key) {
    sink_.error(where(), "missing required key '" + child_path(key) + "'");
}

YAML::Node MapReader::scalar(const std::string& key, bool required, const char* expected) {
    if (std::find(asked_.begin(), asked_.end(), key) == asked_.end()) asked_.push_back(key);
    if (!valid_) return YAML::Node(YAML::NodeType::Undefined);
    YAML::Node n = find(key);
    if (!n.IsDefined() || n.IsNull()) {
        if (required) missing(key);
        return YAML::Node(YAML::NodeType::Undefined);
    }
    if (!n.IsScalar()) {
        sink_.error(location_of(n, file_), "'" + child_path(key) + "' must be " + expected +
                                               ", got " + describe_node(n));
        return YAML::Node(YAML::NodeType::Undefined);
    }
    return n;
}

std::optional<std::string> MapReader::string(const std::string& key, bool required) {
    YAML::Node n = scalar(key, required, "text");
    if (!n.IsDefined()) return std::nullopt;
    return n.Scalar();
}

std::optional<double> MapReader::number(const std::string& key, bool required) {
    YAML::Node n = scalar(key, required, "a number");
    if (!n.IsDefined()) return std::nullopt;
    const std::string& s = n.Scalar();
    double v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v)) {
        sink_.error(location_of(n, file_),
                    "'" + child_path(key) + "' must be a number, got '" + s + "'");
        return std::nullopt;
    }
    return v;
}

std::optional<int> MapReader::integer(const std::string& key, bool required, int min, int max) {
    YAML::Node n = scalar(key, required, "a whole number");
    if (!n.IsDefined()) return std::nullopt;
    const std::string& s = n.Scalar();
    int v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) {
        sink_.error(location_of(n, file_),
                    "'" + child_path(key) + "' must be a whole number, got '" + s + "'");
        return std::nullopt;
    }
    if (v < min || v > max) {
        sink_.error(location_of(n, file_), "'" + child_path(key) + "' must be between " +
                                               std::to_string(min) + " and " +
                                               std::to_string(max) + ", got " + s);
        return std::nullopt;
    }
    return v;
}

std::optional<bool> MapReader::boolean(const std::string& key, bool required) {
    YAML::Node n = scalar(key, required, "true or false");
    if (!n.IsDefined()) return std::nullopt;
    std::string s = core::to_lower_ascii(n.Scalar());
    if (s == "true") return true;
    if (s == "false") return false;
    sink_.error(location_of(n, file_),
                "'" + child_path(key) + "' must be true or false, got '" + n.Scalar() + "'");
    return std::nullopt;
}

std::optional<core::Date> MapReader::date(const std::string& key, bool required) {
    YAML::Node n = scalar(key, required, "a date (YYYY-MM-DD)");
    if (!n.IsDefined()) return std::nullopt;
    if (auto d = core::parse_iso_date(n.Scalar())) return d;
    sink_.error(location_of(n, file_), "'" + child_path(key) +
                                           "' must be a date as YYYY-MM-DD, got '" + n.Scalar() +
                                           "'");
    return std::nullopt;
}

std::optional<std::string> MapReader::choice(const std::string& key,
                                             const std::vector<std::string>& valid,
                                             bool required) {
    YAML::Node n = scalar(key, required, "text");
    if (!n.IsDefined()) return std::nullopt;
    for (const auto& v : valid)
        if (v == n.Scalar()) return v;
    sink_.error(location_of(n, file_),
                "unknown value '" + n.Scalar() + "' for '" + child_path(key) + "'",
                {core::valid_values_hint("values", n.Scalar(), valid)});
    return std::nullopt;
}

YAML::Node MapReader::any(const std::string& key, bool required) {
    if (std::find(asked_.begin(), asked_.end(), key) == asked_.end()) asked_.push_back(key);
    if (!valid_) return YAML::Node(YAML::NodeType::Undefined);
    YAML::Node n = find(key);
    if ((!n.IsDefined() || n.IsNull()) && required) missing(key);
    if (n.IsDefined() && n.IsNull()) return YAML::Node(YAML::NodeType::Undefined);
    return n;
}

YAML::Node MapReader::map(const std::string& key, bool required) {
    YAML::Node n = any(key, required);
    if (n.IsDefined() && !n.IsMap()) {
        sink_.error(location_of(n, file_),
                    "'" + child_path(key) + "' must be a map, got " + describe_node(n));
        return YAML::Node(YAML::NodeType::Undefined);
    }
    return n;
}

YAML::Node MapReader::list(const std::string& key, bool required) {
    YAML::Node n = any(key, required);
    if (n.IsDefined() && !n.IsSequence()) {
        sink_.error(location_of(n, file_),
                    "'" + child_path(key) + "' must be a list, got " + describe_node(n));
        return YAML::Node(YAML::NodeType::Undefined);
    }
    return n;
}

void MapReader::finish() {
    if (!valid_) return;
    for (const auto& kv : node_) {
        if (!kv.first.IsScalar()) continue;
        const std::string& k = kv.first.Scalar();
        if (std::find(asked_.begin(), asked_.end(), k) != asked_.end()) continue;
        sink_.error(location_of(kv.first, file_),
                    "unknown key '" + k + "'" + (path_.empty() ? "" : " in '" + path_ + "'"),
                    {core::valid_values_hint("keys", k, asked_, 30)});
    }
}

}  // namespace engine::config
