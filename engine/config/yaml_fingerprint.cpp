#include "engine/config/yaml_fingerprint.h"

namespace engine::config {

namespace {

void append_counted(std::string& out, const std::string& text) {
    out += std::to_string(text.size());
    out += ':';
    out += text;
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
            out += 'L';
            append_counted(out, node.Tag());
            out += std::to_string(node.size());
            out += '[';
            for (const auto& item : node) append_fingerprint(out, item);
            out += ']';
            return;
        case YAML::NodeType::Map:
            out += 'M';
            append_counted(out, node.Tag());
            out += std::to_string(node.size());
            out += '{';
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
