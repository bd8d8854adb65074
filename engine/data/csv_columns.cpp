#include "engine/data/csv_columns.h"

#include <algorithm>

#include "engine/core/file_io.h"
#include "engine/core/text.h"

namespace engine::data {

std::size_t estimated_rows(std::string_view text) {
    const std::string_view head = text.substr(0, 65536);
    const auto lines = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
    if (lines <= 1) return 0;
    return (text.size() / head.size() * lines + lines) * 11 / 10;
}

std::unique_ptr<CsvFile> open_csv(const std::string& path, core::DiagnosticSink& sink) {
    auto f = std::make_unique<CsvFile>();
    try {
        f->text = core::MappedFile(path);
    } catch (const core::EngineError& e) {
        sink.add(e.diagnostic());
        return f;
    }
    f->reader.emplace(f->text.view(), path, sink, &f->text);
    return f;
}

CsvColumns::CsvColumns(const CsvReader& reader, core::DiagnosticSink& sink, std::string what)
    : reader_(reader), sink_(sink), what_(std::move(what)), known_(reader.header().size(), false) {}

int CsvColumns::optional(const std::vector<std::string>& names) {
    if (!names.empty() && std::find(contract_.begin(), contract_.end(), names.front()) == contract_.end())
        contract_.push_back(names.front());
    for (const auto& n : names) {
        int i = reader_.column_index(n);
        if (i >= 0) {
            known_[static_cast<std::size_t>(i)] = true;
            return i;
        }
    }
    return -1;
}

int CsvColumns::require(const std::vector<std::string>& names) {
    int i = optional(names);
    if (i >= 0) return i;
    ok_ = false;
    std::vector<std::string> hints;
    auto near = core::nearest_names(names.front(), reader_.header(), 1);
    if (!near.empty()) hints.push_back("did you mean '" + near.front() + "'?");
    if (names.size() > 1) {
        std::vector<std::string> alts(names.begin() + 1, names.end());
        hints.push_back("the column may also be called " + core::quoted_list(alts));
    }
    sink_.error(reader_.header_where(-1),
                "missing column '" + names.front() + "' in the " + what_ + " file", hints);
    return -1;
}

void CsvColumns::allow(const std::vector<std::string>& names) {
    for (const auto& n : names)
        if (std::find(contract_.begin(), contract_.end(), n) == contract_.end()) contract_.push_back(n);
    for (const auto& n : names) {
        int i = reader_.column_index(n);
        if (i >= 0) known_[static_cast<std::size_t>(i)] = true;
    }
}

void CsvColumns::reject_unknown() {
    // The hint lists the whole contract (the columns this file may have), not only those present.
    const std::vector<std::string>& valid = contract_;
    for (std::size_t i = 0; i < known_.size(); ++i) {
        if (known_[i]) continue;
        ok_ = false;
        const std::string& name = reader_.header()[i];
        sink_.error(reader_.header_where(static_cast<int>(i)),
                    "unknown column '" + name + "' in the " + what_ + " file",
                    {core::valid_values_hint("columns", name, valid)});
    }
}

void CsvColumns::error(const CsvRecord& rec, int col, const std::string& message,
                       std::vector<std::string> hints) const {
    std::string name = col >= 0 ? reader_.header()[static_cast<std::size_t>(col)] : "";
    sink_.error(reader_.where(rec, col), name.empty() ? message : "column '" + name + "': " + message,
                std::move(hints));
}

std::string_view CsvColumns::text(const CsvRecord& rec, int col) const {
    if (col < 0) return {};
    return rec.fields[static_cast<std::size_t>(col)];
}

std::optional<std::string> CsvColumns::required_text(const CsvRecord& rec, int col) const {
    if (auto v = required_view(rec, col)) return std::string(*v);
    return std::nullopt;
}

std::optional<std::string_view> CsvColumns::required_view(const CsvRecord& rec, int col) const {
    if (col < 0) return std::nullopt;
    std::string_view v = core::trim(text(rec, col));
    if (v.empty()) {
        error(rec, col, "a value is required here, got an empty cell");
        return std::nullopt;
    }
    return v;
}

std::optional<Value> CsvColumns::value(const CsvRecord& rec, int col) const {
    if (col < 0) return Value{};
    std::string_view cell = core::trim(text(rec, col));
    if (auto d = parse_decimal(cell)) return Value::of(*d);
    if (auto m = parse_missing_symbol(cell)) return Value::missing_as(*m, std::string(cell));
    std::vector<std::string> hints = {
        "missing values use the EES symbols c (suppressed), x (not available), z (not "
        "applicable), low or k (rounds to zero), u (low reliability)"};
    if (!cell.empty() && cell.back() == '%')
        hints.insert(hints.begin(), "write percentages as plain numbers: 45.2, not 45.2%");
    else if (cell.find(',') != std::string_view::npos)
        hints.insert(hints.begin(), "write numbers without thousands separators");
    else if (cell == "NA" || cell == "N/A" || cell == "NULL" || cell == "." || cell == "..")
        hints.insert(hints.begin(), "'" + std::string(cell) + "' is not an EES symbol; use x for "
                                    "not available");
    error(rec, col, "expected a number or a missing-value symbol, got '" + core::excerpt(cell) + "'",
          hints);
    return std::nullopt;
}

std::optional<core::Exact> CsvColumns::number(const CsvRecord& rec, int col) const {
    if (col < 0) return std::nullopt;
    std::string_view cell = core::trim(text(rec, col));
    if (auto d = parse_decimal(cell)) return d;
    error(rec, col, "expected a number, got '" + core::excerpt(cell) + "'");
    return std::nullopt;
}

std::optional<core::Date> CsvColumns::date(const CsvRecord& rec, int col, bool required) const {
    if (col < 0) return std::nullopt;
    std::string_view cell = core::trim(text(rec, col));
    if (cell.empty()) {
        if (required) error(rec, col, "a date is required here (YYYY-MM-DD), got an empty cell");
        return std::nullopt;
    }
    if (auto d = core::parse_iso_date(cell)) return d;
    error(rec, col, "expected a date as YYYY-MM-DD, got '" + core::excerpt(cell) + "'",
          {"dates are ISO 8601, e.g. 2015-09-17; check that the day exists in that month"});
    return std::nullopt;
}

std::optional<std::string> CsvColumns::choice(const CsvRecord& rec, int col,
                                              const std::vector<std::string>& valid) const {
    if (col < 0) return std::nullopt;
    std::string_view cell = core::trim(text(rec, col));
    for (const auto& v : valid)
        if (core::iequals_ascii(v, cell)) return v;
    error(rec, col, "unknown value '" + std::string(cell) + "'",
          {core::valid_values_hint("values", cell, valid)});
    return std::nullopt;
}

}  // namespace engine::data
