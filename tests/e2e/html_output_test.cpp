// End to end: the HTML page beside every PDF of every sample — written by the real binary,
// parsed back with Debian's html5lib in strict mode (tests/tools/html_tables.py), its table
// rows compared with the PDF's (the structure tree, pdfinfo -struct-text) and its figures found
// in the PDF's text (pdftotext); tracked in the manifest; byte-identical run to run.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <sstream>

#include "tests/support/e2e.h"
#include "tests/support/sample_outputs.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kHtmlTables = test::source_dir() / "tests/tools/html_tables.py";
const char* kAaPage = "accelerating-achievement-progress-update";

using Rows = std::vector<std::vector<std::string>>;

std::string collapse(const std::string& s) {
    std::istringstream in(s);
    std::string word, out;
    while (in >> word) out += (out.empty() ? "" : " ") + word;
    return out;
}

// Every table's rows (header row first) from a PDF's structure tree, in reading order.
std::vector<Rows> pdf_tables(const fs::path& pdf) {
    auto r = test::run({"pdfinfo", "-struct-text", pdf.string()});
    std::vector<Rows> tables;
    std::istringstream in(r.out);
    std::string line;
    std::size_t table_indent = 0;
    bool in_table = false, in_cell = false;
    while (std::getline(in, line)) {
        const std::size_t indent = line.find_first_not_of(' ');
        if (indent == std::string::npos) continue;
        const std::string body = line.substr(indent);
        if (in_table && indent <= table_indent) in_table = false;
        if (body.rfind("Table", 0) == 0 && (body.size() == 5 || body[5] == ' ')) {
            tables.emplace_back();
            in_table = true;
            table_indent = indent;
            in_cell = false;
            continue;
        }
        if (!in_table) continue;
        if (body == "TR") {
            tables.back().emplace_back();
            in_cell = false;
        } else if ((body == "TH" || body == "TH:" || body == "TD" || body == "TD:") && !tables.back().empty()) {
            tables.back().back().emplace_back();
            in_cell = true;
        } else if (body == "Caption") {
            in_cell = false;
        } else if (in_cell && body.size() >= 2 && body.front() == '"' && body.back() == '"') {
            tables.back().back().back() += body.substr(1, body.size() - 2);
        }
    }
    for (auto& t : tables)
        for (auto& row : t)
            for (auto& cell : row) cell = collapse(cell);
    return tables;
}

struct Page {
    std::vector<Rows> tables;
};

// Parses pages strictly; fails the test with the parser's file:line:col on an error.
std::map<std::string, Page> html_tables(const std::vector<fs::path>& pages) {
    std::vector<std::string> argv = {"/usr/bin/python3", kHtmlTables.string()};
    for (const auto& p : pages) argv.push_back(p.string());
    auto r = test::run(argv);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::map<std::string, Page> out;
    Page* page = nullptr;
    std::istringstream in(r.out);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("PAGE ", 0) == 0) page = &out[line.substr(5)];
        else if (line.rfind("TABLE", 0) == 0 && page) page->tables.emplace_back();
        else if (line.rfind("ROW ", 0) == 0 && page && !page->tables.empty()) {
            std::vector<std::string> cells;
            std::string rest = line.substr(4), cell;
            std::istringstream cs(rest);
            while (std::getline(cs, cell, '\t')) cells.push_back(cell);
            page->tables.back().push_back(cells);
        }
    }
    return out;
}

// Every sample rendered once per ctest run, PDFs and HTML pages (tests/support/sample_outputs.h).
using Sample = test::SampleOutput;
const Sample& sample(const std::string& name) { return test::rendered_sample(name); }

fs::path html_of(const fs::path& pdf) { return fs::path(pdf).replace_extension(".html"); }

std::string sha256_of(const fs::path& p) {
    auto r = test::run({"sha256sum", p.string()});
    return r.out.substr(0, 64);
}

}  // namespace

TEST_CASE("every sample writes an html page beside each pdf and both parse back", "[e2e][html]") {
    for (const std::string& name : test::sample_names()) {
        const Sample& s = sample(name);
        INFO(name << "\n" << s.run.err);
        REQUIRE(s.run.exit_code == 0);
        REQUIRE(!s.pdfs.empty());
        std::vector<fs::path> pages;
        for (const auto& pdf : s.pdfs) {
            INFO(pdf);
            CHECK(fs::exists(html_of(pdf)));
            CHECK(s.run.out.find("wrote   " + html_of(pdf).string() + " (") != std::string::npos);
            pages.push_back(html_of(pdf));
        }
        // html5lib in strict mode raises on the first parse error; the script prints it.
        CHECK(html_tables(pages).size() == pages.size());
    }
}

TEST_CASE("the html tables hold exactly the rows of the pdf's tables in every sample", "[e2e][html]") {
    for (const std::string& name : test::sample_names()) {
        const Sample& s = sample(name);
        REQUIRE(s.run.exit_code == 0);
        // Every report, and the first four setting summaries of a fan-out (pdfinfo -struct-text
        // costs about a second a PDF; the summaries all come from one template).
        std::vector<fs::path> pdfs;
        int summaries = 0;
        for (const auto& pdf : s.pdfs)
            if (pdf.string().find("/setting-summaries/") == std::string::npos || summaries++ < 4) pdfs.push_back(pdf);
        std::vector<fs::path> pages;
        for (const auto& pdf : pdfs) pages.push_back(html_of(pdf));
        auto html = html_tables(pages);
        std::size_t rows = 0;
        for (const auto& pdf : pdfs) {
            INFO(pdf);
            const std::vector<Rows> from_pdf = pdf_tables(pdf);
            const std::vector<Rows>& from_html = html[html_of(pdf).string()].tables;
            REQUIRE(from_pdf.size() == from_html.size());
            for (std::size_t t = 0; t < from_pdf.size(); ++t) {
                CHECK(from_html[t] == from_pdf[t]);
                rows += from_pdf[t].size();
            }
        }
        INFO(name);
        CHECK(rows > pdfs.size());  // the samples have tables with rows
    }
}

TEST_CASE("the board paper's status table reads the same in the html and the pdf text, c for c",
          "[e2e][html]") {
    const Sample& s = sample("accelerating-achievement");
    REQUIRE(s.run.exit_code == 0);
    const fs::path pdf = s.dir / (std::string(kAaPage) + ".pdf");
    auto html = html_tables({html_of(pdf)});
    const auto& tables = html[html_of(pdf).string()].tables;
    REQUIRE(!tables.empty());
    const Rows& status = tables.front();
    REQUIRE(status.size() > 2);
    CHECK(status.front().back() == "Status");
    // Every figure and status word of every row is in the PDF's text, in the row's order.
    const std::string flow = test::pdf_flow(pdf.string());
    bool suppressed_row = false;
    for (std::size_t i = 1; i < status.size(); ++i) {
        const auto& row = status[i];
        std::string joined;
        for (const auto& cell : row) joined += cell + " | ";
        INFO(joined);
        std::size_t at = 0;
        for (const auto& cell : row) {
            at = flow.find(cell, at);
            CHECK(at != std::string::npos);
            if (at == std::string::npos) break;
        }
        if (row.back() == "Suppressed") {
            suppressed_row = true;
            CHECK(row[3] == "c");  // the group's value, shown as c, never a number or blank
            CHECK(row[5] == "c");  // and the gap that uses it
        }
    }
    CHECK(suppressed_row);
    // The PDF's layout text has the suppressed row with its c cells too.
    const std::string text = test::squeeze(test::pdf_text(pdf.string()));
    CHECK(std::regex_search(text, std::regex("KS1 RWM +Looked after .* c +55\\.0% +c +c +Suppressed")));
}

TEST_CASE("the manifest lists each html page with its sha256 and a second run skips it", "[e2e][html]") {
    test::TempDir dir;
    const fs::path batch = test::source_dir() / "samples/accelerating-achievement/batch.yaml";
    const fs::path out = dir.path() / "out";
    auto first = test::run_boardpack({"run", batch.string(), "--out", out.string()});
    REQUIRE(first.exit_code == 0);
    const fs::path page = out / (std::string(kAaPage) + ".html");
    const std::string manifest = test::read_text_file(out / "manifest.json");
    CHECK(std::regex_search(manifest, std::regex("\"format\": \"html\",\\s*\"path\": \"" +
                                                 std::regex_replace(page.string(), std::regex("[.]"), "[.]") +
                                                 "\",\\s*\"sha256\": \"" + sha256_of(page) + "\"")));
    CHECK(manifest.find("\"format\": \"pdf\"") != std::string::npos);
    auto second = test::run_boardpack({"run", batch.string(), "--out", out.string()});
    CHECK(second.out.find("skipped " + page.string() + " (up to date)") != std::string::npos);
    // A page removed since is written again.
    fs::remove(page);
    auto third = test::run_boardpack({"run", batch.string(), "--out", out.string()});
    CHECK(third.out.find("wrote   " + page.string() + " (") != std::string::npos);
    CHECK(fs::exists(page));
}

TEST_CASE("the html page is byte-identical run to run and self-contained", "[e2e][html]") {
    test::TempDir a, b;
    const fs::path batch = test::source_dir() / "samples/accelerating-achievement/batch.yaml";
    REQUIRE(test::run_boardpack({"run", batch.string(), "--out", a.path().string()}).exit_code == 0);
    REQUIRE(test::run_boardpack({"run", batch.string(), "--out", b.path().string(), "--force"}).exit_code == 0);
    const std::string name = std::string(kAaPage) + ".html";
    const std::string page = test::read_text_file(a.path() / name);
    REQUIRE(!page.empty());
    CHECK(page == test::read_text_file(b.path() / name));
    CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">", 0) == 0);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(!std::regex_search(page, std::regex("(src|href)=\"(https?:)?//[^\"]*\\.(css|js|png|svg|woff2?)\"")));
    CHECK(page.find("<title>") != std::string::npos);
    CHECK(page.find("Data as at 17 September 2015") > page.find("<footer"));
}

TEST_CASE("the run format option picks the files a run writes and rejects an unknown format", "[e2e][html][cli]") {
    test::TempDir dir;
    const fs::path batch = test::source_dir() / "samples/accelerating-achievement/batch.yaml";
    auto html_only = test::run_boardpack({"run", batch.string(), "--out", (dir.path() / "h").string(), "--format", "html"});
    CHECK(html_only.exit_code == 0);
    CHECK(fs::exists(dir.path() / "h" / (std::string(kAaPage) + ".html")));
    CHECK_FALSE(fs::exists(dir.path() / "h" / (std::string(kAaPage) + ".pdf")));
    auto pdf_only = test::run_boardpack({"run", batch.string(), "--out", (dir.path() / "p").string(), "--format", "pdf"});
    CHECK(pdf_only.exit_code == 0);
    CHECK(fs::exists(dir.path() / "p" / (std::string(kAaPage) + ".pdf")));
    CHECK_FALSE(fs::exists(dir.path() / "p" / (std::string(kAaPage) + ".html")));
    auto bad = test::run_boardpack({"run", batch.string(), "--format", "pdf,htm"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("unknown --format 'htm'; did you mean 'html'?") != std::string::npos);
}

TEST_CASE("the board paper's chart is followed by its figures and a csv of them in the html", "[e2e][html]") {
    test::TempDir dir;
    const fs::path batch = test::source_dir() / "samples/accelerating-achievement/batch.yaml";
    REQUIRE(test::run_boardpack({"run", batch.string(), "--out", dir.path().string(), "--format", "html"}).exit_code == 0);
    const std::string page = test::read_text_file(dir.path() / (std::string(kAaPage) + ".html"));
    const auto svg = page.find("<svg");
    const auto details = page.find("<details class=\"values\">");
    REQUIRE(svg != std::string::npos);
    REQUIRE(details != std::string::npos);
    CHECK(details > svg);
    CHECK(details < page.find("</figure>", svg));
    // The KS2 gap the chart draws is in its figures table, as the PDF's status table prints it.
    CHECK(page.find("<td class=\"r\">25.9", details) != std::string::npos);
    CHECK(page.find("href=\"data:text/csv;charset=utf-8,", details) != std::string::npos);
}
