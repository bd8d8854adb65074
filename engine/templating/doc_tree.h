// templating: the document tree — what a report says, in order, before any geometry. The
// layout stage turns it into positioned pages.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/core/civil_date.h"
#include "engine/core/source_location.h"

namespace engine::templating {

struct Rgb {
    unsigned char r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};

/// A run of inline text. Paragraph text supports **bold**, *italic* and [links](https://…).
struct Span {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string link;  ///< URI when the span is a link
};
using RichText = std::vector<Span>;

struct Heading {
    std::string number;  ///< "3.0", "3.2" or empty
    std::string text;
    int level = 0;       ///< 0 = section, 1 = subsection
    bool in_outline = true;
    bool in_contents = true;
};

enum class ParagraphStyle { Body, Small, Lead };

struct Paragraph {
    std::string number;  ///< "1.1", "3.2.1" or empty
    RichText text;
    ParagraphStyle style = ParagraphStyle::Body;
};

struct ListBlock {
    bool lettered = false;    ///< a), b) … instead of bullets
    std::string number;       ///< paragraph number of the list as a whole, if any
    std::vector<RichText> items;
};

enum class Align { Left, Right, Centre };

struct TableCell {
    RichText text;
    std::optional<Rgb> fill;        ///< status cells are filled …
    std::optional<Rgb> text_color;  ///< … and carry their word in a contrasting colour
    bool bold = false;
};

struct TableColumn {
    std::string header;
    Align align = Align::Left;
    double weight = 1.0;  ///< share of the table width
    bool nowrap = false;  ///< the column is at least as wide as its widest cell
};

struct Table {
    std::string caption;  ///< "Table 1: …", above the table
    std::vector<TableColumn> columns;
    std::vector<std::vector<TableCell>> rows;
    std::string note;     ///< small text under the table (e.g. the suppression rule)
    std::string empty_text = "No rows.";
    core::SourceLocation where;  ///< the template block, for layout errors
    std::string source = {};   ///< "Source: …", under the table (before its note); "" for none
};

struct ChartBlock {
    int chart = 0;        ///< index into DocTree::charts_alt / the report's chart list
    double height = 220;  ///< points; the width is the text width
    double min_height = 0;  ///< when > 0, the chart shrinks to this to stay on the page
    std::string caption;  ///< "Figure 1: …", the one title of the figure
    std::string alt_text;
    std::string subtitle = {};  ///< what, who, where and when, under the caption; "" for none
    std::string source = {};    ///< "Source: …", under the chart; "" for none
};

struct Quote {
    RichText text;
    std::string attribution;
};

struct Callout {
    std::string title;
    std::vector<RichText> items;
};

/// A new page. `when_needed` (a section's `page_break_before: when_needed`): only when the
/// page so far is at least three quarters full; otherwise what follows goes on under it.
struct PageBreak {
    bool when_needed = false;
};
struct Contents {
    std::string title = "Contents";
};
struct Spacer {
    double height = 6;
};

using Block = std::variant<Heading, Paragraph, ListBlock, Table, ChartBlock, Quote, Callout,
                           PageBreak, Contents, Spacer>;

/// The front block of a board paper: the title and To / Date / From lines.
struct FrontMatter {
    enum class Kind { None, BoardPaper, TitlePage };
    Kind kind = Kind::None;
    std::string title;
    std::string subtitle;
    std::vector<std::pair<std::string, std::string>> fields;  ///< label, value
};

/// Page set-up and house style, from the template's `style` section.
struct PageStyle {
    double width = 595.276;  ///< A4 portrait
    double height = 841.890;
    double margin_top = 72, margin_right = 56, margin_bottom = 64, margin_left = 56;
    double body_size = 11;
    double line_spacing = 1.3;  ///< line height as a multiple of the font size
    Rgb text{0x0B, 0x0C, 0x0C};
    Rgb muted{0x50, 0x5A, 0x5F};
    Rgb accent{0x12, 0x43, 0x6D};
    Rgb rule{0xB1, 0xB4, 0xB6};
    Rgb table_header{0xF3, 0xF2, 0xF1};
    std::string header_left;   ///< expanded text
    std::string header_right;
    std::string footer_left;   ///< e.g. "Data as at 17 September 2015"
    std::string classification;  ///< e.g. "OFFICIAL", centred at top and bottom
    std::string logo;            ///< PNG path, resolved
    double logo_height = 28;
    double title_size = 0;       ///< front title size (0: body size + 4)
    double header_size = 8.5;
    bool header_bold = false;
    std::optional<Rgb> header_rule;
    double header_rule_width = 0.5;
};

struct DocTree {
    FrontMatter front;
    std::vector<Block> blocks;
    PageStyle style;
    // Document information
    std::string title;
    std::string author;
    std::string subject;
    std::string keywords;
    core::Date date;
};

}  // namespace engine::templating
