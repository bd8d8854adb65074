#include "engine/pdf/pdf_writer.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "charts/render/pango_text.h"
#include "engine/core/diagnostic.h"
#include "engine/core/file_io.h"
#include "engine/layout/fonts.h"
#include "engine/layout/page.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"
#include "tests/unit/pdf/pdf_fixtures.h"

using engine::core::EngineError;
using engine::layout::FontFiles;
using engine::pdf::write_pdf;
namespace el = engine::layout;

namespace {

const std::vector<charts::render::PdfChart>& chart_pdf() {
    static const auto charts = pdftest::make_charts();
    return charts;
}

// Writes a document to <dir>/<name> and returns the path.
std::string write_to(const test::TempDir& dir, const std::string& name, const std::string& bytes) {
    auto path = dir.path() / name;
    pdftest::write_bytes(path, bytes);
    return path.string();
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// pdffonts rows below the "----" rule, split on white space.
std::vector<std::vector<std::string>> pdffonts_rows(const std::string& path) {
    auto r = test::run({"pdffonts", path});
    REQUIRE(r.exit_code == 0);
    std::vector<std::vector<std::string>> rows;
    bool body = false;
    for (const auto& line : lines_of(r.out)) {
        if (line.rfind("----", 0) == 0) {
            body = true;
            continue;
        }
        if (!body || line.empty()) continue;
        std::istringstream in(line);
        std::vector<std::string> cols;
        for (std::string c; in >> c;) cols.push_back(c);
        rows.push_back(cols);
    }
    return rows;
}

struct WordBox {
    double x_min, y_min, x_max, y_max;
};

// Word boxes (points, origin top-left) per page from `pdftotext -bbox`.
std::vector<std::vector<std::pair<std::string, WordBox>>> word_boxes(const std::string& path) {
    auto r = test::run({"pdftotext", "-bbox", "-enc", "UTF-8", path, "-"});
    REQUIRE(r.exit_code == 0);
    std::vector<std::vector<std::pair<std::string, WordBox>>> pages;
    std::regex word_re(
        R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    for (const auto& line : lines_of(r.out)) {
        if (contains(line, "<page ")) pages.emplace_back();
        std::smatch m;
        if (std::regex_search(line, m, word_re) && !pages.empty()) {
            pages.back().push_back({m[5].str(),
                                    {std::stod(m[1].str()), std::stod(m[2].str()),
                                     std::stod(m[3].str()), std::stod(m[4].str())}});
        }
    }
    return pages;
}

const WordBox* find_word(const std::vector<std::pair<std::string, WordBox>>& page,
                         const std::string& word) {
    for (const auto& [w, box] : page)
        if (w == word) return &box;
    return nullptr;
}

// Opens PDF bytes with the QPDF API; the bytes must outlive the QPDF.
void open(QPDF& pdf, const std::string& bytes) {
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("written", bytes.data(), bytes.size());
}

}  // namespace

TEST_CASE("body text, symbols and the vector chart labels extract exactly without CMap warnings",
          "[pdf]") {
    test::TempDir dir;
    auto path = write_to(dir, "report.pdf", write_pdf(pdftest::sample_document(), chart_pdf(),
                                                      FontFiles{}));
    auto r = test::run({"pdftotext", "-enc", "UTF-8", path, "-"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());  // no "Syntax Warning: Invalid 'begincidrange' operator in ToUnicode"
    CHECK(contains(r.out, "Attainment gap report"));
    CHECK(contains(r.out, "Spend £1,200 – pupils’ café ≥ 5 − 2 points"));
    CHECK(contains(r.out, "✓"));
    CHECK(contains(r.out, "Target met"));
    CHECK(contains(r.out, "Italic note on the figures"));
    CHECK(contains(r.out, "Page 2 ✓"));
    CHECK(contains(r.out, "Axis label 2014/15"));    // chart page 1, placed from the chart PDF
    CHECK(contains(r.out, "Second chart 2016/17"));  // chart page 2
}

TEST_CASE("qpdf --check finds no errors or warnings in a written report", "[pdf]") {
    test::TempDir dir;
    pdftest::write_png(dir.path() / "logo.png");
    auto doc = pdftest::sample_document((dir.path() / "logo.png").string());
    auto path = write_to(dir, "report.pdf", write_pdf(doc, chart_pdf(), FontFiles{}));
    auto r = test::run({"qpdf", "--check", path});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "No syntax or stream encoding errors found"));
    CHECK_FALSE(contains(r.out + r.err, "WARNING"));
    CHECK_FALSE(contains(r.out + r.err, "ERROR"));
}

TEST_CASE("every font of a written report is embedded once per face as a tagged subset with a "
          "Unicode map",
          "[pdf]") {
    test::TempDir dir;
    auto path = write_to(dir, "report.pdf",
                         write_pdf(pdftest::sample_document(), chart_pdf(), FontFiles{}));
    auto rows = pdffonts_rows(path);
    std::multiset<std::string> names;
    for (const auto& cols : rows) {
        REQUIRE(cols.size() >= 6);
        INFO(cols[0]);
        CHECK(cols[cols.size() - 5] == "yes");  // emb
        CHECK(cols[cols.size() - 4] == "yes");  // sub
        CHECK(cols[cols.size() - 3] == "yes");  // uni
        CHECK(std::regex_match(cols[0], std::regex("[A-Z]{6}\\+[A-Za-z-]+")));
        names.insert(cols[0].substr(cols[0].find('+') + 1));
    }
    // The five faces, each once: the charts' text is set in the pages' LiberationSans.
    CHECK(names == std::multiset<std::string>{"LiberationSans", "LiberationSans-Bold",
                                              "LiberationSans-Italic", "DejaVuSans",
                                              "DejaVuSans-Bold"});
}

TEST_CASE("a report that uses only Regular and Bold embeds only those two Liberation faces",
          "[pdf]") {
    test::TempDir dir;
    auto path = write_to(dir, "rb.pdf", write_pdf(pdftest::regular_and_bold_document(), {},
                                                  FontFiles{}));
    std::set<std::string> names;
    for (const auto& cols : pdffonts_rows(path)) {
        CHECK(cols[cols.size() - 5] == "yes");
        names.insert(cols[0].substr(cols[0].find('+') + 1));
    }
    CHECK(names == std::set<std::string>{"LiberationSans", "LiberationSans-Bold"});
}

TEST_CASE("pdfinfo shows the document info, page count, page sizes and the data's date",
          "[pdf]") {
    test::TempDir dir;
    auto path = write_to(dir, "report.pdf",
                         write_pdf(pdftest::sample_document(), chart_pdf(), FontFiles{}));
    auto r = test::run({"pdfinfo", "-isodates", "-f", "1", "-l", "2", path}, {"TZ=UTC"});
    REQUIRE(r.exit_code == 0);
    INFO(r.out);
    auto field = [&](const std::string& key) {
        for (const auto& line : lines_of(r.out)) {
            if (line.rfind(key + ":", 0) != 0) continue;
            auto value = line.find_first_not_of(' ', key.size() + 1);
            return value == std::string::npos ? std::string() : line.substr(value);
        }
        return std::string("<missing>");
    };
    CHECK(field("Title") == "Accelerating Achievement – Q3 £ report");
    CHECK(field("Author") == "Data Team");
    CHECK(field("Subject") == "Board pack");
    CHECK(field("Keywords") == "attainment, gap");
    CHECK(field("Creator") == "boardpack 0.1.0");
    CHECK(field("Producer") == "boardpack " BOARDPACK_VERSION " (libharu, qpdf)");
    CHECK(field("CreationDate").rfind("2015-09-17T00:00:00", 0) == 0);
    CHECK(field("ModDate").rfind("2015-09-17T00:00:00", 0) == 0);
    CHECK(field("Pages") == "2");
    CHECK(field("Page    1 size") == "595.276 x 841.89 pts (A4)");
    CHECK(field("Page    2 size") == "612 x 792 pts (letter)");
}

TEST_CASE("the same input gives byte-identical PDFs and another date changes the bytes",
          "[pdf]") {
    auto doc = pdftest::sample_document();
    auto first = write_pdf(doc, chart_pdf(), FontFiles{});
    auto second = write_pdf(doc, chart_pdf(), FontFiles{});
    CHECK(first == second);
    CHECK(contains(first, "/ID"));  // qpdf's deterministic ID

    doc.info.date = engine::core::Date{2015, 9, 18};
    CHECK(write_pdf(doc, chart_pdf(), FontFiles{}) != first);
}

TEST_CASE("reports written concurrently on several threads equal the single-threaded output",
          "[pdf]") {
    test::TempDir dir;
    pdftest::write_png(dir.path() / "logo.png");
    auto doc = pdftest::sample_document((dir.path() / "logo.png").string());
    const std::string expected = write_pdf(doc, chart_pdf(), FontFiles{});
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&, i] {
            for (int n = 0; n < 3; ++n) results[i] = write_pdf(doc, chart_pdf(), FontFiles{});
        });
    }
    for (auto& t : threads) t.join();
    for (const auto& r : results) CHECK(r == expected);
}

TEST_CASE("an external link is a URI action with a zero-width border", "[pdf]") {
    auto bytes = write_pdf(pdftest::sample_document(), chart_pdf(), FontFiles{});
    QPDF pdf;
    open(pdf, bytes);
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    REQUIRE(pages.size() == 2);
    auto annots = pages[0].getObjectHandle().getKey("/Annots");
    REQUIRE(annots.isArray());
    int uri_links = 0;
    for (auto a : annots.aitems()) {
        if (!a.getKey("/A").isDictionary()) continue;
        ++uri_links;
        CHECK(a.getKey("/Subtype").isNameAndEquals("/Link"));
        CHECK(a.getKey("/A").getKey("/S").isNameAndEquals("/URI"));
        CHECK(a.getKey("/A").getKey("/URI").getUTF8Value() == "https://example.org/report");
        auto border = a.getKey("/Border");
        REQUIRE(border.isArray());
        REQUIRE(border.getArrayNItems() == 3);
        CHECK(border.getArrayItem(2).getNumericValue() == 0.0);
        // Rect in PDF coordinates: x 56..196, y 841.89-173 .. 841.89-160
        auto rect = a.getKey("/Rect").getArrayAsRectangle();
        CHECK(rect.llx == Approx(56));
        CHECK(rect.urx == Approx(196));
        CHECK(rect.lly == Approx(841.89 - 173).margin(0.01));
        CHECK(rect.ury == Approx(841.89 - 160).margin(0.01));
    }
    CHECK(uri_links == 1);
}

TEST_CASE("an internal link jumps to its target page and keeps the reader's zoom", "[pdf]") {
    auto bytes = write_pdf(pdftest::sample_document(), chart_pdf(), FontFiles{});
    QPDF pdf;
    open(pdf, bytes);
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    REQUIRE(pages.size() == 2);
    int internal = 0;
    for (auto a : pages[0].getObjectHandle().getKey("/Annots").aitems()) {
        auto dest = a.getKey("/Dest");
        if (!dest.isArray()) continue;
        ++internal;
        CHECK(a.getKey("/Border").getArrayItem(2).getNumericValue() == 0.0);
        REQUIRE(dest.getArrayNItems() == 5);
        CHECK(dest.getArrayItem(0).getObjGen() == pages[1].getObjectHandle().getObjGen());
        CHECK(dest.getArrayItem(1).isNameAndEquals("/XYZ"));
        CHECK(dest.getArrayItem(3).getNumericValue() == Approx(792 - 72));
        CHECK(dest.getArrayItem(4).isNull());
    }
    CHECK(internal == 1);
}

TEST_CASE("the outline keeps titles, nesting and target pages and opens with the document",
          "[pdf]") {
    auto bytes = write_pdf(pdftest::sample_document(), chart_pdf(), FontFiles{});
    QPDF pdf;
    open(pdf, bytes);
    CHECK(pdf.getRoot().getKey("/PageMode").isNameAndEquals("/UseOutlines"));
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    QPDFOutlineDocumentHelper outlines(pdf);
    auto top = outlines.getTopLevelOutlines();
    REQUIRE(top.size() == 2);
    CHECK(top[0].getTitle() == "1 Summary – £ overview");
    CHECK(top[0].getDestPage().getObjGen() == pages[0].getObjectHandle().getObjGen());
    auto kids = top[0].getKids();
    REQUIRE(kids.size() == 1);
    CHECK(kids[0].getTitle() == "1.1 Spend ≥ target");
    CHECK(kids[0].getDestPage().getObjGen() == pages[0].getObjectHandle().getObjGen());
    CHECK(kids[0].getDest().getArrayItem(3).getNumericValue() == Approx(841.89 - 90).margin(0.01));
    CHECK(top[1].getTitle() == "2 Charts");
    CHECK(top[1].getDestPage().getObjGen() == pages[1].getObjectHandle().getObjGen());
    CHECK(top[1].getKids().empty());
}

TEST_CASE("text and charts land where the layout put them (top-left origin, baseline y)",
          "[pdf]") {
    test::TempDir dir;
    auto path = write_to(dir, "report.pdf",
                         write_pdf(pdftest::sample_document(), chart_pdf(), FontFiles{}));
    auto pages = word_boxes(path);
    REQUIRE(pages.size() == 2);

    const WordBox* spend = find_word(pages[0], "Spend");
    REQUIRE(spend);
    CHECK(spend->x_min == Approx(56).margin(0.5));
    CHECK(spend->y_min < 100);  // the baseline at y = 100 lies inside the word's box
    CHECK(spend->y_max > 100);

    // Chart page 1 (453 x 255) fills the box (56, 210, 453, 255); its label sits 20 pt above
    // the chart's bottom edge, 40 pt in.
    const WordBox* axis = find_word(pages[0], "Axis");
    REQUIRE(axis);
    CHECK(axis->x_min == Approx(56 + 40).margin(1));
    CHECK(axis->y_max == Approx(210 + 255 - 20).margin(4));
    // Chart text is where the chart layout measured it: the label's last word starts after
    // pango's width of the words before it (glyph positions corrected to 1/1000 em).
    const WordBox* year = find_word(pages[0], "2014/15");
    REQUIRE(year);
    const charts::render::PangoTextMeasure measure;
    CHECK(year->x_min == Approx(56 + 40 + measure.width("Axis label ", {false, 11})).margin(0.02));

    // On page 2 chart page 1 is placed again at half size in (72, 320, 226.5, 127.5).
    const WordBox* axis2 = find_word(pages[1], "Axis");
    REQUIRE(axis2);
    CHECK(axis2->x_min == Approx(72 + 20).margin(1));
    CHECK(axis2->y_max == Approx(320 + 127.5 - 10).margin(3));
    CHECK(find_word(pages[1], "Second"));
}

TEST_CASE("a chart placed twice is one form XObject in the report", "[pdf]") {
    auto bytes = write_pdf(pdftest::sample_document(), chart_pdf(), FontFiles{});
    QPDF pdf;
    open(pdf, bytes);
    std::set<QPDFObjGen> forms;
    int placements = 0;
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        auto xobjects = page.getAttribute("/Resources", false).getKey("/XObject");
        if (!xobjects.isDictionary()) continue;
        for (auto item : xobjects.ditems()) {
            if (!item.second.isFormXObject()) continue;
            ++placements;
            forms.insert(item.second.getObjGen());
        }
    }
    CHECK(placements == 3);
    CHECK(forms.size() == 2);
}

TEST_CASE("a placement of a chart the report does not have is an EngineError", "[pdf]") {
    auto doc = pdftest::sample_document();
    pdftest::add(doc.pages[1], el::ChartPlacement{72, 500, 100, 100, 7, {}});
    try {
        write_pdf(doc, chart_pdf(), FontFiles{});
        FAIL("no error");
    } catch (const EngineError& e) {
        CHECK(contains(e.what(), "places chart 8"));
        CHECK(contains(e.what(), "the report has 2 chart(s)"));
    }
    CHECK_THROWS_AS(write_pdf(doc, {}, FontFiles{}), EngineError);
}

TEST_CASE("a link or bookmark to a page that does not exist is an EngineError", "[pdf]") {
    auto doc = pdftest::sample_document();
    pdftest::add(doc.pages[0], el::Link{10, 10, 10, 10, "", 5, 0, {}});
    CHECK_THROWS_WITH(write_pdf(doc, chart_pdf(), FontFiles{}),
                      Catch::Contains("page 1: an internal link points to page 6"));
    doc = pdftest::sample_document();
    doc.outline.push_back({"Appendix", 0, 2, 0});
    CHECK_THROWS_WITH(write_pdf(doc, chart_pdf(), FontFiles{}),
                      Catch::Contains("bookmark 'Appendix' points to page 3"));
}

TEST_CASE("a missing font file is an EngineError naming the file", "[pdf]") {
    FontFiles fonts;
    fonts.paths[static_cast<std::size_t>(el::FontFace::Bold)] = "/nonexistent/fonts/Missing-Bold.ttf";
    try {
        write_pdf(pdftest::regular_and_bold_document(), {}, fonts);
        FAIL("no error");
    } catch (const EngineError& e) {
        CHECK(contains(e.what(), "/nonexistent/fonts/Missing-Bold.ttf"));
        CHECK(contains(e.what(), "font file not found"));
    }
    // A face nobody uses is never loaded, so its missing file does not matter.
    FontFiles unused;
    unused.paths[static_cast<std::size_t>(el::FontFace::Symbol)] = "/nonexistent/Symbol.ttf";
    CHECK_NOTHROW(write_pdf(pdftest::regular_and_bold_document(), {}, unused));
}

TEST_CASE("a font file that is not a TrueType font is an EngineError naming the file", "[pdf]") {
    test::TempDir dir;
    auto bad = dir.path() / "Broken-Regular.ttf";
    pdftest::write_bytes(bad, std::string(2048, 'x'));
    FontFiles fonts;
    fonts.paths[0] = bad.string();
    try {
        write_pdf(pdftest::regular_and_bold_document(), {}, fonts);
        FAIL("no error");
    } catch (const EngineError& e) {
        CHECK(contains(e.what(), bad.string()));
        CHECK(contains(e.what(), "libharu error 0x"));
        CHECK(contains(e.what(), "not a TrueType font"));
    }
}

TEST_CASE("a font whose licence forbids embedding is an EngineError naming the file", "[pdf]") {
    // Liberation Sans with its OS/2 fsType set to 2 (restricted licence: no embedding).
    std::string font = engine::core::read_file(FontFiles{}.paths[0]);
    auto u16 = [&font](std::size_t at) {
        return static_cast<unsigned>(static_cast<unsigned char>(font[at])) << 8 |
               static_cast<unsigned char>(font[at + 1]);
    };
    auto u32 = [&u16](std::size_t at) { return u16(at) << 16 | u16(at + 2); };
    std::size_t os2 = 0;
    for (unsigned i = 0; i < u16(4); ++i) {
        if (font.compare(12 + 16 * i, 4, "OS/2") == 0) os2 = u32(12 + 16 * i + 8);
    }
    REQUIRE(os2 != 0);
    font[os2 + 8] = 0;
    font[os2 + 9] = 2;
    test::TempDir dir;
    auto restricted = dir.path() / "Restricted-Regular.ttf";
    pdftest::write_bytes(restricted, font);
    FontFiles fonts;
    fonts.paths[0] = restricted.string();
    CHECK_THROWS_WITH(write_pdf(pdftest::regular_and_bold_document(), {}, fonts),
                      Catch::Contains(restricted.string()) &&
                          Catch::Contains("does not allow embedding") && Catch::Contains("fsType 2"));
}

TEST_CASE("a corrupt logo is an EngineError naming the file and later documents still write",
          "[pdf]") {
    test::TempDir dir;
    SECTION("a file that is not a PNG at all") {
        auto logo = dir.path() / "logo.png";
        pdftest::write_bytes(logo, "GIF89a this is not a PNG file");
        CHECK_THROWS_WITH(write_pdf(pdftest::sample_document(logo.string()), chart_pdf(),
                                    FontFiles{}),
                          Catch::Contains(logo.string()) && Catch::Contains("not a PNG"));
    }
    SECTION("a PNG cut short after its header") {
        pdftest::write_png(dir.path() / "good.png");
        std::string png = engine::core::read_file(dir.path() / "good.png");
        auto logo = dir.path() / "logo.png";
        pdftest::write_bytes(logo, png.substr(0, 60));
        CHECK_THROWS_WITH(write_pdf(pdftest::sample_document(logo.string()), chart_pdf(),
                                    FontFiles{}),
                          Catch::Contains(logo.string()) && Catch::Contains("damaged PNG"));
    }
    SECTION("a missing logo") {
        auto logo = dir.path() / "missing.png";
        CHECK_THROWS_WITH(write_pdf(pdftest::sample_document(logo.string()), chart_pdf(),
                                    FontFiles{}),
                          Catch::Contains(logo.string()));
    }
    pdftest::write_png(dir.path() / "fine.png");
    auto bytes = write_pdf(pdftest::sample_document((dir.path() / "fine.png").string()),
                           chart_pdf(), FontFiles{});
    auto path = write_to(dir, "after.pdf", bytes);
    CHECK(test::run({"qpdf", "--check", path}).exit_code == 0);
}

TEST_CASE("a PNG logo is embedded once as an image on its page", "[pdf]") {
    test::TempDir dir;
    auto logo = (dir.path() / "logo.png").string();
    pdftest::write_png(logo);
    auto doc = pdftest::sample_document(logo);
    pdftest::add(doc.pages[1], el::Image{500, 20, 44, 44, logo, {}});
    auto bytes = write_pdf(doc, chart_pdf(), FontFiles{});
    QPDF pdf;
    open(pdf, bytes);
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    auto first = pages[0].getImages();
    auto second = pages[1].getImages();
    REQUIRE(first.size() == 1);
    REQUIRE(second.size() == 1);
    CHECK(first.begin()->second.getObjGen() == second.begin()->second.getObjGen());
    CHECK(first.begin()->second.getDict().getKey("/Width").getIntValue() == 48);
    CHECK(first.begin()->second.getDict().getKey("/SMask").isNull());  // opaque: no mask
}

TEST_CASE("a logo with transparency keeps its alpha channel as a soft mask", "[pdf]") {
    test::TempDir dir;
    auto logo = (dir.path() / "logo.png").string();
    pdftest::write_png(logo, /*with_alpha=*/true);
    auto bytes = write_pdf(pdftest::sample_document(logo), chart_pdf(), FontFiles{});
    QPDF pdf;
    open(pdf, bytes);
    auto images = QPDFPageDocumentHelper(pdf).getAllPages()[0].getImages();
    REQUIRE(images.size() == 1);
    auto dict = images.begin()->second.getDict();
    CHECK(dict.getKey("/ColorSpace").isNameAndEquals("/DeviceRGB"));
    auto smask = dict.getKey("/SMask");
    REQUIRE(smask.isStream());
    CHECK(smask.getDict().getKey("/ColorSpace").isNameAndEquals("/DeviceGray"));
    CHECK(smask.getDict().getKey("/Width").getIntValue() == 48);
}

TEST_CASE("a document with no pages is an EngineError", "[pdf]") {
    CHECK_THROWS_AS(write_pdf(el::Document{}, {}, FontFiles{}), EngineError);
}
