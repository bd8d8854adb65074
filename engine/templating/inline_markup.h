// templating: inline markup in narrative — **bold**, *italic*, [text](https://link) — parsed
// into spans. A backslash escapes the next character.
#pragma once

#include <string>
#include <string_view>

#include "engine/templating/doc_tree.h"

namespace engine::templating {

RichText parse_inline(const std::string& text);
RichText plain(const std::string& text);

/// Escapes what inline markup would read (* [ ] \\), so literal text survives parse_inline.
std::string escape_markup(std::string_view s);

/// Parses markup and flattens it to plain text (titles, captions, headers).
std::string plain_text(const std::string& markup);

/// The plain text of spans (for outlines, alt text and tests).
std::string to_plain(const RichText& t);

}  // namespace engine::templating
