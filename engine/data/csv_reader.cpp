#include "engine/data/csv_reader.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstdio>

#include "engine/core/text.h"

namespace engine::data {

using core::SourceLocation;

namespace {

bool is_blank_record(const CsvRecord& r) { return r.fields.size() == 1 && r.fields[0].empty(); }

}  // namespace

namespace {
constexpr std::size_t kReleaseStep = std::size_t{8} << 20;  // pages are released 8 MB at a time

// The first invalid UTF-8 byte, checked a step at a time (cut before a lead byte, so no
// sequence is split) with `done` called after each step.
template <class Done>
std::optional<std::size_t> find_invalid_utf8_in_steps(std::string_view s, Done done) {
    for (std::size_t at = 0; at < s.size();) {
        std::size_t end = std::min(s.size(), at + kReleaseStep);
        while (end < s.size() && end > at && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
        if (end == at) end = std::min(s.size(), at + kReleaseStep);  // only continuation bytes: invalid anyway
        if (auto bad = core::find_invalid_utf8(s.substr(at, end - at))) return at + *bad;
        at = end;
        done(at);
    }
    return std::nullopt;
}
}  // namespace

CsvReader::CsvReader(std::string_view text, std::string file, core::DiagnosticSink& sink,
                     const core::MappedFile* pages)
    : s_(text), file_(std::move(file)), sink_(&sink), pages_(pages) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") {
        s_.remove_prefix(3);
    }
    auto bad = find_invalid_utf8_in_steps(s_, [this](std::size_t at) { release_before(at); });
    released_ = 0;  // the header and the rows are read from the start again
    if (bad) {
        int line = 1;
        for (std::size_t i = 0; i < *bad; ++i)
            if (s_[i] == '\n') ++line;
        SourceLocation at = where_offset(*bad, line);
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(s_[*bad]));
        sink_->error(at, std::string("file is not valid UTF-8 (byte ") + hex + ")",
                    {"save the file as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')"});
        return;
    }
    if (core::trim(s_).empty()) {
        sink_->error({file_, 1, 1}, "file is empty: expected a header row");
        return;
    }
    CsvRecord rec;
    bool good = true;
    while (read_record(rec, good)) {
        if (!is_blank_record(rec)) break;
    }
    if (!good) return;
    header_line_ = rec.line;
    std::size_t errors_before = sink_->error_count();
    for (std::size_t i = 0; i < rec.fields.size(); ++i) {
        std::string name(core::trim(rec.fields[i]));
        if (name.empty()) sink_->error(where(rec, static_cast<int>(i)), "empty column name in the header row");
        for (std::size_t j = 0; j < i; ++j)
            if (header_[j] == name && !name.empty())
                sink_->error(where(rec, static_cast<int>(i)),
                            "duplicate column '" + name + "' in the header row");
        header_.push_back(name);
        header_offsets_.push_back(rec.offsets[i]);
    }
    ok_ = sink_->error_count() == errors_before;
}

int CsvReader::column_index(std::string_view name) const {
    for (std::size_t i = 0; i < header_.size(); ++i)
        if (header_[i] == name) return static_cast<int>(i);
    return -1;
}

SourceLocation CsvReader::where_offset(std::size_t offset, int line) const {
    std::size_t start = offset;
    while (start > 0 && s_[start - 1] != '\n' && s_[start - 1] != '\r') --start;
    int col = 1 + static_cast<int>(core::count_code_points(s_.substr(start, offset - start)));
    return {file_, line, col};
}

SourceLocation CsvReader::where(const CsvRecord& rec, int col) const {
    if (col < 0 || static_cast<std::size_t>(col) >= rec.offsets.size()) return {file_, rec.line, 0};
    std::size_t off = rec.offsets[static_cast<std::size_t>(col)];
    int line = rec.line;
    for (std::size_t i = rec.offsets.front(); i < off && i < s_.size(); ++i)
        if (s_[i] == '\n') ++line;
    return where_offset(off, line);
}

SourceLocation CsvReader::header_where(int col) const {
    // A column that is not in the header (a missing one) is placed at the header row's start.
    if (col < 0 || static_cast<std::size_t>(col) >= header_offsets_.size()) return {file_, header_line_, 1};
    return where_offset(header_offsets_[static_cast<std::size_t>(col)], header_line_);
}

namespace {

/// The bytes that end a run of an unquoted field's text: the separator, a line end, or a quote
/// (an error there). One table load a byte instead of four comparisons.
struct UnquotedStops {
    bool stop[256] = {};
    constexpr UnquotedStops() {
        stop[static_cast<unsigned char>(',')] = stop[static_cast<unsigned char>('\n')] = true;
        stop[static_cast<unsigned char>('\r')] = stop[static_cast<unsigned char>('"')] = true;
    }
};
constexpr UnquotedStops kUnquotedStops;

bool ends_unquoted_run(char c) { return kUnquotedStops.stop[static_cast<unsigned char>(c)]; }

/// The first byte at or after `at` (below `n`) that ends an unquoted field's run of text, or
/// `n`: sixteen bytes a step (SSE2, which every x86-64 has), then a byte at a time.
std::size_t end_of_unquoted_run(const char* text, std::size_t at, std::size_t n) {
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                  quote = _mm_set1_epi8('"');
    while (n - at >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + at));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
        if (const unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(hit)))
            return at + static_cast<std::size_t>(__builtin_ctz(bits));
        at += 16;
    }
#endif
    while (at < n && !ends_unquoted_run(text[at])) ++at;
    return at;
}

}  // namespace

bool CsvReader::read_record(CsvRecord& rec, bool& good) {
    rec.fields.clear();
    rec.offsets.clear();
    good = true;
    if (pos_ >= s_.size()) return false;
    rec.line = line_;
    scratch_.clear();
    bool reserved = false;
    const std::size_t n = s_.size();
    for (;;) {
        rec.offsets.push_back(pos_);
        if (pos_ < n && s_[pos_] == '"') {
            if (!reserved) {
                // Quoted fields are unescaped into scratch_: room for the rest of the line, so
                // the views into it stay valid (a field spanning lines grows it below).
                std::size_t eol = s_.find('\n', pos_);
                scratch_.reserve((eol == std::string_view::npos ? n : eol) - pos_ + 1);
                reserved = true;
            }
            std::size_t open = pos_;
            int open_line = line_;
            ++pos_;
            std::size_t start = scratch_.size();
            bool closed = false;
            while (pos_ < n) {
                char c = s_[pos_];
                if (c == '"') {
                    if (pos_ + 1 < n && s_[pos_ + 1] == '"') {
                        scratch_ += '"';
                        pos_ += 2;
                        continue;
                    }
                    ++pos_;
                    closed = true;
                    break;
                }
                if (c == '\n') ++line_;
                if (scratch_.size() == scratch_.capacity()) {
                    // A quoted field spanning lines: grow, then re-point earlier views.
                    std::string grown;
                    grown.reserve(scratch_.capacity() * 2 + 64);
                    grown = scratch_;
                    for (auto& f : rec.fields)
                        if (f.data() >= scratch_.data() && f.data() < scratch_.data() + scratch_.capacity())
                            f = std::string_view(grown.data() + (f.data() - scratch_.data()), f.size());
                    scratch_.swap(grown);
                }
                scratch_ += c;
                ++pos_;
            }
            if (!closed) {
                sink_->error(where_offset(open, open_line),
                            "unterminated quoted field: the closing '\"' is missing",
                            {"a quote inside a quoted field is written twice: \"\""});
                ++malformed_;
                good = false;
                pos_ = n;
                return true;
            }
            rec.fields.emplace_back(scratch_.data() + start, scratch_.size() - start);
            if (pos_ < n && s_[pos_] != ',' && s_[pos_] != '\n' && s_[pos_] != '\r') {
                if (good)
                    sink_->error(where_offset(pos_, line_),
                                "unexpected character after a closing quote; expected ',' or the "
                                "end of the line",
                                {"a quote inside a quoted field is written twice: \"\""});
                good = false;
                while (pos_ < n && s_[pos_] != ',' && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
            }
        } else {
            std::size_t start = pos_;
            for (;;) {
                pos_ = end_of_unquoted_run(s_.data(), pos_, n);
                if (pos_ >= n || s_[pos_] != '"') break;
                if (good) {
                    sink_->error(where_offset(pos_, line_), "unexpected '\"' inside an unquoted field",
                                {"quote the whole field and double the inner quote: "
                                 "\"say \"\"hi\"\"\""});
                    good = false;
                }
                ++pos_;
            }
            rec.fields.emplace_back(s_.data() + start, pos_ - start);
        }
        if (pos_ >= n) break;
        char c = s_[pos_];
        if (c == ',') {
            ++pos_;
            continue;
        }
        ++pos_;
        if (c == '\r' && pos_ < n && s_[pos_] == '\n') ++pos_;
        ++line_;
        break;
    }
    if (!good) ++malformed_;
    return true;
}

void CsvReader::release_before(std::size_t upto) {
    if (!pages_ || upto < released_ + kReleaseStep) return;
    const std::size_t base = static_cast<std::size_t>(s_.data() - pages_->view().data());
    pages_->release(base + released_, base + upto);
    released_ = upto;
}

bool CsvReader::next(CsvRecord& rec) {
    if (!ok_) return false;
    bool good = true;
    // Everything before the record about to be read is done with.
    release_before(pos_);
    while (read_record(rec, good)) {
        if (!good) continue;
        if (is_blank_record(rec)) continue;
        if (rec.fields.size() != header_.size()) {
            ++malformed_;
            sink_->error({file_, rec.line, 1},
                        "expected " + std::to_string(header_.size()) +
                            " fields as in the header, got " + std::to_string(rec.fields.size()),
                        {"a field that contains a comma must be quoted: \"Stoke-on-Trent, north\""});
            continue;
        }
        return true;
    }
    return false;
}

std::optional<CsvDocument> parse_csv(std::string_view text, const std::string& file,
                                     core::DiagnosticSink& sink) {
    std::size_t errors_before = sink.error_count();
    CsvReader reader(text, file, sink);
    if (!reader.ok()) return std::nullopt;
    CsvDocument doc;
    doc.file = file;
    doc.header = reader.header();
    CsvRecord rec;
    while (reader.next(rec)) {
        CsvRow row;
        row.line = rec.line;
        for (auto f : rec.fields) row.fields.emplace_back(f);
        doc.rows.push_back(std::move(row));
    }
    if (sink.error_count() > errors_before) return std::nullopt;
    return doc;
}

}  // namespace engine::data
