#include "charts/render/css_font_list.h"

namespace charts::render {

namespace {

bool plain(unsigned char c) {
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == ' ' || c == '-' || c == '_' || c == '.';
}

std::string css_string(const std::string& s) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "'";
    for (unsigned char c : s) {
        if (plain(c)) {
            out += static_cast<char>(c);
        } else {  // "\3c " — the space ends the escape
            out += '\\';
            if (c >= 0x10) out += kHex[c >> 4];
            out += kHex[c & 0xF];
            out += ' ';
        }
    }
    return out + "'";
}

}  // namespace

std::string css_font_list(const std::string& family) {
    if (family.empty()) return {};
    return css_string(family) + ", 'Liberation Sans', 'DejaVu Sans', sans-serif";
}

}  // namespace charts::render
