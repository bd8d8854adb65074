// templating: the colours of status cells. Each status word has one fill and a text colour with
// enough contrast; the word itself is always printed, so colour is never the only signal.
#pragma once

#include <optional>
#include <string>

#include "engine/templating/doc_tree.h"
#include "engine/templating/value.h"

namespace engine::templating {

struct StatusStyle {
    Rgb fill;
    Rgb text;
    /// The glyph of a batch's own word's symbol ("▲"), printed before the word; "" for the
    /// built-in words, which print as they always have.
    std::string glyph;
};

/// The style of a target or action status word ("Achieved", "At risk" …) or of a word of the
/// batch's own vocabularies (`statuses`: the context's `statuses` map, or nullptr); nullopt
/// for anything else.
std::optional<StatusStyle> status_style(const std::string& word, const Value* statuses = nullptr);

}  // namespace engine::templating
