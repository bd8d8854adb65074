#include "engine/data/csv_reader.h"

#include "engine/core/file_io.h"
#include "engine/core/text.h"

namespace engine::data {

using core::SourceLocation;

int CsvDocument::column_index(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return static_cast<int>(i);
    return -1;
}

SourceLocation CsvDocument::where(const CsvRow& row, int col) const {
    if (col < 0 || static_cast<std::size_t>(col) >= row.columns.size()) return {file, row.line, 0};
    return {file, row.lines[static_cast<std::size_t>(col)], row.columns[static_cast<std::size_t>(col)]};
}

namespace {

// Walks the text once, tracking line and code-point column.
class Tokenizer {
public:
    Tokenizer(std::string_view text, const std::string& file, core::DiagnosticSink& sink)
        : s_(text), file_(file), sink_(sink) {}

    // Reads one record into `row`; returns false at end of input. `ok` is false when the record
    // was malformed (it has been reported).
    bool next(CsvRow& row, bool& ok) {
        row = CsvRow{};
        ok = true;
        if (pos_ >= s_.size()) return false;
        row.line = line_;
        for (;;) {
            row.lines.push_back(line_);
            row.columns.push_back(col_);
            std::string field;
            if (peek() == '"') {
                int qline = line_, qcol = col_;
                advance();
                bool closed = false;
                while (pos_ < s_.size()) {
                    char c = s_[pos_];
                    if (c == '"') {
                        if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {
                            field += '"';
                            advance();
                            advance();
                            continue;
                        }
                        advance();
                        closed = true;
                        break;
                    }
                    field += c;
                    advance();
                }
                if (!closed) {
                    sink_.error({file_, qline, qcol},
                                "unterminated quoted field: the closing '\"' is missing",
                                {"a quote inside a quoted field is written twice: \"\""});
                    ok = false;
                    pos_ = s_.size();
                    row.fields.push_back(std::move(field));
                    return true;
                }
                if (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\n' && s_[pos_] != '\r') {
                    sink_.error({file_, line_, col_},
                                "unexpected character after a closing quote; expected ',' or the "
                                "end of the line",
                                {"a quote inside a quoted field is written twice: \"\""});
                    ok = false;
                    while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\n' &&
                           s_[pos_] != '\r')
                        advance();
                }
            } else {
                while (pos_ < s_.size()) {
                    char c = s_[pos_];
                    if (c == ',' || c == '\n' || c == '\r') break;
                    if (c == '"' && ok) {
                        sink_.error({file_, line_, col_},
                                    "unexpected '\"' inside an unquoted field",
                                    {"quote the whole field and double the inner quote: "
                                     "\"say \"\"hi\"\"\""});
                        ok = false;
                    }
                    field += c;
                    advance();
                }
            }
            row.fields.push_back(std::move(field));
            if (pos_ >= s_.size()) return true;
            char c = s_[pos_];
            if (c == ',') {
                advance();
                continue;
            }
            // End of record: CRLF, LF or a lone CR.
            if (c == '\r') {
                ++pos_;
                if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
            } else {
                ++pos_;
            }
            ++line_;
            col_ = 1;
            return true;
        }
    }

private:
    char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
    void advance() {
        char c = s_[pos_++];
        if (c == '\n') {
            ++line_;
            col_ = 1;
        } else if (c == '\r') {
            if (pos_ < s_.size() && s_[pos_] == '\n') return;  // counted at the '\n'
            ++line_;
            col_ = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++col_;
        }
    }
    // A lead byte increments col_ when it is consumed, so the column of the next character
    // is right once all continuation bytes are consumed too. Columns start at 1.

    std::string_view s_;
    const std::string& file_;
    core::DiagnosticSink& sink_;
    std::size_t pos_ = 0;
    int line_ = 1;
    int col_ = 1;
};

bool blank(const CsvRow& r) { return r.fields.size() == 1 && r.fields[0].empty(); }

}  // namespace

std::optional<CsvDocument> parse_csv(std::string_view text, const std::string& file,
                                     core::DiagnosticSink& sink) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (auto bad = core::find_invalid_utf8(text)) {
        int line = 1, col = 1;
        for (std::size_t i = 0; i < *bad; ++i) {
            if (text[i] == '\n') {
                ++line;
                col = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++col;
            }
        }
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[*bad]));
        sink.error({file, line, col},
                   std::string("file is not valid UTF-8 (byte ") + hex + ")",
                   {"save the file as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')"});
        return std::nullopt;
    }
    if (core::trim(text).empty()) {
        sink.error({file}, "file is empty: expected a header row");
        return std::nullopt;
    }

    CsvDocument doc;
    doc.file = file;
    Tokenizer tok(text, file, sink);
    CsvRow row;
    bool ok = true;
    std::size_t errors_before = sink.error_count();

    // Header: the first non-blank record.
    while (tok.next(row, ok)) {
        if (!blank(row)) break;
    }
    if (row.fields.empty() || blank(row)) {
        sink.error({file}, "file is empty: expected a header row");
        return std::nullopt;
    }
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
        std::string name(core::trim(row.fields[i]));
        SourceLocation at{file, row.lines[i], row.columns[i]};
        if (name.empty()) sink.error(at, "empty column name in the header row");
        for (std::size_t j = 0; j < i; ++j)
            if (doc.header[j] == name && !name.empty())
                sink.error(at, "duplicate column '" + name + "' in the header row");
        doc.header.push_back(name);
        doc.header_columns.push_back(row.columns[i]);
    }
    const std::size_t width = doc.header.size();

    while (tok.next(row, ok)) {
        if (blank(row) && ok) continue;
        if (!ok) continue;  // already reported
        if (row.fields.size() != width) {
            sink.error({file, row.line, 1},
                       "expected " + std::to_string(width) + " fields as in the header, got " +
                           std::to_string(row.fields.size()),
                       {"a field that contains a comma must be quoted: \"Stoke-on-Trent, "
                        "north\""});
            continue;
        }
        doc.rows.push_back(std::move(row));
    }
    if (sink.error_count() > errors_before) return std::nullopt;
    return doc;
}

std::optional<CsvDocument> load_csv(const std::string& path, core::DiagnosticSink& sink) {
    std::string text;
    try {
        text = core::read_file(path);
    } catch (const core::EngineError& e) {
        sink.add(e.diagnostic());
        return std::nullopt;
    }
    return parse_csv(text, path, sink);
}

}  // namespace engine::data
