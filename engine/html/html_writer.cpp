#include "engine/html/html_writer.h"

#include <algorithm>
#include <set>
#include <variant>

#include "engine/html/html_css.h"
#include "engine/html/html_escape.h"

namespace engine::html {

namespace {

using namespace templating;

bool has_title(const DocTree& doc) {
    return doc.front.kind != FrontMatter::Kind::None && !doc.front.title.empty();
}

class Writer {
public:
    Writer(const DocTree& doc, const HtmlInputs& in) : doc_(doc), in_(in) {
        std::set<std::string> used;
        for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
            const Block& b = doc.blocks[i];
            if (const auto* h = std::get_if<Heading>(&b)) {
                numbered_ = numbered_ || !h->number.empty();
                std::string id = h->number.empty() ? fragment_id(h->text) : "section-" + fragment_id(h->number);
                std::string unique = id;
                for (int n = 2; !used.insert(unique).second; ++n) unique = id + "-" + std::to_string(n);
                ids_.push_back(unique);
            } else {
                if (const auto* p = std::get_if<Paragraph>(&b)) numbered_ = numbered_ || !p->number.empty();
                ids_.emplace_back();
            }
        }
    }

    std::string write() {
        const std::string title = !doc_.title.empty() ? doc_.title : doc_.front.title;
        out_ += "<!DOCTYPE html>\n<html lang=\"" + escape_attribute(in_.language) + "\">\n<head>\n";
        out_ += "<meta charset=\"utf-8\">\n";
        out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        out_ += "<title>" + escape_text(title) + "</title>\n";
        if (!doc_.author.empty()) out_ += "<meta name=\"author\" content=\"" + escape_attribute(doc_.author) + "\">\n";
        if (!doc_.subject.empty())
            out_ += "<meta name=\"description\" content=\"" + escape_attribute(doc_.subject) + "\">\n";
        if (!doc_.keywords.empty())
            out_ += "<meta name=\"keywords\" content=\"" + escape_attribute(doc_.keywords) + "\">\n";
        out_ += "<style>\n" + stylesheet(doc_.style, in_.font_family) + "</style>\n</head>\n<body>\n";
        out_ += "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n";
        header();
        out_ += "<main id=\"main\">\n";
        front();
        for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
            index_ = i;
            std::visit([&](const auto& b) { add(b); }, doc_.blocks[i]);
        }
        out_ += "</main>\n";
        footer();
        out_ += "</body>\n</html>\n";
        return std::move(out_);
    }

private:
    // ---- inline text ----
    static std::string rich(const RichText& text) {
        std::string s;
        for (const auto& span : text) {
            std::string t = escape_text(span.text);
            if (span.italic) t = "<em>" + t + "</em>";
            if (span.bold) t = "<strong>" + t + "</strong>";
            if (!span.link.empty()) t = "<a href=\"" + escape_attribute(span.link) + "\">" + t + "</a>";
            s += t;
        }
        return s;
    }
    static std::string number(const std::string& n) {
        return n.empty() ? "" : "<span class=\"num\">" + escape_text(n) + "</span> ";
    }
    std::string heading_tag(int level) const { return "h" + std::to_string(heading_level(doc_, level)); }

    // ---- landmarks ----
    void header() {
        const PageStyle& st = doc_.style;
        if (st.header_left.empty() && st.header_right.empty() && st.classification.empty() &&
            in_.logo_png.empty())
            return;
        out_ += "<header class=\"page-header\">\n";
        // The logo is decoration, as in the PDF (an artifact there): the title names the council.
        if (!in_.logo_png.empty())
            out_ += "<img src=\"" + data_uri("image/png", in_.logo_png) + "\" alt=\"\">\n";
        if (!st.classification.empty())
            out_ += "<p class=\"classification\">" + escape_text(st.classification) + "</p>\n";
        if (!st.header_left.empty()) out_ += "<p>" + escape_text(st.header_left) + "</p>\n";
        if (!st.header_right.empty()) out_ += "<p>" + escape_text(st.header_right) + "</p>\n";
        out_ += "</header>\n";
    }

    void footer() {
        const PageStyle& st = doc_.style;
        if (st.footer_left.empty() && st.classification.empty()) return;
        out_ += "<footer class=\"page-footer\">\n";
        if (!st.footer_left.empty()) out_ += "<p>" + escape_text(st.footer_left) + "</p>\n";
        if (!st.classification.empty())
            out_ += "<p class=\"classification\">" + escape_text(st.classification) + "</p>\n";
        out_ += "</footer>\n";
    }

    void front() {
        const FrontMatter& f = doc_.front;
        if (f.kind == FrontMatter::Kind::None) return;
        if (!f.title.empty()) out_ += "<h1>" + escape_text(f.title) + "</h1>\n";
        if (!f.subtitle.empty()) out_ += "<p class=\"subtitle\">" + escape_text(f.subtitle) + "</p>\n";
        if (!f.fields.empty()) {
            const bool colon = f.kind == FrontMatter::Kind::BoardPaper;  // as the PDF prints them
            out_ += "<dl class=\"front-fields\">\n";
            for (const auto& [label, value] : f.fields)
                out_ += "<dt>" + escape_text(label) + (colon ? ":" : "") + "</dt><dd>" + escape_text(value) + "</dd>\n";
            out_ += "</dl>\n";
        }
    }

    // ---- blocks ----
    void add(const Heading& h) {
        const std::string tag = heading_tag(h.level);
        out_ += "<" + tag + " id=\"" + ids_[index_] + "\">" + number(h.number) + escape_text(h.text) + "</" + tag + ">\n";
    }

    void add(const Paragraph& p) {
        const char* cls = p.style == ParagraphStyle::Small ? " class=\"small\""
                          : p.style == ParagraphStyle::Lead ? " class=\"lead\""
                                                            : "";
        out_ += std::string("<p") + cls + ">" + number(p.number) + rich(p.text) + "</p>\n";
    }

    void add(const ListBlock& l) {
        std::string cls = l.lettered ? "lettered" : "";
        if (numbered_) cls += cls.empty() ? "numbered" : " numbered";
        const char* tag = l.lettered ? "ol" : "ul";
        out_ += std::string("<") + tag + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">\n";
        for (const auto& item : l.items) out_ += "<li>" + rich(item) + "</li>\n";
        out_ += std::string("</") + tag + ">\n";
    }

    void add(const Table& t) {
        const std::string n = std::to_string(++tables_);
        const std::string caption_id = "table-" + n;
        const std::string note_id = "table-" + n + "-note";
        // The table scrolls in its own box, so the page never scrolls sideways (WCAG reflow);
        // the box is focusable and named after the caption, so keyboard users can scroll it.
        out_ += "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" ";
        out_ += t.caption.empty() ? "aria-label=\"Table " + n + "\"" : "aria-labelledby=\"" + caption_id + "\"";
        out_ += ">\n<table";
        if (!t.note.empty()) out_ += " aria-describedby=\"" + note_id + "\"";
        out_ += ">\n";
        if (!t.caption.empty()) out_ += "<caption id=\"" + caption_id + "\">" + escape_text(t.caption) + "</caption>\n";
        out_ += "<thead>\n<tr>";
        for (const auto& c : t.columns)
            out_ += "<th scope=\"col\"" + align_class(c.align, false) + ">" + escape_text(c.header) + "</th>";
        out_ += "</tr>\n</thead>\n<tbody>\n";
        if (t.rows.empty())
            out_ += "<tr><td class=\"empty\" colspan=\"" + std::to_string(std::max<std::size_t>(1, t.columns.size())) +
                    "\">" + escape_text(t.empty_text) + "</td></tr>\n";
        for (const auto& row : t.rows) {
            out_ += "<tr>";
            for (std::size_t i = 0; i < row.size(); ++i) {
                const TableCell& cell = row[i];
                const Align a = i < t.columns.size() ? t.columns[i].align : Align::Left;
                out_ += "<td" + align_class(a, cell.bold, cell.fill.has_value());
                if (cell.fill) {
                    out_ += " style=\"background-color:" + css_colour(*cell.fill);
                    if (cell.text_color) out_ += ";color:" + css_colour(*cell.text_color);
                    out_ += "\"";
                }
                out_ += ">" + rich(cell.text) + "</td>";
            }
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n</table>\n</div>\n";
        if (!t.source.empty()) out_ += "<p class=\"source\">" + escape_text(t.source) + "</p>\n";
        if (!t.note.empty()) out_ += "<p class=\"note\" id=\"" + note_id + "\">" + escape_text(t.note) + "</p>\n";
    }

    static std::string align_class(Align a, bool bold, bool status = false) {
        std::vector<std::string> cls;
        if (a == Align::Right) cls.push_back("r");
        if (a == Align::Centre) cls.push_back("c");
        if (bold) cls.push_back("b");
        if (status) cls.push_back("status");
        if (cls.empty()) return "";
        std::string s = " class=\"";
        for (std::size_t i = 0; i < cls.size(); ++i) s += (i ? " " : "") + cls[i];
        return s + "\"";
    }

    void add(const ChartBlock& c) {
        const auto i = static_cast<std::size_t>(std::max(c.chart, 0));
        out_ += "<figure class=\"chart\">\n";
        if (!c.caption.empty() || !c.subtitle.empty()) {
            out_ += "<figcaption>" + escape_text(c.caption);
            if (!c.subtitle.empty()) out_ += " <span class=\"subtitle\">" + escape_text(c.subtitle) + "</span>";
            out_ += "</figcaption>\n";
        }
        if (i < in_.chart_svgs.size() && !in_.chart_svgs[i].empty()) {
            out_ += in_.chart_svgs[i];
            if (out_.back() != '\n') out_ += '\n';
        } else {
            const std::string& alt = i < in_.chart_alt_texts.size() && !in_.chart_alt_texts[i].empty()
                                         ? in_.chart_alt_texts[i]
                                         : c.alt_text;
            out_ += "<p>" + escape_text(alt) + "</p>\n";
        }
        if (!c.source.empty()) out_ += "<p class=\"source\">" + escape_text(c.source) + "</p>\n";
        if (i < in_.chart_values.size()) add_values(in_.chart_values[i], i, c.caption);
        out_ += "</figure>\n";
    }

    // The figures behind chart i, for readers who cannot see it or want the numbers: a table
    // in a <details> block (its first column row headers) and, when given, a CSV download.
    void add_values(const charts::model::ValuesTable& v, std::size_t i, const std::string& figure) {
        if (v.rows.empty() || v.columns.empty()) return;
        const std::string id = "chart" + std::to_string(i + 1) + "-values";
        out_ += "<details class=\"values\">\n<summary>The figures behind this chart</summary>\n";
        out_ += "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" + id + "\">\n";
        out_ += "<table>\n<caption id=\"" + id + "\">" +
                escape_text(!v.caption.empty() ? v.caption
                            : figure.empty() ? std::string("Figures behind the chart")
                                             : "The figures of " + figure.substr(0, figure.find(':'))) + "</caption>\n";
        out_ += "<thead>\n<tr>";
        for (std::size_t c = 0; c < v.columns.size(); ++c)
            out_ += std::string("<th scope=\"col\"") + (c ? " class=\"r\"" : "") + ">" +
                    escape_text(v.columns[c]) + "</th>";
        out_ += "</tr>\n</thead>\n<tbody>\n";
        for (const auto& row : v.rows) {
            out_ += "<tr>";
            for (std::size_t c = 0; c < row.size(); ++c)
                out_ += c == 0 ? "<th scope=\"row\">" + escape_text(row[c]) + "</th>"
                               : "<td class=\"r\">" + escape_text(row[c]) + "</td>";
            out_ += "</tr>\n";
        }
        out_ += "</tbody>\n</table>\n</div>\n";
        if (i < in_.chart_csv_urls.size() && !in_.chart_csv_urls[i].empty())
            out_ += "<p><a href=\"" + escape_attribute(in_.chart_csv_urls[i]) + "\" download=\"chart-" +
                    std::to_string(i + 1) + "-figures.csv\">Download the figures behind chart " +
                    std::to_string(i + 1) + " (CSV)</a></p>\n";
        out_ += "</details>\n";
    }

    void add(const Quote& q) {
        out_ += "<blockquote>\n<p>" + rich(q.text) + "</p>\n";
        if (!q.attribution.empty())
            out_ += "<p class=\"attribution\">\xE2\x80\x94 " + escape_text(q.attribution) + "</p>\n";
        out_ += "</blockquote>\n";
    }

    void add(const Callout& c) {
        out_ += "<div class=\"callout\">\n";
        if (!c.title.empty()) out_ += "<p class=\"callout-title\">" + escape_text(c.title) + "</p>\n";
        if (!c.items.empty()) {
            out_ += "<ul>\n";
            for (const auto& item : c.items) out_ += "<li>" + rich(item) + "</li>\n";
            out_ += "</ul>\n";
        }
        out_ += "</div>\n";
    }

    void add(const PageBreak& b) {  // when_needed: print decides, as the PDF's layout does
        if (!b.when_needed) out_ += "<div class=\"page-break\"></div>\n";
    }

    // The contents as the PDF lists them (headings in the outline and the contents), sub-sections
    // nested under their section.
    void add(const Contents& c) {
        const std::string tag = heading_tag(0);
        out_ += "<nav class=\"contents\" aria-labelledby=\"contents-title\">\n";
        out_ += "<" + tag + " id=\"contents-title\">" + escape_text(c.title) + "</" + tag + ">\n<ol>\n";
        bool open_item = false, open_sub = false;
        for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
            const auto* h = std::get_if<Heading>(&doc_.blocks[i]);
            if (!h || !h->in_contents || !h->in_outline) continue;
            const std::string link = "<a href=\"#" + ids_[i] + "\">" +
                                     escape_text(h->number.empty() ? h->text : h->number + " " + h->text) + "</a>";
            if (h->level > 0 && open_item) {
                if (!open_sub) out_ += "\n<ol>\n";
                open_sub = true;
                out_ += "<li>" + link + "</li>\n";
                continue;
            }
            if (open_sub) out_ += "</ol>\n";
            if (open_item) out_ += "</li>\n";
            open_sub = false;
            out_ += "<li>" + link;
            open_item = true;
        }
        if (open_sub) out_ += "</ol>\n";
        if (open_item) out_ += "</li>\n";
        out_ += "</ol>\n</nav>\n";
    }

    void add(const Spacer&) {}

    const DocTree& doc_;
    const HtmlInputs& in_;
    std::vector<std::string> ids_;  // per block: the heading's fragment id, or empty
    std::size_t index_ = 0;         // the block being written
    bool numbered_ = false;
    int tables_ = 0;
    std::string out_;
};

}  // namespace

int heading_level(const templating::DocTree& doc, int level) {
    return std::clamp(level + 1 + (has_title(doc) ? 1 : 0), 1, 6);
}

std::string write_html(const templating::DocTree& doc, const HtmlInputs& inputs) {
    return Writer(doc, inputs).write();
}

}  // namespace engine::html
