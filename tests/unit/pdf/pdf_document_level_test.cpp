#include "engine/pdf/pdf_document_level.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <catch2/catch.hpp>

#include <memory>
#include <regex>
#include <string>

#include "engine/core/diagnostic.h"
#include "engine/pdf/srgb_profile.h"
#include "engine/core/file_io.h"
#include "engine/layout/fonts.h"
#include "engine/pdf/pdf_writer.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"
#include "tests/unit/pdf/pdf_fixtures.h"

using engine::core::EngineError;
using engine::layout::FontFiles;
using engine::pdf::DocumentLevel;
using engine::pdf::write_pdf;

namespace {

const std::vector<charts::render::PdfChart>& chart_pdf() {
    static const auto charts = pdftest::make_charts();
    return charts;
}

// The sample report (two pages, a URI link and an internal link on page 1) as a QPDF.
struct Written {
    std::string bytes;
    QPDF pdf;
    explicit Written(const DocumentLevel& level = engine::pdf::default_document_level(),
                     engine::layout::Document doc = pdftest::sample_document())
        : bytes(write_pdf(doc, chart_pdf(), FontFiles{}, level)) {
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("written", bytes.data(), bytes.size());
    }
};

std::string stream_text(QPDFObjectHandle stream) {
    auto data = stream.getStreamData(qpdf_dl_all);
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

// The one element value of an XMP property, e.g. xmp(x, "xmp:CreateDate"); for Alt/Seq/Bag
// properties the first rdf:li.
std::string xmp(const std::string& packet, const std::string& name) {
    std::smatch m;
    std::regex simple("<" + name + ">([^<]*)</" + name + ">");
    if (std::regex_search(packet, m, simple)) return m[1];
    std::regex list("<" + name + "><rdf:(?:Alt|Seq|Bag)><rdf:li[^>]*>([^<]*)</rdf:li>");
    if (std::regex_search(packet, m, list)) return m[1];
    return "";
}

std::string info(QPDF& pdf, const char* key) {
    return pdf.getTrailer().getKey("/Info").getKey(key).getUTF8Value();
}

// A valid ICC header with another colour space (bytes 16-19).
std::string profile_with_space(const std::string& space) {
    std::string icc = engine::pdf::default_document_level().icc_profile;
    icc.replace(16, 4, space);
    return icc;
}

}  // namespace

TEST_CASE("a written PDF declares its language, that it is marked and that viewers show its title",
          "[pdf][document-level]") {
    Written w;
    QPDFObjectHandle root = w.pdf.getRoot();
    CHECK(root.getKey("/Lang").getUTF8Value() == "en-GB");
    CHECK(root.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
    CHECK(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());

    DocumentLevel welsh = engine::pdf::default_document_level();
    welsh.language = "cy-GB";
    Written cy(welsh);
    CHECK(cy.pdf.getRoot().getKey("/Lang").getUTF8Value() == "cy-GB");
    CHECK(xmp(stream_text(cy.pdf.getRoot().getKey("/Metadata")), "dc:language") == "cy-GB");
}

TEST_CASE("a written PDF has one sRGB output intent that embeds the ICC profile",
          "[pdf][document-level]") {
    Written w;
    QPDFObjectHandle intents = w.pdf.getRoot().getKey("/OutputIntents");
    REQUIRE(intents.isArray());
    REQUIRE(intents.getArrayNItems() == 1);
    QPDFObjectHandle intent = intents.getArrayItem(0);
    CHECK(intent.getKey("/Type").isNameAndEquals("/OutputIntent"));
    CHECK(intent.getKey("/S").isNameAndEquals("/GTS_PDFA1"));
    CHECK(intent.getKey("/OutputConditionIdentifier").getUTF8Value() == "sRGB IEC61966-2.1");
    QPDFObjectHandle profile = intent.getKey("/DestOutputProfile");
    REQUIRE(profile.isStream());
    CHECK(profile.getDict().getKey("/N").getIntValue() == 3);
    CHECK(stream_text(profile) == engine::pdf::builtin_srgb_profile());
}

TEST_CASE("every page with annotations tabs in structure order and every annotation prints",
          "[pdf][document-level]") {
    Written w;
    int annotated = 0, annotations = 0;
    for (auto& page : QPDFPageDocumentHelper(w.pdf).getAllPages()) {
        QPDFObjectHandle p = page.getObjectHandle();
        QPDFObjectHandle annots = p.getKey("/Annots");
        if (!annots.isArray() || annots.getArrayNItems() == 0) {
            CHECK_FALSE(p.hasKey("/Tabs"));
            continue;
        }
        ++annotated;
        CHECK(p.getKey("/Tabs").isNameAndEquals("/S"));
        for (auto a : annots.aitems()) {
            ++annotations;
            CHECK(a.getKey("/Subtype").isNameAndEquals("/Link"));
            CHECK(a.getKey("/F").getIntValue() == 4);
        }
    }
    CHECK(annotated == 1);
    CHECK(annotations == 2);  // the URI link and the internal link of the sample's page 1
}

TEST_CASE("a written PDF is version 1.7 and qpdf --check finds nothing wrong",
          "[pdf][document-level]") {
    test::TempDir dir;
    auto path = dir.path() / "report.pdf";
    Written w;
    pdftest::write_bytes(path, w.bytes);
    CHECK(w.bytes.rfind("%PDF-1.7\n", 0) == 0);
    CHECK(test::pdf_info(path.string()).find("PDF version:     1.7") != std::string::npos);
    auto check = test::run({"qpdf", "--check", path.string()});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    CHECK(check.err.empty());
}

TEST_CASE("the XMP metadata parses and repeats the Info dictionary's title, author, producer and "
          "dates",
          "[pdf][document-level]") {
    test::TempDir dir;
    Written w;
    QPDFObjectHandle meta = w.pdf.getRoot().getKey("/Metadata");
    REQUIRE(meta.isStream());
    CHECK(meta.getDict().getKey("/Type").isNameAndEquals("/Metadata"));
    CHECK(meta.getDict().getKey("/Subtype").isNameAndEquals("/XML"));
    CHECK_FALSE(meta.getDict().hasKey("/Filter"));  // PDF/A: readable without PDF filters
    const std::string packet = stream_text(meta);

    // pdfinfo finds the same packet, and xmllint parses it.
    pdftest::write_bytes(dir.path() / "r.pdf", w.bytes);
    auto pdfinfo = test::run({"pdfinfo", "-meta", (dir.path() / "r.pdf").string()});
    REQUIRE(pdfinfo.exit_code == 0);
    CHECK(pdfinfo.out.find(packet) != std::string::npos);
    pdftest::write_bytes(dir.path() / "xmp.xml", packet);
    auto lint = test::run({"xmllint", "--noout", (dir.path() / "xmp.xml").string()});
    INFO(lint.err);
    CHECK(lint.exit_code == 0);

    CHECK(xmp(packet, "dc:title") == info(w.pdf, "/Title"));
    CHECK(xmp(packet, "dc:title") == "Accelerating Achievement – Q3 £ report");
    CHECK(xmp(packet, "dc:creator") == info(w.pdf, "/Author"));
    CHECK(xmp(packet, "dc:description") == info(w.pdf, "/Subject"));
    CHECK(xmp(packet, "pdf:Keywords") == info(w.pdf, "/Keywords"));
    CHECK(xmp(packet, "pdf:Producer") == info(w.pdf, "/Producer"));
    CHECK(xmp(packet, "xmp:CreatorTool") == info(w.pdf, "/Creator"));
    CHECK(info(w.pdf, "/CreationDate").rfind("D:20150917000000Z", 0) == 0);
    CHECK(xmp(packet, "xmp:CreateDate") == "2015-09-17T00:00:00Z");
    CHECK(xmp(packet, "xmp:ModifyDate") == engine::pdf::xmp_date(info(w.pdf, "/ModDate")));
    CHECK(xmp(packet, "dc:language") == "en-GB");
    CHECK(xmp(packet, "pdfaid:part") == "2");
    CHECK(xmp(packet, "pdfaid:conformance") == "B");
    CHECK(xmp(packet, "pdfuaid:part") == "1");
    // PDF/A only accepts pdfuaid when an extension schema declares it.
    CHECK(xmp(packet, "pdfaSchema:namespaceURI") == "http://www.aiim.org/pdfua/ns/id/");
    CHECK(xmp(packet, "pdfaSchema:prefix") == "pdfuaid");
    CHECK(xmp(packet, "pdfaProperty:name") == "part");
    CHECK(packet.rfind("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>", 0) == 0);
    CHECK(packet.substr(packet.size() - 19) == "<?xpacket end=\"w\"?>");
}

TEST_CASE("markup characters in the title are escaped in the XMP and still match the Info title",
          "[pdf][document-level]") {
    auto doc = pdftest::sample_document();
    doc.info.title = "Gaps <5 & \"small\" cohorts";
    test::TempDir dir;
    Written w(engine::pdf::default_document_level(), doc);
    const std::string packet = stream_text(w.pdf.getRoot().getKey("/Metadata"));
    CHECK(packet.find("Gaps &lt;5 &amp; &quot;small&quot; cohorts") != std::string::npos);
    pdftest::write_bytes(dir.path() / "xmp.xml", packet);
    CHECK(test::run({"xmllint", "--noout", (dir.path() / "xmp.xml").string()}).exit_code == 0);
    auto text = test::run({"xmllint", "--xpath", "string(//*[local-name()='title']//*[local-name()='li'])",
                           (dir.path() / "xmp.xml").string()});
    std::string title = text.out;
    if (!title.empty() && title.back() == '\n') title.pop_back();
    CHECK(title == info(w.pdf, "/Title"));
}

TEST_CASE("PDF dates become XMP dates with their time zone", "[pdf][document-level]") {
    using engine::pdf::xmp_date;
    CHECK(xmp_date("D:20150917000000Z00'00'") == "2015-09-17T00:00:00Z");
    CHECK(xmp_date("D:20150917000000Z") == "2015-09-17T00:00:00Z");
    CHECK(xmp_date("D:20150917093000+01'00'") == "2015-09-17T09:30:00+01:00");
    CHECK(xmp_date("D:20150917093000-05'30") == "2015-09-17T09:30:00-05:30");
    CHECK(xmp_date("D:20150917") == "2015-09-17T00:00:00");
    CHECK(xmp_date("D:2015") == "2015-01-01T00:00:00");
    CHECK(xmp_date("") == "");
    CHECK(xmp_date("17 September 2015") == "");
    CHECK(xmp_date("D:2015091") == "");
}

TEST_CASE("an output intent profile that is not an RGB ICC profile is refused",
          "[pdf][document-level]") {
    using engine::pdf::check_icc_profile;
    CHECK(check_icc_profile(engine::pdf::default_document_level().icc_profile).empty());
    CHECK(check_icc_profile("not a profile") ==
          "not an ICC profile (no 'acsp' signature in its header)");
    CHECK(check_icc_profile(profile_with_space("CMYK")) ==
          "an ICC profile for CMYK, not RGB (the pages are drawn in RGB)");
    CHECK(check_icc_profile(profile_with_space("GRAY")) ==
          "an ICC profile for GRAY, not RGB (the pages are drawn in RGB)");

    DocumentLevel broken;
    broken.icc_profile = "not a profile";
    CHECK_THROWS_WITH(write_pdf(pdftest::sample_document(), chart_pdf(), FontFiles{}, broken),
                      Catch::Contains("the PDF output intent's profile is not an ICC profile"));
}
