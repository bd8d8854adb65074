// core: small string helpers shared by every stage — UTF-8 decoding, trimming, slugs,
// and "did you mean" suggestions for hints.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace engine::core {

/// Decodes the code point starting at s[i] and advances i past it. Invalid or truncated
/// sequences yield U+FFFD and advance one byte.
char32_t next_code_point(std::string_view s, std::size_t& i);

/// Appends the UTF-8 encoding of cp.
void append_utf8(std::string& out, char32_t cp);

/// Byte offset of the first invalid UTF-8 sequence, or nullopt if s is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

/// Number of code points (columns are counted in code points in diagnostics).
std::size_t count_code_points(std::string_view s);

std::string_view trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
std::string to_lower_ascii(std::string_view s);
bool iequals_ascii(std::string_view a, std::string_view b);
bool starts_with(std::string_view s, std::string_view prefix);

/// Lower-case ASCII letters and digits, everything else collapsed to single '_':
/// "Not FSM" -> "not_fsm", "SEN support" -> "sen_support". Used for template names of
/// groups and measures.
std::string slugify(std::string_view s);

/// Text for XML or HTML content (`quotes` false) or a double-quoted attribute value (true):
/// & < > (and ") escaped, the C0 controls XML 1.0 forbids (all but tab, LF, CR) as spaces,
/// every other character (UTF-8) as it is. One escaper for the HTML writer and the XMP packet.
std::string escape_markup(std::string_view s, bool quotes);

/// At most `max` bytes of `s` (cut at a code point boundary) for echoing a bad value in a
/// message: a longer value ends in "… (N bytes)", so a 50 MB cell never floods stderr.
std::string excerpt(std::string_view s, std::size_t max = 60);

/// True for the link schemes a report may carry: https:, http: and mailto: (ASCII case
/// ignored). Anything else (javascript:, file:, data:, smb:, a relative path) is refused.
bool link_scheme_allowed(std::string_view url);
inline constexpr const char* kLinkSchemeRule = "a link must start with https:, http: or mailto:";

/// "'a', 'b' and 'c'" — for hints that list what is valid.
std::string quoted_list(const std::vector<std::string>& items);

/// Levenshtein distance between two byte strings (insertions, deletions, substitutions).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Up to `max` candidates closest to `name` by edit distance (case-insensitive), best first,
/// only those close enough to be a plausible typo.
std::vector<std::string> nearest_names(std::string_view name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t max = 3);

/// A hint naming the valid values: "did you mean 'x'? valid ... are 'a', 'b'". Lists at most
/// `list_max` values (then "…").
std::string valid_values_hint(std::string_view what, std::string_view got,
                              const std::vector<std::string>& valid, std::size_t list_max = 12);

}  // namespace engine::core
