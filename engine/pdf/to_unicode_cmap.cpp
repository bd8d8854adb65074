#include "engine/pdf/to_unicode_cmap.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace engine::pdf {

namespace {

constexpr int kMaxEntriesPerBlock = 100;  // PDF limit for bfrange/bfchar blocks

std::string build_cmap() {
    // One range per high byte: <hh00> <hhFF> <hh00>. The two source codes differ only in the
    // last byte, and the destination's last byte runs 00..FF without carrying.
    std::vector<std::string> ranges;
    for (int high = 0x00; high <= 0xFF; ++high) {
        if (high >= 0xD8 && high <= 0xDF) continue;  // UTF-16 surrogates are not characters
        char line[32];
        std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
        ranges.emplace_back(line);
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
    for (std::size_t i = 0; i < ranges.size(); i += kMaxEntriesPerBlock) {
        std::size_t n = std::min<std::size_t>(kMaxEntriesPerBlock, ranges.size() - i);
        s += std::to_string(n) + " beginbfrange\n";
        for (std::size_t j = i; j < i + n; ++j) s += ranges[j];
        s += "endbfrange\n";
    }
    s +=
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    return s;
}

}  // namespace

const std::string& identity_to_unicode_cmap() {
    static const std::string cmap = build_cmap();  // thread-safe initialisation (C++11)
    return cmap;
}

}  // namespace engine::pdf
