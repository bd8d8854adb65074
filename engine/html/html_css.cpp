#include "engine/html/html_css.h"

#include <cmath>

#include "charts/model/palette.h"
#include "charts/render/css_font_list.h"

namespace engine::html {

namespace {

templating::Rgb from_palette(const charts::model::Color& c) {
    auto byte = [](double v) { return static_cast<unsigned char>(std::lround(v * 255.0)); };
    return {byte(c.r), byte(c.g), byte(c.b)};
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
        s.replace(at, from.size(), to);
}

// Colours are written as @name@ and filled in from the report's style; @fonts@ is the font list.
constexpr const char* kSheet = R"css(
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#ffffff;color:@text@;font-family:@fonts@;font-size:1rem;line-height:1.5;overflow-wrap:break-word}
.skip-link{position:absolute;left:0.5rem;top:-10rem;padding:0.5rem 0.75rem;background:@focus@;color:@black@;z-index:10}
.skip-link:focus{top:0.5rem}
a{color:@accent@;text-decoration:underline;text-underline-offset:0.15em}
a:hover{text-decoration-thickness:0.15em}
a:focus,.table-wrap:focus{outline:3px solid @focus@;outline-offset:0;background:@focus@;color:@black@;box-shadow:0 4px @black@}
.table-wrap:focus{background:transparent}
.page-header,main,.page-footer{max-width:50rem;margin:0 auto;padding:0 1rem}
.page-header{display:flex;flex-wrap:wrap;gap:0.5rem 1rem;align-items:center;justify-content:space-between;padding-top:1rem;padding-bottom:0.5rem;border-bottom:2px solid @accent@;color:@muted@;font-size:0.875rem}
.page-header p{margin:0}
.page-header img{display:block;height:2.5rem;width:auto;max-width:100%}
.classification{font-weight:bold;letter-spacing:0.05em;color:@text@}
main{padding-top:1rem;padding-bottom:2rem}
h1,h2,h3,h4,h5,h6{line-height:1.25;margin:1.5em 0 0.5em}
h1{font-size:1.75rem;margin-top:0.5em}
h2{font-size:1.375rem}
h3{font-size:1.125rem}
h4,h5,h6{font-size:1rem}
.subtitle{font-size:1.125rem;margin-top:0}
.front-fields{display:grid;grid-template-columns:max-content 1fr;gap:0.25rem 1rem;margin:1rem 0;padding-bottom:1rem;border-bottom:3px solid @accent@}
.front-fields dt{font-weight:bold}
.front-fields dd{margin:0}
.num{display:inline-block;min-width:3.25em;padding-right:0.5em}
p{margin:0 0 0.75em}
p.lead{font-size:1.2rem}
p.small,.note{font-size:0.875rem;color:@muted@}
ul,ol{margin:0 0 0.75em;padding-left:1.75em}
ul.numbered,ol.numbered{padding-left:calc(3.25em + 1.75em)}
ol.lettered{list-style-type:lower-alpha}
ol.lettered>li::marker{content:counter(list-item,lower-alpha) ") "}
li{margin-bottom:0.25em}
.table-wrap{overflow-x:auto;margin:1rem 0 0.5rem;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:0.9375rem}
caption{text-align:left;font-weight:bold;padding-bottom:0.5rem;position:sticky;left:0;max-width:calc(100vw - 3rem)}
th,td{padding:0.4rem 0.5rem;text-align:left;vertical-align:top;border-bottom:1px solid @rule@}
thead th{background:@header@;border-bottom:2px solid @text@}
.r{text-align:right}
.c{text-align:center}
.b{font-weight:bold}
td.status{font-weight:bold;white-space:nowrap;-webkit-print-color-adjust:exact;print-color-adjust:exact}
td.empty{font-style:italic;color:@muted@}
.note{margin:0 0 1.5rem}
figure{margin:1.5rem 0}
figcaption{font-weight:bold;margin-bottom:0.5rem}
figcaption .subtitle{display:block;font-weight:normal;color:@muted@}
p.source{font-size:0.875rem;color:@muted@;margin:0.25rem 0 0.75rem}
figure svg{display:block;max-width:100%;height:auto}
blockquote{margin:1rem 0 1rem 1rem;padding-left:1rem;border-left:4px solid @accent@;font-style:italic}
blockquote .attribution{font-style:normal;color:@muted@}
.callout{margin:1.5rem 0;padding:1rem;background:@header@;border-left:5px solid @accent@}
.callout-title{font-weight:bold;color:@accent@;font-size:1.125rem}
.callout ul{margin-bottom:0}
nav.contents ol{list-style:none;padding-left:0}
nav.contents ol ol{padding-left:1.5rem;margin-bottom:0}
.page-footer{border-top:1px solid @rule@;padding-top:0.75rem;padding-bottom:2rem;color:@muted@;font-size:0.875rem}
.page-footer p{margin:0 0 0.25rem}
@media (max-width:40rem){
h1{font-size:1.5rem}
.front-fields{grid-template-columns:1fr;gap:0}
.front-fields dd{margin-bottom:0.5rem}
.num{min-width:0}
ul.numbered,ol.numbered{padding-left:1.75em}
}
@media print{
@page{size:A4;margin:20mm 18mm}
body{font-size:11pt}
.skip-link{display:none}
.page-header,main,.page-footer{max-width:none;padding:0}
.table-wrap{overflow:visible}
thead{display:table-header-group}
tr,figure,blockquote,.callout{break-inside:avoid}
h1,h2,h3{break-after:avoid}
.page-break{break-before:page}
main a[href^="http"]::after{content:" (" attr(href) ")";font-size:0.875em;overflow-wrap:anywhere}
}
)css";

}  // namespace

std::string css_colour(const templating::Rgb& c) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "#";
    for (unsigned char v : {c.r, c.g, c.b}) {
        out += kHex[v >> 4];
        out += kHex[v & 0xF];
    }
    return out;
}

std::string stylesheet(const templating::PageStyle& style, const std::string& font_family) {
    std::string s = kSheet + 1;  // without the leading newline
    replace_all(s, "@fonts@", font_family.empty() ? "\"Liberation Sans\",Arial,Helvetica,sans-serif"
                                                  : charts::render::css_font_list(font_family));
    replace_all(s, "@text@", css_colour(style.text));
    replace_all(s, "@muted@", css_colour(style.muted));
    replace_all(s, "@accent@", css_colour(style.accent));
    replace_all(s, "@rule@", css_colour(style.rule));
    replace_all(s, "@header@", css_colour(style.table_header));
    replace_all(s, "@focus@", css_colour(from_palette(charts::model::palette::kStatusYellow)));
    replace_all(s, "@black@", css_colour(from_palette(charts::model::palette::kStatusBlack)));
    return s;
}

}  // namespace engine::html
