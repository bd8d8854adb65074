#include "charts/compose/plain_words.h"

#include <algorithm>
#include <cctype>

namespace charts::compose {

namespace {

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

const PlainWords& default_plain_words() {
    static const PlainWords words = {
        {"KS1", "Key Stage 1"},
        {"KS2", "Key Stage 2"},
        {"KS3", "Key Stage 3"},
        {"KS4", "Key Stage 4"},
        {"KS5", "Key Stage 5"},
        {"RWM", "reading, writing and maths"},
        {"EM", "English and maths"},
        {"EYFS", "Early Years Foundation Stage"},
        {"EYFSP", "Early Years Foundation Stage Profile"},
        {"GLD", "good level of development"},
        {"CL", "communication and language"},
        {"PD", "physical development"},
        {"PSED", "personal, social and emotional development"},
        {"UW", "understanding the world"},
        {"EAD", "expressive arts and design"},
        {"ELG", "early learning goal"},
        {"ELGs", "early learning goals"},
        {"Not FSM", "other children"},
        {"non-FSM", "other children"},
        {"Non-FSM", "other children"},
        {"FSM", "children eligible for free school meals"},
        {"Not disadvantaged", "other children"},
        {"Disadvantaged", "disadvantaged children"},
        {"SEND", "special educational needs and disabilities"},
        {"SEN", "special educational needs"},
        {"EHCP", "education, health and care plan"},
        {"EAL", "English as an additional language"},
        {"LAC", "looked-after children"},
        {"LA", "local authority"},
        {"ppts", "percentage points"},
        {"ppt", "percentage point"},
        {"pp", "percentage points"},
    };
    return words;
}

std::string spell_out(std::string_view text, const PlainWords& extra) {
    // Longest key first, so "Not FSM" wins over "FSM"; `extra` before the defaults.
    std::vector<const std::pair<std::string, std::string>*> keys;
    for (const auto& e : extra) keys.push_back(&e);
    for (const auto& d : default_plain_words()) {
        bool overridden = std::any_of(extra.begin(), extra.end(),
                                      [&](const auto& e) { return e.first == d.first; });
        if (!overridden) keys.push_back(&d);
    }
    std::stable_sort(keys.begin(), keys.end(),
                     [](const auto* a, const auto* b) { return a->first.size() > b->first.size(); });
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const bool at_word_start = i == 0 || !word_char(text[i - 1]);
        const std::pair<std::string, std::string>* hit = nullptr;
        if (at_word_start) {
            for (const auto* k : keys) {
                const std::string& key = k->first;
                if (key.empty() || text.substr(i, key.size()) != key) continue;
                const std::size_t end = i + key.size();
                if (end < text.size() && word_char(text[end])) continue;
                hit = k;
                break;
            }
        }
        if (hit) {
            out += hit->second;
            i += hit->first.size();
        } else {
            out += text[i++];
        }
    }
    return out;
}

// charts/ never includes engine/, so this is its own count (engine/core has count_code_points).
std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string upper_first(std::string s) {
    if (!s.empty() && std::islower(static_cast<unsigned char>(s.front())))
        s.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(s.front())));
    return s;
}

void AltText::lead(std::string sentence) {
    text_ = std::move(sentence);
}

bool AltText::add(const std::string& sentence) {
    if (sentence.empty()) return true;
    const std::size_t length = utf8_length(text_) + 1 + utf8_length(sentence);
    if (length + (reserved_ ? reserved_ + 1 : 0) > kMaxAltText) {
        dropped_ = true;
        return false;
    }
    text_ += (text_.empty() ? "" : " ") + sentence;
    return true;
}

void AltText::close(const std::string& sentence) {
    if (sentence.empty()) return;
    text_ += (text_.empty() ? "" : " ") + sentence;
}

}  // namespace charts::compose
