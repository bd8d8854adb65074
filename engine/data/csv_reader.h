// data: RFC 4180 CSV reading — quoted fields with embedded commas, quotes and newlines, CRLF or
// LF line ends, UTF-8 with or without a BOM. Streaming: one record at a time, fields are views
// into the text (no allocation per field), and columns are worked out only when a problem is
// reported, so million-row files validate at memory speed. Every problem names file, line and
// column; the reader keeps going so one run reports every bad row.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/diagnostic.h"
#include "engine/core/file_io.h"

namespace engine::data {

/// One record. Views stay valid until the next call to CsvReader::next.
struct CsvRecord {
    int line = 0;  ///< physical line where the record starts (1-based)
    std::vector<std::string_view> fields;
    std::vector<std::size_t> offsets;  ///< byte offset of each field's first character
};

class CsvReader {
public:
    /// `text` must outlive the reader. Checks the encoding and reads the header; problems go to
    /// `sink` and leave ok() false. When `text` is the view of a mapped file, `pages` lets the
    /// reader release the pages it has read (MappedFile::release), so a large file is never
    /// resident whole: memory stays flat in the file's size.
    CsvReader(std::string_view text, std::string file, core::DiagnosticSink& sink,
              const core::MappedFile* pages = nullptr);

    bool ok() const { return ok_; }
    const std::string& file() const { return file_; }
    const std::vector<std::string>& header() const { return header_; }
    int column_index(std::string_view name) const;

    /// The next well-formed record with as many fields as the header. Malformed records
    /// are reported and skipped; entirely blank lines are skipped. False at the end.
    bool next(CsvRecord& rec);

    /// Location of field `col` of `rec` (column in code points, worked out now).
    core::SourceLocation where(const CsvRecord& rec, int col) const;
    /// Location of a byte offset.
    core::SourceLocation where_offset(std::size_t offset, int line) const;
    /// Location of header column `col`.
    core::SourceLocation header_where(int col) const;

    /// Malformed records found from now on are reported to `sink` (which must outlive the
    /// reader) instead of the one given to the constructor.
    void report_to(core::DiagnosticSink& sink) { sink_ = &sink; }

    /// Errors found by the tokenizer so far (malformed records).
    std::size_t malformed() const { return malformed_; }

private:
    bool read_record(CsvRecord& rec, bool& good);
    /// Releases the pages of the mapped file before offset `upto` of s_.
    void release_before(std::size_t upto);

    std::string_view s_;
    std::string file_;
    core::DiagnosticSink* sink_;
    std::size_t pos_ = 0;
    int line_ = 1;
    bool ok_ = false;
    std::size_t malformed_ = 0;
    std::vector<std::string> header_;
    std::vector<std::size_t> header_offsets_;
    int header_line_ = 1;
    std::string scratch_;  // unescaped quoted fields of the current record
    const core::MappedFile* pages_ = nullptr;
    std::size_t released_ = 0;  // offset in s_ up to which pages were released
};

/// An owned, fully read CSV file — convenient for small files and tests.
struct CsvRow {
    int line = 0;
    std::vector<std::string> fields;
};
struct CsvDocument {
    std::string file;
    std::vector<std::string> header;
    std::vector<CsvRow> rows;
};

/// Reads all of `text`. nullopt when any problem was reported.
std::optional<CsvDocument> parse_csv(std::string_view text, const std::string& file,
                                     core::DiagnosticSink& sink);

}  // namespace engine::data
