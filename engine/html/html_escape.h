// html: escaping text for HTML element content and attribute values, ids for in-page links,
// and data: URIs for files embedded in the page (the logo).
#pragma once

#include <string>
#include <string_view>

namespace engine::html {

/// Text as element content: & < > escaped, forbidden C0 controls as spaces (core::escape_markup).
std::string escape_text(std::string_view s);

/// Text as a double-quoted attribute value: & < > " escaped.
std::string escape_attribute(std::string_view s);

/// A fragment id made of lower-case ASCII letters, digits and '-': "3.2 Key stage 2" ->
/// "3-2-key-stage-2". Never empty ("section" when nothing is left).
std::string fragment_id(std::string_view s);

/// "data:<mime>;base64,…" holding `bytes`.
std::string data_uri(std::string_view mime, std::string_view bytes);

}  // namespace engine::html
