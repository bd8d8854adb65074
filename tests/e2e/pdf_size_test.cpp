// End to end: small PDFs (issue 13 item 3) — the Tracking for Success setting summaries through
// the real binary, their fonts read back with libqpdf (FontFile2 streams) and pdffonts, their
// text with pdftotext, their syntax with qpdf --check.
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/e2e.h"
#include "tests/support/sample_outputs.h"

namespace fs = std::filesystem;

namespace {

// The 52 setting summaries of the sample, rendered once per ctest run, sorted.
const std::vector<fs::path>& summaries() {
    static const std::vector<fs::path> files = [] {
        const test::SampleOutput& run = test::rendered_sample("tracking-for-success");
        std::vector<fs::path> out;
        if (run.run.exit_code != 0) return out;
        for (const auto& pdf : run.pdfs)
            if (pdf.string().find("setting-summaries") != std::string::npos) out.push_back(pdf);
        return out;
    }();
    return files;
}

struct FontProgram {
    std::string font_name;      // "ABCDEF+LiberationSans"
    std::size_t stored = 0;     // bytes in the file (compressed)
    std::size_t decoded = 0;    // the TrueType subset itself
    std::string filter;         // "/FlateDecode" once
};

// Every FontFile2 of the file, from its FontDescriptor.
std::vector<FontProgram> font_programs(const fs::path& pdf_path) {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(pdf_path.string().c_str());
    std::vector<FontProgram> out;
    for (QPDFObjectHandle obj : pdf.getAllObjects()) {
        if (!obj.isDictionary() || !obj.getKey("/Type").isNameAndEquals("/FontDescriptor")) continue;
        QPDFObjectHandle file = obj.getKey("/FontFile2");
        if (!file.isStream()) continue;
        FontProgram f;
        f.font_name = obj.getKey("/FontName").getName().substr(1);
        f.stored = file.getRawStreamData()->getSize();
        f.decoded = file.getStreamData(qpdf_dl_generalized)->getSize();
        QPDFObjectHandle filter = file.getDict().getKey("/Filter");
        f.filter = filter.isName() ? filter.getName() : filter.unparse();
        out.push_back(f);
    }
    return out;
}

std::string family(const std::string& font_name) { return font_name.substr(font_name.find('+') + 1); }

}  // namespace

TEST_CASE("every setting summary embeds each font face once, as a subset of a few KB, compressed once",
          "[e2e][pdf-size]") {
    REQUIRE(summaries().size() == 52);
    for (const auto& pdf : summaries()) {
        INFO(pdf.string());
        std::map<std::string, int> per_family;
        for (const FontProgram& f : font_programs(pdf)) {
            INFO(f.font_name);
            ++per_family[family(f.font_name)];
            CHECK(f.filter == "/FlateDecode");
            // libharu's "subsets" were 67 KB each before compression; the glyphs a summary
            // shows fit in far less.
            CHECK(f.decoded < 12000);
            CHECK(f.stored < 8000);
        }
        CHECK(per_family.count("LiberationSans") == 1);
        CHECK(per_family.count("LiberationSans-Bold") == 1);
        for (const auto& [name, count] : per_family) {
            INFO(name);
            CHECK(count == 1);  // the charts' text uses the pages' fonts
        }
    }
}

TEST_CASE("setting summaries average at most 50 KiB and every font is embedded, subset and mapped",
          "[e2e][pdf-size]") {
    REQUIRE(summaries().size() == 52);
    std::uintmax_t total = 0;
    for (const auto& pdf : summaries()) total += fs::file_size(pdf);
    CHECK(total / summaries().size() <= 50 * 1024);
    for (const auto& pdf : {summaries().front(), summaries().back()}) {
        auto fonts = test::run({"pdffonts", pdf.string()});
        REQUIRE(fonts.exit_code == 0);
        std::istringstream in(fonts.out);
        std::string line;
        int rows = 0;
        bool body = false;
        while (std::getline(in, line)) {
            if (line.rfind("---", 0) == 0) {
                body = true;
                continue;
            }
            if (!body || line.empty()) continue;
            ++rows;
            INFO(line);
            CHECK(std::regex_search(line, std::regex("Identity-H +yes +yes +yes")));  // emb sub uni
        }
        CHECK(rows >= 2);
    }
}

TEST_CASE("the setting summaries' chart labels and page text still extract and qpdf finds no errors",
          "[e2e][pdf-size]") {
    REQUIRE(!summaries().empty());
    const fs::path& pdf = summaries().front();
    const std::string text = test::squeeze(test::pdf_text(pdf.string()));
    CHECK(text.find("Headline measures") != std::string::npos);       // page text
    CHECK(text.find("Good level of development (%)") != std::string::npos);  // a chart's axis title
    CHECK(text.find("Not disadvantaged") != std::string::npos);     // a chart's series label
    CHECK(std::regex_search(text, std::regex("Gap [0-9.]+ ppts")));  // the gap band's label
    for (const auto& p : summaries()) {
        auto check = test::run({"qpdf", "--check", p.string()});
        INFO(p.string() << "\n" << check.out << check.err);
        CHECK(check.exit_code == 0);
        CHECK(check.out.find("No syntax or stream encoding errors") != std::string::npos);
    }
}
