#include "engine/pdf/page_text.h"

#include <hpdf.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "engine/core/text.h"
#include "engine/layout/fonts.h"
#include "engine/pdf/pdf_writer.h"
#include "tests/unit/pdf/pdf_fixtures.h"

namespace {

// The document's bytes; frees it.
std::string saved_and_freed(HPDF_Doc doc) {
    REQUIRE(HPDF_SaveToStream(doc) == HPDF_OK);
    std::string bytes(HPDF_GetStreamSize(doc), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
    HPDF_Free(doc);
    return bytes;
}

// Every text, shown by libharu on page 1 and by TextShower on page 2 of one libharu document
// (uncompressed); returns the two pages' content streams.
std::pair<std::string, std::string> both_ways(const std::vector<std::string>& texts) {
    HPDF_Doc doc = HPDF_New(nullptr, nullptr);
    REQUIRE(doc != nullptr);
    REQUIRE(HPDF_SetCompressionMode(doc, HPDF_COMP_NONE) == HPDF_OK);
    REQUIRE(HPDF_UseUTFEncodings(doc) == HPDF_OK);
    REQUIRE(HPDF_SetCurrentEncoder(doc, "UTF-8") == HPDF_OK);
    const engine::layout::FontFiles files;
    const char* name = HPDF_LoadTTFontFromFile(doc, files.paths[0].c_str(), HPDF_FALSE);
    REQUIRE(name != nullptr);
    HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");
    REQUIRE(font != nullptr);
    engine::pdf::TextShower shower;
    for (int way = 0; way < 2; ++way) {
        HPDF_Page page = HPDF_AddPage(doc);
        REQUIRE(HPDF_Page_BeginText(page) == HPDF_OK);
        REQUIRE(HPDF_Page_SetFontAndSize(page, font, 10) == HPDF_OK);
        for (const auto& text : texts) {
            REQUIRE(HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, 40, 700) == HPDF_OK);
            auto by_libharu = [&] { return HPDF_Page_ShowText(page, text.c_str()); };
            std::optional<HPDF_STATUS> shown;
            if (way == 1) shown = shower.show(page, HPDF_GetFontDef(doc, name), text);
            REQUIRE((shown ? *shown : by_libharu()) == HPDF_OK);
        }
        REQUIRE(HPDF_Page_EndText(page) == HPDF_OK);
    }
    const std::string bytes = saved_and_freed(doc);

    QPDF pdf;
    pdf.processMemoryFile("libharu", bytes.data(), bytes.size());
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    REQUIRE(pages.size() == 2);
    auto content = [](QPDFPageObjectHelper& page) {
        auto data = page.getObjectHandle().getKey("/Contents").getStreamData(qpdf_dl_generalized);
        return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    };
    return {content(pages[0]), content(pages[1])};
}

}  // namespace

TEST_CASE("a run of any one character up to U+FFFF is shown or skipped as libharu shows or skips it",
          "[pdf]") {
    // The shower asks the font's definition for widths (no libharu font object); libharu asks
    // its font. Every code point of the Basic Multilingual Plane but the surrogates, one a run.
    std::vector<std::string> texts;
    for (char32_t cp = 1; cp <= 0xFFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        std::string text;
        engine::core::append_utf8(text, cp);
        texts.push_back(text);
    }
    auto [by_libharu, by_shower] = both_ways(texts);
    CHECK(by_shower.size() == by_libharu.size());
    CHECK(by_shower == by_libharu);
    CHECK(by_libharu.find("<0041> Tj") != std::string::npos);
    CHECK(by_libharu.find("<0301> Tj") == std::string::npos);  // a combining accent has no width
}

TEST_CASE("a font chosen without libharu is the operator libharu writes for the same resource name",
          "[pdf]") {
    HPDF_Doc doc = HPDF_New(nullptr, nullptr);
    REQUIRE(doc != nullptr);
    REQUIRE(HPDF_SetCompressionMode(doc, HPDF_COMP_NONE) == HPDF_OK);
    HPDF_Page page = HPDF_AddPage(doc);
    CHECK(engine::pdf::select_font(page, "BF0", 10) == HPDF_PAGE_INVALID_GMODE);  // not in BT
    REQUIRE(HPDF_Page_BeginText(page) == HPDF_OK);
    CHECK(engine::pdf::select_font(page, "BF0", 0) == HPDF_PAGE_INVALID_FONT_SIZE);
    CHECK(engine::pdf::select_font(page, "BF0", 601) == HPDF_PAGE_INVALID_FONT_SIZE);
    CHECK(engine::pdf::select_font(page, "BF3", 9.5) == HPDF_OK);
    CHECK(engine::pdf::select_font(page, "BF0", 12) == HPDF_OK);
    REQUIRE(HPDF_Page_EndText(page) == HPDF_OK);
    const std::string bytes = saved_and_freed(doc);
    CHECK(bytes.find("BT\012/BF3 9.5 Tf\012/BF0 12 Tf\012ET") != std::string::npos);
}

TEST_CASE("a text run shown without libharu measuring it is the operator libharu writes",
          "[pdf]") {
    // ASCII, Latin-1 and punctuation beyond it, a combining accent alone (no width: libharu
    // writes nothing), a character above U+FFFF (handed to libharu), invalid UTF-8 (likewise).
    const std::vector<std::string> texts = {
        "Setting 00003 (Cambridgeshire)", "£ – ’ é ≥ − ✓", "\xCC\x81", "gap 1.5 \xF0\x9F\x98\x80",
        "bad \xC3 byte", "x\xCC\x81"};
    auto [by_libharu, by_shower] = both_ways(texts);
    CHECK(by_shower == by_libharu);
    CHECK(by_libharu.find("<00530065007400740069006E0067") != std::string::npos);
    CHECK(by_libharu.find("<0301> Tj") == std::string::npos);  // the accent alone is not shown
    CHECK(by_libharu.find("<00780301> Tj") != std::string::npos);
}

TEST_CASE("a report written after others on the same thread, its fonts cached, is byte for byte a first report",
          "[pdf]") {
    const engine::layout::FontFiles fonts;
    std::string first_on_a_thread, sample_first;
    std::thread([&] {
        first_on_a_thread = engine::pdf::write_pdf(pdftest::regular_and_bold_document(), {}, fonts);
    }).join();
    std::thread([&] {
        sample_first = engine::pdf::write_pdf(pdftest::sample_document(), pdftest::make_charts(), fonts);
    }).join();
    std::string after_others, sample_after;
    std::thread([&] {
        // The first puts its subsets in the thread's cache, the last takes them from it; the
        // sample shows other glyphs of the same files.
        engine::pdf::write_pdf(pdftest::regular_and_bold_document(), {}, fonts);
        sample_after = engine::pdf::write_pdf(pdftest::sample_document(), pdftest::make_charts(), fonts);
        engine::pdf::write_pdf(pdftest::tagged_document(), pdftest::make_charts(), fonts);
        after_others = engine::pdf::write_pdf(pdftest::regular_and_bold_document(), {}, fonts);
    }).join();
    CHECK(!first_on_a_thread.empty());
    CHECK(after_others == first_on_a_thread);
    CHECK(sample_after == sample_first);
    CHECK(sample_after != after_others);
}

TEST_CASE("text only libharu can encode shares the page's one font of its file", "[pdf]") {
    // A run with a character above U+FFFF goes through a libharu font of the file; the qpdf
    // pass makes that the same font object as the one the page's other runs name.
    namespace el = engine::layout;
    el::Document doc = pdftest::regular_and_bold_document();
    doc.pages[0].items.push_back(el::TextRun{56, 120, el::FontFace::Regular, 11, el::Rgb{},
                                             "Smile \xF0\x9F\x98\x80 then text", {}});
    doc.pages[0].items.push_back(el::TextRun{56, 140, el::FontFace::Regular, 11, el::Rgb{},
                                             "More body text", {}});
    const std::string bytes = engine::pdf::write_pdf(doc, {}, engine::layout::FontFiles{});
    QPDF pdf;
    pdf.processMemoryFile("report", bytes.data(), bytes.size());
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    REQUIRE(pages.size() == 1);
    QPDFObjectHandle fonts = pages[0].getObjectHandle().getKey("/Resources").getKey("/Font");
    REQUIRE(fonts.isDictionary());
    std::set<QPDFObjGen> objects;
    std::set<std::string> base_fonts;
    for (auto item : fonts.ditems()) {
        QPDFObjectHandle font = item.second;
        objects.insert(font.getObjGen());
        base_fonts.insert(font.getKey("/BaseFont").getName());
        CHECK(font.getKey("/ToUnicode").isStream());
    }
    CHECK(fonts.getKeys().size() == 3);  // BF0, BF1 and libharu's name for the same regular file
    CHECK(objects.size() == 2);          // regular and bold: one font object each
    CHECK(base_fonts.size() == 2);
    auto content = pages[0].getObjectHandle().getKey("/Contents").getStreamData(qpdf_dl_generalized);
    const std::string ops(reinterpret_cast<const char*>(content->getBuffer()), content->getSize());
    auto count = [&ops](const std::string& what) {
        std::size_t n = 0;
        for (std::size_t at = ops.find(what); at != std::string::npos; at = ops.find(what, at + 1)) ++n;
        return n;
    };
    CHECK(count("/BF1 16 Tf") == 1);
    CHECK(count("/BF0 11 Tf") == 2);  // the body text, and again after libharu's own font
    CHECK(count(" 11 Tf") == 3);
    CHECK(ops.find("<004D006F00720065") != std::string::npos);  // "More…"
}
