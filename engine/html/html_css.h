// html: the page's one inline stylesheet — the report's house colours (PageStyle, from the
// project palette), a single column that reflows from 320 px to a desktop, tables that scroll in
// their own box, visible focus, and a print stylesheet.
#pragma once

#include <string>

#include "engine/templating/doc_tree.h"

namespace engine::html {

/// "#12436d".
std::string css_colour(const templating::Rgb& c);

/// The stylesheet for a report in `style`'s colours, its text in `font_family` (a brand family,
/// then Liberation Sans, DejaVu Sans, sans-serif) or, with none, in "Liberation Sans", Arial,
/// Helvetica, sans-serif. The same arguments give the same text.
std::string stylesheet(const templating::PageStyle& style, const std::string& font_family = {});

}  // namespace engine::html
