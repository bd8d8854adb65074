// config: free-form narrative from YAML (strings, lists and maps of them), kept with the
// location of every string so that template errors inside narrative point at the batch file.
#pragma once

#include <string>
#include <vector>

#include "engine/core/source_location.h"

namespace engine::config {

struct TextEntry;

// Map entries are a named struct, declared before it is defined, rather than
// std::pair<std::string, TextNode>: libstdc++ 12's pair checks that TextNode is complete while
// TextNode is still being defined, which clang rejects (gcc lets it pass).
struct TextNode {
    enum class Kind { String, List, Map };
    Kind kind = Kind::String;
    std::string text;                                      ///< Kind::String
    std::vector<TextNode> items;                           ///< Kind::List
    std::vector<TextEntry> entries;                        ///< Kind::Map, in file order
    core::SourceLocation where;
    /// Column offset of the string's first character relative to `where` is 0 for plain and
    /// quoted scalars; block scalars (| or >) start on the next line.
    bool block = false;
};

struct TextEntry {
    std::string key;
    TextNode value;
};

}  // namespace engine::config
