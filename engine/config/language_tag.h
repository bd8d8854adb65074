// config: BCP 47 language tags (RFC 5646) as the batch's `language` gives them — the syntax
// only (language, extlang, script, region, variants, extensions, private use), not the
// registry, so "en-GB", "cy", "zh-Hant-HK" and "x-private" pass and "en_GB", "e" or "en-GB-GB"
// do not.
#pragma once

#include <string>
#include <string_view>

namespace engine::config {

/// What is wrong with `tag` as a BCP 47 language tag ("'e': the first subtag must be a language
/// of 2 or 3 letters, e.g. en or cy"), or "" when it is well formed.
std::string check_language_tag(std::string_view tag);

}  // namespace engine::config
