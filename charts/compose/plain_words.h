// charts compose: plain words for alt text (GOV.UK / Analysis Function guidance) — abbreviations
// spelled out from a small table ("KS2 RWM" -> "Key Stage 2 reading, writing and maths",
// "ppts" -> "percentage points"), and sentences kept to an alt text's length.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace charts::compose {

/// Abbreviation -> words. Keys match whole words (a key may hold spaces: "Not FSM"), the
/// longest first, case-sensitively.
using PlainWords = std::vector<std::pair<std::string, std::string>>;

/// The built-in table: key stages, EYFS areas of learning, GLD, FSM, SEND, EAL, LA,
/// percentage points and the usual group names.
const PlainWords& default_plain_words();

/// `text` with every key of `extra` and then of default_plain_words() replaced by its words
/// (an entry of `extra` overrides a default with the same key).
std::string spell_out(std::string_view text, const PlainWords& extra = {});

/// The longest alt text aimed for (screen readers read alt text in one go; about 250
/// characters is the usual advice).
inline constexpr std::size_t kMaxAltText = 250;

/// Sentences in order of importance: the first is always kept, each later one only when the
/// whole still fits in kMaxAltText characters (UTF-8 code points).
class AltText {
public:
    /// Always kept (the key message).
    void lead(std::string sentence);
    /// Kept when it fits after what is already there and `reserved` more characters.
    bool add(const std::string& sentence);
    /// Characters to keep free for a closing sentence (e.g. where the table is).
    void reserve(std::size_t chars) { reserved_ = chars; }
    /// Adds the closing sentence (ignores the reservation it used).
    void close(const std::string& sentence);
    bool dropped() const { return dropped_; }
    const std::string& str() const { return text_; }

private:
    std::string text_;
    std::size_t reserved_ = 0;
    bool dropped_ = false;
};

/// Code points in a UTF-8 string.
std::size_t utf8_length(std::string_view s);

/// "Good level of development" from "good level of development" (first letter only).
std::string upper_first(std::string s);

}  // namespace charts::compose
