// charts render: the CSS font list that names a brand family (batch.fonts.family) in the SVG
// charts and the HTML pages — the family first, then the fallbacks the PDF uses behind it.
#pragma once

#include <string>

namespace charts::render {

/// "'DejaVu Serif', 'Liberation Sans', 'DejaVu Sans', sans-serif": `family` as a CSS string
/// (every ASCII character other than a letter, digit, space, '-', '_' or '.' written as a hex
/// escape, so it is safe in an XML attribute and inside <style>), then Liberation Sans, DejaVu
/// Sans and the generic sans-serif. Empty for an empty family: callers keep their own list.
std::string css_font_list(const std::string& family);

}  // namespace charts::render
