// data: RFC 4180 CSV reading — quoted fields with embedded commas, quotes and newlines, CRLF or
// LF line ends, UTF-8 with or without a BOM. Every problem is reported with file, line and
// column; the reader keeps going so one run reports every bad row.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/diagnostic.h"

namespace engine::data {

struct CsvRow {
    int line = 0;                 ///< physical line where the record starts (1-based)
    std::vector<std::string> fields;
    std::vector<int> lines;       ///< line of each field's first character
    std::vector<int> columns;     ///< column (in code points, 1-based) of each field
};

struct CsvDocument {
    std::string file;
    std::vector<std::string> header;
    std::vector<int> header_columns;
    std::vector<CsvRow> rows;

    /// Index of a header name, or -1.
    int column_index(std::string_view name) const;
    /// Location of field `col` of `row`, for diagnostics.
    core::SourceLocation where(const CsvRow& row, int col) const;
};

/// Parses CSV text. `file` names the source in diagnostics. Returns nullopt (with errors in
/// `sink`) when the text is not valid UTF-8, is empty, has no header, or has malformed records;
/// rows whose field count differs from the header are reported and dropped. Entirely blank
/// lines are skipped.
std::optional<CsvDocument> parse_csv(std::string_view text, const std::string& file,
                                     core::DiagnosticSink& sink);

/// Reads and parses a CSV file (a missing or unreadable file is an error in `sink`).
std::optional<CsvDocument> load_csv(const std::string& path, core::DiagnosticSink& sink);

}  // namespace engine::data
