#include "engine/layout/report_layout.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/core/text.h"
#include "engine/layout/text_layout.h"
#include "engine/templating/inline_markup.h"
#include "tests/unit/layout_fixtures.h"

using namespace engine;
using namespace engine::layout;
namespace tpl = engine::templating;

namespace {

using layouttest::fonts;
using layouttest::para;

std::string words(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + std::string("attainment");
    return s;
}

tpl::Table table(int rows) {
    tpl::Table t;
    t.caption = "Table 1: Action plan";
    t.columns = {{"Action", tpl::Align::Left, 3}, {"Owner", tpl::Align::Left, 1},
                 {"Status", tpl::Align::Left, 1}};
    for (int i = 0; i < rows; ++i) {
        std::vector<tpl::TableCell> row(3);
        row[0].text = tpl::plain("Action number " + std::to_string(i + 1) + " with some words");
        row[1].text = tpl::plain("Owner");
        row[2].text = tpl::plain(i % 2 ? "Complete" : "Overdue");
        t.rows.push_back(row);
    }
    return t;
}

// Text runs of a page (skipping the header and footer furniture).
std::vector<const TextRun*> body_runs(const Page& p, const tpl::PageStyle& st) {
    std::vector<const TextRun*> out;
    for (const auto& item : p.items)
        if (const auto* r = std::get_if<TextRun>(&item))
            if (r->y > st.margin_top && r->y < st.height - st.margin_bottom) out.push_back(r);
    return out;
}

}  // namespace

TEST_CASE("the line breaker never exceeds the width and breaks inside over-long words",
          "[layout]") {
    std::vector<StyledText> spans = {{words(40) + " " + std::string(80, 'x'), FontFace::Regular, {}, {}}};
    auto lines = break_lines(spans, 11, 200, fonts());
    REQUIRE(lines.size() > 5);
    for (const auto& l : lines) CHECK(l.width <= 200 + 1e-6);
}

TEST_CASE("the line breaker splits runs by font coverage", "[layout]") {
    std::vector<StyledText> spans = {{"Done \xE2\x9C\x93 here", FontFace::Regular, {}, {}}};  // ✓
    auto lines = break_lines(spans, 11, 400, fonts());
    REQUIRE(lines.size() == 1);
    bool symbol = false;
    for (const auto& r : lines[0].runs) symbol |= r.face == FontFace::Symbol && r.text == "\xE2\x9C\x93";
    CHECK(symbol);
}

TEST_CASE("every body text run lies inside the margins", "[layout]") {
    tpl::DocTree doc;
    doc.blocks.push_back(tpl::Heading{"1.0", "PURPOSE", 0, true, true});
    for (int i = 0; i < 30; ++i) doc.blocks.push_back(para(words(60), "1." + std::to_string(i + 1)));
    doc.blocks.push_back(table(40));
    auto laid = layout_report(doc, fonts(), 0);
    REQUIRE(laid.document.pages.size() > 3);
    const auto& st = doc.style;
    for (const auto& page : laid.document.pages) {
        for (const auto* r : body_runs(page, st)) {
            CHECK(r->x >= st.margin_left - 1e-6);
            CHECK(r->x + fonts().width(r->text, r->face, r->size) <= st.width - st.margin_right + 0.01);
            CHECK(r->y <= st.height - st.margin_bottom + 1e-6);
        }
    }
}

TEST_CASE("a table split across pages repeats its header row", "[layout]") {
    tpl::DocTree doc;
    doc.blocks.push_back(table(200));  // a long action plan
    auto laid = layout_report(doc, fonts(), 0);
    REQUIRE(laid.document.pages.size() >= 4);
    int rows_seen = 0;
    for (const auto& page : laid.document.pages) {
        int headers = 0;
        for (const auto* r : body_runs(page, doc.style)) {
            if (r->text == "Action" && r->face == FontFace::Bold) ++headers;
            if (r->text.rfind("Action number", 0) == 0) ++rows_seen;
        }
        CHECK(headers == 1);
    }
    CHECK(rows_seen == 200);  // every row once, none lost or doubled
}

TEST_CASE("a heading never ends a page", "[layout]") {
    // Fill most of a page, then a heading and a paragraph: the heading must move with it.
    for (int fill = 20; fill < 50; ++fill) {
        tpl::DocTree doc;
        for (int i = 0; i < fill; ++i) doc.blocks.push_back(para("Line " + std::to_string(i)));
        doc.blocks.push_back(tpl::Heading{"2.0", "BACKGROUND", 0, true, true});
        doc.blocks.push_back(para(words(30), "2.1"));
        auto laid = layout_report(doc, fonts(), 0);
        for (std::size_t p = 0; p < laid.document.pages.size(); ++p) {
            auto runs = body_runs(laid.document.pages[p], doc.style);
            if (runs.empty()) continue;
            const TextRun* last = runs.front();
            for (const auto* r : runs)
                if (r->y > last->y) last = r;
            INFO("fill " << fill << ", page " << p + 1);
            CHECK(last->text != "BACKGROUND");
        }
    }
}

TEST_CASE("no paragraph leaves a single line at the foot or head of a page", "[layout]") {
    for (int fill = 30; fill < 60; ++fill) {
        tpl::DocTree doc;
        for (int i = 0; i < fill; ++i) doc.blocks.push_back(para("Filler line " + std::to_string(i)));
        doc.blocks.push_back(para(words(45), "9.9"));  // about 5 lines
        auto laid = layout_report(doc, fonts(), 0);
        if (laid.document.pages.size() < 2) continue;
        int on_first = 0, on_second = 0;
        for (const auto* r : body_runs(laid.document.pages[0], doc.style))
            if (r->text.find("attainment") != std::string::npos) ++on_first;
        for (const auto* r : body_runs(laid.document.pages[1], doc.style))
            if (r->text.find("attainment") != std::string::npos) ++on_second;
        INFO("fill " << fill);
        CHECK(on_first != 1);
        CHECK(on_second != 1);
    }
}

TEST_CASE("pages carry 'Page X of Y' and charts get their slot size", "[layout]") {
    tpl::DocTree doc;
    doc.blocks.push_back(para(words(10)));
    tpl::ChartBlock chart;
    chart.chart = 0;
    chart.height = 230;
    chart.caption = "Figure 1: A chart";
    doc.blocks.push_back(chart);
    doc.blocks.push_back(tpl::PageBreak{});
    doc.blocks.push_back(para(words(10)));
    auto laid = layout_report(doc, fonts(), 1);
    REQUIRE(laid.document.pages.size() == 2);
    bool found = false;
    for (const auto& item : laid.document.pages[1].items)
        if (const auto* r = std::get_if<TextRun>(&item)) found |= r->text == "Page 2 of 2";
    CHECK(found);
    REQUIRE(laid.chart_sizes.size() == 1);
    CHECK(laid.chart_sizes[0].width == Approx(doc.style.width - doc.style.margin_left - doc.style.margin_right));
    // The figure's height includes its one-line caption (9.5 pt text, 1.25 leading, 4 pt gap).
    CHECK(laid.chart_sizes[0].height == Approx(230 - (9.5 * 1.25 + 4)));
}

TEST_CASE("US Letter pages have the Letter size", "[layout]") {
    tpl::DocTree doc;
    doc.style.width = 612;
    doc.style.height = 792;
    doc.blocks.push_back(para("Hello"));
    auto laid = layout_report(doc, fonts(), 0);
    CHECK(laid.document.pages.at(0).width == 612);
    CHECK(laid.document.pages.at(0).height == 792);
}

TEST_CASE("a title page has no running header or page number but counts as page 1", "[layout]") {
    tpl::DocTree doc;
    doc.style.header_left = "Running header";
    doc.front.kind = tpl::FrontMatter::Kind::TitlePage;
    doc.front.title = "Tracking for Success";
    doc.blocks.push_back(para(words(10)));
    auto laid = layout_report(doc, fonts(), 0);
    REQUIRE(laid.document.pages.size() == 2);
    auto texts = [](const Page& p) {
        std::vector<std::string> v;
        for (const auto& item : p.items)
            if (const auto* r = std::get_if<TextRun>(&item)) v.push_back(r->text);
        return v;
    };
    auto first = texts(laid.document.pages[0]);
    auto second = texts(laid.document.pages[1]);
    auto has = [](const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };
    CHECK(has(first, "Tracking for Success"));
    CHECK_FALSE(has(first, "Page 1 of 2"));
    CHECK_FALSE(has(first, "Running header"));
    CHECK(has(second, "Page 2 of 2"));
    CHECK(has(second, "Running header"));
}

TEST_CASE("a column of long URLs does not squeeze the column beside it to a word per line", "[layout]") {
    tpl::DocTree doc;
    tpl::Table t;
    t.columns = {{"Source documents", tpl::Align::Left, 1.2}, {"Location", tpl::Align::Left, 1.8}};
    std::vector<tpl::TableCell> row(2);
    row[0].text = tpl::plain("8.1 Early years foundation stage profile results, England");
    row[1].text = tpl::plain(
        "https://explore-education-statistics.service.gov.uk/find-statistics/early-years-foundation-stage-profile-results");
    t.rows.push_back(row);
    doc.blocks.push_back(t);
    auto laid = layout_report(doc, fonts(), 0);
    const double width = doc.style.width - doc.style.margin_left - doc.style.margin_right;
    double url_x = 0;
    int title_lines = 0;
    for (const auto* r : body_runs(laid.document.pages.at(0), doc.style)) {
        if (r->text.rfind("https://", 0) == 0) url_x = r->x;
        if (r->x < doc.style.margin_left + 10 && r->face == FontFace::Regular) ++title_lines;
    }
    // The URL breaks at its slashes; the title column keeps a fair share of the width.
    CHECK(url_x - doc.style.margin_left > 0.3 * width);
    CHECK(title_lines <= 3);
}

namespace {

// A status table as the board paper prints it, with `ncol` of its columns.
tpl::Table status_table(std::size_t ncol) {
    const std::vector<std::pair<std::string, std::string>> cols = {
        {"Measure", "KS2 RWM"},          {"Group", "Disadvantaged"},
        {"Compared with", "Not known to be FSM eligible"},
        {"Value", "56.5%"},              {"Comparator", "74.3%"},
        {"Gap (ppts)", "17.8"},          {"Previous gap", "19.1"},
        {"Change", "\xE2\x88\x92" "1.3"}, {"Target", "at most 18.0 by 2016/17"},
        {"Status", "Not on target"},     {"Baseline gap", "20.4"},
        {"Change since 2011/12", "\xE2\x88\x92" "2.6"}, {"Latest period", "2015/16"},
        {"Reason", "gap 17.8 ppts against a target of at most 18.0"},
    };
    tpl::Table t;
    t.caption = "Table 1: Progress against targets";
    t.where = {"template.yaml", 12, 9};
    for (std::size_t i = 0; i < ncol; ++i) t.columns.push_back({cols[i].first, tpl::Align::Left, 1});
    for (int r = 0; r < 4; ++r) {
        std::vector<tpl::TableCell> row(ncol);
        for (std::size_t i = 0; i < ncol; ++i) row[i].text = tpl::plain(cols[i].second);
        row[9].fill = tpl::Rgb{255, 221, 0};  // a status cell: kept on one line
        t.rows.push_back(row);
    }
    return t;
}

}  // namespace

TEST_CASE("a 10-column status table fits by shrinking its text and breaks no number or word", "[layout][table]") {
    tpl::DocTree doc;
    doc.blocks.push_back(status_table(10));
    const double width = doc.style.width - doc.style.margin_left - doc.style.margin_right;
    // At the table's usual size (body - 1.5) the unbreakable pieces do not fit side by side.
    const tpl::Table t = status_table(10);
    std::vector<std::vector<CellText>> grid(1);
    for (const auto& c : t.columns) grid[0].push_back({{{c.header, FontFace::Bold, {}, {}}}, false, true});
    grid.emplace_back();
    for (const auto& cell : t.rows[0])
        grid[1].push_back({{{tpl::to_plain(cell.text), FontFace::Regular, {}, {}}}, cell.fill.has_value(), false});
    REQUIRE(measure_columns(grid, 10, doc.style.body_size - 1.5, 4, fonts()).min_total() > width);

    auto laid = layout_report(doc, fonts(), 0);
    CHECK(laid.errors.empty());
    std::vector<std::string> texts;
    double size = 0;
    for (const auto* r : body_runs(laid.document.pages.at(0), doc.style)) {
        texts.push_back(r->text);
        if (r->text == "56.5%") size = r->size;
    }
    CHECK(size >= kTableMinSize);
    CHECK(size < doc.style.body_size - 1.5);
    auto count = [&](const std::string& s) { return std::count(texts.begin(), texts.end(), s); };
    for (const char* whole : {"56.5%", "74.3%", "17.8", "\xE2\x88\x92" "1.3", "Disadvantaged", "Group", "Measure", "2016/17"}) {
        INFO(whole);
        CHECK(count(whole) >= 1);
    }
    // Nothing broken inside: no piece of a number or word on a line of its own.
    for (const char* broken : {"56.", "5%", "Grou", "p", "Disadvant"}) {
        INFO(broken);
        CHECK(count(broken) == 0);
    }
}

TEST_CASE("a header wraps at spaces only, never inside a word", "[layout][table]") {
    tpl::DocTree doc;
    doc.blocks.push_back(status_table(10));
    auto laid = layout_report(doc, fonts(), 0);
    const tpl::Table t = status_table(10);
    std::vector<std::string> bold;
    for (const auto* r : body_runs(laid.document.pages.at(0), doc.style))
        if (r->face == FontFace::Bold) bold.push_back(r->text);
    // Every header line is made of whole words of its header.
    for (const auto& line : bold) {
        if (line.rfind("Table 1", 0) == 0) continue;
        for (const auto& word : core::split(line, ' ')) {
            if (word.empty()) continue;  // the space a tagged line ends with, for text extraction
            bool whole = false;
            for (const auto& c : t.columns)
                for (const auto& w : core::split(c.header, ' ')) whole |= w == word;
            INFO(line);
            CHECK(whole);
        }
    }
}

TEST_CASE("a table that cannot fit even at the smallest text is an error naming it and its widths", "[layout][table]") {
    tpl::DocTree doc;
    doc.blocks.push_back(status_table(14));
    auto laid = layout_report(doc, fonts(), 0);
    REQUIRE(laid.errors.size() == 1);
    const auto& e = laid.errors.front();
    CHECK(e.where.str() == "template.yaml:12:9");
    CHECK_THAT(e.message, Catch::StartsWith("table 'Table 1: Progress against targets' does not fit the text width of 483.3 pt "
                                            "even with its text at 7.0 pt: its 14 columns need at least "));
    CHECK_THAT(e.message, Catch::Contains("'Measure' ") && Catch::Contains("'Reason' "));
    REQUIRE(e.hints.size() == 1);
}

TEST_CASE("a date in a table cell is kept on one line like a number", "[layout][table]") {
    CHECK(looks_like_date("17 September 2015"));
    CHECK(looks_like_date("3 Sep 2015"));
    CHECK(looks_like_date("September 2015"));
    CHECK_FALSE(looks_like_date("September"));
    CHECK_FALSE(looks_like_date("17 Septembre 2015"));
    CHECK_FALSE(looks_like_date("Coaching visits 2015"));
    std::vector<std::vector<CellText>> grid = {{{{{"Due", FontFace::Bold, {}, {}}}, false, true}},
                                               {{{{"17 September 2015", FontFace::Regular, {}, {}}}, false, false}}};
    auto need = measure_columns(grid, 1, 9.5, 4, fonts());
    CHECK(need.min[0] == Approx(fonts().width("17 September 2015", FontFace::Regular, 9.5) + 8));
}

TEST_CASE("a split table's caption says continued on each next page, as a pagination artifact", "[layout][table]") {
    tpl::DocTree doc;
    doc.blocks.push_back(table(80));
    auto laid = layout_report(doc, fonts(), 0);
    REQUIRE(laid.document.pages.size() >= 2);
    for (std::size_t p = 0; p < laid.document.pages.size(); ++p) {
        int plain = 0, continued = 0;
        for (const auto* r : body_runs(laid.document.pages[p], doc.style)) {
            if (r->text.rfind("Table 1: Action plan (continued)", 0) == 0) {
                ++continued;
                CHECK(r->tag.artifact == Artifact::Pagination);
            } else if (r->text.rfind("Table 1: Action plan", 0) == 0) {
                ++plain;
                CHECK(r->tag.element > 0);  // the real Caption, once
            }
        }
        INFO("page " << p + 1);
        CHECK(plain == (p == 0 ? 1 : 0));
        CHECK(continued == (p == 0 ? 0 : 1));
    }
}

TEST_CASE("a table's note and source line stay on the page of its last row", "[layout][table]") {
    // Tables of growing length: wherever the last row falls, the note is on the same page.
    for (int rows = 20; rows < 40; ++rows) {
        tpl::DocTree doc;
        tpl::Table t = table(rows);
        t.source = "Source: the action plan";
        t.note = "Status as at the meeting date. " + words(12);
        doc.blocks.push_back(t);
        auto laid = layout_report(doc, fonts(), 0);
        int last_row_page = -1, note_page = -1, source_page = -1;
        for (std::size_t p = 0; p < laid.document.pages.size(); ++p)
            for (const auto* r : body_runs(laid.document.pages[p], doc.style)) {
                if (r->text.rfind("Action number " + std::to_string(rows) + " ", 0) == 0) last_row_page = static_cast<int>(p);
                if (r->text.rfind("Status as at", 0) == 0) note_page = static_cast<int>(p);
                if (r->text.rfind("Source: the action plan", 0) == 0) source_page = static_cast<int>(p);
            }
        INFO(rows << " rows");
        REQUIRE(last_row_page >= 0);
        CHECK(note_page == last_row_page);
        CHECK(source_page == last_row_page);
    }
}

TEST_CASE("a chart moves with the paragraph that introduces it and may shrink to stay", "[layout]") {
    // Fill a page to different depths, then a lead-in paragraph and a chart: the paragraph's
    // last line is always on the chart's page, and the chart is never below 80% of its height.
    for (int fill = 25; fill < 45; ++fill) {
        tpl::DocTree doc;
        for (int i = 0; i < fill; ++i) doc.blocks.push_back(para("Line " + std::to_string(i)));
        doc.blocks.push_back(para("The chart below shows the gap. " + words(6) + " lastword"));
        tpl::ChartBlock chart;
        chart.chart = 0;
        chart.height = 220;
        chart.caption = "Figure 1: A chart";
        doc.blocks.push_back(chart);
        auto laid = layout_report(doc, fonts(), 1);
        int lead_page = -1, chart_page = -1;
        for (std::size_t p = 0; p < laid.document.pages.size(); ++p)
            for (const auto& item : laid.document.pages[p].items) {
                if (const auto* r = std::get_if<TextRun>(&item); r && r->text.find("lastword") != std::string::npos)
                    lead_page = static_cast<int>(p);
                if (std::holds_alternative<ChartPlacement>(item)) chart_page = static_cast<int>(p);
            }
        INFO("fill " << fill);
        CHECK(lead_page == chart_page);
        REQUIRE(laid.chart_sizes.size() == 1);
        CHECK(laid.chart_sizes[0].height >= 0.8 * 220 - (9.5 * 1.25 + 4) - 1e-6);
    }
}

TEST_CASE("lettered lists print a) and web addresses break only after a slash or a dot", "[layout]") {
    tpl::DocTree doc;
    tpl::ListBlock l;
    l.lettered = true;
    l.items = {tpl::plain("First"), tpl::plain("Second")};
    doc.blocks.push_back(l);
    auto laid = layout_report(doc, fonts(), 0);
    std::vector<std::string> labels;
    for (const auto* r : body_runs(laid.document.pages[0], doc.style))
        if (r->text == "a) " || r->text == "b) " || r->text.find(".)") != std::string::npos) labels.push_back(r->text);
    CHECK(labels == std::vector<std::string>{"a) ", "b) "});
    const auto pieces = split_long_word("https://www.example.org.uk/joint-strategic-needs/current_reports?a=b");
    for (const auto& p : pieces) {
        INFO(p);
        CHECK((p.back() == '/' || p.back() == '.' || &p == &pieces.back()));
    }
    CHECK(split_long_word("a-long-compound-word-without-any-address").size() > 1);
}
