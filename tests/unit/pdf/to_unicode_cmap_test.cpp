#include "engine/pdf/to_unicode_cmap.h"

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>
#include <string>

using engine::pdf::to_unicode_cmap;

TEST_CASE("the ToUnicode CMap maps each code to its text in UTF-16 over the 2-byte codespace",
          "[pdf]") {
    const std::string cmap = to_unicode_cmap({{0x41, "A"},
                                              {0x2013, "\xE2\x80\x93"},          // en dash
                                              {0xE123, "fi"},                    // a ligature glyph
                                              {0xE200, "\xF0\x9F\x98\x80"},      // beyond the BMP
                                              {0xE300, ""},                      // 2nd glyph of a cluster
                                              {0xE400, "\xFF"}});                // not UTF-8
    CHECK(cmap.rfind("/CIDInit /ProcSet findresource begin\n", 0) == 0);
    CHECK(cmap.find("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n") != std::string::npos);
    CHECK(cmap.find("/CMapType 2 def") != std::string::npos);
    CHECK(cmap.find("4 beginbfchar\n<0041> <0041>\n<2013> <2013>\n<E123> <00660069>\n"
                    "<E200> <D83DDE00>\nendbfchar\n") != std::string::npos);
    CHECK(cmap.find("<E300>") == std::string::npos);
    CHECK(cmap.find("<E400>") == std::string::npos);
}

TEST_CASE("the ToUnicode CMap blocks hold at most 100 entries each", "[pdf]") {
    std::map<std::uint16_t, std::string> codes;
    for (std::uint16_t c = 0x20; c < 0x20 + 250; ++c) codes.emplace(c, std::string(1, 'a'));
    std::istringstream in(to_unicode_cmap(codes));
    std::string line;
    int in_block = -1, declared = 0, entries = 0, blocks = 0;
    while (std::getline(in, line)) {
        if (std::regex_match(line, std::regex("[0-9]+ beginbfchar"))) {
            declared = std::stoi(line);
            in_block = 0;
            ++blocks;
        } else if (line == "endbfchar") {
            CHECK(in_block == declared);
            CHECK(declared <= 100);
            in_block = -1;
        } else if (std::regex_match(line, std::regex("<[0-9A-F]{4}> <0061>"))) {
            REQUIRE(in_block >= 0);
            ++in_block;
            ++entries;
        }
    }
    CHECK(blocks == 3);
    CHECK(entries == 250);
}
