// templating: a report template as read from templates/*.yaml — style, front matter, sections
// and blocks. Strings keep their source location so placeholder errors point into the template.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/source_location.h"
#include "engine/templating/doc_tree.h"

namespace engine::templating {

/// A string that may hold placeholders, with where it was written.
struct TemplateString {
    std::string text;
    core::SourceLocation where;
    bool empty() const { return text.empty(); }
};

struct ColumnSpec {
    TemplateString header;
    TemplateString value;   ///< expanded once per row, the row's fields in scope
    Align align = Align::Left;
    double weight = 1.0;
    bool status = false;    ///< the cell holds a status word: coloured fill, word kept
    bool bold = false;
    bool nowrap = false;    ///< never break the cell's text (dates, numbers, statuses)
};

enum class BlockKind {
    Heading, Paragraph, Paragraphs, Bullets, Lettered, Table, StatusTable, ActionTable, Chart,
    Quote, Callout, PageBreak, Contents, SourcesTable, Note, Spacer, SeriesTable
};

/// A row of a series_table: a figure row's name (figures.h) and which of its fields each
/// period's cell shows.
struct SeriesRowSpec {
    TemplateString label;   ///< the row's first cell; empty: made from the figure
    TemplateString figure;  ///< e.g. "gap.gld.fsm.vs.not_fsm.in.england" (placeholders allowed)
    std::string show = "value";  ///< value, comparator_value, gap, change, value_change
    core::SourceLocation where;
};

struct BlockSpec {
    BlockKind kind = BlockKind::Paragraph;
    core::SourceLocation where;
    // control: repeat the block for each item of a list, or keep it only when a value is truthy
    std::string for_each;
    std::string if_path;
    std::string unless_path;
    // content
    TemplateString text;                // heading, paragraph, note, quote text, callout title
    std::vector<TemplateString> items;  // literal list items
    std::string path;                   // a context path: narrative paragraphs or list items
    TemplateString intro;               // lettered/bullets: the numbered paragraph before them
    TemplateString attribution;         // quote
    bool numbered = true;
    // tables
    std::string rows;                   // context path to a list of maps
    std::vector<ColumnSpec> columns;
    TemplateString caption;
    TemplateString note;
    TemplateString source;              // tables: the "Source: …" line (default: report.source)
    TemplateString empty_text;
    // charts: options checked by the chart builder (kind, measure, group …)
    std::map<std::string, TemplateString> options;
    double height = 0;                  // charts, spacers
    double min_height = 0;              // charts: may shrink to this to fit the page
    // cross-references: `figure.<id>` / `table.<id>` give this chart's or table's number
    std::string id;
    core::SourceLocation id_where;
    // series_table: rows of figures, one column per period
    std::vector<SeriesRowSpec> series_rows;
    std::vector<TemplateString> periods;  ///< as written ("2016/17"); empty: the first row's
    TemplateString row_header;            ///< header of the label column
    bool change_column = false;           ///< a last column: the change from first to last
};

struct SectionSpec {
    TemplateString title;
    bool numbered = true;
    bool page_break_before = false;
    std::string for_each;
    std::string if_path;
    std::vector<BlockSpec> blocks;
    core::SourceLocation where;
    bool break_when_needed = false;  ///< page_break_before: when_needed (doc_tree.h PageBreak)
};

struct StyleSpec {
    std::string page_size = "A4";  ///< A4 or Letter
    double margin_top = 72, margin_right = 56, margin_bottom = 64, margin_left = 56;
    double body_size = 11;
    double line_spacing = 1.3;
    bool uppercase_sections = true;
    std::map<std::string, Rgb> colors;  ///< accent, text, muted, rule, table_header
    TemplateString header_left, header_right, footer_left, classification, logo;
    double logo_height = 28;
    double title_size = 0;        ///< front title size (0: body size + 4)
    double header_size = 8.5;     ///< running header and footer text
    bool header_bold = false;     ///< the left header in bold
    std::optional<Rgb> header_rule;  ///< colour of the rule under the header (default: rule)
    double header_rule_width = 0.5;
};

struct FrontSpec {
    FrontMatter::Kind kind = FrontMatter::Kind::None;
    TemplateString title, subtitle;
    std::vector<std::pair<TemplateString, TemplateString>> fields;
};

struct TemplateSpec {
    std::string path;
    std::string name;
    std::string description;
    StyleSpec style;
    FrontSpec front;
    TemplateString doc_title, doc_subject, doc_keywords;  ///< PDF metadata
    std::vector<SectionSpec> sections;
};

}  // namespace engine::templating
