// End to end: the alt text of every chart of every sample, as `boardpack charts` writes it
// beside each image (the same text the PDF and the SVG carry): key message first, plain words,
// at most about 250 characters, and a table named only when the report has it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "tests/support/e2e.h"
#include "tests/support/sample_outputs.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

// Every chart of every sample exported, and every report rendered, once per ctest run
// (tests/support/sample_outputs.h).
struct Exported {
    std::string errors;
    std::vector<fs::path> alts;  // the .txt files, sorted
    std::map<fs::path, std::string> sample_of;  // alt file -> its sample
    Exported() {
        for (const std::string& s : test::sample_names()) {
            const test::SampleOutput& c = test::exported_charts(s);
            if (c.run.exit_code != 0) errors += c.run.err;
            for (const auto& e : fs::recursive_directory_iterator(c.dir))
                if (e.path().extension() == ".txt") {
                    alts.push_back(e.path());
                    sample_of[e.path()] = s;
                }
        }
        std::sort(alts.begin(), alts.end());
    }
    // The report PDF a chart folder belongs to: <charts of sample>/<stem…>/NN-x.txt ->
    // <run of sample>/<stem…>.pdf
    fs::path pdf_of(const fs::path& alt) const {
        const std::string& sample = sample_of.at(alt);
        const fs::path rel = fs::relative(alt.parent_path(), test::exported_charts(sample).dir);
        return test::rendered_sample(sample).dir / (rel.string() + ".pdf");
    }
};
const Exported& exported() {
    static Exported e;
    return e;
}

std::string alt_of(const fs::path& p) {
    std::string s = test::read_text_file(p);
    if (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

std::size_t code_points(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string first_sentence(const std::string& s) {
    auto end = s.find(". ");
    return end == std::string::npos ? s : s.substr(0, end + 1);
}

}  // namespace

TEST_CASE("every chart of every sample has short alt text in plain words, key message first",
          "[e2e][alt-text]") {
    const auto& e = exported();
    INFO(e.errors);
    REQUIRE(e.errors.empty());
    // Board paper 1, EYQIP 3, peer-challenge paper 2, annual report 8, 52 setting summaries with 4
    // each, less the three charts of each of the 3 settings whose figures are all suppressed
    // (TFS20, TFS25, TFS52: a paragraph says why instead, tracking_for_success_test.cpp).
    CHECK(e.alts.size() == 1 + 3 + 2 + 8 + 52 * 4 - 3 * 3);

    SECTION("at most 250 characters") {
        for (const auto& p : e.alts) {
            const std::string alt = alt_of(p);
            INFO(p.string() << "\n" << alt);
            CHECK(code_points(alt) >= 40);
            CHECK(code_points(alt) <= 250);
            CHECK(alt.back() == '.');
        }
    }
    SECTION("no abbreviation left unexpanded") {
        // Capitalised abbreviations (KS2, RWM, GLD, FSM, CL, PSED, SEND …) and ppt/ppts/pp.
        const std::regex abbreviation(
            R"((^|[^A-Za-z0-9])([A-Z]{2,}[0-9]*|[A-Z]+[0-9]+|ppts?|pp)($|[^A-Za-z0-9]))");
        for (const auto& p : e.alts) {
            const std::string alt = alt_of(p);
            INFO(p.string() << "\n" << alt);
            std::smatch m;
            const bool found = std::regex_search(alt, m, abbreviation);
            INFO("abbreviation: " << (found ? m[2].str() : std::string()));
            CHECK_FALSE(found);
        }
    }
    SECTION("the key message first, not the kind of chart") {
        const std::regex chart_words(
            "^(Line chart|Bar chart|Stacked bar chart|Dot plot|Chart|A chart|This chart)");
        const std::regex finding(
            "(narrowed|widened|unchanged|rose|fell|stayed|below|above|in line with|ranges|are "
            "complete|is complete|achieved|suppressed|No |are (improved|same|declined))");
        const std::regex gap_move(
            " (narrowed|widened) from \\S+ to \\S+ percentage points? between | was unchanged at "
            "\\S+ percentage points? between ");
        int gap_trends = 0;
        for (const auto& p : e.alts) {
            const std::string alt = alt_of(p);
            const std::string lead = first_sentence(alt);
            INFO(p.string() << "\n" << alt);
            CHECK_FALSE(std::regex_search(lead, chart_words));
            CHECK(std::regex_search(lead, finding));
            if (lead.rfind("The gap in ", 0) == 0 && lead.find(" ranges from ") == std::string::npos) {
                ++gap_trends;
                CHECK(std::regex_search(lead, gap_move));
            }
        }
        CHECK(gap_trends >= 4);
    }
}

TEST_CASE("the board paper's chart alt text gives the gap's movement in plain words",
          "[e2e][alt-text]") {
    const auto& e = exported();
    auto it = std::find_if(e.alts.begin(), e.alts.end(), [](const fs::path& p) {
        return p.string().find("accelerating-achievement-progress-update") != std::string::npos;
    });
    REQUIRE(it != e.alts.end());
    CHECK(alt_of(*it) ==
          "The gap in Key Stage 2 reading, writing and maths between children eligible for free "
          "school meals and other children narrowed from 28.2 to 25.9 percentage points between "
          "2011/12 and 2014/15.");
}

TEST_CASE("alt text that points to a table points to one its report has", "[e2e][alt-text]") {
    const auto& e = exported();
    const std::regex table("(Table [0-9]+) gives the figures\\.$");
    int pointing = 0;
    for (const auto& p : e.alts) {
        const std::string alt = alt_of(p);
        std::smatch m;
        if (!std::regex_search(alt, m, table)) continue;
        ++pointing;
        INFO(p.string() << "\n" << alt);
        const fs::path pdf = e.pdf_of(p);
        REQUIRE(fs::exists(pdf));
        CHECK(test::pdf_flow(pdf.string()).find(m[1].str() + ":") != std::string::npos);
        if (pointing > 12) break;  // the setting summaries repeat one template
    }
    CHECK(pointing >= 3);  // annual report: gaps against targets, actions; setting summaries
}

TEST_CASE("a template's chart table must exist and the batch's abbreviations are spelled out",
          "[e2e][alt-text]") {
    test::TempDir dir;
    const fs::path sample = test::copy_sample(dir.path(), "accelerating-achievement");
    std::string yaml = test::read_text_file(sample / "batch.yaml");
    yaml.replace(yaml.find("batch:\n"), 7,
                 "batch:\n  abbreviations:\n    RWM: reading, writing and mathematics\n"
                 "    Not FSM: their peers\n");
    std::ofstream(sample / "batch.yaml", std::ios::binary) << yaml;
    auto ok = test::run_boardpack(
        {"charts", (sample / "batch.yaml").string(), "--out", (dir.path() / "c1").string()});
    INFO(ok.err);
    REQUIRE(ok.exit_code == 0);
    std::string alt;
    for (const auto& f : fs::recursive_directory_iterator(dir.path() / "c1"))
        if (f.path().extension() == ".txt") alt = alt_of(f.path());
    CHECK(alt.rfind("The gap in Key Stage 2 reading, writing and mathematics between children "
                    "eligible for free school meals and their peers narrowed",
                    0) == 0);

    const fs::path tmpl = dir.path() / "templates/hwb-board-paper.yaml";
    std::string t = test::read_text_file(tmpl);
    const std::string anchor = "          comparator: Not FSM\n";
    REQUIRE(t.find(anchor) != std::string::npos);
    const auto line = std::count(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(t.find(anchor)), '\n') + 2;
    t.replace(t.find(anchor), anchor.size(), anchor + "          table: Gaps by year\n");
    std::ofstream(tmpl, std::ios::binary) << t;
    auto bad = test::run_boardpack({"validate", (sample / "batch.yaml").string()});
    INFO(bad.err);
    CHECK(bad.exit_code == 2);  // templates are checked, with their charts, before any report
    CHECK(bad.err.find("hwb-board-paper.yaml:" + std::to_string(line) +
                       ":18: error: chart option 'table': the report has no table captioned "
                       "'Gaps by year'") != std::string::npos);
    CHECK(bad.err.find("hint: the report's tables are 'Table 1: Attainment gaps and targets") !=
          std::string::npos);

    const std::string table_line = "          table: Gaps by year\n";
    t.replace(t.find(table_line), table_line.size(), "          data_table: maybe\n");
    std::ofstream(tmpl, std::ios::binary) << t;
    auto maybe = test::run_boardpack({"validate", (sample / "batch.yaml").string()});
    INFO(maybe.err);
    CHECK(maybe.exit_code == 2);
    CHECK(maybe.err.find("hwb-board-paper.yaml:" + std::to_string(line) +
                         ":23: error: chart option 'data_table' must be true or false, got "
                         "'maybe'") != std::string::npos);
}

TEST_CASE("the annual report gives the figures of its many-valued charts in the tables their alt "
          "text names",
          "[e2e][alt-text]") {
    const auto& e = exported();
    auto it = std::find_if(e.alts.begin(), e.alts.end(), [](const fs::path& p) {
        return p.filename().string().rfind("04-the-gld-gap-in-each-setting", 0) == 0;
    });
    REQUIRE(it != e.alts.end());
    const std::string alt = alt_of(*it);
    INFO(alt);
    CHECK(alt.substr(alt.size() - 26) == "Table 2 gives the figures.");
    const std::string flow = test::pdf_flow(e.pdf_of(*it).string());
    const auto from = flow.find("Table 2: The figures of Figure 4");
    const auto to = flow.find("Table 3:");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    REQUIRE(from < to);
    // Every one of the 52 settings has its row, the 3 suppressed ones with a dash.
    const std::string table = flow.substr(from, to - from);
    std::regex setting("TFS[0-9]{2}");
    CHECK(std::distance(std::sregex_iterator(table.begin(), table.end(), setting), std::sregex_iterator()) == 52);
    CHECK(table.find("= suppressed (small numbers) or not available.") != std::string::npos);
    CHECK(flow.find("Table 4: The figures of Figure 5") != std::string::npos);
    CHECK(flow.find("Table 5: The figures of Figure 7") != std::string::npos);
}
