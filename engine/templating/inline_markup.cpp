#include "engine/templating/inline_markup.h"

namespace engine::templating {

std::string escape_markup(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '*' || c == '[' || c == ']' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::string plain_text(const std::string& markup) { return to_plain(parse_inline(markup)); }

RichText plain(const std::string& text) { return {Span{text, false, false, {}}}; }

std::string to_plain(const RichText& t) {
    std::string s;
    for (const auto& sp : t) s += sp.text;
    return s;
}

RichText parse_inline(const std::string& text) {
    RichText out;
    Span cur;
    bool bold = false, italic = false;
    auto flush = [&]() {
        if (!cur.text.empty()) out.push_back(cur);
        cur = Span{};
        cur.bold = bold;
        cur.italic = italic;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            cur.text += text[++i];
            continue;
        }
        if (c == '*' && i + 1 < text.size() && text[i + 1] == '*') {
            flush();
            bold = !bold;
            cur.bold = bold;
            ++i;
            continue;
        }
        if (c == '*') {
            flush();
            italic = !italic;
            cur.italic = italic;
            continue;
        }
        if (c == '[') {
            std::size_t close = text.find("](", i);
            std::size_t end = close == std::string::npos ? close : text.find(')', close);
            if (close != std::string::npos && end != std::string::npos &&
                text.find('\n', i) > end) {
                flush();
                Span link{text.substr(i + 1, close - i - 1), bold, italic,
                          text.substr(close + 2, end - close - 2)};
                out.push_back(link);
                i = end;
                continue;
            }
        }
        cur.text += c;
    }
    flush();
    return out;
}

}  // namespace engine::templating
