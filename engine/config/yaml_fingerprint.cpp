#include "engine/config/yaml_fingerprint.h"

namespace engine::config {

namespace {

void append_counted(std::string& out, const std::string& text) {
    out += std::to_string(text.size());
    out += ':';
    out += text;
}

// A list or map: its kind, tag and number of entries, then the entries between brackets.
void append_collection(std::string& out, const YAML::Node& node, char kind, char open) {
    out += kind;
    append_counted(out, node.Tag());
    out += std::to_string(node.size());
    out += open;
}

}  // namespace

void append_fingerprint(std::string& out, const YAML::Node& node) {
    if (!node.IsDefined()) {
        out += 'U';
        return;
    }
    switch (node.Type()) {
        case YAML::NodeType::Null:
            out += 'N';
            append_counted(out, node.Tag());
            return;
        case YAML::NodeType::Scalar:
            out += 'S';
            append_counted(out, node.Tag());
            append_counted(out, node.Scalar());
            return;
        case YAML::NodeType::Sequence:
            append_collection(out, node, 'L', '[');
            for (const auto& item : node) append_fingerprint(out, item);
            out += ']';
            return;
        case YAML::NodeType::Map:
            append_collection(out, node, 'M', '{');
            for (const auto& kv : node) {
                append_fingerprint(out, kv.first);
                append_fingerprint(out, kv.second);
            }
            out += '}';
            return;
        case YAML::NodeType::Undefined:
            break;
    }
    out += 'U';
}

}  // namespace engine::config
