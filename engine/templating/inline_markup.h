// templating: inline markup in narrative — **bold**, *italic*, [text](https://link) — parsed
// into spans. A backslash escapes the next character.
#pragma once

#include <string>

#include "engine/templating/doc_tree.h"

namespace engine::templating {

RichText parse_inline(const std::string& text);
RichText plain(const std::string& text);

/// The plain text of spans (for outlines, alt text and tests).
std::string to_plain(const RichText& t);

}  // namespace engine::templating
