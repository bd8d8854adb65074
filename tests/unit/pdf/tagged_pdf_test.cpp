// The pdf stage's tagging (marked content, structure tree, ParentTree, link OBJRs) read back
// with the project's tag checker, pdfinfo -struct-text and the pixels; and the checker itself
// shown to find each kind of fault in a damaged copy.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <string>

#include "engine/core/diagnostic.h"
#include "engine/layout/fonts.h"
#include "engine/layout/page.h"
#include "engine/pdf/pdf_writer.h"
#include "tests/support/process.h"
#include "tests/support/tag_checker.h"
#include "tests/support/temp_dir.h"
#include "tests/unit/pdf/pdf_fixtures.h"

namespace el = engine::layout;

namespace {

const std::vector<charts::render::PdfChart>& chart_pdf() {
    static const auto charts = pdftest::make_charts();
    return charts;
}

const std::string& tagged_bytes() {
    static const std::string bytes = engine::pdf::write_pdf(pdftest::tagged_document(), chart_pdf(), el::FontFiles{});
    return bytes;
}

std::string write(const test::TempDir& dir, const std::string& name, const std::string& bytes) {
    auto path = dir.path() / name;
    pdftest::write_bytes(path, bytes);
    return path.string();
}

// A copy of the tagged PDF changed by `damage` through the QPDF API.
std::string damaged(const test::TempDir& dir, const std::string& name,
                    const std::function<void(QPDF&, std::vector<QPDFPageObjectHelper>&)>& damage) {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    const std::string& bytes = tagged_bytes();
    pdf.processMemoryFile("tagged", bytes.data(), bytes.size());
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    damage(pdf, pages);
    std::string path = (dir.path() / name).string();
    QPDFWriter w(pdf, path.c_str());
    w.write();
    return path;
}

// Every structure element of a type, in tree order.
std::vector<QPDFObjectHandle> elements(QPDF& pdf, const std::string& type) {
    std::vector<QPDFObjectHandle> out;
    std::function<void(QPDFObjectHandle)> walk = [&](QPDFObjectHandle e) {
        if (!e.isDictionary()) return;
        if (e.getKey("/S").isNameAndEquals("/" + type)) out.push_back(e);
        QPDFObjectHandle k = e.getKey("/K");
        if (k.isArray())
            for (auto kid : k.aitems()) walk(kid);
        else
            walk(k);
    };
    walk(pdf.getRoot().getKey("/StructTreeRoot").getKey("/K"));
    return out;
}

bool has_failure(const test::TagCheckReport& r, const std::string& code) {
    return std::any_of(r.failures.begin(), r.failures.end(),
                       [&](const std::string& f) { return f.find(code) != std::string::npos; });
}

}  // namespace

TEST_CASE("a tagged document passes the tag checker with every mark in tagged content or an artifact",
          "[pdf][tagging]") {
    test::TempDir dir;
    auto r = test::check_tagged_pdf(write(dir, "tagged.pdf", tagged_bytes()));
    INFO(test::describe(r));
    CHECK(r.ok());
    CHECK(r.pages == 2);
    CHECK(r.elements["Document"] == 1);
    CHECK(r.elements["H1"] == 1);
    CHECK(r.elements["P"] == 5);
    CHECK(r.elements["Link"] == 2);
    CHECK(r.elements["Figure"] == 3);
    CHECK(r.marks >= 14);                // every text run, rule, fill and chart
    CHECK(r.tagged_sequences == 10);  // one per run of items of one element (✓ and "Target met" share one)
    CHECK(r.artifact_sequences == 4);
    CHECK(r.figure_alts == std::vector<std::string>{"Bar chart of the axis label for 2014/15.",
                                                    "Second chart for 2016/17.",
                                                    "The first chart again, smaller."});
}

TEST_CASE("pdfinfo -struct-text reads the tagged document by element, the charts' text in their Figure and no footer",
          "[pdf][tagging]") {
    test::TempDir dir;
    auto r = test::run({"pdfinfo", "-struct-text", write(dir, "tagged.pdf", tagged_bytes())});
    REQUIRE(r.exit_code == 0);
    const std::string& s = r.out;
    auto at = [&](const std::string& what) { return s.find(what); };
    REQUIRE(at("H1") != std::string::npos);
    CHECK(at("\"Attainment gap report\"") > at("H1"));
    CHECK(at("Link") != std::string::npos);
    CHECK(at("\"https://example.org/report\"") > at("Link"));
    CHECK(at("Figure") != std::string::npos);
    CHECK(at("Axis label 2014/15") > at("Figure"));   // the chart's own text, inside its Figure
    CHECK(at("Second chart 2016/17") > at("\"Charts\""));
    CHECK(at("Page 2") == std::string::npos);          // the footer artifact is not content
}

TEST_CASE("tagging does not change the look: tagged and untagged pages render to the same pixels",
          "[pdf][tagging]") {
    test::TempDir dir;
    std::string plain = write(dir, "plain.pdf", engine::pdf::write_pdf(pdftest::sample_document(), chart_pdf(), el::FontFiles{}));
    std::string tagged = write(dir, "tagged.pdf", tagged_bytes());
    for (const char* page : {"1", "2"}) {
        auto a = test::run({"pdftoppm", "-r", "50", "-f", page, "-l", page, plain});
        auto b = test::run({"pdftoppm", "-r", "50", "-f", page, "-l", page, tagged});
        REQUIRE(a.exit_code == 0);
        REQUIRE(b.exit_code == 0);
        REQUIRE(a.out.size() > 1000);
        CHECK(a.out == b.out);
    }
}

TEST_CASE("an untagged document fails the tag checker for having no structure tree", "[pdf][tagging]") {
    test::TempDir dir;
    auto r = test::check_tagged_pdf(
        write(dir, "plain.pdf", engine::pdf::write_pdf(pdftest::sample_document(), chart_pdf(), el::FontFiles{})));
    CHECK_FALSE(r.ok());
    CHECK(has_failure(r, "01-001"));
}

TEST_CASE("the tag checker finds a mark outside marked content and tagged content inside an artifact",
          "[pdf][tagging]") {
    test::TempDir dir;
    auto naked = damaged(dir, "naked.pdf", [](QPDF& pdf, auto& pages) {
        pages[1].addPageContents(QPDFObjectHandle::newStream(&pdf, "0 0 m 10 10 l S\n"), false);
    });
    auto r = test::check_tagged_pdf(naked);
    CHECK(has_failure(r, "page 2: 'S' outside tagged content or an artifact (01-005)"));

    auto nested = damaged(dir, "nested.pdf", [](QPDF& pdf, auto& pages) {
        pages[0].addPageContents(
            QPDFObjectHandle::newStream(&pdf, "/Artifact BMC /P <</MCID 90>> BDC 0 0 m 1 1 l S EMC EMC\n"), false);
    });
    r = test::check_tagged_pdf(nested);
    CHECK(has_failure(r, "tagged content inside an artifact (01-004)"));
    CHECK(has_failure(r, "MCID 90 (P) is not in the ParentTree"));
}

TEST_CASE("the tag checker finds a Figure without alt text, a skipped heading level and a bad table row",
          "[pdf][tagging]") {
    test::TempDir dir;
    auto path = damaged(dir, "structure.pdf", [](QPDF& pdf, auto&) {
        elements(pdf, "Figure").front().removeKey("/Alt");
        elements(pdf, "H2").front().replaceKey("/S", QPDFObjectHandle::newName("/H3"));
        elements(pdf, "P").front().replaceKey("/S", QPDFObjectHandle::newName("/TR"));
        elements(pdf, "H1").front().replaceKey("/S", QPDFObjectHandle::newName("/Heading"));
    });
    auto r = test::check_tagged_pdf(path);
    INFO(test::describe(r));
    CHECK(has_failure(r, "a Figure has no alternate text (/Alt) (13-004)"));
    CHECK(has_failure(r, "structure type 'Heading' is not standard and not role-mapped to one (02-001)"));
    CHECK(has_failure(r, "the first heading is H3, not H1 (14-002)"));
    CHECK(has_failure(r, "a TR outside a table (09-004)"));
}

TEST_CASE("the tag checker finds a link annotation without /Contents or outside the structure tree",
          "[pdf][tagging]") {
    test::TempDir dir;
    auto path = damaged(dir, "links.pdf", [](QPDF&, auto& pages) {
        QPDFObjectHandle annots = pages[0].getObjectHandle().getKey("/Annots");
        annots.getArrayItem(0).removeKey("/Contents");
        annots.getArrayItem(1).removeKey("/StructParent");
    });
    auto r = test::check_tagged_pdf(path);
    CHECK(has_failure(r, "page 1: a link annotation has no /Contents (28-004)"));
    CHECK(has_failure(r, "page 1: a link annotation is not in the structure tree (no /StructParent and OBJR) (28-011)"));
}

TEST_CASE("a tagged document with an untagged item is an EngineError naming the item", "[pdf][tagging]") {
    el::Document doc = pdftest::tagged_document();
    std::get<el::TextRun>(doc.pages[0].items[2]).tag = {};
    try {
        (void)engine::pdf::write_pdf(doc, chart_pdf(), el::FontFiles{});
        FAIL("write_pdf accepted an untagged text run");
    } catch (const engine::core::EngineError& e) {
        CHECK(std::string(e.what()).find("page 1: a text run belongs to no structure element and is no artifact") !=
              std::string::npos);
    }
}

TEST_CASE("the tag checker finds a font without a ToUnicode map", "[pdf][tagging]") {
    test::TempDir dir;
    auto path = damaged(dir, "fonts.pdf", [](QPDF&, auto& pages) {
        QPDFObjectHandle fonts = pages[0].getAttribute("/Resources", false).getKey("/Font");
        for (auto [name, font] : fonts.ditems()) font.removeKey("/ToUnicode");
    });
    auto r = test::check_tagged_pdf(path);
    CHECK(has_failure(r, "has no ToUnicode map: its text cannot be read (10-001)"));
    CHECK_FALSE(has_failure(r, "is not embedded"));
}
