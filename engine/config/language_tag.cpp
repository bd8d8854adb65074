#include "engine/config/language_tag.h"

#include <cctype>
#include <set>
#include <vector>

namespace engine::config {

namespace {

bool all_of(std::string_view s, int (*pred)(int)) {
    for (char c : s)
        if (!pred(static_cast<unsigned char>(c))) return false;
    return !s.empty();
}
bool alpha(std::string_view s) { return all_of(s, std::isalpha); }
bool digit(std::string_view s) { return all_of(s, std::isdigit); }
bool alnum(std::string_view s) { return all_of(s, std::isalnum); }

std::vector<std::string_view> subtags(std::string_view tag) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= tag.size(); ++i) {
        if (i == tag.size() || tag[i] == '-') {
            out.push_back(tag.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

// privateuse = "x" 1*("-" (1*8alphanum)), from subtag `i` (the "x").
std::string check_private_use(const std::vector<std::string_view>& t, std::size_t i) {
    if (i + 1 >= t.size()) return "'x' must be followed by at least one private-use subtag";
    for (std::size_t j = i + 1; j < t.size(); ++j)
        if (t[j].size() > 8 || !alnum(t[j]))
            return "private-use subtag '" + std::string(t[j]) + "' must be 1 to 8 letters or digits";
    return "";
}

}  // namespace

std::string check_language_tag(std::string_view tag) {
    const std::string quoted = "'" + std::string(tag) + "': ";
    if (tag.empty()) return "the language tag is empty";
    const std::vector<std::string_view> t = subtags(tag);
    for (auto s : t)
        if (s.empty()) return quoted + "empty subtag (two '-' together, or one at an end)";
    for (auto s : t)
        if (!alnum(s)) return quoted + "subtags are letters and digits separated by '-'";
    std::size_t i = 0;
    auto is = [&](std::string_view s, char c) {
        return s.size() == 1 && std::tolower(static_cast<unsigned char>(s[0])) == c;
    };
    if (is(t[0], 'x')) {
        std::string p = check_private_use(t, 0);
        return p.empty() ? p : quoted + p;
    }
    // language: 2-3 letters (+ up to three 3-letter extlangs), or 4-8 letters.
    if (!alpha(t[0]) || t[0].size() < 2 || t[0].size() > 8)
        return quoted + "the first subtag must be a language of 2 or 3 letters, e.g. en or cy";
    ++i;
    if (t[0].size() <= 3) {
        for (int ext = 0; ext < 3 && i < t.size() && t[i].size() == 3 && alpha(t[i]); ++ext) ++i;
    }
    if (i < t.size() && t[i].size() == 4 && alpha(t[i])) ++i;  // script, e.g. Latn
    if (i < t.size() && ((t[i].size() == 2 && alpha(t[i])) || (t[i].size() == 3 && digit(t[i]))))
        ++i;  // region, e.g. GB or 419
    std::set<std::string> variants;
    while (i < t.size() && ((t[i].size() >= 5 && t[i].size() <= 8) ||
                            (t[i].size() == 4 && std::isdigit(static_cast<unsigned char>(t[i][0]))))) {
        std::string v(t[i]);
        for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!variants.insert(v).second) return quoted + "variant '" + v + "' is repeated";
        ++i;
    }
    std::set<char> singletons;
    while (i < t.size() && t[i].size() == 1) {
        const char s = static_cast<char>(std::tolower(static_cast<unsigned char>(t[i][0])));
        if (s == 'x') {
            std::string p = check_private_use(t, i);
            return p.empty() ? p : quoted + p;
        }
        if (!singletons.insert(s).second)
            return quoted + "extension '" + std::string(1, s) + "' is repeated";
        std::size_t first = ++i;
        while (i < t.size() && t[i].size() >= 2 && t[i].size() <= 8) ++i;
        if (i == first)
            return quoted + "extension '" + std::string(1, s) +
                   "' must be followed by subtags of 2 to 8 letters or digits";
    }
    if (i < t.size())
        return quoted + "subtag '" + std::string(t[i]) +
               "' is not a script (4 letters), region (2 letters or 3 digits) or variant";
    return "";
}

}  // namespace engine::config
