// End to end: the EYQIP sample (eyqip-progress template) through the real binary. Expected
// figures are worked out here from the sample CSVs, independently of the engine.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kSample = test::source_dir() / "samples/eyqip";

struct Rendered {
    test::TempDir dir;
    test::RunResult run;
    fs::path pdf;
    std::string text, flow;
    Rendered() {
        run = test::run_boardpack({"run", (kSample / "batch.yaml").string(), "--out", dir.path().string()});
        pdf = dir.path() / "eyqip-progress-report.pdf";
        text = test::squeeze(test::pdf_text(pdf.string()));
        flow = test::pdf_flow(pdf.string());
    }
};
const Rendered& rendered() {
    static Rendered r;
    return r;
}

// numerator / cohort * 100 of one row of observations.csv.
double pct_of(const std::string& level, const std::string& period, const std::string& group, const std::string& measure) {
    static const auto obs = test::read_simple_csv(kSample / "data/observations.csv");
    for (const auto& r : obs)
        if (r.at("geographic_level") == level && r.at("time_period") == period && r.at("characteristic") == group &&
            r.at("measure") == measure)
            return 100.0 * std::stod(r.at("numerator")) / std::stod(r.at("cohort"));
    FAIL("no row " << level << " " << period << " " << group << " " << measure);
    return 0;
}

}  // namespace

TEST_CASE("the EYQIP progress report renders", "[e2e][eyqip]") {
    const auto& r = rendered();
    INFO(r.run.out << r.run.err);
    CHECK(r.run.exit_code == 0);
    int pages = test::page_count(r.pdf.string());
    CHECK(pages >= 3);
    CHECK(pages <= 6);
    for (const char* h : {"1.0 Summary", "2.0 Good level of development against the national average",
                          "3.0 Settings supported", "4.0 Training and feedback", "5.0 Next steps"}) {
        INFO(h);
        CHECK(r.text.find(h) != std::string::npos);
    }
    auto check = test::run({"qpdf", "--check", r.pdf.string()});
    CHECK(check.exit_code == 0);
}

TEST_CASE("EYQIP GLD against England is worked out from the pooled settings", "[e2e][eyqip]") {
    const auto& r = rendered();
    double project = pct_of("Project", "201819", "Total", "gld");
    double england = pct_of("National", "201819", "Total", "gld");
    double base_gap = pct_of("National", "201617", "Total", "gld") - pct_of("Project", "201617", "Total", "gld");
    double gap = england - project;
    std::string row = "Good level of development " + test::one_dp(project) + " " + test::one_dp(england) + " " +
                      test::one_dp(gap) + " " + test::one_dp(base_gap) + " " + test::one_dp(gap - base_gap) + " " +
                      (project >= england ? "Achieved" : "Not achieved");
    INFO(row);
    CHECK(r.text.find(row) != std::string::npos);
    std::string sentence = test::one_dp(project) + "% of children in the project's settings reached a good level of development, against " +
                           test::one_dp(england) + "% nationally: a gap of " + test::one_dp(gap) + " ppts";
    INFO(sentence);
    CHECK(r.flow.find(sentence) != std::string::npos);
    // The line chart labels each area and England (vector text from cairo).
    for (const char* area : {"Stoke-on-Trent", "Staffordshire Moorlands", "England"}) CHECK(r.flow.find(area) != std::string::npos);
}

TEST_CASE("EYQIP support and feedback totals add up from the activity log", "[e2e][eyqip]") {
    const auto& r = rendered();
    double half_days = 0;
    int positive = 0, forms = 0;
    std::set<std::string> settings;
    std::map<std::string, double> leader_half_days;
    for (const auto& a : test::read_simple_csv(kSample / "data/activities.csv")) {
        half_days += std::stod(a.at("half_days"));
        leader_half_days[a.at("leader")] += std::stod(a.at("half_days"));
        if (!a.at("feedback_total").empty()) {
            positive += std::stoi(a.at("feedback_positive"));
            forms += std::stoi(a.at("feedback_total"));
        }
        settings.insert(a.at("setting_id"));
    }
    REQUIRE(forms > 0);
    auto thousands = [](long n) {
        std::string s = std::to_string(n);
        for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
        return s;
    };
    std::string glance = std::to_string(settings.size()) + " settings supported by " + std::to_string(leader_half_days.size()) +
                         " specialist leaders of education and trainers: " + thousands(static_cast<long>(half_days)) +
                         " half days";
    INFO(glance);
    CHECK(r.flow.find(glance) != std::string::npos);
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.0f%%", 100.0 * positive / forms);
    CHECK(r.flow.find(std::string(pct) + " of the " + std::to_string(forms) + " feedback forms were positive") != std::string::npos);
    // One table row per leader with their half days.
    for (const auto& [leader, hd] : leader_half_days) {
        INFO(leader);
        CHECK(r.text.find(leader + " ") != std::string::npos);
    }
}
