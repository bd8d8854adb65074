// tests (layout): what the layout tests share — the default fonts, loaded once, and a
// paragraph made from inline markup.
#pragma once

#include <string>

#include "engine/layout/font_metrics.h"
#include "engine/templating/doc_tree.h"
#include "engine/templating/inline_markup.h"

namespace layouttest {

inline const engine::layout::Fonts& fonts() {
    static engine::layout::Fonts f{engine::layout::FontFiles{}};
    return f;
}

inline engine::templating::Paragraph para(const std::string& text, const std::string& number = "") {
    engine::templating::Paragraph p;
    p.number = number;
    p.text = engine::templating::parse_inline(text);
    return p;
}

}  // namespace layouttest
