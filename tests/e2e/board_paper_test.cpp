// End to end: the Accelerating Achievement sample through the real binary, the PDF read back
// with poppler and qpdf.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kBatch = test::source_dir() / "samples/accelerating-achievement/batch.yaml";
const char* kPdfName = "accelerating-achievement-progress-update.pdf";

// One rendering shared by the read-only checks below.
struct Rendered {
    test::TempDir dir;
    test::RunResult run;
    fs::path pdf;
    std::string text;      // pdftotext -layout, spaces squeezed
    std::string raw_text;  // pdftotext without -layout (reading order)
    std::string flow;      // reading order with line breaks joined: wrapped sentences read whole
    Rendered() {
        run = test::run_boardpack({"run", kBatch.string(), "--out", dir.path().string()});
        pdf = dir.path() / kPdfName;
        text = test::squeeze(test::pdf_text(pdf.string()));
        raw_text = test::pdf_text(pdf.string(), false);
        flow = test::pdf_flow(pdf.string());
    }
};
const Rendered& rendered() {
    static Rendered r;
    return r;
}

}  // namespace

TEST_CASE("the sample board paper renders with exit status 0", "[e2e][board-paper]") {
    const auto& r = rendered();
    INFO(r.run.err);
    CHECK(r.run.exit_code == 0);
    CHECK(fs::exists(r.pdf));
    CHECK(r.run.out.find("1 of 1 report written") != std::string::npos);
}

TEST_CASE("the board paper has every section of seed 002 in order", "[e2e][board-paper]") {
    // Content-stream order (pdftotext -raw): a heading at the top of a page is not mixed with
    // the running header, as pdftotext's column guessing can do.
    std::string t = test::run({"pdftotext", "-raw", "-enc", "UTF-8", rendered().pdf.string(), "-"}).out;
    for (char& c : t)
        if (c == '\n') c = ' ';
    t = test::squeeze(t);
    const char* headings[] = {"1.0 PURPOSE",
                              "2.0 BACKGROUND",
                              "3.0 PROGRESS IN DELIVERING THE ACCELERATING ACHIEVEMENT ACTION PLAN",
                              "3.2 Performance overall (based upon 2014/15 assessment data)",
                              "3.3 Action plan",
                              "4.0 ALIGNMENT WITH THE CAMBRIDGESHIRE HEALTH AND WELLBEING STRATEGY",
                              "5.0 OFSTED",
                              "6.0 NEXT STEPS",
                              "7.0 RECOMMENDATION/DECISION REQUIRED",
                              "8.0 SOURCE DOCUMENTS"};
    std::size_t pos = 0;
    for (const char* h : headings) {
        INFO(h);
        std::size_t at = t.find(h, pos);
        CHECK(at != std::string::npos);
        if (at != std::string::npos) pos = at;
    }
    CHECK(t.find("To: Health and Wellbeing Board") != std::string::npos);
    CHECK(t.find("Date: 17 September 2015") != std::string::npos);
    CHECK(t.find("ACCELERATING ACHIEVEMENT – PROGRESS UPDATE") != std::string::npos);
    CHECK(t.find("a) Consider the Accelerating Achievement Annual Report.") != std::string::npos);
    CHECK(t.find("a.)") == std::string::npos);
}

TEST_CASE("the board paper quotes the computed gaps and statuses", "[e2e][board-paper]") {
    const auto& t = rendered().text;  // table rows, one line each in -layout (first line of a cell)
    const auto& f = rendered().flow;  // sentences
    // KS2 RWM 2014/15: FSM 57.4%, Not FSM 83.3% -> gap 25.9 ppts; 2013/14 gap 82.1 - 55.2 = 26.9,
    // so the change is -1.0 (narrowed). Worked out by hand from data/observations.csv.
    CHECK(f.find("a gap of 25.9 ppts, which narrowed by 1.0 ppts") != std::string::npos);
    std::regex ks2_row("KS2 RWM FSM Not FSM 57\\.4% 83\\.3% 25\\.9 \xE2\x88\x92" "1\\.0 Not on target");
    CHECK(std::regex_search(t, ks2_row));
    // KS4 FSM: gap 61.5 - 33.0 = 28.5, on target: narrowed 4.6 in 2013/14 and exactly 3.0 in
    // 2014/15, at least the 3 needed each year.
    CHECK(std::regex_search(t, std::regex("KS4 5A\\*–C( EM)? FSM Not FSM 33\\.0% 61\\.5% 28\\.5 \xE2\x88\x92" "3\\.0 On target")));
    // EYFS FSM: gap 68.4 - 50.3 = 18.1 against at most 20 by 2014/15: achieved.
    CHECK(std::regex_search(t, std::regex("EYFS GLD FSM Not FSM 50\\.3% 68\\.4% 18\\.1 \xE2\x88\x92" "3\\.7 Achieved")));
    // KS1 looked-after children: cohort of 3 in 2014/15 -> suppressed, shown as c.
    CHECK(std::regex_search(t, std::regex("KS1 RWM Looked after Looked after( \\(England\\))? c 55\\.0% c c Suppressed")));
    // Looked-after KS2 gap to national LAC widened to 10.3 ppts.
    CHECK(f.find("widened to 10.3 ppts") != std::string::npos);
    CHECK(f.find("Of 9 targets, 2 have been achieved, 3 are on target and 3 are not on target; 1 "
                 "cannot be reported") != std::string::npos);
}

TEST_CASE("the action plan shows statuses as at the meeting date", "[e2e][board-paper]") {
    const auto& t = rendered().text;
    // AA05 is due 30 Oct 2015 (more than 14 days after 17 Sep 2015): On track. AA07 is due
    // 25 Sep 2015: At risk. AA08 was due 31 Jul 2015 and is not complete: Overdue.
    CHECK(std::regex_search(t, std::regex("AA05 .*On track")));
    CHECK(std::regex_search(t, std::regex("AA07 .*At risk")));
    CHECK(std::regex_search(t, std::regex("AA08 .*Overdue")));
    CHECK(std::regex_search(t, std::regex("AA12 .*Not started")));
    CHECK(t.find("6 of the 13 actions are complete") != std::string::npos);
}

TEST_CASE("the chart is vector text in the PDF", "[e2e][board-paper][charts]") {
    const auto& t = rendered().raw_text;
    // Axis and series labels drawn by cairo/pango come back as text.
    CHECK(t.find("2011/12") != std::string::npos);
    CHECK(t.find("2014/15") != std::string::npos);
    CHECK(t.find("reading, writing and maths (%)") != std::string::npos);
    // One title per figure: the finding once, in the figure's caption, not again in the chart.
    CHECK(t.find("Figure 1: The gap in KS2 RWM narrowed by 2.3 ppts since 2011/12") != std::string::npos);
    CHECK(t.find("gap narrowed by 2.3 ppts since 2011/12") == t.rfind("gap narrowed by 2.3 ppts since 2011/12"));
    CHECK(t.find("Source: DfE school performance data") != std::string::npos);
}

TEST_CASE("every page has the running footer", "[e2e][board-paper]") {
    const auto& r = rendered();
    int pages = test::page_count(r.pdf.string());
    REQUIRE(pages >= 3);
    CHECK(pages <= 8);
    for (int p = 1; p <= pages; ++p) {
        INFO("page " << p);
        CHECK(r.text.find("Page " + std::to_string(p) + " of " + std::to_string(pages)) != std::string::npos);
    }
    CHECK(r.text.find("Data as at 17 September 2015") != std::string::npos);
    CHECK(r.text.find("OFFICIAL") != std::string::npos);
}

TEST_CASE("the PDF passes qpdf --check and embeds every font", "[e2e][board-paper]") {
    const auto& r = rendered();
    auto check = test::run({"qpdf", "--check", r.pdf.string()});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
    auto fonts = test::run({"pdffonts", r.pdf.string()});
    REQUIRE(fonts.exit_code == 0);
    int rows = 0;
    std::istringstream lines(fonts.out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
        ++rows;
        INFO(line);
        CHECK(std::regex_search(line, std::regex(" yes (yes|no) (yes|no) +\\d+ +\\d+$")));
        CHECK(std::regex_search(line, std::regex("Liberation|DejaVu")));
    }
    CHECK(rows >= 2);
    // The outline has one entry per section (bookmarks).
    auto json = test::run({"qpdf", "--json", "--json-key=outlines", r.pdf.string()});
    CHECK(json.out.find("3.0 PROGRESS IN DELIVERING") != std::string::npos);
    CHECK(json.out.find("8.0 SOURCE DOCUMENTS") != std::string::npos);
    auto info = test::pdf_info(r.pdf.string());
    CHECK(info.find("Title:           Accelerating Achievement – progress update") != std::string::npos);
    CHECK(info.find("Author:          Jo Pallett") != std::string::npos);
}

TEST_CASE("two runs give byte-identical PDFs", "[e2e][board-paper][determinism]") {
    test::TempDir other;
    auto run = test::run_boardpack({"run", kBatch.string(), "--out", other.path().string()});
    REQUIRE(run.exit_code == 0);
    std::string a = test::read_text_file(rendered().pdf);
    std::string b = test::read_text_file(other.path() / kPdfName);
    REQUIRE(!a.empty());
    CHECK(a == b);
}

TEST_CASE("validate checks everything and writes nothing", "[e2e][cli]") {
    test::TempDir dir;
    fs::copy(test::source_dir() / "samples", dir.path() / "samples", fs::copy_options::recursive);
    fs::copy(test::source_dir() / "templates", dir.path() / "templates", fs::copy_options::recursive);
    fs::remove_all(dir.path() / "samples/accelerating-achievement/out");
    auto batch = dir.path() / "samples/accelerating-achievement/batch.yaml";
    auto r = test::run_boardpack({"validate", batch.string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("ok      progress-update") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "samples/accelerating-achievement/out"));
}

TEST_CASE("a failing report leaves no partial PDF and keeps the last good one", "[e2e][atomic]") {
    test::TempDir dir;
    fs::copy(kBatch.parent_path(), dir.path(), fs::copy_options::recursive);
    fs::copy(test::source_dir() / "templates", dir.path() / "templates", fs::copy_options::recursive);
    // Point the copy at the copied template, then break a placeholder in the narrative.
    std::string yaml = test::read_text_file(dir.path() / "batch.yaml");
    yaml = std::regex_replace(yaml, std::regex("\\.\\./\\.\\./templates/"), "templates/");
    auto out = dir.path() / "out";
    fs::create_directories(out);
    const std::string good = "%PDF-1.5 last good report";
    {
        std::FILE* f = std::fopen((out / kPdfName).c_str(), "wb");
        std::fputs(good.c_str(), f);
        std::fclose(f);
    }
    std::string broken = std::regex_replace(yaml, std::regex("gap\\.ks2_rwm\\.fsm\\.value"), "gap.ks2_rwm.fsn.value");
    {
        std::FILE* f = std::fopen((dir.path() / "batch.yaml").c_str(), "wb");
        std::fputs(broken.c_str(), f);
        std::fclose(f);
    }
    auto r = test::run_boardpack({"run", (dir.path() / "batch.yaml").string(), "--out", out.string()});
    // A placeholder error is a template error: found before anything renders, exit 2.
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("error: unknown placeholder 'gap.ks2_rwm.fsn.value'") != std::string::npos);
    CHECK(r.err.find("did you mean 'gap.ks2_rwm.fsm.value'") != std::string::npos);
    CHECK(r.err.find("nothing was written") != std::string::npos);
    CHECK(test::read_text_file(out / kPdfName) == good);
    int pdfs = 0;
    for (auto& e : fs::directory_iterator(out)) {
        std::string name = e.path().filename().string();
        INFO(name);
        CHECK((name == kPdfName || name == "manifest.json" || name == ".boardpack.lock"));
        pdfs += name == kPdfName;
    }
    CHECK(pdfs == 1);  // no temp file left behind
}

TEST_CASE("config errors exit 2 with file:line:col", "[e2e][cli]") {
    test::TempDir dir;
    auto batch = dir.path() / "batch.yaml";
    {
        std::FILE* f = std::fopen(batch.c_str(), "wb");
        std::fputs("data:\n  observations: obs.csv\nreports:\n  - id: r\n    tempate: t.yaml\n", f);
        std::fclose(f);
    }
    auto r = test::run_boardpack({"run", batch.string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(batch.string() + ":5:5: error: unknown key 'tempate' in 'reports[0]'") != std::string::npos);
    CHECK(r.err.find("hint: did you mean 'template'?") != std::string::npos);
    auto usage = test::run_boardpack({"frobnicate"});
    CHECK(usage.exit_code == 2);
    CHECK(usage.err.find("unknown command 'frobnicate'") != std::string::npos);
    auto version = test::run_boardpack({"--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out.rfind("boardpack ", 0) == 0);
}

TEST_CASE("a count of one reads in the singular: 1 of the 2 actions is complete",
          "[e2e][board-paper][words]") {
    // The sample with an action plan of two actions, one of them complete.
    test::TempDir dir;
    fs::copy(test::source_dir() / "templates", dir.path() / "templates", fs::copy_options::recursive);
    const fs::path sample = dir.path() / "samples/aa";
    fs::create_directories(sample.parent_path());
    fs::copy(kBatch.parent_path(), sample, fs::copy_options::recursive);
    std::istringstream in(test::read_text_file(sample / "data/actions.csv"));
    std::string line, kept;
    int complete = 0, other = 0;
    std::getline(in, line);
    kept = line + "\n";
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        bool done = line.find(",Complete,") != std::string::npos;
        if ((done && complete == 0) || (!done && other == 0)) {
            kept += line + "\n";
            (done ? complete : other)++;
        }
    }
    REQUIRE(complete == 1);
    REQUIRE(other == 1);
    {
        std::FILE* f = std::fopen((sample / "data/actions.csv").c_str(), "wb");
        std::fputs(kept.c_str(), f);
        std::fclose(f);
    }
    auto run = test::run_boardpack({"run", (sample / "batch.yaml").string(), "--out",
                                    (dir.path() / "out").string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const std::string t = test::pdf_flow((dir.path() / "out" / kPdfName).string());
    CHECK(t.find("1 of the 2 actions is complete") != std::string::npos);
    CHECK(t.find("1 actions") == std::string::npos);
}

TEST_CASE("improves_faster targets are judged year on year from the CSV figures",
          "[e2e][board-paper][improves_faster]") {
    const auto& t = rendered().text;
    const fs::path data = kBatch.parent_path() / "data";
    // Figures in tenths, exactly: every value in the sample has one decimal place.
    auto tenths = [](const std::string& v) {
        auto dot = v.find('.');
        REQUIRE(dot != std::string::npos);
        REQUIRE(v.size() == dot + 2);
        return std::stol(v.substr(0, dot)) * 10 + (v[dot + 1] - '0');
    };
    auto shown = [](long t10) {  // tenths as the table prints them, with a true minus
        std::string s = std::to_string(std::labs(t10) / 10) + "." + std::to_string(std::labs(t10) % 10);
        return t10 < 0 ? "\xE2\x88\x92" + s : s;
    };
    const auto obs = test::read_simple_csv(data / "observations.csv");
    int judged = 0;
    for (const auto& target : test::read_simple_csv(data / "targets.csv")) {
        if (target.at("kind") != "improves_faster_than_comparator_by") continue;
        const long per_year = tenths(target.at("target") + ".0");
        std::map<std::string, long> group, comparator;  // time_period -> value in tenths
        for (const auto& o : obs) {
            if (o.at("geographic_level") != "Local authority" || o.at("measure") != target.at("measure"))
                continue;
            if (o.at("characteristic") == target.at("characteristic")) group[o.at("time_period")] = tenths(o.at("value"));
            if (o.at("characteristic") == target.at("comparator"))
                comparator[o.at("time_period")] = tenths(o.at("value"));
        }
        // Every year from the baseline must narrow the gap by at least the rule.
        bool every_year = true;
        std::optional<long> prev;
        for (const auto& [period, g] : group) {
            if (period < target.at("baseline_period")) continue;
            long gap = comparator.at(period) - g;
            if (prev && *prev - gap < per_year) every_year = false;
            prev = gap;
        }
        const std::string latest = group.rbegin()->first, before = std::next(group.rbegin())->first;
        const long gap = comparator.at(latest) - group.at(latest);
        const long change = gap - (comparator.at(before) - group.at(before));
        // The target period (2015/16) is after the latest data: On target / Not on target.
        const std::string row = target.at("characteristic") + " " + target.at("comparator") + " " +
                                shown(group.at(latest)) + "% " + shown(comparator.at(latest)) + "% " +
                                shown(gap) + " " + shown(change) + " " +
                                (every_year ? "On target" : "Not on target");
        INFO(target.at("id") << ": " << row);
        CHECK(t.find(row) != std::string::npos);
        ++judged;
    }
    CHECK(judged == 4);
}
