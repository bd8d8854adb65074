// A table cell taller than a page (an action of 2,500 words) continues on the next pages below
// the repeated header: every word is printed, in order, and no text is drawn below the
// footer rule or off the page (pdftotext -bbox gives every word's box).
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kBase = fs::path(BOARDPACK_TEST_FIXTURES) / "bad" / "_base";

struct Word {
    double y_max, page_height;
    std::string text;
};

// Every word of the PDF with its box, page by page (pdftotext -bbox: XHTML, one <word> each).
std::vector<Word> words_of(const fs::path& pdf) {
    auto r = test::run({"pdftotext", "-bbox", pdf.string(), "-"});
    REQUIRE(r.exit_code == 0);
    std::vector<Word> out;
    const std::regex page(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
    const std::regex word(R"re(<word xMin="[0-9.]+" yMin="[0-9.]+" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)</word>)re");
    double height = 0;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_search(line, m, page)) height = std::stod(m[2].str());
        else if (std::regex_search(line, m, word)) out.push_back({std::stod(m[1].str()), height, m[2].str()});
    }
    return out;
}

}  // namespace

TEST_CASE("an action longer than a page splits across pages and loses no word", "[e2e][layout][long-cell]") {
    test::TempDir dir;
    fs::copy(kBase, dir.path(), fs::copy_options::recursive);
    std::string action;
    for (int i = 1; i <= 2500; ++i) action += (i > 1 ? " " : "") + std::string("w") + std::to_string(i);
    test::write_text_file(dir.path() / "data/actions.csv",
                          "action_id,setting_id,objective,action,owner,start,due,status,last_updated\n"
                          "A1,S1,Close the gap,\"" + action + "\",Coach,2018-09-01,2019-03-31,Complete,2019-04-02\n"
                          "A2,S1,Close the gap,Short follow-up,Coach,2018-09-01,2019-03-31,Complete,2019-04-02\n");
    REQUIRE(test::edit_file(dir.path() / "template.yaml", "      - status_table: \\{\\}",
                            "      - action_table: {columns: [id, action, owner, status]}") == 1);
    auto r = test::run_boardpack({"run", "batch.yaml", "--out", "out", "--format", "pdf"}, dir.path().string());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const fs::path pdf = dir.path() / "out" / "base.pdf";
    CHECK(test::page_count(pdf.string()) >= 3);

    auto words = words_of(pdf);
    REQUIRE(!words.empty());
    int next = 1;
    int header_repeats = 0;
    for (const auto& w : words) {
        INFO(w.text << " at y " << w.y_max << " of " << w.page_height);
        // Nothing below the bottom margin's footer line (the footer itself sits in the margin,
        // above the page edge).
        CHECK(w.y_max <= w.page_height - 10);
        if (w.text == "w" + std::to_string(next)) ++next;
        if (w.text == "Action") ++header_repeats;
    }
    CHECK(next == 2501);  // every word, in order
    CHECK(header_repeats >= 3);  // the header row on every page the table covers
    const std::string flat = test::squeeze(test::pdf_text(pdf.string()));
    CHECK(flat.find("Short follow-up") != std::string::npos);
    CHECK(test::run({"qpdf", "--check", pdf.string()}).exit_code == 0);
}
