// End to end: pages are filled — every sample batch through the real binary, every page of
// every report it writes read back with pdftotext -bbox. A page other than the last, a title
// page or a section's last page (the next page starts with a section heading, as the tagged
// structure names them) leaves at most a quarter of its body area empty below its content.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/e2e.h"
#include "tests/support/sample_outputs.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

struct Word {
    double y_min = 0, y_max = 0, x_min = 0, x_max = 0;
    std::string text;
};
struct PdfPage {
    double height = 0;
    std::vector<Word> words;
};

// The number in attribute `name="…"` of the tag starting at `from`.
double attribute(const std::string& xml, std::size_t from, const std::string& name) {
    const std::size_t at = xml.find(name + "=\"", from) + name.size() + 2;
    return std::stod(xml.substr(at, xml.find('"', at) - at));
}

// Every page's words and their boxes, from pdftotext -bbox (a plain scan: the output of a
// 53-report batch is too long for std::regex to walk quickly).
std::vector<PdfPage> pages_of(const fs::path& pdf) {
    const std::string xml = test::run({"pdftotext", "-bbox", pdf.string(), "-"}).out;
    std::vector<PdfPage> pages;
    for (std::size_t at = xml.find("<page "); at != std::string::npos;) {
        PdfPage p;
        p.height = attribute(xml, at, "height");
        const std::size_t end = xml.find("</page>", at);
        for (std::size_t w = xml.find("<word ", at); w != std::string::npos && w < end; w = xml.find("<word ", w + 1)) {
            const std::size_t open_end = xml.find('>', w) + 1;
            const std::string text = xml.substr(open_end, xml.find("</word>", open_end) - open_end);
            p.words.push_back({attribute(xml, w, "yMin"), attribute(xml, w, "yMax"), attribute(xml, w, "xMin"),
                               attribute(xml, w, "xMax"), text});
        }
        pages.push_back(std::move(p));
        at = end == std::string::npos ? end : xml.find("<page ", end);
    }
    return pages;
}

// The texts of the section headings (H1 and H2) in the tagged structure, spaces squeezed.
std::vector<std::string> section_headings(const fs::path& pdf) {
    const std::string tree = test::run({"pdfinfo", "-struct-text", pdf.string()}).out;
    std::vector<std::string> out;
    static const std::regex re(R"re(\n\s*H[12] \(block\)\n\s*"([^"\n]*))re");
    for (auto it = std::sregex_iterator(tree.begin(), tree.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back(test::squeeze((*it)[1]));
    return out;
}

struct Margins {
    double top = 72, bottom = 64;
};

// The template's margins (style.margins), the defaults of docs/templates.md when it sets none.
Margins margins_of(const fs::path& template_path) {
    Margins m;
    const std::string t = test::read_text_file(template_path);
    std::smatch s;
    if (std::regex_search(t, s, std::regex(R"(margins:\s*\{[^}]*top:\s*([\d.]+))"))) m.top = std::stod(s[1]);
    if (std::regex_search(t, s, std::regex(R"(margins:\s*\{[^}]*bottom:\s*([\d.]+))"))) m.bottom = std::stod(s[1]);
    return m;
}

// report id -> its template file, from the batch file's `- id:` and `template:` lines.
std::map<std::string, fs::path> templates_of(const fs::path& batch) {
    std::map<std::string, fs::path> out;
    const std::string y = test::read_text_file(batch);
    static const std::regex re(R"(-\s+id:\s*([\w-]+)[\s\S]*?\n\s+template:\s*(\S+))");
    for (auto it = std::sregex_iterator(y.begin(), y.end(), re); it != std::sregex_iterator(); ++it)
        out[(*it)[1]] = batch.parent_path() / (*it)[2].str();
    return out;
}

// The first line of body text on a page, words in order, spaces squeezed.
std::string first_line(const PdfPage& p, const Margins& mg) {
    std::vector<Word> body;
    for (const auto& w : p.words)
        if (w.y_min >= mg.top - 1 && w.y_max <= p.height - mg.bottom + 1) body.push_back(w);
    if (body.empty()) return "";
    const double top = std::min_element(body.begin(), body.end(), [](const Word& a, const Word& b) {
                           return a.y_min < b.y_min;
                       })->y_min;
    std::vector<Word> line;
    for (const auto& w : body)
        if (w.y_min < top + 2) line.push_back(w);
    std::sort(line.begin(), line.end(), [](const Word& a, const Word& b) { return a.x_min < b.x_min; });
    std::string s;
    for (const auto& w : line) s += (s.empty() ? "" : " ") + w.text;
    return s;
}

bool has_footer(const PdfPage& p) {
    for (std::size_t i = 0; i + 2 < p.words.size(); ++i)
        if (p.words[i].text == "Page" && p.words[i + 2].text == "of") return true;
    return false;
}

}  // namespace

TEST_CASE("no page of any sample but a last, title or section-ending page is more than a quarter empty",
          "[e2e][layout]") {
    int pdfs = 0, pages_checked = 0;
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "samples")) {
        const fs::path batch = entry.path() / "batch.yaml";
        if (!fs::exists(batch)) continue;
        test::TempDir dir;
        const auto run = test::run_boardpack({"run", batch.string(), "--out", dir.path().string(), "--format", "pdf"});
        INFO(batch.string() << ": " << run.err);
        REQUIRE(run.exit_code == 0);
        const auto list = test::run_boardpack({"list", batch.string(), "--out", dir.path().string(), "--json"});
        REQUIRE(list.exit_code == 0);
        const auto templates = templates_of(batch);
        const auto listed = nlohmann::json::parse(list.out);
        for (const auto& report : listed.at("reports")) {
            const std::string key = report.at("key");
            const std::string id = key.substr(0, key.find('/'));
            REQUIRE(templates.count(id) == 1);
            const Margins mg = margins_of(templates.at(id));
            for (const auto& file : report.at("files")) {
                if (file.at("format") != "pdf") continue;
                const fs::path pdf = file.at("path").get<std::string>();
                const auto pages = pages_of(pdf);
                std::vector<std::string> headings;  // read only when a page needs them (pdfinfo is slow)
                bool headings_read = false;
                REQUIRE(!pages.empty());
                ++pdfs;
                for (std::size_t i = 0; i + 1 < pages.size(); ++i) {
                    const PdfPage& p = pages[i];
                    if (!has_footer(p)) continue;  // a title page
                    const double top = mg.top, bottom = p.height - mg.bottom;
                    double low = top;
                    for (const auto& w : p.words)
                        if (w.y_min >= top - 1 && w.y_max <= bottom + 1) low = std::max(low, w.y_max);
                    const double empty = (bottom - low) / (bottom - top);
                    ++pages_checked;
                    if (empty <= 0.25) continue;
                    if (!headings_read) headings = section_headings(pdf);
                    headings_read = true;
                    const std::string next = first_line(pages[i + 1], mg);
                    const bool section_ends = std::any_of(headings.begin(), headings.end(), [&](const std::string& h) {
                        return !next.empty() && (test::squeeze(h).rfind(next, 0) == 0 || next.rfind(h, 0) == 0);
                    });
                    // No exemption for a template's page break: a section that starts a page
                    // of its own after a short one uses `page_break_before: when_needed`
                    // (the setting summaries' page 2, short when every figure is suppressed).
                    if (section_ends) continue;
                    INFO(pdf.filename().string() << " page " << i + 1 << " of " << pages.size() << ": "
                                                 << static_cast<int>(empty * 100 + 0.5)
                                                 << "% of the body empty; the next page starts '" << next << "'");
                    CHECK(empty <= 0.25);
                }
            }
        }
    }
    CHECK(pdfs >= 3);
    CHECK(pages_checked >= 10);
}

TEST_CASE("no two words overlap on any page of any sample: a shrunk chart's source line stays above the footer",
          "[e2e][layout]") {
    // Word boxes from pdftotext -bbox; two words overlap when their boxes share more than a
    // point both across and down (neighbouring words touch, lines of text do not overlap).
    int pages_checked = 0;
    for (const std::string& name : test::sample_names()) {
        const auto& s = test::rendered_sample(name);
        INFO(name << ": " << s.run.err);
        REQUIRE(s.run.exit_code == 0);
        for (const auto& pdf : s.pdfs) {
            const auto pages = pages_of(pdf);
            for (std::size_t i = 0; i < pages.size(); ++i) {
                const auto& words = pages[i].words;
                ++pages_checked;
                for (std::size_t a = 0; a < words.size(); ++a) {
                    for (std::size_t b = a + 1; b < words.size(); ++b) {
                        const Word& u = words[a];
                        const Word& v = words[b];
                        const double across = std::min(u.x_max, v.x_max) - std::max(u.x_min, v.x_min);
                        const double down = std::min(u.y_max, v.y_max) - std::max(u.y_min, v.y_min);
                        if (across <= 1 || down <= 1) continue;
                        INFO(pdf.filename().string() << " page " << i + 1 << ": '" << u.text << "' at (" << u.x_min
                                                     << ", " << u.y_min << ") overlaps '" << v.text << "' at ("
                                                     << v.x_min << ", " << v.y_min << ")");
                        CHECK(false);
                    }
                }
            }
        }
    }
    CHECK(pages_checked >= 100);
}
