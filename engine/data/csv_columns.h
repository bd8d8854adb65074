// data: binds a CSV header to the columns a dataset contract expects, and reads typed cells
// with messages that name the file, line, column and header, the bad value and what was
// expected.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/core/civil_date.h"
#include "engine/core/diagnostic.h"
#include "engine/data/csv_reader.h"
#include "engine/data/value.h"

namespace engine::data {

class CsvColumns {
public:
    /// `what` names the dataset in messages ("observations", "targets" …).
    CsvColumns(const CsvDocument& doc, core::DiagnosticSink& sink, std::string what);

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
    const std::string& text(const CsvRow& row, int col) const;
    std::optional<std::string> required_text(const CsvRow& row, int col) const;
    /// A number or an EES missing-value symbol; range checks are the caller's.
    std::optional<Value> value(const CsvRow& row, int col) const;
    std::optional<double> number(const CsvRow& row, int col) const;
    std::optional<core::Date> date(const CsvRow& row, int col, bool required) const;
    /// One of `valid` (case-insensitive); reports the valid ones otherwise.
    std::optional<std::string> choice(const CsvRow& row, int col,
                                      const std::vector<std::string>& valid) const;
    void error(const CsvRow& row, int col, const std::string& message,
               std::vector<std::string> hints = {}) const;

    const CsvDocument& doc() const { return doc_; }

private:
    const CsvDocument& doc_;
    core::DiagnosticSink& sink_;
    std::string what_;
    std::vector<bool> known_;
    bool ok_ = true;
};

}  // namespace engine::data
