#include "engine/core/text.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

namespace engine::core {

char32_t next_code_point(std::string_view s, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) {
        ++i;
        return c;
    }
    int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) {
        unsigned char cc = byte(i + static_cast<std::size_t>(k));
        if ((cc & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    // Reject overlong forms, surrogates and out-of-range values.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        ++i;
        return 0xFFFD;
    }
    i += static_cast<std::size_t>(len);
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // Fast path: sixteen ASCII bytes at a time (no byte of the two words has its top bit
        // set), which is nearly all of a data file.
        while (s.size() - i >= 16) {
            std::uint64_t w[2];
            std::memcpy(w, s.data() + i, 16);
            if ((w[0] | w[1]) & 0x8080808080808080ULL) break;
            i += 16;
        }
        if (i >= s.size()) break;
        std::size_t start = i;
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        char32_t cp = next_code_point(s, i);
        if (cp == 0xFFFD) {
            // A literal U+FFFD (EF BF BD) is valid; anything else that decoded to it is not.
            if (!(i - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD")) return start;
        }
    }
    return std::nullopt;
}

std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string_view trim(std::string_view s) {
    auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    const char* b = s.data();
    const char* e = b + s.size();
    while (b < e && ws(*b)) ++b;
    while (e > b && ws(e[-1])) --e;
    return {b, static_cast<std::size_t>(e - b)};
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t p = s.find(sep, start);
        out.emplace_back(s.substr(start, p == std::string_view::npos ? p : p - start));
        if (p == std::string_view::npos) break;
        start = p + 1;
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

namespace {
// A-Z only, as the "C" locale's tolower: no locale lookup, no copy (the loaders call it per cell).
char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower_ascii(c);
    return out;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
    return true;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::string escape_markup(std::string_view s, bool quotes) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += quotes ? "&quot;" : "\""; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') out += ' ';
                else out += c;
        }
    }
    return out;
}

std::string excerpt(std::string_view s, std::size_t max) {
    if (s.size() <= max) return std::string(s);
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return std::string(s.substr(0, cut)) + "… (" + std::to_string(s.size()) + " bytes)";
}

bool link_scheme_allowed(std::string_view url) {
    for (std::string_view scheme : {"https://", "http://", "mailto:"})
        if (url.size() > scheme.size() && iequals_ascii(url.substr(0, scheme.size()), scheme))
            return true;
    return false;
}

std::string slugify(std::string_view s) {
    std::string out;
    bool pending = false;
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80) {
            if (pending && !out.empty()) out += '_';
            pending = false;
            out += static_cast<char>(std::tolower(u));
        } else {
            pending = true;
        }
    }
    return out;
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += i + 1 == items.size() ? " and " : ", ";
        out += '\'' + items[i] + '\'';
    }
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::vector<std::string> nearest_names(std::string_view name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t max) {
    std::string lname = to_lower_ascii(name);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& c : candidates) {
        std::string lc = to_lower_ascii(c);
        std::size_t d = edit_distance(lname, lc);
        bool contains = !lname.empty() && lname.size() >= 3 &&
                        (lc.find(lname) != std::string::npos || lname.find(lc) != std::string::npos);
        std::size_t limit = std::max<std::size_t>(2, std::max(lname.size(), lc.size()) / 3);
        if (d <= limit || contains) scored.emplace_back(contains ? std::min(d, limit) : d, c);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (const auto& s : scored) {
        if (out.size() == max) break;
        if (std::find(out.begin(), out.end(), s.second) == out.end()) out.push_back(s.second);
    }
    return out;
}

std::string valid_values_hint(std::string_view what, std::string_view got,
                              const std::vector<std::string>& valid, std::size_t list_max) {
    std::string hint;
    auto near = nearest_names(got, valid, 1);
    if (!near.empty()) hint = "did you mean '" + near.front() + "'? ";
    std::vector<std::string> shown(valid.begin(),
                                   valid.begin() + static_cast<std::ptrdiff_t>(
                                                       std::min(valid.size(), list_max)));
    hint += "valid " + std::string(what) + " are " + quoted_list(shown);
    if (valid.size() > list_max) hint += " (and " + std::to_string(valid.size() - list_max) + " more)";
    return hint;
}

}  // namespace engine::core
