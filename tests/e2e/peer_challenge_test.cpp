// End to end: the peer-challenge follow-up sample (peer-challenge-follow-up template) through
// the real binary. Every expected figure, status and word is worked out here from the sample's
// CSVs and the national EES files, independently of the engine, then found in the PDF's text
// and in the HTML page's tables.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kSample = test::source_dir() / "samples/peer-challenge";
const fs::path kNational = test::source_dir() / "samples/national";
const char* kAsOf = "2019-12-10";  // batch.as_of, the committee meeting

struct Rendered {
    test::TempDir dir;
    test::RunResult run;
    fs::path pdf, html;
    std::string text, flow, rows;
    Rendered() {
        run = test::run_boardpack({"run", (kSample / "batch.yaml").string(), "--out", dir.path().string()});
        pdf = dir.path() / "peer-challenge-follow-up.pdf";
        html = dir.path() / "peer-challenge-follow-up.html";
        text = test::squeeze(test::pdf_text(pdf.string()));
        flow = test::pdf_flow(pdf.string());
        // The HTML page's table rows, one "ROW cell<TAB>cell…" line each (html5lib, strict).
        auto t = test::run({"/usr/bin/python3", (test::source_dir() / "tests/tools/html_tables.py").string(), html.string()});
        rows = t.exit_code == 0 ? t.out : "html_tables.py failed: " + t.err;
    }
};
const Rendered& rendered() {
    static Rendered r;
    return r;
}

// 100 × numerator / cohort of Northmoor's row.
double local(const std::string& period, const std::string& group, const std::string& measure) {
    static const auto obs = test::read_simple_csv(kSample / "data/observations.csv");
    for (const auto& r : obs)
        if (r.at("time_period") == period && r.at("characteristic") == group && r.at("measure") == measure)
            return 100.0 * std::stod(r.at("numerator")) / std::stod(r.at("cohort"));
    FAIL("no Northmoor row " << period << " " << group << " " << measure);
    return 0;
}

// England's figure from the EES wide file: the data's group names, counts from the indicator
// columns the batch maps.
double england(const std::string& period, const std::string& group, const std::string& measure) {
    const bool gld = measure == "gld";
    const auto rows = test::read_simple_csv(kNational / (gld ? "eyfsp_gld_characteristics.csv" : "eyfsp_comm_lang_characteristics.csv"));
    const std::string item = group == "FSM" ? "FSM eligible" : group == "Not FSM" ? "Not known to be FSM eligible" : "Total";
    for (const auto& r : rows)
        if (r.at("time_period") == period && r.at("breakdown") == item && r.at("sex") == "Total")
            return 100.0 * std::stod(r.at(gld ? "gld_number" : "comm_lang_number")) / std::stod(r.at("children_number"));
    FAIL("no England row " << period << " " << group << " " << measure);
    return 0;
}

std::string year_label(const std::string& p) { return p.substr(0, 4) + "/" + p.substr(4); }

// Each cell in turn in the PDF's content-stream text, after the one before.
bool in_order(const std::string& flow, const std::vector<std::string>& cells) {
    std::size_t at = 0;
    for (const auto& c : cells) {
        at = flow.find(c, at);
        if (at == std::string::npos) return false;
        at += c.size();
    }
    return true;
}
std::string html_row(const std::vector<std::string>& cells) {
    std::string s = "ROW ";
    for (std::size_t i = 0; i < cells.size(); ++i) s += (i ? "\t" : "") + cells[i];
    return s + "\n";
}

// Days since 1970-01-01 of an ISO date (civil calendar).
std::int64_t day_number(const std::string& iso) {
    int y = std::stoi(iso.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(iso.substr(5, 2))), d = static_cast<unsigned>(std::stoi(iso.substr(8, 2)));
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

TEST_CASE("the peer-challenge follow-up paper renders every section and passes qpdf --check", "[e2e][peer-challenge]") {
    const auto& r = rendered();
    INFO(r.run.out << r.run.err);
    REQUIRE(r.run.exit_code == 0);
    CHECK(r.run.err.find("warning") == std::string::npos);
    const int pages = test::page_count(r.pdf.string());
    CHECK(pages >= 3);
    CHECK(pages <= 8);
    for (const char* h : {"To: Children's Services Committee", "Date: 10 December 2019", "1.0 PURPOSE", "2.0 BACKGROUND",
                          "3.0 OUTCOMES AT THE END OF RECEPTION", "4.0 THE EIF MATURITY MATRIX",
                          "5.0 PROGRESS ON THE PEER CHALLENGE RECOMMENDATIONS", "RECOMMENDATION/DECISION REQUIRED",
                          "SOURCE DOCUMENTS"}) {
        INFO(h);
        CHECK(r.text.find(h) != std::string::npos);
    }
    auto check = test::run({"qpdf", "--check", r.pdf.string()});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    CHECK(r.rows.rfind("PAGE ", 0) == 0);
}

TEST_CASE("peer-challenge GLD and communication and language gaps and their changes come from the council's CSV",
          "[e2e][peer-challenge]") {
    const auto& r = rendered();
    REQUIRE(r.run.exit_code == 0);
    const double fsm = local("201819", "FSM", "gld"), other = local("201819", "Not FSM", "gld");
    const double gap = other - fsm, before = local("201718", "Not FSM", "gld") - local("201718", "FSM", "gld");
    REQUIRE(gap < before);  // the sample's story: the gap narrowed after the peer challenge
    const std::string sentence = "In 2018/19, " + test::one_dp(fsm) +
                                 "% of children in Northmoor known to be eligible for free school meals (FSM) reached a good "
                                 "level of development at the end of Reception, against " +
                                 test::one_dp(other) + "% of other children: a gap of " + test::one_dp(gap) +
                                 " ppts, which narrowed by " + test::one_dp(before - gap) + " ppts on 2017/18";
    INFO(sentence);
    CHECK(r.flow.find(sentence) != std::string::npos);

    const double cl_fsm = local("201819", "FSM", "comm_lang"), cl_other = local("201819", "Not FSM", "comm_lang");
    const double cl_gap = cl_other - cl_fsm;
    const double cl_before = local("201718", "Not FSM", "comm_lang") - local("201718", "FSM", "comm_lang");
    const std::string cl = "In communication and language, " + test::one_dp(cl_fsm) +
                           "% of FSM children reached the expected level in every goal, against " + test::one_dp(cl_other) +
                           "% of other children: a gap of " + test::one_dp(cl_gap) + " ppts, which " +
                           (cl_gap < cl_before ? "narrowed" : "widened") + " by " + test::one_dp(std::abs(cl_gap - cl_before)) +
                           " ppts";
    INFO(cl);
    CHECK(r.flow.find(cl) != std::string::npos);
    // The chart's direct labels: both groups, the gap and England's FSM line, read from the EES file.
    for (const std::string& label : {"FSM " + test::one_dp(fsm) + "%", "Not FSM " + test::one_dp(other) + "%",
                                     "Gap " + test::one_dp(gap) + " ppts",
                                     "FSM (England) " + test::one_dp(england("201819", "FSM", "gld")) + "%"}) {
        INFO(label);
        CHECK(r.flow.find(label) != std::string::npos);
    }
}

TEST_CASE("peer-challenge targets are judged on a straight line from their baseline, England's FSM figure from the EES file",
          "[e2e][peer-challenge]") {
    const auto& r = rendered();
    REQUIRE(r.run.exit_code == 0);
    const std::string latest = "201819";
    const auto years = [](const std::string& p) { return std::stoi(p.substr(0, 4)); };
    int on = 0, off = 0;
    for (const auto& t : test::read_simple_csv(kSample / "data/targets.csv")) {
        const std::string m = t.at("measure"), g = t.at("characteristic"), cmp = t.at("comparator");
        const bool national = cmp == "National";
        auto gap_at = [&](const std::string& p) {
            return (national ? england(p, g, m) : local(p, cmp, m)) - local(p, g, m);
        };
        const std::string base = t.at("baseline_period"), due = t.at("time_period");
        const double target = std::stod(t.at("target"));
        REQUIRE(years(due) > years(latest));  // every target is still ahead: On target / Not on target
        const double line = gap_at(base) + (target - gap_at(base)) * (years(latest) - years(base)) / (years(due) - years(base));
        const bool on_target = gap_at(latest) <= line;
        (on_target ? on : off) += 1;
        if (m == "comm_lang") {  // the narrative's trajectory point: the line at the latest year
            const std::string point = "it should have been " + test::one_dp(line) + " ppts or less in " + year_label(latest) +
                                      "; it was " + test::one_dp(gap_at(latest)) + " ppts";
            INFO(point);
            CHECK(r.flow.find(point) != std::string::npos);
        }
        const std::string label = m == "gld" ? "GLD" : "Communication and language";
        const std::string target_text = national ? "In line with FSM (England) by " + year_label(due)
                                                 : "Gap at most " + test::one_dp(target) + " by " + year_label(due);
        const std::vector<std::string> cells = {label,
                                                g,
                                                national ? g + " (England)" : cmp,
                                                test::one_dp(local(latest, g, m)) + "%",
                                                test::one_dp(national ? england(latest, g, m) : local(latest, cmp, m)) + "%",
                                                test::one_dp(gap_at(latest)),
                                                test::one_dp(gap_at(latest) - gap_at("201718")),
                                                target_text,
                                                on_target ? "On target" : "Not on target"};
        INFO(t.at("id") << ": " << html_row(cells));
        CHECK(r.rows.find(html_row(cells)) != std::string::npos);
        CHECK(in_order(r.flow, cells));
    }
    CHECK(on >= 1);
    CHECK(off >= 1);
    const std::string counts = "Of the " + std::to_string(on + off) + " targets, " + std::to_string(on) + " " +
                               (on == 1 ? "is" : "are") + " on target and " + std::to_string(off) + " " +
                               (off == 1 ? "is" : "are") + " not on target.";
    INFO(counts);
    CHECK(r.flow.find(counts) != std::string::npos);
}

TEST_CASE("peer-challenge recommendations carry their status at the meeting date, worked out from the due dates",
          "[e2e][peer-challenge]") {
    const auto& r = rendered();
    REQUIRE(r.run.exit_code == 0);
    const std::int64_t today = day_number(kAsOf);
    std::map<std::string, int> seen;
    int complete = 0, total = 0;
    for (const auto& a : test::read_simple_csv(kSample / "data/actions.csv")) {
        // docs/metrics.md: Complete; Overdue (due date passed); At risk (due within 14 days, or
        // flagged amber or red); Not started; otherwise On track.
        const std::int64_t days = day_number(a.at("due")) - today;
        std::string status = a.at("status") == "Complete"                          ? "Complete"
                             : days < 0                                            ? "Overdue"
                             : a.at("rag") == "Amber" || a.at("rag") == "Red" || days <= 14 ? "At risk"
                             : a.at("status") == "Not started"                     ? "Not started"
                                                                                   : "On track";
        ++seen[status];
        ++total;
        complete += status == "Complete";
        INFO(a.at("action_id") << " " << status);
        const std::string row = "ROW " + a.at("action_id") + "\t" + a.at("objective") + "\t" + a.at("action") + "\t";
        const std::size_t at = r.rows.find(row);
        REQUIRE(at != std::string::npos);
        const std::string line = r.rows.substr(at, r.rows.find('\n', at) - at);
        CHECK(line.substr(line.rfind('\t') + 1) == status);
        // In the PDF, after the row's id (wrapped cells interleave in pdftotext's reading order).
        CHECK(in_order(r.flow, {a.at("action_id") + " ", status}));
    }
    // Every status of the vocabulary occurs once at least, so each rule is exercised.
    CHECK(seen.size() == 5);
    const std::string note = std::to_string(complete) + " of the " + std::to_string(total) + " recommendations are complete.";
    INFO(note);
    CHECK(r.flow.find(note) != std::string::npos);
}

namespace {

// A change as the `signed` filter prints it: +6.1, −3.7, 0.0 for one that rounds to zero.
std::string signed_dp(double v) {
    const std::string s = test::one_dp(v);
    return s == "0.0" || s.rfind("\xE2\x88\x92", 0) == 0 ? s : "+" + s;
}

const char* kYears[] = {"201617", "201718", "201819"};

}  // namespace

TEST_CASE("peer-challenge series tables give Northmoor's and England's values and gaps for three years, from the CSVs",
          "[e2e][peer-challenge]") {
    const auto& r = rendered();
    REQUIRE(r.run.exit_code == 0);
    for (const std::string m : {"gld", "comm_lang"}) {
        using Source = double (*)(const std::string&, const std::string&, const std::string&);
        for (const auto& [place, of] : {std::pair<std::string, Source>{"Northmoor", local}, {"England", england}}) {
            std::vector<std::string> fsm = {"FSM, " + place}, other = {"Not FSM, " + place}, gap = {"Gap (ppts), " + place};
            for (const char* y : kYears) {
                fsm.push_back(test::one_dp(of(y, "FSM", m)) + "%");
                other.push_back(test::one_dp(of(y, "Not FSM", m)) + "%");
                gap.push_back(test::one_dp(of(y, "Not FSM", m) - of(y, "FSM", m)));
            }
            auto change = [&](const std::string& g) { return of(kYears[2], g, m) - of(kYears[0], g, m); };
            fsm.push_back(signed_dp(change("FSM")));
            other.push_back(signed_dp(change("Not FSM")));
            gap.push_back(signed_dp(change("Not FSM") - change("FSM")));
            for (const auto& row : {fsm, other, gap}) {
                INFO(m << ": " << html_row(row));
                CHECK(r.rows.find(html_row(row)) != std::string::npos);
                CHECK(in_order(r.flow, row));
            }
        }
    }
    // England's own gap and its change in the narrative, beside Northmoor's.
    const double eng = england("201819", "Not FSM", "gld") - england("201819", "FSM", "gld");
    const double eng_before = england("201718", "Not FSM", "gld") - england("201718", "FSM", "gld");
    const std::string sentence = "In England the gap was " + test::one_dp(eng) + " ppts, which " +
                                 (eng > eng_before ? "widened" : "narrowed") + " by " + test::one_dp(std::abs(eng - eng_before)) +
                                 " ppts; FSM children in Northmoor are " +
                                 test::one_dp(england("201819", "FSM", "gld") - local("201819", "FSM", "gld")) +
                                 " ppts behind FSM children in England";
    INFO(sentence);
    CHECK(r.flow.find(sentence) != std::string::npos);
}

TEST_CASE("peer-challenge maturity matrix says improved, same or declined from the two ratings in its CSV",
          "[e2e][peer-challenge]") {
    const auto& r = rendered();
    REQUIRE(r.run.exit_code == 0);
    const std::map<std::string, std::string> label = {{"eif_leadership", "Leadership"},
                                                      {"eif_data", "Data and performance"},
                                                      {"eif_partnership", "Partnership working"},
                                                      {"eif_quality", "Quality of early years services and provision"},
                                                      {"eif_access", "Access to targeted support"}};
    const char* level[] = {"", "Beginning", "Developing", "Embedding", "Mature"};
    std::map<std::string, std::map<std::string, int>> rating;  // measure -> period -> rating
    for (const auto& row : test::read_simple_csv(kSample / "data/maturity_matrix.csv"))
        rating[row.at("measure")][row.at("time_period")] = std::stoi(row.at("value"));
    REQUIRE(rating.size() == 5);
    std::map<std::string, int> words;
    for (const auto& [measure, by] : rating) {
        REQUIRE(by.size() == 2);
        const int before = by.begin()->second, after = by.rbegin()->second;
        const std::string word = after > before ? "Improved" : after == before ? "Same" : "Declined";
        // The status cell carries the word's symbol before it, so colour is never alone.
        const std::string symbol = after > before ? "\xE2\x96\xB2" : after == before ? "\xE2\x97\x8F" : "\xE2\x96\xBC";
        ++words[word];
        const std::vector<std::string> cells = {label.at(measure), std::to_string(before) + " " + level[before],
                                                std::to_string(after) + " " + level[after], symbol + " " + word};
        INFO(html_row(cells));
        CHECK(r.rows.find(html_row(cells)) != std::string::npos);
        CHECK(in_order(r.flow, cells));
    }
    CHECK(words.size() == 3);  // the sample has each word at least once
}
