#include "engine/data/csv_reader.h"

#include <catch2/catch.hpp>

#include <fstream>

#include "engine/data/csv_columns.h"
#include "tests/support/temp_dir.h"

using namespace engine;

namespace {
std::optional<data::CsvDocument> parse(const std::string& text, core::DiagnosticSink& sink) {
    return data::parse_csv(text, "t.csv", sink);
}
}  // namespace

TEST_CASE("csv reader handles the RFC 4180 edge cases", "[csv]") {
    core::DiagnosticSink sink;
    auto doc = parse("a,b,c\r\n"
                     "\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
                     ",,\r\n"
                     "1,2,3",  // no final line break
                     sink);
    REQUIRE(doc);
    CHECK(sink.error_count() == 0);
    REQUIRE(doc->rows.size() == 3);
    CHECK(doc->rows[0].fields == std::vector<std::string>{"x, y", "say \"hi\"", "two\r\nlines"});
    CHECK(doc->rows[1].fields == std::vector<std::string>{"", "", ""});
    CHECK(doc->rows[2].fields == std::vector<std::string>{"1", "2", "3"});
    CHECK(doc->rows[2].line == 5);  // the quoted newline counts as a line
}

TEST_CASE("csv reader strips a UTF-8 BOM and counts columns in characters", "[csv]") {
    core::DiagnosticSink sink;
    std::string text = "\xEF\xBB\xBFname,value\n\xC3\xA9t\xC3\xA9,12\n";
    data::CsvReader reader(text, "t.csv", sink);
    REQUIRE(reader.ok());
    CHECK(reader.header().front() == "name");
    data::CsvRecord rec;
    REQUIRE(reader.next(rec));
    CHECK(reader.where(rec, 0).str() == "t.csv:2:1");
    CHECK(reader.where(rec, 1).str() == "t.csv:2:5");
    CHECK(rec.fields[1] == "12");
}

TEST_CASE("csv reader locates fields after a quoted line break", "[csv]") {
    core::DiagnosticSink sink;
    std::string text = "a,b,c\n\"one\ntwo\",x,y\n";
    data::CsvReader reader(text, "t.csv", sink);
    data::CsvRecord rec;
    REQUIRE(reader.next(rec));
    CHECK(rec.fields[0] == "one\ntwo");
    CHECK(reader.where(rec, 0).str() == "t.csv:2:1");
    CHECK(reader.where(rec, 2).str() == "t.csv:3:8");  // two",x,y
}

TEST_CASE("csv reader keeps long quoted fields intact across buffer growth", "[csv]") {
    core::DiagnosticSink sink;
    std::string big(5000, 'q');
    std::string text = "a,b\n\"x\",\"" + big + "\n" + big + "\"\n";
    auto doc = parse(text, sink);
    REQUIRE(doc);
    CHECK(doc->rows[0].fields[0] == "x");
    CHECK(doc->rows[0].fields[1] == big + "\n" + big);
}

TEST_CASE("csv reader reports an unterminated quote at its opening quote", "[csv]") {
    core::DiagnosticSink sink;
    auto doc = parse("a,b\n1,\"open\n2,3\n", sink);
    CHECK_FALSE(doc);
    REQUIRE(sink.diagnostics().size() == 1);
    CHECK(core::format_diagnostic(sink.diagnostics()[0]).rfind(
              "t.csv:2:3: error: unterminated quoted field", 0) == 0);
}

TEST_CASE("csv reader reports rows with the wrong number of fields and keeps going", "[csv]") {
    core::DiagnosticSink sink;
    auto doc = parse("a,b,c\n1,2\n1,2,3\n1,2,3,4\n", sink);
    CHECK_FALSE(doc);
    REQUIRE(sink.error_count() == 2);
    CHECK(sink.diagnostics()[0].where.line == 2);
    CHECK(sink.diagnostics()[0].message == "expected 3 fields as in the header, got 2");
    CHECK(sink.diagnostics()[1].where.line == 4);
}

TEST_CASE("csv reader rejects stray quotes, text after a closing quote and bad UTF-8", "[csv]") {
    core::DiagnosticSink s1;
    CHECK_FALSE(parse("a,b\n1,x\"y\n", s1));
    CHECK(s1.diagnostics().at(0).where.column == 4);
    core::DiagnosticSink s2;
    CHECK_FALSE(parse("a,b\n\"x\"y,2\n", s2));
    CHECK(s2.diagnostics().at(0).where.column == 4);
    core::DiagnosticSink s3;
    CHECK_FALSE(parse("a,b\nS\xE9tting,2\n", s3));
    CHECK(core::format_diagnostic(s3.diagnostics().at(0)).rfind(
              "t.csv:2:2: error: file is not valid UTF-8 (byte 0xE9)", 0) == 0);
}

TEST_CASE("csv reader rejects empty files and duplicate header names", "[csv]") {
    core::DiagnosticSink s1;
    CHECK_FALSE(parse("", s1));
    CHECK(s1.diagnostics().at(0).message == "file is empty: expected a header row");
    core::DiagnosticSink s2;
    CHECK_FALSE(parse("a,b,a\n1,2,3\n", s2));
    CHECK(s2.diagnostics().at(0).message == "duplicate column 'a' in the header row");
    CHECK(s2.diagnostics().at(0).where.column == 5);
}

TEST_CASE("csv reader skips blank lines between records", "[csv]") {
    core::DiagnosticSink sink;
    auto doc = parse("a,b\n\n1,2\r\n\r\n3,4\n", sink);
    REQUIRE(doc);
    CHECK(doc->rows.size() == 2);
    CHECK(doc->rows[1].line == 5);
}

namespace {
// A file of `rows` records "<n>,é<n>" (the é is two bytes), big enough to cross the reader's
// 8 MB page-release steps; `bad_row` (when > 0) ends with the byte 0xE9 instead (Latin-1 é).
std::string big_csv(int rows, int bad_row) {
    std::string s = "id,name\n";
    for (int i = 1; i <= rows; ++i) {
        s += std::to_string(i) + ",\xC3\xA9" + std::to_string(i);
        if (i == bad_row) s += '\xE9';
        s += '\n';
    }
    return s;
}
}  // namespace

TEST_CASE("csv reader releasing a mapped file's pages behind it still reads every row", "[csv]") {
    test::TempDir dir;
    const std::string path = (dir.path() / "big.csv").string();
    const int rows = 1500000;  // about 20 MB: two release steps and more
    std::ofstream(path, std::ios::binary) << big_csv(rows, 0);
    core::DiagnosticSink sink;
    auto file = data::open_csv(path, sink);
    REQUIRE(file->reader);
    REQUIRE(file->reader->ok());
    data::CsvRecord rec;
    int n = 0;
    bool in_order = true;
    while (file->reader->next(rec)) {
        ++n;
        in_order = in_order && rec.line == n + 1 && rec.fields[0] == std::to_string(n) &&
                   rec.fields[1] == "\xC3\xA9" + std::to_string(n);
    }
    CHECK(n == rows);
    CHECK(in_order);
    CHECK(sink.error_count() == 0);
    // A row read again after its pages were released: the bytes come back from the file.
    CHECK(file->text.view().substr(0, 8) == "id,name\n");
}

TEST_CASE("csv reader finds bad UTF-8 far into a mapped file at its line and column", "[csv]") {
    test::TempDir dir;
    const std::string path = (dir.path() / "bad.csv").string();
    std::ofstream(path, std::ios::binary) << big_csv(1200000, 1100000);
    core::DiagnosticSink sink;
    auto file = data::open_csv(path, sink);
    CHECK_FALSE(file->reader->ok());
    // Row 1,100,000 is on line 1,100,001: "1100000,é1100000" then the bad byte at column 17.
    CHECK(sink.str().find("bad.csv:1100001:17: error: file is not valid UTF-8 (byte 0xE9)") != std::string::npos);
}

TEST_CASE("csv reader checks a character that straddles a page-release step as one", "[csv]") {
    test::TempDir dir;
    const std::string path = (dir.path() / "straddle.csv").string();
    std::string s = "a\nxx\n";
    const std::size_t step = std::size_t{8} << 20;  // the reader's release step
    while (s.size() < step - 1) s += "x\n";
    REQUIRE(s.size() == step - 1);
    s += "\xC3\xA9\nlast\n";  // é's first byte ends the step, its second begins the next
    std::ofstream(path, std::ios::binary) << s;
    core::DiagnosticSink sink;
    auto file = data::open_csv(path, sink);
    REQUIRE(file->reader->ok());
    data::CsvRecord rec;
    std::string second_last, last;
    while (file->reader->next(rec)) {
        second_last = last;
        last = std::string(rec.fields[0]);
    }
    CHECK(second_last == "\xC3\xA9");
    CHECK(last == "last");
    CHECK(sink.error_count() == 0);
}

TEST_CASE("csv reader finds separators, line ends and stray quotes at every place in a sixteen-byte step", "[csv]") {
    // The unquoted fields are scanned sixteen bytes at a time: a field of each length from 0 to
    // 40, so that every separator and line end falls at every offset of a step, and a stray
    // quote at every offset of a long field.
    std::string text = "a,b\n";
    std::vector<std::vector<std::string>> want;
    for (int len = 0; len <= 40; ++len) {
        const std::string f(static_cast<std::size_t>(len), static_cast<char>('a' + len % 26));
        text += f + "," + std::to_string(len) + (len % 3 == 0 ? "\r\n" : "\n");
        want.push_back({f, std::to_string(len)});
    }
    core::DiagnosticSink sink;
    auto doc = parse(text, sink);
    REQUIRE(doc);
    CHECK(sink.error_count() == 0);
    REQUIRE(doc->rows.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) CHECK(doc->rows[i].fields == want[i]);
    for (int at = 0; at < 40; ++at) {
        std::string field(40, 'x');
        field[static_cast<std::size_t>(at)] = '"';
        core::DiagnosticSink s;
        CHECK_FALSE(parse("a,b\n1," + field + "\n", s));
        REQUIRE(s.error_count() == 1);
        CHECK(s.diagnostics().at(0).where.column == 3 + at);
    }
}
