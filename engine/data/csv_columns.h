// data: binds a CSV header to the columns a dataset contract expects, and reads typed cells
// with messages that name the file, line, column and header, the bad value and what was
// expected.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/civil_date.h"
#include "engine/core/diagnostic.h"
#include "engine/core/file_io.h"
#include "engine/data/csv_reader.h"
#include "engine/data/value.h"

namespace engine::data {

class CsvColumns {
public:
    /// `what` names the dataset in messages ("observations", "targets" …).
    CsvColumns(const CsvReader& reader, core::DiagnosticSink& sink, std::string what);

    /// Index of a required column (first of `names` found); reports it missing otherwise, with
    /// the nearest header as a hint. Returns -1 when missing.
    int require(const std::vector<std::string>& names);
    /// Index of an optional column, or -1.
    int optional(const std::vector<std::string>& names);
    /// Marks columns as known without using them.
    void allow(const std::vector<std::string>& names);
    /// Reports every header column not bound or allowed, listing the valid ones.
    void reject_unknown();

    bool ok() const { return ok_; }

    // Typed cell readers. Each reports a problem at the cell and returns nullopt.
    std::string_view text(const CsvRecord& rec, int col) const;
    std::string owned_text(const CsvRecord& rec, int col) const { return std::string(text(rec, col)); }
    std::optional<std::string> required_text(const CsvRecord& rec, int col) const;
    /// required_text as a view of the trimmed cell (valid as long as `rec`'s fields).
    std::optional<std::string_view> required_view(const CsvRecord& rec, int col) const;
    /// A number or an EES missing-value symbol; range checks are the caller's.
    std::optional<Value> value(const CsvRecord& rec, int col) const;
    std::optional<core::Exact> number(const CsvRecord& rec, int col) const;
    std::optional<core::Date> date(const CsvRecord& rec, int col, bool required) const;
    /// One of `valid` (case-insensitive); reports the valid ones otherwise.
    std::optional<std::string> choice(const CsvRecord& rec, int col,
                                      const std::vector<std::string>& valid) const;
    void error(const CsvRecord& rec, int col, const std::string& message,
               std::vector<std::string> hints = {}) const;

    const CsvReader& reader() const { return reader_; }

private:
    const CsvReader& reader_;
    core::DiagnosticSink& sink_;
    std::string what_;
    std::vector<bool> known_;
    std::vector<std::string> contract_;  ///< every column name asked for or allowed, in order
    bool ok_ = true;
};

/// About how many records `text` holds, from the lines of its first 64 KB (a little over,
/// rather than under): room reserved for them up front, so that loading a large file does not
/// grow a table, and copy every row, a dozen times. 0 when the text has no second line.
std::size_t estimated_rows(std::string_view text);

/// Reserves room in `rows` for the records of `text` (estimated_rows).
template <class Rows>
void reserve_rows(Rows& rows, std::string_view text) {
    rows.reserve(rows.size() + estimated_rows(text));
}

/// Reads a file and opens a CsvReader on it; the text is kept alive by the returned object.
struct CsvFile {
    core::MappedFile text;
    std::optional<CsvReader> reader;
};
/// nullopt-like: `reader` is empty or not ok() when the file is missing or malformed (reported).
std::unique_ptr<CsvFile> open_csv(const std::string& path, core::DiagnosticSink& sink);

}  // namespace engine::data
