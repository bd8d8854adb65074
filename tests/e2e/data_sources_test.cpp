// End to end: a data file's `source:` is the "Source: …" line of every chart and table drawn
// from it, in the PDF (pdftotext) and in the HTML page, read back from the real outputs of the
// peer-challenge sample; the lines expected are read from its batch file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <string>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kSample = test::source_dir() / "samples/peer-challenge";

// data file (as the batch names it) -> its source, from `- file: X` / `source: Y` pairs and
// `{file: X, source: Y}` maps in the batch's data section.
std::map<std::string, std::string> sources_in_batch() {
    const std::string y = test::read_text_file(kSample / "batch.yaml");
    const std::string data = y.substr(y.find("\ndata:"), y.find("\nmeasures:") - y.find("\ndata:"));
    std::map<std::string, std::string> out;
    static const std::regex item(R"re(file:\s*([^\s,}#]+)[^\n]*\n(?:\s*#[^\n]*\n)*\s*source:\s*"?([^"\n]+?)"?\s*\n)re");
    static const std::regex inline_map(R"re(\{file:\s*([^\s,]+),\s*source:\s*"([^"]+)"\})re");
    for (std::sregex_iterator it(data.begin(), data.end(), item), end; it != end; ++it) out[(*it)[1]] = (*it)[2];
    for (std::sregex_iterator it(data.begin(), data.end(), inline_map), end; it != end; ++it) out[(*it)[1]] = (*it)[2];
    return out;
}

using test::between;

}  // namespace

TEST_CASE("a chart or table gets the source lines of the data files it draws on, in the PDF and the HTML",
          "[e2e][sources]") {
    const auto src = sources_in_batch();
    REQUIRE(src.size() == 6);
    const std::string local = src.at("data/observations.csv");
    const std::string gld = src.at("../national/eyfsp_gld_characteristics.csv");
    const std::string cl = src.at("../national/eyfsp_comm_lang_characteristics.csv");
    const std::string matrix = src.at("data/maturity_matrix.csv");
    const std::string actions = src.at("data/actions.csv");
    CHECK(gld.find("Early years foundation stage profile results") != std::string::npos);

    test::TempDir dir;
    const auto run = test::run_boardpack({"run", (kSample / "batch.yaml").string(), "--out", dir.path().string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const std::string flow = test::pdf_flow((dir.path() / "peer-challenge-follow-up.pdf").string());
    const std::string html = test::squeeze(test::read_text_file(dir.path() / "peer-challenge-follow-up.html"));
    INFO(flow);

    // Table 1 (GLD, Northmoor and England): the council's file, then the national GLD file.
    const std::string two = "Source: " + local + "; " + gld;
    CHECK(between(flow, "Table 1:", "Table 2:").find(two) != std::string::npos);
    // Table 2 (communication and language): the other national file, with its own line.
    CHECK(between(flow, "Table 2:", "Figure 1").find("Source: " + local + "; " + cl) != std::string::npos);
    // Figure 1 (the GLD trend with England's line): each source once, in the batch's order.
    const std::string fig1 = between(flow, "Figure 1:", "Table 3:");
    CHECK(fig1.find(two) != std::string::npos);
    // The maturity matrix table and chart: only the matrix's file.
    CHECK(between(flow, "Table 4:", "Figure 2").find("Source: " + matrix) != std::string::npos);
    // The action plan: the actions file's source, nothing of the observations.
    const std::string plan = between(flow, "Table 5:", "Source documents");
    CHECK(plan.find("Source: " + actions) != std::string::npos);
    CHECK(plan.find(local) == std::string::npos);

    // The HTML page prints the same lines, once per chart and table.
    auto count = [&](const std::string& line) {
        int n = 0;
        const std::string p = "<p class=\"source\">Source: " + line + "</p>";
        for (auto at = html.find(p); at != std::string::npos; at = html.find(p, at + 1)) ++n;
        return n;
    };
    CHECK(count(local + "; " + gld) == 2);  // Table 1 and Figure 1
    CHECK(count(local + "; " + cl) == 1);
    CHECK(count(matrix) == 2);              // Table 4 and Figure 2
    CHECK(count(actions) == 1);
}
