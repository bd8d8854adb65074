#include "engine/layout/text_layout.h"

#include <algorithm>
#include <numeric>

#include "engine/core/civil_date.h"
#include "engine/core/text.h"

namespace engine::layout {

namespace {

// A piece of a word or a space in one style.
struct TextPiece {
    std::string text;
    const StyledText* style;
    double width;
};

// A word: pieces with no break between them ("**bold**," gives "bold" + ",").
struct Word {
    std::vector<TextPiece> pieces;
    double width = 0;
    double space_before = 0;          // width of the space that precedes it (0 at line start)
    const StyledText* space_style = nullptr;
    bool newline_before = false;
};

class Breaker {
public:
    Breaker(double size, double max_width, const Fonts& fonts)
        : size_(size), max_(max_width), fonts_(fonts) {}

    std::vector<LineBox> run(const std::vector<StyledText>& spans) {
        std::vector<Word> words = split_words(spans);
        for (auto& w : words) place(w);
        finish_line();
        if (lines_.empty()) lines_.push_back({});
        return std::move(lines_);
    }

private:
    std::vector<Word> split_words(const std::vector<StyledText>& spans) {
        std::vector<Word> words;
        Word cur;
        bool pending_space = false;
        bool pending_newline = false;
        const StyledText* space_style = nullptr;
        auto flush = [&]() {
            if (cur.pieces.empty()) return;
            cur.space_before = pending_space && space_style
                                   ? fonts_.width(" ", space_style->face, size_)
                                   : 0;
            cur.space_style = space_style;
            cur.newline_before = pending_newline;
            words.push_back(std::move(cur));
            cur = Word{};
            pending_space = false;
            pending_newline = false;
        };
        for (const auto& sp : spans) {
            std::size_t i = 0;
            const std::string& t = sp.text;
            while (i < t.size()) {
                char c = t[i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    flush();
                    if (c == '\n') pending_newline = true;
                    else {
                        pending_space = true;
                        space_style = &sp;
                    }
                    ++i;
                    continue;
                }
                std::size_t start = i;
                while (i < t.size() && t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r') ++i;
                std::string chunk = t.substr(start, i - start);
                double w = fonts_.width(chunk, sp.face, size_);
                if (cur.pieces.empty() && !pending_space) space_style = &sp;
                cur.pieces.push_back({chunk, &sp, w});
                cur.width += w;
            }
        }
        flush();
        return words;
    }

    void place(Word& w) {
        if (w.newline_before) finish_line(true);
        bool empty = line_.runs.empty();
        double need = (empty ? 0 : w.space_before) + w.width;
        if (!empty && x_ + need > max_ + 1e-6) {
            finish_line();
            empty = true;
        }
        if (empty && w.width > max_ + 1e-6) {
            hard_split(w);
            return;
        }
        if (!empty && w.space_before > 0) append(" ", *w.space_style, w.space_before);
        for (const auto& p : w.pieces) append(p.text, *p.style, p.width);
    }

    // A word wider than the line (a URL, a long compound): break it after / - _ . ? & = where
    // it can, and between code points where it must.
    void hard_split(const Word& w) {
        for (const auto& p : w.pieces) {
            for (const auto& sg : split_long_word(p.text)) {
                double sw = fonts_.width(sg, p.style->face, size_);
                if (!line_.runs.empty() && x_ + sw > max_ + 1e-6) finish_line(false, true);
                if (sw <= max_ + 1e-6) {
                    append(sg, *p.style, sw);
                    continue;
                }
                std::size_t i = 0;
                while (i < sg.size()) {
                    std::size_t start = i;
                    core::next_code_point(sg, i);
                    std::string cp = sg.substr(start, i - start);
                    double cw = fonts_.width(cp, p.style->face, size_);
                    if (!line_.runs.empty() && x_ + cw > max_ + 1e-6) finish_line(false, true);
                    append(cp, *p.style, cw);
                }
            }
        }
    }

    void append(const std::string& text, const StyledText& st, double width) {
        // Merge with the previous run when the style is the same; face splitting happens at
        // the end of the line.
        if (!line_.runs.empty()) {
            LineRun& last = line_.runs.back();
            if (last.face == st.face && last.color == st.color && last.link == st.link) {
                last.text += text;
                last.width += width;
                x_ += width;
                return;
            }
        }
        line_.runs.push_back({x_, width, st.face, st.color, text, st.link});
        x_ += width;
    }

    void finish_line(bool force = false, bool mid_word = false) {
        if (line_.runs.empty() && !force) return;
        // Drop a trailing space, then split runs per face (symbol fallback).
        LineBox out;
        out.word_continues = mid_word;
        double x = 0;
        for (auto& r : line_.runs) {
            for (auto& fr : fonts_.runs(r.text, r.face, size_)) {
                out.runs.push_back({x, fr.width, fr.face, r.color, std::move(fr.text), r.link});
                x += fr.width;
            }
        }
        while (!out.runs.empty() && !out.runs.back().text.empty() && out.runs.back().text.back() == ' ') {
            LineRun& r = out.runs.back();
            r.text.pop_back();
            double sw = fonts_.width(" ", r.face, size_);
            r.width -= sw;
            x -= sw;
            if (r.text.empty()) out.runs.pop_back();
        }
        out.width = x;
        lines_.push_back(std::move(out));
        line_ = LineBox{};
        x_ = 0;
    }

    double size_;
    double max_;
    const Fonts& fonts_;
    std::vector<LineBox> lines_;
    LineBox line_;
    double x_ = 0;
};

}  // namespace

std::vector<LineBox> break_lines(const std::vector<StyledText>& spans, double size,
                                 double max_width, const Fonts& fonts) {
    return Breaker(size, max_width, fonts).run(spans);
}

std::vector<std::string> split_long_word(std::string_view word) {
    // A web address breaks only after / or . (a break at a hyphen would read as part of it).
    const bool address = word.find("://") != std::string_view::npos || word.substr(0, 4) == "www.";
    std::vector<std::string> segments;
    std::string seg;
    for (char c : word) {
        seg += c;
        if (c == '/' || c == '.' ||
            (!address && (c == '-' || c == '_' || c == '?' || c == '&' || c == '='))) {
            segments.push_back(std::move(seg));
            seg.clear();
        }
    }
    if (!seg.empty()) segments.push_back(std::move(seg));
    return segments;
}

std::string longest_unbreakable(std::string_view word) {
    if (word.size() <= kLongWord) return std::string(word);
    std::string best;
    for (auto& sg : split_long_word(word))
        if (sg.size() > best.size()) best = std::move(sg);
    return best;
}

bool looks_like_date(std::string_view text) {
    auto words = core::split(core::trim(text), ' ');
    if (words.size() < 2 || words.size() > 3) return false;
    auto digits = [](const std::string& w, std::size_t lo, std::size_t hi) {
        return w.size() >= lo && w.size() <= hi &&
               std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    auto month = [](const std::string& w) {
        for (int m = 1; m <= 12; ++m) {
            std::string_view name = core::month_name(m);
            if (w == name || w == name.substr(0, 3)) return true;
        }
        return false;
    };
    if (words.size() == 2) return month(words[0]) && digits(words[1], 4, 4);
    return digits(words[0], 1, 2) && month(words[1]) && digits(words[2], 4, 4);
}

double ColumnNeeds::min_total() const { return std::accumulate(min.begin(), min.end(), 0.0); }

ColumnNeeds measure_columns(const std::vector<std::vector<CellText>>& rows, std::size_t ncol,
                            double size, double pad_x, const Fonts& fonts) {
    ColumnNeeds need{std::vector<double>(ncol, 0), std::vector<double>(ncol, 0)};
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size() && i < ncol; ++i) {
            const CellText& cell = row[i];
            double line = 0;
            for (const auto& sp : cell.spans) {
                line += fonts.width(sp.text, sp.face, size);
                for (const auto& word : core::split(sp.text, ' ')) {
                    std::string piece = cell.header ? word : longest_unbreakable(word);
                    need.min[i] = std::max(need.min[i], fonts.width(piece, sp.face, size) + 2 * pad_x);
                }
            }
            need.pref[i] = std::max(need.pref[i], line + 2 * pad_x);
            bool one_line = cell.nowrap || (cell.spans.size() == 1 && looks_like_date(cell.spans.front().text));
            if (one_line) need.min[i] = std::max(need.min[i], line + 2 * pad_x);
        }
    }
    for (std::size_t i = 0; i < ncol; ++i) need.pref[i] = std::max(need.pref[i], need.min[i]);
    return need;
}

}  // namespace engine::layout
