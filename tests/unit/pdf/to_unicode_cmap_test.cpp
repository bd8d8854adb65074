#include "engine/pdf/to_unicode_cmap.h"

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>
#include <string>

using engine::pdf::identity_to_unicode_cmap;

TEST_CASE("the identity ToUnicode CMap is a bfrange CMap over the 2-byte codespace", "[pdf]") {
    const std::string& cmap = identity_to_unicode_cmap();
    CHECK(cmap.rfind("/CIDInit /ProcSet findresource begin\n", 0) == 0);
    CHECK(cmap.find("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n") !=
          std::string::npos);
    CHECK(cmap.find("begincidrange") == std::string::npos);
    CHECK(cmap.find("/CMapType 2 def") != std::string::npos);
    CHECK(&cmap == &identity_to_unicode_cmap());  // built once
}

TEST_CASE("the identity CMap blocks hold at most 100 ranges that vary only in the last byte "
          "and skip the surrogates",
          "[pdf]") {
    std::istringstream in(identity_to_unicode_cmap());
    std::regex range_re("<([0-9A-F]{4})> <([0-9A-F]{4})> <([0-9A-F]{4})>");
    std::string line;
    int in_block = -1, declared = 0, covered = 0, blocks = 0;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_match(line, std::regex("[0-9]+ beginbfrange"))) {
            declared = std::stoi(line);
            in_block = 0;
            ++blocks;
        } else if (line == "endbfrange") {
            CHECK(in_block == declared);
            CHECK(declared <= 100);
            in_block = -1;
        } else if (std::regex_match(line, m, range_re)) {
            REQUIRE(in_block >= 0);
            ++in_block;
            int lo = std::stoi(m[1].str(), nullptr, 16), hi = std::stoi(m[2].str(), nullptr, 16);
            int dst = std::stoi(m[3].str(), nullptr, 16);
            CHECK((lo >> 8) == (hi >> 8));  // differ only in the last byte
            CHECK(dst == lo);               // identity
            CHECK(((lo >> 8) < 0xD8 || (lo >> 8) > 0xDF));
            covered += hi - lo + 1;
        }
    }
    CHECK(blocks == 3);
    CHECK(covered == 0x10000 - 0x800);
}
