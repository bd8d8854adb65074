#include "engine/pdf/to_unicode_cmap.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

#include "engine/core/text.h"

namespace engine::pdf {

namespace {

constexpr std::size_t kMaxEntriesPerBlock = 100;  // PDF limit for bfrange/bfchar blocks

// UTF-8 -> UTF-16BE as upper-case hex; nullopt for malformed input.
std::optional<std::string> utf16_hex(const std::string& utf8) {
    if (core::find_invalid_utf8(utf8)) return std::nullopt;
    std::string out;
    auto put = [&out](unsigned unit) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%04X", unit);
        out += buf;
    };
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t cp = core::next_code_point(utf8, i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put(static_cast<unsigned>(0xD800 + (cp >> 10)));
            put(static_cast<unsigned>(0xDC00 + (cp & 0x3FF)));
        } else {
            put(static_cast<unsigned>(cp));
        }
    }
    return out;
}

}  // namespace

std::string to_unicode_cmap(const std::map<std::uint16_t, std::string>& code_to_utf8) {
    std::vector<std::string> entries;
    for (const auto& [code, text] : code_to_utf8) {
        if (text.empty()) continue;
        auto dst = utf16_hex(text);
        if (!dst) continue;
        char src[8];
        std::snprintf(src, sizeof src, "%04X", code);
        entries.push_back(std::string("<") + src + "> <" + *dst + ">\n");
    }
    std::string s =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n"
        "<0000> <FFFF>\n"
        "endcodespacerange\n";
    for (std::size_t i = 0; i < entries.size(); i += kMaxEntriesPerBlock) {
        std::size_t n = std::min(kMaxEntriesPerBlock, entries.size() - i);
        s += std::to_string(n) + " beginbfchar\n";
        for (std::size_t j = i; j < i + n; ++j) s += entries[j];
        s += "endbfchar\n";
    }
    s +=
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    return s;
}

}  // namespace engine::pdf
