// The HTML writer: escaping, heading levels, table scopes, status words, contents links, and
// byte-identical output, on small document trees built here.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "engine/html/html_escape.h"
#include "engine/html/html_writer.h"

using namespace engine;
using namespace engine::templating;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = 0; (at = s.find(what, at)) != std::string::npos; at += what.size()) ++n;
    return n;
}

Span span(const std::string& text, const std::string& link = "") {
    Span s;
    s.text = text;
    s.link = link;
    return s;
}
RichText words(const std::string& s) { return {span(s)}; }

Heading heading(const std::string& number, const std::string& text, int level, bool in_contents = true) {
    Heading h;
    h.number = number;
    h.text = text;
    h.level = level;
    h.in_contents = in_contents;
    return h;
}

TableColumn column(const std::string& header, Align align) {
    TableColumn c;
    c.header = header;
    c.align = align;
    return c;
}

TableCell cell(const std::string& text) {
    TableCell c;
    c.text = words(text);
    return c;
}

TableCell status(const std::string& word, Rgb fill, Rgb text) {
    TableCell c = cell(word);
    c.fill = fill;
    c.text_color = text;
    c.bold = true;
    return c;
}

DocTree board_paper() {
    DocTree d;
    d.title = "Progress & plans";
    d.front.kind = FrontMatter::Kind::BoardPaper;
    d.front.title = "PROGRESS UPDATE";
    d.front.fields = {{"To", "Health and Wellbeing Board"}, {"Date", "17 September 2015"}};
    d.style.footer_left = "Data as at 17 September 2015 · Source: Cambridgeshire County Council";
    d.blocks.push_back(Contents{});
    d.blocks.push_back(heading("1.0", "PURPOSE", 0));
    d.blocks.push_back(Paragraph{"1.1", words("To provide an update."), ParagraphStyle::Body});
    d.blocks.push_back(heading("1.2", "Performance <overall>", 1));
    d.blocks.push_back(heading("", "Not listed", 1, false));
    Table t;
    t.caption = "Table 1: Gaps";
    t.columns = {column("Measure", Align::Left), column("Gap (ppts)", Align::Right), column("Status", Align::Left)};
    t.rows.push_back({cell("KS2 RWM"), cell("25.9"), status("Achieved", {0x00, 0x70, 0x3C}, {0xFF, 0xFF, 0xFF})});
    t.rows.push_back({cell("KS1 RWM"), cell("c"), status("Suppressed", {0xB1, 0xB4, 0xB6}, {0x0B, 0x0C, 0x0C})});
    t.note = "Figures for groups of fewer than 5 children are shown as c.";
    d.blocks.push_back(t);
    d.blocks.push_back(ListBlock{true, "", {words("first"), words("second")}});
    d.blocks.push_back(ListBlock{false, "", {{span("the "), span("strategy", "https://example.org/a?b=1&c=2")}}});
    return d;
}

}  // namespace

TEST_CASE("html text escapes ampersands and angle brackets, attributes quotes too", "[html]") {
    CHECK(html::escape_text("a & b < c > d \"e\" é") == "a &amp; b &lt; c &gt; d \"e\" é");
    CHECK(html::escape_attribute("a & \"b\" <c>") == "a &amp; &quot;b&quot; &lt;c&gt;");
    const std::string page = html::write_html(board_paper(), {});
    CHECK(page.find("<title>Progress &amp; plans</title>") != std::string::npos);
    CHECK(page.find("Performance &lt;overall&gt;</h3>") != std::string::npos);
    CHECK(page.find("href=\"https://example.org/a?b=1&amp;c=2\">strategy</a>") != std::string::npos);
}

TEST_CASE("html fragment ids are lower-case words joined by dashes and never empty", "[html]") {
    CHECK(html::fragment_id("3.2 Key Stage 2") == "3-2-key-stage-2");
    CHECK(html::fragment_id("  ---  ") == "section");
}

TEST_CASE("html data uris hold the bytes in padded base64", "[html]") {
    CHECK(html::data_uri("image/png", "Man") == "data:image/png;base64,TWFu");
    CHECK(html::data_uri("image/png", "Ma") == "data:image/png;base64,TWE=");
    CHECK(html::data_uri("image/png", "M") == "data:image/png;base64,TQ==");
    CHECK(html::data_uri("text/csv", std::string("\xFF\x00\x10", 3)) == "data:text/csv;base64,/wAQ");
}

TEST_CASE("html headings take the pdf's levels: h1 the title, h2 sections, h3 sub-sections", "[html]") {
    DocTree d = board_paper();
    const std::string page = html::write_html(d, {});
    CHECK(count(page, "<h1>") == 1);
    CHECK(page.find("<h1>PROGRESS UPDATE</h1>") != std::string::npos);
    CHECK(page.find("<h2 id=\"section-1-0\"><span class=\"num\">1.0</span> PURPOSE</h2>") != std::string::npos);
    CHECK(std::regex_search(page, std::regex("<h3 id=\"section-1-2\">.*Performance")));
    CHECK(page.find("<h2 id=\"contents-title\">Contents</h2>") != std::string::npos);
    // Without a front block showing a title, sections are the top level, as in the PDF.
    d.front.kind = FrontMatter::Kind::None;
    CHECK(html::heading_level(d, 0) == 1);
    CHECK(html::heading_level(d, 1) == 2);
    const std::string untitled = html::write_html(d, {});
    CHECK(untitled.find("<h1 id=\"section-1-0\">") != std::string::npos);
    CHECK(untitled.find("<h1>PROGRESS UPDATE</h1>") == std::string::npos);
}

TEST_CASE("html paragraph numbers are text before the paragraph and lists are lists", "[html]") {
    const std::string page = html::write_html(board_paper(), {});
    CHECK(page.find("<p><span class=\"num\">1.1</span> To provide an update.</p>") != std::string::npos);
    CHECK(page.find("<ol class=\"lettered numbered\">\n<li>first</li>\n<li>second</li>\n</ol>") != std::string::npos);
    CHECK(page.find("<ul class=\"numbered\">\n<li>the <a href=") != std::string::npos);
}

TEST_CASE("html tables have a caption, column-scoped headers and their note after the table", "[html]") {
    const std::string page = html::write_html(board_paper(), {});
    CHECK(page.find("<caption id=\"table-1\">Table 1: Gaps</caption>") != std::string::npos);
    CHECK(count(page, "<th scope=\"col\"") == 3);
    CHECK(count(page, "<th ") + count(page, "<th>") == 3);  // the PDF has no row headers either
    CHECK(page.find("<th scope=\"col\" class=\"r\">Gap (ppts)</th>") != std::string::npos);
    // The table scrolls in its own focusable, labelled box; the note follows it.
    CHECK(page.find("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"table-1\">") !=
          std::string::npos);
    const auto end = page.find("</table>");
    const auto note = page.find("<p class=\"note\" id=\"table-1-note\">Figures for groups");
    REQUIRE(note != std::string::npos);
    CHECK(end < note);
    CHECK(page.find("<table aria-describedby=\"table-1-note\">") != std::string::npos);
    CHECK(page.find("<td class=\"r\">c</td>") != std::string::npos);
}

TEST_CASE("an html status cell carries its word as well as its colour", "[html]") {
    const std::string page = html::write_html(board_paper(), {});
    CHECK(page.find("<td class=\"b status\" style=\"background-color:#00703c;color:#ffffff\">Achieved</td>") !=
          std::string::npos);
    CHECK(page.find(">Suppressed</td>") != std::string::npos);
}

TEST_CASE("the html contents is a nav list of links to the headings the pdf lists", "[html]") {
    const std::string page = html::write_html(board_paper(), {});
    CHECK(page.find("<nav class=\"contents\" aria-labelledby=\"contents-title\">") != std::string::npos);
    CHECK(page.find("<li><a href=\"#section-1-0\">1.0 PURPOSE</a>\n<ol>\n"
                    "<li><a href=\"#section-1-2\">1.2 Performance &lt;overall&gt;</a></li>\n</ol>\n</li>") !=
          std::string::npos);
    CHECK(page.find("href=\"#not-listed\"") == std::string::npos);
    CHECK(page.find("<h3 id=\"not-listed\">Not listed</h3>") != std::string::npos);
}

TEST_CASE("the html page has its language, landmarks, a skip link and no script", "[html]") {
    html::HtmlInputs in;
    in.language = "cy-GB";
    const std::string page = html::write_html(board_paper(), in);
    CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"cy-GB\">", 0) == 0);
    CHECK(page.find("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>") != std::string::npos);
    CHECK(page.find("<main id=\"main\">") != std::string::npos);
    CHECK(page.find("<footer class=\"page-footer\">\n<p>Data as at 17 September 2015 · Source:") != std::string::npos);
    CHECK(page.find("<style>") != std::string::npos);
    CHECK(page.find("@media print") != std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("<link") == std::string::npos);
    CHECK(page.find("src=\"http") == std::string::npos);
}

TEST_CASE("a chart is its inline svg in a figure, or its alt text when it has none", "[html]") {
    DocTree d;
    d.blocks.push_back(ChartBlock{0, 220, 0, "Figure 1: The gap", "template alt"});
    d.blocks.push_back(ChartBlock{1, 220, 0, "Figure 2: Spread", "template alt"});
    html::HtmlInputs in;
    in.chart_svgs = {"<svg role=\"img\"><title>t</title><desc>d</desc></svg>"};
    in.chart_alt_texts = {"first", "Bar chart of the spread."};
    const std::string page = html::write_html(d, in);
    CHECK(page.find("<figure class=\"chart\">\n<figcaption>Figure 1: The gap</figcaption>\n<svg role=\"img\">") !=
          std::string::npos);
    CHECK(page.find("<figcaption>Figure 2: Spread</figcaption>\n<p>Bar chart of the spread.</p>\n</figure>") !=
          std::string::npos);
}

TEST_CASE("the same document tree gives byte-identical html", "[html]") {
    html::HtmlInputs in;
    in.logo_png = std::string("\x89PNG\r\n\x1a\n", 8);
    const std::string a = html::write_html(board_paper(), in);
    const std::string b = html::write_html(board_paper(), in);
    CHECK(a == b);
    CHECK(a.find("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"\">") != std::string::npos);
}

TEST_CASE("a chart's figures follow it in a details table with row headers and a csv link", "[html]") {
    DocTree d;
    d.blocks.push_back(ChartBlock{0, 220, 0, "Figure 1: The gap", "template alt"});
    d.blocks.push_back(ChartBlock{1, 220, 0, "Figure 2: Nothing", "template alt"});
    html::HtmlInputs in;
    in.chart_alt_texts = {"first", "second"};
    in.chart_values = {{"Gap by year", {"Year", "FSM", "Gap"}, {{"2013/14", "c", "26.9"}, {"2014/15", "57.4", "25.9"}}},
                       {"Empty", {"Year"}, {}}};
    in.chart_csv_urls = {"data:text/csv;charset=utf-8,Year%2CFSM", ""};
    const std::string page = html::write_html(d, in);
    CHECK(page.find("<details class=\"values\">\n<summary>The figures behind this chart</summary>") != std::string::npos);
    CHECK(page.find("<caption id=\"chart1-values\">Gap by year</caption>") != std::string::npos);
    CHECK(page.find("<tr><th scope=\"row\">2013/14</th><td class=\"r\">c</td><td class=\"r\">26.9</td></tr>") !=
          std::string::npos);
    CHECK(page.find("href=\"data:text/csv;charset=utf-8,Year%2CFSM\" download=\"chart-1-figures.csv\"") !=
          std::string::npos);
    // A chart without values gets no empty table.
    CHECK(page.find("chart2-values") == std::string::npos);
    CHECK(page.find("<details") == page.rfind("<details"));
}
