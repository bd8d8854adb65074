// templating: the colours of status cells. Each status word has one fill and a text colour with
// enough contrast; the word itself is always printed, so colour is never the only signal.
#pragma once

#include <optional>
#include <string>

#include "engine/templating/doc_tree.h"

namespace engine::templating {

struct StatusStyle {
    Rgb fill;
    Rgb text;
};

/// The style of a target or action status word ("Achieved", "At risk" …); nullopt for
/// anything else.
std::optional<StatusStyle> status_style(const std::string& word);

}  // namespace engine::templating
