#include "engine/layout/report_layout.h"

#include <catch2/catch.hpp>

#include <algorithm>

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
    CHECK(laid.chart_sizes[0].height == Approx(230));
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
