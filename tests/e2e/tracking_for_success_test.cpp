// End to end: the Tracking for Success sample (annual report + 52 setting summaries) through the
// real binary. Expected figures are worked out here from the pupil-level records, independently
// of the engine, and looked for in the PDFs read back with poppler.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "tests/support/e2e.h"
#include "tests/support/sample_outputs.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kSample = test::source_dir() / "samples/tracking-for-success";
const char* kAnnual = "tracking-for-success-final-report.pdf";

// The sample rendered once per ctest run (tests/support/sample_outputs.h).
struct Rendered {
    fs::path dir;
    test::RunResult run;
    fs::path annual;
    std::string text;  // pdftotext -layout of the annual report, spaces squeezed
    std::string flow;  // reading order, line breaks joined
    Rendered() {
        const test::SampleOutput& s = test::rendered_sample("tracking-for-success");
        dir = s.dir;
        run = s.run;
        annual = dir / kAnnual;
        text = test::squeeze(test::pdf_text(annual.string()));
        flow = test::pdf_flow(annual.string());
    }
};
const Rendered& rendered() {
    static Rendered r;
    return r;
}

// % of children with a good level of development (expected or exceeding in all five GLD
// areas), by disadvantage ("Y"/"N"), for one term, in one setting or ("") the whole project.
struct Gld {
    double dis = 0, other = 0;
    int dis_n = 0, other_n = 0;
};
Gld gld(const std::string& period, const std::string& term, const std::string& setting = "") {
    static const auto records = test::read_simple_csv(kSample / "data/records.csv");
    static const std::set<std::string> areas = {"communication_language", "physical_development", "psed",
                                                "literacy", "mathematics"};
    std::map<std::string, std::pair<int, bool>> child;  // id -> (GLD areas at expected+, disadvantaged)
    std::map<std::string, int> assessed;
    for (const auto& r : records) {
        if (r.at("time_period") != period || r.at("time_identifier") != term) continue;
        if (!setting.empty() && r.at("setting_id") != setting) continue;
        if (!areas.count(r.at("area_of_learning"))) continue;
        auto& c = child[r.at("child_id")];
        c.second = r.at("disadvantaged") == "Y";
        ++assessed[r.at("child_id")];
        if (r.at("judgement") == "expected" || r.at("judgement") == "exceeding") ++c.first;
    }
    int k[2] = {0, 0}, n[2] = {0, 0};
    for (const auto& [id, c] : child) {
        if (assessed[id] != 5) continue;
        ++n[c.second];
        if (c.first == 5) ++k[c.second];
    }
    return {100.0 * k[1] / n[1], 100.0 * k[0] / n[0], n[1], n[0]};
}

// The page (1-based) whose text contains `needle`, skipping `skip_page`; 0 if none.
int page_of(const fs::path& pdf, const std::string& needle, int skip_page) {
    int pages = test::page_count(pdf.string());
    for (int p = 1; p <= pages; ++p) {
        if (p == skip_page) continue;
        auto r = test::run({"pdftotext", "-f", std::to_string(p), "-l", std::to_string(p), "-layout", pdf.string(), "-"});
        if (test::squeeze(r.out).find(needle) != std::string::npos) return p;
    }
    return 0;
}

}  // namespace

TEST_CASE("the Tracking for Success batch writes the annual report and 52 setting summaries", "[e2e][tfs]") {
    const auto& r = rendered();
    INFO(r.run.out << r.run.err);
    CHECK(r.run.exit_code == 0);
    CHECK(r.run.out.find("53 of 53 reports written") != std::string::npos);
    int summaries = 0;
    for (const auto& e : fs::recursive_directory_iterator(r.dir / "setting-summaries"))
        if (e.path().extension() == ".pdf") ++summaries;
    CHECK(summaries == 52);
    int pages = test::page_count(r.annual.string());
    CHECK(pages >= 7);
    CHECK(pages <= 12);
}

TEST_CASE("the annual report quotes the GLD gap worked out from the pupil records", "[e2e][tfs]") {
    const auto& r = rendered();
    Gld end = gld("201819", "Summer term");
    Gld age2 = gld("201617", "Summer term");
    double gap = end.other - end.dis;
    double base_gap = age2.other - age2.dis;
    // Table row: disadvantaged %, other %, gap, gap at age 2, change since age 2, target, status.
    std::string row = test::one_dp(end.dis) + " " + test::one_dp(end.other) + " " + test::one_dp(gap) + " " +
                      test::one_dp(base_gap) + " " + test::one_dp(gap - base_gap) + " 12.0 " +
                      (gap <= 12.0 ? "Achieved" : "Not achieved");
    INFO(row);
    CHECK(r.text.find(row) != std::string::npos);
    std::string sentence = test::one_dp(end.dis) + "% of disadvantaged children reached a good level of development, against " +
                           test::one_dp(end.other) + "% of their peers: a gap of " + test::one_dp(gap) + " ppts";
    INFO(sentence);
    CHECK(r.flow.find(sentence) != std::string::npos);
}

TEST_CASE("the annual report has its sections, settings by local authority, quotes and action counts", "[e2e][tfs]") {
    const auto& r = rendered();
    for (const char* h : {"1.0 Summary of findings", "2.0 Closing the attainment gap", "3.0 Across the settings",
                          "4.0 Parental involvement and quality of provision", "5.0 Feedback from settings",
                          "6.0 Delivering the action plans"}) {
        INFO(h);
        CHECK(r.text.find(h) != std::string::npos);
    }
    std::map<std::string, int> by_la;
    for (const auto& s : test::read_simple_csv(kSample / "data/settings.csv")) ++by_la[s.at("la_name")];
    REQUIRE(by_la.size() == 6);
    for (const auto& [la, n] : by_la) {
        INFO(la);
        CHECK(r.text.find(la + " " + std::to_string(n) + "\n") != std::string::npos);
    }
    std::string quotes = test::read_text_file(kSample / "data/quotes.csv");
    REQUIRE(quotes.find("It was refreshing to have support from an early years expert.") != std::string::npos);
    CHECK(r.flow.find("It was refreshing to have support from an early years expert.") != std::string::npos);
    CHECK(r.flow.find("— Nursery teacher, School nursery class, Bradford") != std::string::npos);
    int complete = 0, total = 0;
    for (const auto& a : test::read_simple_csv(kSample / "data/actions.csv")) {
        ++total;
        if (a.at("status") == "Complete") ++complete;
    }
    CHECK(r.flow.find(std::to_string(complete) + " of the " + std::to_string(total) + " actions") != std::string::npos);
    // Charts are vector text: the distribution chart names its median, the line chart its areas.
    CHECK(r.flow.find("Median") != std::string::npos);
    CHECK(r.flow.find("Quality of provision audit score by local authority") != std::string::npos);
}

TEST_CASE("the contents page gives the page each section starts on", "[e2e][tfs][contents]") {
    const auto& r = rendered();
    auto page2 = test::run({"pdftotext", "-f", "2", "-l", "2", "-layout", r.annual.string(), "-"});
    std::string contents = test::squeeze(page2.out);
    REQUIRE(contents.find("Contents") != std::string::npos);
    for (const char* h : {"2.0 Closing the attainment gap", "5.0 Feedback from settings", "6.0 Delivering the action plans"}) {
        INFO(h);
        std::smatch m;
        REQUIRE(std::regex_search(contents, m, std::regex(std::string(h) + "[ .]*(\\d+)")));
        CHECK(std::stoi(m[1]) == page_of(r.annual, h, 2));
    }
    // The title page carries no running header or page number.
    auto page1 = test::run({"pdftotext", "-f", "1", "-l", "1", r.annual.string(), "-"});
    CHECK(page1.out.find("Page 1 of") == std::string::npos);
    CHECK(page1.out.find("Tracking for Success") != std::string::npos);
}

TEST_CASE("the annual report passes qpdf --check and embeds its fonts", "[e2e][tfs]") {
    const auto& r = rendered();
    auto check = test::run({"qpdf", "--check", r.annual.string()});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    auto fonts = test::run({"pdffonts", r.annual.string()});
    CHECK(fonts.out.find(" no ") == std::string::npos);  // every font embedded (and subset)
    CHECK(fonts.out.find("Liberation") != std::string::npos);
}

TEST_CASE("a setting summary quotes its own setting's GLD from the records", "[e2e][tfs][setting-summary]") {
    const auto& r = rendered();
    const fs::path pdf = r.dir / "setting-summaries/summer-2019/Bradford/TFS01.pdf";
    REQUIRE(fs::exists(pdf));
    CHECK(test::page_count(pdf.string()) == 2);
    std::string t = test::squeeze(test::pdf_text(pdf.string()));
    CHECK(t.find("Little Acorns Pre-school") != std::string::npos);
    Gld g = gld("201819", "Summer term", "TFS01");
    REQUIRE(g.dis_n >= 5);
    // Headline row: GLD, disadvantaged %, not disadvantaged %, gap.
    std::string row = test::one_dp(g.dis) + " " + test::one_dp(g.other) + " " + test::one_dp(g.other - g.dis);
    INFO(row);
    CHECK(t.find(row) != std::string::npos);
}

// A setting whose disadvantaged cohort at the end of Reception is below 5: {id, la}.
std::pair<std::string, std::string> small_setting() {
    for (const auto& s : test::read_simple_csv(kSample / "data/settings.csv")) {
        Gld g = gld("201819", "Summer term", s.at("setting_id"));
        if (g.dis_n > 0 && g.dis_n < 5) return {s.at("setting_id"), s.at("la_name")};
    }
    return {};
}

TEST_CASE("a suppressed setting's gap is c in the values behind the spread chart, never 0",
          "[e2e][tfs][charts-export][values]") {
    const auto [small, la] = small_setting();
    REQUIRE_FALSE(small.empty());
    test::TempDir dir;
    auto run = test::run_boardpack({"charts", (kSample / "batch.yaml").string(), "--format", "svg",
                                    "--out", dir.path().string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    // The setting's own summary draws no chart of its all-suppressed gaps (it says why in a
    // paragraph); the annual report's spread across settings lists it, as c.
    int charts = 0, suppressed_gaps = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
        if (e.path().extension() != ".svg") continue;
        const fs::path csv = fs::path(e.path()).replace_extension(".csv");
        REQUIRE(fs::exists(csv));
        const std::string text = test::read_text_file(csv);
        std::smatch m;
        if (!std::regex_search(text, m, std::regex("\r\n" + small + ",([^,\r]*)\r\n"))) continue;
        ++charts;
        INFO(csv.filename().string() << "\n" << text);
        CHECK(text.find("\r\n") != std::string::npos);  // RFC 4180 line ends
        CHECK(m[1] == "c");
        CHECK(m[1] != "0");
        ++suppressed_gaps;
    }
    CHECK(charts >= 1);
    CHECK(suppressed_gaps >= 1);
}

TEST_CASE("a setting whose figures are all suppressed says why in one paragraph and draws no empty chart",
          "[e2e][tfs][setting-summary][suppressed]") {
    const auto& r = rendered();
    const auto [small, la] = small_setting();
    REQUIRE_FALSE(small.empty());
    INFO(small);
    std::string name;
    for (const auto& s : test::read_simple_csv(kSample / "data/settings.csv"))
        if (s.at("setting_id") == small) name = s.at("setting_name");
    REQUIRE_FALSE(name.empty());
    const fs::path pdf = r.dir / "setting-summaries/summer-2019" / la / (small + ".pdf");
    REQUIRE(fs::exists(pdf));
    const std::string flow = test::squeeze(test::pdf_flow(pdf.string()));
    INFO(flow);
    // One paragraph: what is the case, why, and what is published instead.
    const std::string para = "Every figure of the gap for " + name +
                             " is suppressed (shown as c in the table): fewer than 5 children in a group were "
                             "assessed, and figures for so few children could identify them.";
    CHECK(flow.find(para) != std::string::npos);
    CHECK(flow.find("still counted in the figures published for " + la + " and for the whole project") !=
          std::string::npos);
    // Not the old sentence with its reason, no empty plot, no axis from 0.0 to 1.0.
    CHECK(flow.find("cannot be reported") == std::string::npos);
    CHECK(flow.find("No data to show") == std::string::npos);
    CHECK(flow.find("0.2 0.4 0.6 0.8") == std::string::npos);
    CHECK(flow.find("Good level of development by term") == std::string::npos);
    // The table keeps its c cells; the attainment chart, all c, is one line instead.
    CHECK(flow.find("Headline measures") != std::string::npos);
    CHECK(flow.find("No chart: every figure it would show is suppressed (c) for " + name) != std::string::npos);
    // The only figure left is the action plan's.
    auto st = test::run({"pdfinfo", "-struct-text", pdf.string()});
    REQUIRE(st.exit_code == 0);
    std::size_t figures = 0;
    for (std::size_t at = st.out.find("Figure"); at != std::string::npos; at = st.out.find("Figure", at + 1))
        if (at == 0 || st.out[at - 1] == ' ' || st.out[at - 1] == '\n') ++figures;
    CHECK(figures == 1);
}

TEST_CASE("a setting with figures says how its GLD gap moved since the baseline", "[e2e][tfs][setting-summary]") {
    const auto& r = rendered();
    const fs::path pdf = r.dir / "setting-summaries/summer-2019/Bradford/TFS01.pdf";
    const std::string flow = test::squeeze(test::pdf_flow(pdf.string()));
    INFO(flow);
    CHECK(std::regex_search(flow, std::regex("the gap in GLD between disadvantaged children and their peers was "
                                             "[0-9.]+ ppts, (narrowed|widened) by [0-9.]+ ppts? since the Summer term 2016/17")));
    CHECK(flow.find("Every figure of the gap") == std::string::npos);
}

TEST_CASE("every setting summary is exactly 2 pages, as REPORT_SPEC asks", "[e2e][tfs][setting-summary]") {
    const auto& r = rendered();
    int checked = 0;
    for (const auto& e : fs::recursive_directory_iterator(r.dir / "setting-summaries")) {
        if (e.path().extension() != ".pdf") continue;
        INFO(e.path().string());
        CHECK(test::page_count(e.path().string()) == 2);
        ++checked;
    }
    CHECK(checked == 52);
}

TEST_CASE("a setting summary gives the true reason when there is no change to report", "[e2e][tfs][setting-summary]") {
    test::TempDir dir;
    const fs::path sample = test::copy_sample(dir.path(), "tracking-for-success");
    // TFS01 keeps only its latest term (no earlier term to compare with); TFS02 loses every row.
    const auto rows = test::read_simple_csv(sample / "data/records.csv");
    const std::string all = test::read_text_file(sample / "data/records.csv");
    std::string kept = all.substr(0, all.find('\n') + 1);
    std::size_t at = kept.size();
    for (const auto& r : rows) {
        const std::size_t end = all.find('\n', at);
        const std::string line = all.substr(at, end - at + 1);
        at = end + 1;
        const bool latest = r.at("time_period") == "201819" && r.at("time_identifier") == "Summer term";
        if (r.at("setting_id") == "TFS02" || (r.at("setting_id") == "TFS01" && !latest)) continue;
        kept += line;
    }
    test::write_text_file(sample / "data/records.csv", kept);
    auto run = test::run_boardpack({"run", (sample / "batch.yaml").string(), "--out", (dir.path() / "out").string()});
    // No rows at all for a setting is an error naming it, never a quiet "No data".
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("measure 'gld' has no rows in TFS02 (Setting)") != std::string::npos);
    const fs::path pdf = dir.path() / "out/setting-summaries/summer-2019/Bradford/TFS01.pdf";
    REQUIRE(fs::exists(pdf));
    const std::string flow = test::squeeze(test::pdf_flow(pdf.string()));
    INFO(flow);
    CHECK(std::regex_search(flow, std::regex("the gap in GLD between disadvantaged children and their peers was "
                                             "[0-9.]+ ppts; there is no earlier term with figures to compare it with\\.")));
    CHECK(flow.find("fewer than 5") == std::string::npos);
    CHECK(flow.find("suppressed") == std::string::npos);
}
