// The structure tree the layout builds beside its pages, and the tag of every page item.
#include "engine/layout/report_layout.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/layout/structure.h"
#include "engine/templating/inline_markup.h"
#include "tests/unit/layout_fixtures.h"

namespace tpl = engine::templating;
using layouttest::fonts;
using layouttest::para;
using namespace engine::layout;

namespace {

tpl::Heading heading(const std::string& number, const std::string& text, int level) {
    tpl::Heading h;
    h.number = number;
    h.text = text;
    h.level = level;
    return h;
}

tpl::Table table(int rows) {
    tpl::Table t;
    t.caption = "Table 1: Action plan";
    t.columns = {{"Action", tpl::Align::Left, 3}, {"Status", tpl::Align::Left, 1}};
    for (int i = 0; i < rows; ++i) {
        std::vector<tpl::TableCell> row(2);
        row[0].text = tpl::plain("Action number " + std::to_string(i + 1));
        row[1].text = tpl::plain("Complete");
        row[1].fill = tpl::Rgb{0, 112, 60};
        t.rows.push_back(row);
    }
    t.note = "Statuses as at the meeting date.";
    return t;
}

// A board paper with one of every block.
tpl::DocTree every_block() {
    tpl::DocTree doc;
    doc.style.header_left = "Running header";
    doc.style.footer_left = "Data as at 17 September 2015";
    doc.style.classification = "OFFICIAL";
    doc.front.kind = tpl::FrontMatter::Kind::BoardPaper;
    doc.front.title = "Progress update";
    doc.front.fields = {{"To", "Health and Wellbeing Board"}, {"Date", "17 September 2015"}};
    doc.blocks.push_back(tpl::Contents{});
    doc.blocks.push_back(heading("1.0", "Purpose", 0));
    doc.blocks.push_back(para("To update the Board; see [the strategy](https://example.org/strategy) "
                              "and the [annual report](https://example.org/annual-report).", "1.1"));
    doc.blocks.push_back(heading("1.1", "Detail", 1));
    tpl::ListBlock list;
    list.items = {tpl::plain("First point"), tpl::plain("Second point")};
    doc.blocks.push_back(list);
    doc.blocks.push_back(table(80));  // splits across pages
    tpl::ChartBlock chart;
    chart.chart = 0;
    chart.caption = "Figure 1: The gap";
    doc.blocks.push_back(chart);
    tpl::Quote quote;
    quote.text = tpl::plain("It made a difference.");
    quote.attribution = "A setting";
    doc.blocks.push_back(quote);
    tpl::Callout callout;
    callout.title = "Key points";
    callout.items = {tpl::plain("One"), tpl::plain("Two")};
    doc.blocks.push_back(callout);
    return doc;
}

const LaidOutReport& laid_every_block() {
    static const LaidOutReport laid = layout_report(every_block(), fonts(), 1);
    return laid;
}

const Tag& tag_of(const PageItem& item) {
    return std::visit([](const auto& it) -> const Tag& { return it.tag; }, item);
}

StructType type_of(const Document& d, const Tag& t) { return d.structure[t.element].type; }

// The text runs of the whole document in drawing order.
std::vector<const TextRun*> runs(const Document& d) {
    std::vector<const TextRun*> out;
    for (const auto& page : d.pages)
        for (const auto& item : page.items)
            if (const auto* r = std::get_if<TextRun>(&item)) out.push_back(r);
    return out;
}

const TextRun* run_starting(const Document& d, const std::string& text) {
    for (const auto* r : runs(d))
        if (r->text.rfind(text, 0) == 0) return r;
    return nullptr;
}

// The types of the ancestors of element `e`, nearest first.
std::vector<StructType> ancestors(const Document& d, int e) {
    std::vector<StructType> out;
    for (int p = d.structure[e].parent; p >= 0; p = d.structure[p].parent) out.push_back(d.structure[p].type);
    return out;
}

}  // namespace

TEST_CASE("every item of a laid-out report is tagged with an element or as an artifact", "[layout][tagging]") {
    const Document& d = laid_every_block().document;
    REQUIRE(d.pages.size() >= 3);
    int items = 0;
    for (const auto& page : d.pages)
        for (const auto& item : page.items) {
            const Tag& t = tag_of(item);
            CHECK(t.tagged());
            CHECK(t.element < d.structure.size());
            CHECK(t.element != 0);  // nothing belongs to the Document root itself
            ++items;
        }
    CHECK(items > 200);
}

TEST_CASE("the running header and footer, page numbers and the marking are artifacts", "[layout][tagging]") {
    const Document& d = laid_every_block().document;
    int header = 0, footer = 0;
    for (const auto* r : runs(d)) {
        if (r->text == "Running header" || r->text == "OFFICIAL") {
            CHECK(r->tag.element == -1);
            if (r->tag.artifact == Artifact::Header) ++header;
        }
        if (r->text.rfind("Page ", 0) == 0 || r->text.rfind("Data as at", 0) == 0) {
            CHECK(r->tag == Tag::as(Artifact::Footer));
            ++footer;
        }
    }
    CHECK(header == 2 * static_cast<int>(d.pages.size()));             // header and top marking
    CHECK(footer == 2 * static_cast<int>(d.pages.size()));             // footer text and page number
    // Furniture comes after the body on each page, so the page reads body first.
    const auto& first = d.pages[0].items;
    CHECK(tag_of(first.front()).element > 0);
    CHECK(tag_of(first.back()).artifact != Artifact::None);
}

TEST_CASE("the title is H1, sections H2 and sub-sections H3, and without a title sections are H1",
          "[layout][tagging]") {
    const Document& d = laid_every_block().document;
    CHECK(type_of(d, run_starting(d, "Progress update")->tag) == StructType::H1);
    CHECK(type_of(d, run_starting(d, "Purpose")->tag) == StructType::H2);
    CHECK(type_of(d, run_starting(d, "Detail")->tag) == StructType::H3);
    CHECK(type_of(d, run_starting(d, "Contents")->tag) == StructType::H2);

    tpl::DocTree untitled;
    untitled.blocks.push_back(heading("1.0", "Purpose", 0));
    untitled.blocks.push_back(heading("1.1", "Detail", 1));
    auto laid = layout_report(untitled, fonts(), 0);
    CHECK(type_of(laid.document, run_starting(laid.document, "Purpose")->tag) == StructType::H1);
    CHECK(type_of(laid.document, run_starting(laid.document, "Detail")->tag) == StructType::H2);
}

TEST_CASE("a paragraph's number is drawn before its text and belongs to its P", "[layout][tagging]") {
    const Document& d = laid_every_block().document;
    auto all = runs(d);
    auto number = std::find_if(all.begin(), all.end(), [](const TextRun* r) { return r->text == "1.1 "; });
    REQUIRE(number != all.end());
    REQUIRE(number + 1 != all.end());
    CHECK(number[1]->text.rfind("To update the Board", 0) == 0);
    CHECK(number[0]->tag == number[1]->tag);
    CHECK(type_of(d, number[0]->tag) == StructType::P);
    // The front block's labels are labelled paragraphs: "To: " then its value, one P.
    const TextRun* to = run_starting(d, "To:");
    REQUIRE(to != nullptr);
    CHECK(to->text == "To: ");
    CHECK(to->tag == run_starting(d, "Health and Wellbeing Board")->tag);
}

TEST_CASE("a link is one Link element in its paragraph owning its runs and annotations, described by its text",
          "[layout][tagging]") {
    const Document& d = laid_every_block().document;
    const TextRun* strategy = run_starting(d, "the strategy");
    REQUIRE(strategy != nullptr);
    const int link = strategy->tag.element;
    REQUIRE(type_of(d, strategy->tag) == StructType::Link);
    CHECK(d.structure[d.structure[link].parent].type == StructType::P);
    CHECK(d.structure[link].alt == "the strategy");
    int annotations = 0, other_links = 0;
    for (const auto& page : d.pages)
        for (const auto& item : page.items)
            if (const auto* l = std::get_if<Link>(&item)) {
                if (l->tag.element == link) ++annotations;
                else if (l->uri == "https://example.org/annual-report") ++other_links;
            }
    CHECK(annotations >= 1);
    CHECK(other_links >= 1);
}

TEST_CASE("a table is Caption, THead of TH column headers, TBody of TD cells, and its repeated header is an artifact",
          "[layout][tagging]") {
    const Document& d = laid_every_block().document;
    int th = 0, repeated = 0, td = 0;
    for (const auto* r : runs(d)) {
        if (r->text == "Action") {
            if (r->tag.element > 0) {
                ++th;
                const auto& cell = d.structure[r->tag.element];
                CHECK(cell.type == StructType::TH);
                CHECK(cell.scope == HeaderScope::Column);
                CHECK(ancestors(d, r->tag.element) ==
                      std::vector<StructType>{StructType::TR, StructType::THead, StructType::Table, StructType::Document});
            } else {
                CHECK(r->tag == Tag::as(Artifact::Pagination));
                ++repeated;
            }
        }
        if (r->text == "Action number 80") {
            ++td;
            CHECK(ancestors(d, r->tag.element) ==
                  std::vector<StructType>{StructType::TR, StructType::TBody, StructType::Table, StructType::Document});
        }
    }
    CHECK(th == 1);
    CHECK(repeated >= 1);
    CHECK(td == 1);
    CHECK(type_of(d, run_starting(d, "Table 1: Action plan")->tag) == StructType::Caption);
    const TextRun* note = run_starting(d, "Statuses as at");
    REQUIRE(note != nullptr);
    CHECK(type_of(d, note->tag) == StructType::Note);
    CHECK_FALSE(d.structure[note->tag.element].id.empty());
    // Status fills and rules are layout artifacts.
    for (const auto& page : d.pages)
        for (const auto& item : page.items)
            if (std::holds_alternative<Rect>(item) || std::holds_alternative<Line>(item))
                CHECK(tag_of(item).element == -1);
}

TEST_CASE("a list is L of LI, each a Lbl marker drawn first and an LBody", "[layout][tagging]") {
    const Document& d = laid_every_block().document;
    auto all = runs(d);
    auto first = std::find_if(all.begin(), all.end(), [](const TextRun* r) { return r->text == "First point"; });
    REQUIRE(first != all.begin());
    REQUIRE(first != all.end());
    const TextRun* marker = first[-1];
    CHECK(marker->text == "\xE2\x80\xA2 ");
    CHECK(type_of(d, marker->tag) == StructType::Lbl);
    CHECK(type_of(d, (*first)->tag) == StructType::LBody);
    CHECK(ancestors(d, (*first)->tag.element) ==
          std::vector<StructType>{StructType::LI, StructType::L, StructType::Document});
    CHECK(d.structure[marker->tag.element].parent == d.structure[(*first)->tag.element].parent);
}

TEST_CASE("the contents page is a TOC of TOCI entries whose Link owns the title and page number",
          "[layout][tagging]") {
    const Document& d = laid_every_block().document;
    const TextRun* entry = nullptr;
    for (const auto* r : runs(d))
        if (r->text == "1.0 Purpose") entry = r;
    REQUIRE(entry != nullptr);
    CHECK(type_of(d, entry->tag) == StructType::Link);
    CHECK(ancestors(d, entry->tag.element) ==
          std::vector<StructType>{StructType::Reference, StructType::TOCI, StructType::TOC, StructType::Document});
    CHECK(d.structure[entry->tag.element].alt.rfind("1.0 Purpose, page ", 0) == 0);
    // The entries are drawn where the contents page is, before the sections that follow.
    auto all = runs(d);
    auto at = std::find(all.begin(), all.end(), entry);
    auto purpose = std::find_if(all.begin(), all.end(), [](const TextRun* r) { return r->text == "Purpose"; });
    CHECK(at < purpose);
}

TEST_CASE("a chart is a Figure whose alt text is the one built with the chart, and its caption a Caption",
          "[layout][tagging]") {
    LaidOutReport laid = layout_report(every_block(), fonts(), 1);
    set_figure_alt_texts(laid.document, {"Line chart. The gap narrowed from 28.2 to 25.9 ppts."});
    const ChartPlacement* chart = nullptr;
    for (const auto& page : laid.document.pages)
        for (const auto& item : page.items)
            if (const auto* c = std::get_if<ChartPlacement>(&item)) chart = c;
    REQUIRE(chart != nullptr);
    const StructElement& figure = laid.document.structure[chart->tag.element];
    CHECK(figure.type == StructType::Figure);
    CHECK(figure.alt == "Line chart. The gap narrowed from 28.2 to 25.9 ppts.");
    const TextRun* caption = run_starting(laid.document, "Figure 1: The gap");
    REQUIRE(caption != nullptr);
    CHECK(type_of(laid.document, caption->tag) == StructType::Caption);
    CHECK(laid.document.structure[caption->tag.element].parent == chart->tag.element);
}

TEST_CASE("a quote is a BlockQuote and a callout a Div holding a list", "[layout][tagging]") {
    const Document& d = laid_every_block().document;
    CHECK(ancestors(d, run_starting(d, "It made a difference.")->tag.element).front() == StructType::BlockQuote);
    CHECK(ancestors(d, run_starting(d, "Key points")->tag.element).front() == StructType::Div);
    CHECK(ancestors(d, run_starting(d, "One")->tag.element) ==
          std::vector<StructType>{StructType::LI, StructType::L, StructType::Div, StructType::Document});
}

TEST_CASE("a line that another follows ends with a space, so words read from the tags stay apart",
          "[layout][tagging]") {
    tpl::DocTree doc;
    std::string text;
    for (int i = 0; i < 40; ++i) text += (i ? " " : "") + std::string("attainment");
    doc.blocks.push_back(para(text));
    auto laid = layout_report(doc, fonts(), 0);
    auto all = runs(laid.document);
    std::vector<const TextRun*> body;
    for (const auto* r : all)
        if (r->text.find("attainment") != std::string::npos) body.push_back(r);
    REQUIRE(body.size() >= 3);
    for (std::size_t i = 0; i + 1 < body.size(); ++i) CHECK(body[i]->text.back() == ' ');
    CHECK(body.back()->text.back() == 't');
}
