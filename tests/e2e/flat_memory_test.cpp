// Memory test (issue 13): a run's peak resident memory does not grow with the number of
// settings. The setting report of the shared benchmark contract on a generated dataset of 300
// and of 3,000 settings (108 observation rows and 9 actions a setting, the shape of
// ../shared/bench/make_dataset.py), every row read and checked in both, one shard of the
// reports rendered. This is a memory bound, not a timing test: peak RSS is what the kernel
// counts for the child (wait4), whatever the machine's speed.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const char* const kMeasures[] = {"communication_language", "physical_development", "psed",
                                 "literacy", "mathematics", "gld"};
const char* const kLas[] = {"Stoke-on-Trent", "Staffordshire", "Staffordshire Moorlands",
                            "Cambridgeshire", "Peterborough", "Norfolk"};
const char* const kTerms[] = {"Autumn term", "Spring term", "Summer term"};
const char* const kStatuses[] = {"Complete", "In progress", "Not started"};

/// A small deterministic generator, so both sizes' data are the same for their common settings.
struct Lcg {
    std::uint64_t s;
    int next(int n) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((s >> 33) % static_cast<std::uint64_t>(n));
    }
};

std::string tenths(int t) { return std::to_string(t / 10) + "." + std::to_string(t % 10); }

/// The dataset and a batch file for `settings` settings in `dir`; returns the batch file. The
/// files are written as they are made, not built whole in memory: a child's peak RSS as wait4
/// reports it starts from this process's own peak (Linux carries it over at exec), so this
/// process must stay smaller than boardpack.
fs::path make_batch(const fs::path& dir, int settings) {
    fs::create_directories(dir);
    Lcg rnd{2017};
    std::ofstream set(dir / "settings.csv", std::ios::binary), obs(dir / "indicators.csv", std::ios::binary),
        act(dir / "actions.csv", std::ios::binary);
    set << "setting_id,setting_name,la_name\n";
    obs << "time_period,time_identifier,geographic_level,la_name,setting_id,characteristic,measure,value,cohort\n";
    act << "setting_id,action_id,objective,action,owner,start,due,status,last_updated\n";
    for (int n = 1; n <= settings; ++n) {
        char id[16];
        std::snprintf(id, sizeof id, "S%05d", n);
        const std::string la = kLas[n % 6];
        set << id << ",Setting " << (id + 1) << " (" << la << ")," << la << "\n";
        const int dis = 3 + rnd.next(23), other = 8 + rnd.next(23);
        for (const char* m : kMeasures) {
            const int base = 550 + rnd.next(250), gap = 80 + rnd.next(220);
            for (int k = 0; k < 6; ++k) {
                const int v_not = std::min(990, base + 20 * k), v_dis = std::max(10, v_not - gap + 15 * k);
                const int v_tot = (v_not * other + v_dis * dis) / (other + dis);
                const std::string head = std::string(k < 3 ? "201718" : "201819") + "," + kTerms[k % 3] +
                                         ",Setting," + la + "," + id + ",";
                obs << head << "Disadvantaged," << m << "," << tenths(v_dis) << "," << dis << "\n";
                obs << head << "Not disadvantaged," << m << "," << tenths(v_not) << "," << other << "\n";
                obs << head << "Total," << m << "," << tenths(v_tot) << "," << dis + other << "\n";
            }
        }
        for (int a = 1; a <= 9; ++a)
            act << id << "," << id << "-A0" << a << ",Close the attainment gap,Coaching visit " << a
                << ",Setting lead,2018-0" << a << "-01,2018-12-28," << kStatuses[rnd.next(3)] << ",2019-03-15\n";
    }
    std::string targets = "measure,characteristic,comparator,time_period,kind,target\n";
    for (const char* m : kMeasures) targets += std::string(m) + ",Disadvantaged,Not disadvantaged,201819,gap_at_most,8.0\n";
    test::write_text_file(dir / "targets.csv", targets);
    const fs::path batch = dir / "batch.yaml";
    test::write_text_file(batch, R"(batch:
  name: Flat memory
  as_of: 2019-07-31
  output_dir: out
  suppression: {min_cohort: 5, secondary: false}
  action_plan: {at_risk_days: 0}
data:
  settings: settings.csv
  observations: indicators.csv
  targets: targets.csv
  actions: actions.csv
measures:
  communication_language: {label: Communication and language, short_label: CL, unit: percent}
  physical_development: {label: Physical development, short_label: PD, unit: percent}
  psed: {label: "Personal, social and emotional development", short_label: PSED, unit: percent}
  literacy: {label: Literacy, short_label: Literacy, unit: percent}
  mathematics: {label: Mathematics, short_label: Maths, unit: percent}
  gld: {label: Good level of development, short_label: GLD, unit: percent}
reports:
  - id: setting-summary
    for_each: setting
    template: )" + (test::source_dir() / "templates/setting-summary.yaml").string() + R"(
    output: "{setting_id}.pdf"
    title: "Tracking for Success — Setting progress report"
)");
    return batch;
}

}  // namespace

TEST_CASE("peak memory at 3,000 settings is within 10 percent of that at 300: rows and actions are read per report", "[e2e][memory]") {
    if (std::getenv("ASAN_OPTIONS")) {
        // The sanitizer tree's binary keeps freed memory in quarantine and adds shadow memory
        // for every allocation: its RSS is not the shipped binary's.
        SUCCEED("peak RSS is measured on the plain build only");
        return;
    }
    test::TempDir dir;
    long peak[2] = {0, 0};
    const int sizes[2] = {300, 3000};
    for (int i = 0; i < 2; ++i) {
        const fs::path batch = make_batch(dir.path() / std::to_string(sizes[i]), sizes[i]);
        const fs::path out = dir.path() / ("out" + std::to_string(sizes[i]));
        // Every row is read and checked; one report in 30 is rendered (10 and 100 reports).
        const test::RunResult r = test::run_boardpack({"run", batch.string(), "--out", out.string(), "--jobs", "2",
                                                       "--format", "pdf", "--shard", "1/30", "--quiet"});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        peak[i] = r.peak_rss_kb;
        // The reports are real: S00001 is in shard 1 of 30 or not, but some setting is, and
        // its PDF names it.
        int pdfs = 0;
        for (const auto& e : fs::directory_iterator(out))
            if (e.path().extension() == ".pdf") {
                if (pdfs++ == 0)
                    CHECK_THAT(test::pdf_text(e.path().string()),
                               Catch::Contains("Setting " + e.path().stem().string().substr(1)));
            }
        CHECK(pdfs >= sizes[i] / 60);
    }
    INFO("peak RSS: " << peak[0] << " KB at 300 settings, " << peak[1] << " KB at 3,000");
    REQUIRE(peak[0] > 0);
    CHECK(static_cast<double>(peak[1]) <= 1.10 * static_cast<double>(peak[0]));
}
