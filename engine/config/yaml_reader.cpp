#include "engine/config/yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <map>

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>

#include "engine/core/file_io.h"
#include "engine/core/text.h"

namespace engine::config {

using core::SourceLocation;

SourceLocation location_of(const YAML::Node& node, const std::string& file) {
    if (!node.IsDefined() || node.Mark().is_null()) return {file, 0, 0};
    return {file, node.Mark().line + 1, node.Mark().column + 1};
}

namespace {

// Limits on what a YAML file may expand to. yaml-cpp shares an aliased node, but everything
// that walks the tree (the fingerprint, the narrative, the template) sees every alias
// expanded: a 1 KB "billion laughs" file would expand to gigabytes.
constexpr std::size_t kMaxExpandedNodes = 200000;
constexpr std::size_t kMaxDepth = 64;
constexpr std::size_t kMaxScalarBytes = 1000000;  // one value: far more than any paragraph

struct LimitExceeded {
    YAML::Mark mark;
    std::string message;
    std::string hint;
};

// Counts the nodes of the document with every alias expanded, and the nesting depth, from
// yaml-cpp's event stream: before a tree is built, and without expanding anything.
class ExpansionCheck : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { leaf(m, a); }
    void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                  const std::string& value) override {
        if (value.size() > kMaxScalarBytes)
            throw LimitExceeded{m,
                                "a value of " + std::to_string(value.size()) +
                                    " bytes is longer than the " + std::to_string(kMaxScalarBytes) +
                                    " allowed",
                                "put long text in a data file, or split it into paragraphs"};
        leaf(m, a);
    }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
        if (a >= sizes_.size() || sizes_[a] == kOpen)
            throw LimitExceeded{m, "an alias refers to a node that contains it",
                                "an alias (*name) may only repeat a node defined before it"};
        add(m, sizes_[a]);
    }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                         YAML::EmitterStyle::value) override {
        open(m, a);
    }
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                    YAML::EmitterStyle::value) override {
        open(m, a);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapEnd() override { close(); }

private:
    static constexpr std::size_t kOpen = static_cast<std::size_t>(-1);
    struct Open {
        YAML::anchor_t anchor;
        std::size_t first;
    };

    void anchor(YAML::anchor_t a, std::size_t size) {
        if (a == YAML::NullAnchor) return;
        if (sizes_.size() <= a) sizes_.resize(a + 1, 0);
        sizes_[a] = size;
    }
    void add(const YAML::Mark& m, std::size_t n) {
        total_ += n;
        if (total_ > kMaxExpandedNodes)
            throw LimitExceeded{m,
                                "the file expands to more than " +
                                    std::to_string(kMaxExpandedNodes) +
                                    " values once its aliases (*name) are repeated",
                                "repeat fewer aliases, or write the values out"};
    }
    void leaf(const YAML::Mark& m, YAML::anchor_t a) {
        add(m, 1);
        anchor(a, 1);
    }
    void open(const YAML::Mark& m, YAML::anchor_t a) {
        add(m, 1);
        if (open_.size() >= kMaxDepth)
            throw LimitExceeded{m,
                                "lists and maps are nested more than " +
                                    std::to_string(kMaxDepth) + " deep",
                                "a batch file or template needs only a few levels"};
        anchor(a, kOpen);
        open_.push_back({a, total_ - 1});
    }
    void close() {
        Open o = open_.back();
        open_.pop_back();
        anchor(o.anchor, total_ - o.first);
    }

    std::vector<std::size_t> sizes_;
    std::vector<Open> open_;
    std::size_t total_ = 0;
};

SourceLocation location_of(const YAML::Mark& mark, const std::string& file) {
    if (mark.is_null()) return {file, 0, 0};
    return {file, mark.line + 1, mark.column + 1};
}

}  // namespace

std::optional<YAML::Node> parse_yaml(const std::string& text, const std::string& file,
                                     core::DiagnosticSink& sink) {
    try {
        std::istringstream in(text);
        YAML::Parser parser(in);
        ExpansionCheck check;
        parser.HandleNextDocument(check);
        YAML::Node root = YAML::Load(text);
        if (!root.IsDefined() || root.IsNull()) {
            sink.error({file, 1, 1}, "the file is empty: expected a map of 'key: value' entries");
            return std::nullopt;
        }
        return root;
    } catch (const LimitExceeded& e) {
        sink.error(location_of(e.mark, file), e.message, {e.hint});
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        sink.error(location_of(e.mark, file), "YAML syntax error: " + e.msg,
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
        std::string_view before(text.data(), *bad);
        int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        std::size_t line_start = before.rfind('\n');
        line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
        int column = 1 + static_cast<int>(core::count_code_points(before.substr(line_start)));
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
        sink.error({path, line, column}, std::string("file is not valid UTF-8 (byte ") + byte + ")",
                   {"save the file as UTF-8"});
        return std::nullopt;
    }
    return parse_yaml(text, path, sink);
}

std::string describe_node(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return "nothing";
    if (node.IsMap()) return "a map";
    if (node.IsSequence()) return "a list";
    // A short one-line value is quoted; anything longer could be a line of a file that is
    // not YAML at all (a template path naming /etc/passwd), so it is only measured.
    const std::string& v = node.Scalar();
    if (v.size() <= 40 && v.find('\n') == std::string::npos) return "'" + v + "'";
    return "text of " + std::to_string(core::count_code_points(v)) + " characters";
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
        // Reading goes on against an empty map: iterating a list as a map throws in yaml-cpp.
        node_ = YAML::Node(YAML::NodeType::Map);
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
