// End to end: the document level of every sample report (PDF/UA-1 and PDF/A-2b's catalog,
// pages and metadata) — the real binary on the real samples, read back with libqpdf,
// pdfinfo, xmllint, pdffonts and qpdf --check.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include "tests/support/e2e.h"
#include "tests/support/sample_outputs.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

// Every sample batch rendered once per ctest run (tests/support/sample_outputs.h); the checks
// below read the PDFs.
struct Samples {
    std::vector<fs::path> pdfs;
    std::string errors;
    Samples() {
        for (const std::string& s : test::sample_names()) {
            const test::SampleOutput& r = test::rendered_sample(s);
            if (r.run.exit_code != 0) errors += r.run.err;
            pdfs.insert(pdfs.end(), r.pdfs.begin(), r.pdfs.end());
        }
        std::sort(pdfs.begin(), pdfs.end());
    }
};
const Samples& samples() {
    static Samples s;
    return s;
}

// The board paper, the EYQIP report, the annual report and the first setting summary: the
// checks that start programs per file run on these, the libqpdf checks on every PDF.
std::vector<fs::path> one_of_each() {
    std::vector<fs::path> out;
    bool summary = false;
    for (const auto& p : samples().pdfs) {
        bool is_summary = p.string().find("setting-summaries") != std::string::npos;
        if (is_summary && summary) continue;
        summary = summary || is_summary;
        out.push_back(p);
    }
    return out;
}

struct Opened {
    std::string bytes;
    QPDF pdf;
    explicit Opened(const fs::path& p) : bytes(test::read_text_file(p)) {
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile(p.string().c_str(), bytes.data(), bytes.size());
    }
};

std::string stream_text(QPDFObjectHandle stream) {
    auto data = stream.getStreamData(qpdf_dl_all);
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

// "Title:           Accelerating …" -> "Accelerating …"
std::string info_field(const std::string& pdfinfo, const std::string& name) {
    std::smatch m;
    if (std::regex_search(pdfinfo, m, std::regex("(^|\n)" + name + ": *([^\n]*)"))) return m[2];
    return "";
}

std::string xpath(const fs::path& xml, const std::string& local_name) {
    auto r = test::run({"xmllint", "--xpath",
                        "string(//*[local-name()='" + local_name + "'])", xml.string()});
    std::string s = r.out;
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace

TEST_CASE("every sample report declares its language, is marked, shows its title and has an "
          "sRGB output intent",
          "[e2e][document-level]") {
    const auto& s = samples();
    INFO(s.errors);
    REQUIRE(s.errors.empty());
    REQUIRE(s.pdfs.size() == 56);  // board paper, EYQIP, peer challenge, annual report, 52 setting summaries
    std::string icc;  // the first report's profile: every report embeds the same bytes
    for (const auto& p : s.pdfs) {
        INFO(p.string());
        Opened o(p);
        QPDFObjectHandle root = o.pdf.getRoot();
        CHECK(root.getKey("/Lang").getUTF8Value() == "en-GB");
        CHECK(root.getKey("/MarkInfo").getKey("/Marked").isBool());
        CHECK(root.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
        CHECK(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
        QPDFObjectHandle intents = root.getKey("/OutputIntents");
        REQUIRE(intents.isArray());
        REQUIRE(intents.getArrayNItems() == 1);
        CHECK(intents.getArrayItem(0).getKey("/S").isNameAndEquals("/GTS_PDFA1"));
        QPDFObjectHandle profile = intents.getArrayItem(0).getKey("/DestOutputProfile");
        REQUIRE(profile.isStream());
        const std::string bytes = stream_text(profile);
        if (icc.empty()) icc = bytes;
        CHECK(bytes == icc);
        // The built-in sRGB profile: an ICC v4 RGB display profile, connected through XYZ, its
        // tone curves parametric (about 600 bytes, not a 1,024-entry table each), named for the
        // standard and dated 2000-01-01 whatever the clock says.
        REQUIRE(bytes.size() > 128);
        CHECK(bytes.size() < 1024);
        CHECK(bytes.substr(36, 4) == "acsp");
        CHECK(bytes[8] == 4);
        CHECK(bytes.substr(12, 12) == "mntrRGB XYZ ");
        CHECK(bytes.substr(24, 6) == std::string("\x07\xD0\x00\x01\x00\x01", 6));
        CHECK(bytes.find("rTRC") != std::string::npos);
        CHECK(bytes.find("para") != std::string::npos);
        CHECK(bytes.find("curv") == std::string::npos);
        CHECK(bytes.find(std::string("s\0R\0G\0B\0 \0I\0E\0C\0", 16)) != std::string::npos);  // UTF-16 "sRGB IEC"
        CHECK(o.pdf.getPDFVersion() == "1.7");
        CHECK_FALSE(o.pdf.getTrailer().hasKey("/Encrypt"));
        CHECK(o.pdf.getTrailer().getKey("/ID").isArray());
    }
}

TEST_CASE("every link annotation of the sample reports prints and its page tabs in structure "
          "order",
          "[e2e][document-level]") {
    int links = 0;
    for (const auto& p : samples().pdfs) {
        INFO(p.string());
        Opened o(p);
        for (auto& page : QPDFPageDocumentHelper(o.pdf).getAllPages()) {
            QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
            if (!annots.isArray() || annots.getArrayNItems() == 0) continue;
            CHECK(page.getObjectHandle().getKey("/Tabs").isNameAndEquals("/S"));
            for (auto a : annots.aitems()) {
                if (a.getKey("/Subtype").isNameAndEquals("/Link")) ++links;
                CHECK(a.getKey("/F").getIntValue() == 4);
            }
        }
    }
    CHECK(links >= 7);  // the board paper's source documents alone have 7 link annotations
}

TEST_CASE("the sample reports' XMP parses and carries the identifiers and Info's title, author "
          "and dates",
          "[e2e][document-level]") {
    test::TempDir dir;
    for (const auto& p : one_of_each()) {
        INFO(p.string());
        auto meta = test::run({"pdfinfo", "-meta", p.string()});
        REQUIRE(meta.exit_code == 0);
        auto xml = dir.path() / "xmp.xml";
        std::ofstream(xml, std::ios::binary) << meta.out;
        auto lint = test::run({"xmllint", "--noout", xml.string()});
        INFO(lint.err);
        CHECK(lint.exit_code == 0);
        // pdfinfo -isodates prints the Info dates as XMP writes them.
        auto info = test::run({"pdfinfo", "-isodates", p.string()});
        REQUIRE(info.exit_code == 0);
        CHECK(!info_field(info.out, "Title").empty());
        CHECK(xpath(xml, "title") == info_field(info.out, "Title"));
        CHECK(xpath(xml, "creator") == info_field(info.out, "Author"));
        CHECK(xpath(xml, "description") == info_field(info.out, "Subject"));
        CHECK(xpath(xml, "Producer") == info_field(info.out, "Producer"));
        CHECK(xpath(xml, "CreatorTool") == info_field(info.out, "Creator"));
        CHECK(xpath(xml, "CreateDate") == info_field(info.out, "CreationDate"));
        CHECK(xpath(xml, "ModifyDate") == info_field(info.out, "ModDate"));
        CHECK(xpath(xml, "language") == "en-GB");
        CHECK(meta.out.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
        CHECK(meta.out.find("<pdfaid:conformance>B</pdfaid:conformance>") != std::string::npos);
        CHECK(meta.out.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
        CHECK(xpath(xml, "namespaceURI") == "http://www.aiim.org/pdfua/ns/id/");
    }
    // The board paper's as-of date, not the clock.
    auto board = test::run({"pdfinfo", "-meta", one_of_each().front().string()});
    CHECK(board.out.find("<xmp:CreateDate>2015-09-17T00:00:00Z</xmp:CreateDate>") !=
          std::string::npos);
}

TEST_CASE("the sample reports are PDF 1.7, pass qpdf --check and embed every font with a "
          "ToUnicode map",
          "[e2e][document-level]") {
    for (const auto& p : one_of_each()) {
        INFO(p.string());
        CHECK(info_field(test::pdf_info(p.string()), "PDF version") == "1.7");
        auto check = test::run({"qpdf", "--check", p.string()});
        INFO(check.out << check.err);
        CHECK(check.exit_code == 0);
        CHECK(check.err.empty());
        auto fonts = test::run({"pdffonts", p.string()});
        REQUIRE(fonts.exit_code == 0);
        std::istringstream lines(fonts.out);
        int rows = 0;
        for (std::string line; std::getline(lines, line);) {
            if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
            ++rows;
            INFO(line);
            CHECK(std::regex_search(line, std::regex(" yes (yes|no) yes +\\d+ +\\d+$")));  // emb, uni
        }
        CHECK(rows >= 2);
    }
}

TEST_CASE("batch.language and batch.icc_profile reach /Lang, the XMP and the output intent",
          "[e2e][document-level]") {
    test::TempDir dir;
    const fs::path sample = test::copy_sample(dir.path(), "accelerating-achievement");
    fs::copy_file("/usr/share/color/icc/sRGB.icc", sample / "own-srgb.icc");
    std::string yaml = test::read_text_file(sample / "batch.yaml");
    const std::string anchor = "batch:\n";
    REQUIRE(yaml.find(anchor) != std::string::npos);
    yaml.replace(yaml.find(anchor), anchor.size(),
                 anchor + "  language: cy-GB\n  icc_profile: own-srgb.icc\n");
    std::ofstream(sample / "batch.yaml", std::ios::binary) << yaml;

    auto r = test::run_boardpack({"run", (sample / "batch.yaml").string(), "--out",
                                  (dir.path() / "out").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    Opened o(dir.path() / "out" / "accelerating-achievement-progress-update.pdf");
    CHECK(o.pdf.getRoot().getKey("/Lang").getUTF8Value() == "cy-GB");
    const std::string xmp = stream_text(o.pdf.getRoot().getKey("/Metadata"));
    CHECK(xmp.find("<dc:language><rdf:Bag><rdf:li>cy-GB</rdf:li></rdf:Bag></dc:language>") !=
          std::string::npos);
    CHECK(stream_text(o.pdf.getRoot().getKey("/OutputIntents").getArrayItem(0).getKey(
              "/DestOutputProfile")) == test::read_text_file(sample / "own-srgb.icc"));

    // A profile that is missing is an error at the key, naming the file; nothing is written.
    yaml.replace(yaml.find("own-srgb.icc"), 12, "gone.icc");
    std::ofstream(sample / "batch.yaml", std::ios::binary) << yaml;
    auto bad = test::run_boardpack({"run", (sample / "batch.yaml").string(), "--out",
                                    (dir.path() / "bad").string()});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("batch.yaml:7:16: error: cannot read the sRGB ICC profile '" +
                       (sample / "gone.icc").lexically_normal().string()) != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "bad" / "accelerating-achievement-progress-update.pdf"));
}
