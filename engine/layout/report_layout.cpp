#include "engine/layout/report_layout.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "engine/core/number_format.h"
#include "engine/core/text.h"
#include "engine/layout/text_layout.h"

namespace engine::layout {

using templating::Align;
using templating::DocTree;
using templating::PageStyle;

namespace {

Rgb rgb(const templating::Rgb& c) { return {c.r, c.g, c.b}; }
constexpr Rgb kWhite{255, 255, 255};
const Tag kLayout = Tag::as(Artifact::Layout);  // rules, fills, backgrounds, the logo
// A chart without a `min_height` may shrink to this share of its height to stay on the page
// with its lead-in instead of leaving the rest of the page empty.
constexpr double kChartMinShare = 0.8;
constexpr double kChartMinBox = 80;  // the smallest chart box the charts can draw in (points)

// ---- pieces and blocks ---------------------------------------------------------------------

struct Mark {  // a heading placed in this piece: for the outline and the contents page
    std::string title;
    int level = 0;
    bool in_contents = true;
    double y = 0;
};

struct Piece {
    double height = 0;
    std::vector<PageItem> items;  // y relative to the piece's top
    std::vector<Mark> marks;
};

struct Block {
    enum class Kind { Flow, Whole, Break, Contents };
    Kind kind = Kind::Flow;
    double space_before = 0;
    double space_after = 0;
    std::vector<Piece> pieces;
    std::optional<Piece> repeat;  // drawn again at the top of each continuation page
    int lead = 0;                 // the first `lead` pieces stay with the piece after them
    int min_start = 1;            // orphan control: lines left at the foot of a page
    int min_end = 1;              // widow control: lines carried to the next page
    bool keep_with_next = false;
    bool when_needed = false;  // a Break: only when the page is at least three quarters full
    int contents_entries = 0;
    double shrink = 0;  // a chart may lose up to this much height to stay on the page
};

void shift(PageItem& item, double dx, double dy) {
    std::visit(
        [&](auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, Line>) {
                it.x1 += dx;
                it.x2 += dx;
                it.y1 += dy;
                it.y2 += dy;
            } else {
                it.x += dx;
                it.y += dy;
            }
        },
        item);
}

class Builder {
public:
    Builder(const DocTree& doc, const Fonts& fonts, int chart_count)
        : doc_(doc), st_(doc.style), fonts_(fonts), chart_sizes_(static_cast<std::size_t>(chart_count)) {
        left_ = st_.margin_left;
        width_ = st_.width - st_.margin_left - st_.margin_right;
        body_ = st_.body_size;
        line_h_ = body_ * st_.line_spacing;
        // Hanging numbers get a column when the document numbers its paragraphs.
        for (const auto& b : doc.blocks) {
            if (const auto* p = std::get_if<templating::Paragraph>(&b); p && !p->number.empty())
                numbered_ = true;
            if (const auto* h = std::get_if<templating::Heading>(&b); h && !h->number.empty())
                numbered_ = true;
        }
        num_w_ = numbered_ ? std::max(36.0, fonts_.width("8.8.88", FontFace::Regular, body_) + 10) : 0;
        titled_ = doc.front.kind != templating::FrontMatter::Kind::None && !doc.front.title.empty();
    }

    std::vector<Block> build() {
        front();
        for (const auto& b : doc_.blocks) {
            std::visit([&](const auto& x) { add(x); }, b);
            const auto* p = std::get_if<templating::Paragraph>(&b);
            lead_in_ = p && p->style != templating::ParagraphStyle::Small;
        }
        return std::move(blocks_);
    }

    StructureTree& structure() { return tree_; }
    int contents_element() const { return toc_; }

    std::vector<ChartSize> chart_sizes() const { return chart_sizes_; }
    std::vector<core::Diagnostic> take_errors() { return std::move(errors_); }
    double num_w() const { return num_w_; }

    // Draws lines [from, to) of text into a piece at x, starting at y (top of the first line
    // drawn); the last line of `lines` is the paragraph's last however the lines are split.
    double draw_lines(Piece& p, const std::vector<LineBox>& lines, double x, double y, double size,
                      double lh, double box_w = 0, Align align = Align::Left, std::size_t from = 0,
                      std::size_t to = static_cast<std::size_t>(-1)) {
        double asc = fonts_.ascent(size);
        double half_leading = (lh - (asc + fonts_.descent(size))) / 2;
        for (std::size_t i = from; i < lines.size() && i < to; ++i) {
            const LineBox line = i + 1 < lines.size() ? spaced(lines[i]) : lines[i];
            double dx = 0;
            if (align == Align::Right) dx = box_w - line.width;
            else if (align == Align::Centre) dx = (box_w - line.width) / 2;
            double base = y + half_leading + asc;
            for (const auto& r : line.runs) {
                if (r.text.empty()) continue;
                Tag tag = r.link.empty() ? end_link() : link_tag(r.link, r.text);
                p.items.push_back(TextRun{x + dx + r.x, base, r.face, size, r.color, r.text, tag});
                if (!r.link.empty())
                    p.items.push_back(Link{x + dx + r.x, y, r.width, lh, r.link, -1, 0, tag});
            }
            y += lh;
        }
        return y;
    }

    std::vector<StyledText> styled(const templating::RichText& t, Rgb color, FontFace base = FontFace::Regular) const {
        std::vector<StyledText> out;
        for (const auto& s : t) {
            FontFace f = base;
            if (s.bold) f = FontFace::Bold;
            else if (s.italic) f = FontFace::Italic;
            Rgb c = s.link.empty() ? color : rgb(st_.accent);
            out.push_back({s.text, f, c, s.link});
        }
        return out;
    }

    std::vector<StyledText> one(const std::string& text, FontFace f, Rgb color) const {
        return {{text, f, color, {}}};
    }

private:
    // ---- structure ----
    // Opens a structure element under `parent` (the root by default) and makes it the one
    // that text drawn from now on belongs to.
    int open(StructType type, int parent = 0) {
        int e = tree_.add(type, parent);
        cur_ = Tag::of(e);
        return e;
    }
    // Heading levels: H1 is the report's title when the front block shows one, so numbered
    // sections are H2 and sub-sections H3; without a title, sections are H1.
    StructType heading_type(int level) const {
        static constexpr StructType kLevels[] = {StructType::H1, StructType::H2, StructType::H3,
                                                 StructType::H4, StructType::H5, StructType::H6};
        int n = std::clamp(level + (titled_ ? 1 : 0), 0, 5);
        return kLevels[n];
    }
    // A link's runs (over one or several lines) form one Link element under the current one;
    // its text becomes the description of each of its annotations.
    Tag link_tag(const std::string& uri, const std::string& text) {
        if (link_ < 0 || uri != link_uri_ || link_parent_ != cur_.element) {
            link_ = tree_.add(StructType::Link, cur_.element);
            link_uri_ = uri;
            link_parent_ = cur_.element;
        }
        std::string& alt = tree_[link_].alt;
        if (!alt.empty() && alt.back() != ' ' && text.front() != ' ') alt += ' ';
        alt += text;
        return Tag::of(link_);
    }
    Tag end_link() {
        link_ = -1;
        return cur_;
    }
    static Piece as_artifact(Piece p, Artifact kind) {
        for (auto& item : p.items) std::visit([kind](auto& it) { it.tag = Tag::as(kind); }, item);
        return p;
    }

    // A line that another follows ends with a space (invisible), so that text read from the
    // structure tree (a screen reader, pdfinfo -struct-text) keeps the words apart.
    static LineBox spaced(LineBox line) {
        if (!line.word_continues && !line.runs.empty() && line.runs.back().text.back() != ' ')
            line.runs.back().text += ' ';
        return line;
    }
    // A separate run drawn before text (a number, a label, a marker) ends with a space too.
    static std::string spaced(const std::string& text) { return text + ' '; }
    static std::vector<LineBox> spaced(std::vector<LineBox> label) {
        if (!label.empty()) label.back() = spaced(label.back());
        return label;
    }

    // A flow block: one piece per line, so paragraphs can split between pages.
    Block lines_block(const std::vector<LineBox>& lines, double x, double size, double lh,
                      double space_before, double space_after) {
        Block b;
        b.space_before = space_before;
        b.space_after = space_after;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            Piece p;
            p.height = lh;
            draw_lines(p, {i + 1 < lines.size() ? spaced(lines[i]) : lines[i]}, x, 0, size, lh);
            b.pieces.push_back(std::move(p));
        }
        // No single line alone at the foot or the head of a page.
        b.min_start = lines.size() >= 4 ? 2 : static_cast<int>(lines.size());
        b.min_end = lines.size() >= 4 ? 2 : static_cast<int>(lines.size());
        return b;
    }

    void front() {
        const auto& f = doc_.front;
        Rgb text = rgb(st_.text);
        if (f.kind == templating::FrontMatter::Kind::None) return;
        Piece p;
        double y = 0;
        if (f.kind == templating::FrontMatter::Kind::TitlePage) {
            if (!st_.logo.empty())
                p.items.push_back(Image{left_, 0, st_.logo_height * 3, st_.logo_height, st_.logo, kLayout});
            y = (st_.height - st_.margin_top - st_.margin_bottom) * 0.28;
            p.items.push_back(Rect{left_, y - 18, 60, 5, rgb(st_.accent), std::nullopt, 0, kLayout});
            const double ts = st_.title_size > 0 ? st_.title_size : 26;
            auto tl = break_lines(one(f.title, FontFace::Bold, rgb(st_.accent)), ts, width_, fonts_);
            open(StructType::H1);
            y = draw_lines(p, tl, left_, y, ts, ts * 1.23);
            if (!f.subtitle.empty()) {
                open(StructType::P);
                y += 6;
                auto sl = break_lines(one(f.subtitle, FontFace::Regular, text), 15, width_, fonts_);
                y = draw_lines(p, sl, left_, y, 15, 20);
            }
            y += 24;
            for (const auto& [label, value] : f.fields) {
                open(StructType::P);
                auto vl = break_lines(one(value, FontFace::Regular, text), body_, width_ - 90, fonts_);
                draw_lines(p, spaced(break_lines(one(label, FontFace::Bold, text), body_, 86, fonts_)), left_, y, body_, line_h_);
                y = draw_lines(p, vl, left_ + 90, y, body_, line_h_) + 2;
            }
            p.height = y;
            Block b;
            b.kind = Block::Kind::Whole;
            b.pieces.push_back(std::move(p));
            blocks_.push_back(std::move(b));
            Block br;
            br.kind = Block::Kind::Break;
            blocks_.push_back(std::move(br));
            return;
        }
        // Board paper: title, then To / Date / From lines, then a rule.
        double logo_w = 0;
        if (!st_.logo.empty()) {
            logo_w = st_.logo_height * 3;
            p.items.push_back(Image{left_ + width_ - logo_w, 0, logo_w, st_.logo_height, st_.logo, kLayout});
        }
        const double title_size = st_.title_size > 0 ? st_.title_size : body_ + 4;
        auto tl = break_lines(one(f.title, FontFace::Bold, text), title_size, width_ - logo_w - (logo_w > 0 ? 12 : 0), fonts_);
        open(StructType::H1);
        y = draw_lines(p, tl, left_, 0, title_size, title_size * 1.25);
        if (!f.subtitle.empty()) open(StructType::P);
        if (!f.subtitle.empty()) y = draw_lines(p, break_lines(one(f.subtitle, FontFace::Regular, text), body_, width_, fonts_), left_, y, body_, line_h_);
        y = std::max(y, logo_w > 0 ? st_.logo_height : 0.0) + 10;
        double label_w = 0;
        for (const auto& fld : f.fields)
            label_w = std::max(label_w, fonts_.width(fld.first + ":", FontFace::Bold, body_));
        label_w += 12;
        for (const auto& [label, value] : f.fields) {
            open(StructType::P);  // a labelled paragraph: "To:" then its value
            draw_lines(p, spaced(break_lines(one(label + ":", FontFace::Bold, text), body_, label_w, fonts_)), left_, y, body_, line_h_);
            y = draw_lines(p, break_lines(one(value, FontFace::Regular, text), body_, width_ - label_w, fonts_), left_ + label_w, y, body_, line_h_) + 3;
        }
        y += 6;
        p.items.push_back(Line{left_, y, left_ + width_, y, rgb(st_.accent), 1.5, kLayout});
        p.height = y + 4;
        Block b;
        b.kind = Block::Kind::Whole;
        b.space_after = 8;
        b.pieces.push_back(std::move(p));
        blocks_.push_back(std::move(b));
    }

    void add(const templating::Heading& h) {
        double size = h.level == 0 ? body_ + 1.5 : body_;
        double lh = size * 1.25;
        Rgb c = rgb(st_.text);
        double x = left_ + (h.number.empty() ? 0 : num_w_);
        auto lines = break_lines(one(h.text, FontFace::Bold, c), size, left_ + width_ - x, fonts_);
        Piece p;
        open(heading_type(h.level));
        if (!h.number.empty()) {
            double asc = fonts_.ascent(size);
            p.items.push_back(TextRun{left_, (lh - asc - fonts_.descent(size)) / 2 + asc, FontFace::Bold, size, c, spaced(h.number), cur_});
        }
        p.height = draw_lines(p, lines, x, 0, size, lh);
        std::string title = h.number.empty() ? h.text : h.number + " " + h.text;
        if (h.in_outline) p.marks.push_back({title, h.level, h.in_contents, 0});
        Block b;
        b.kind = Block::Kind::Whole;
        b.space_before = h.level == 0 ? 16 : 10;
        b.space_after = h.level == 0 ? 6 : 4;
        b.keep_with_next = true;
        b.pieces.push_back(std::move(p));
        blocks_.push_back(std::move(b));
    }

    void add(const templating::Paragraph& para) {
        double size = body_;
        Rgb color = rgb(st_.text);
        if (para.style == templating::ParagraphStyle::Small) {
            size = body_ - 2.5;
            color = rgb(st_.muted);
        } else if (para.style == templating::ParagraphStyle::Lead) {
            size = body_ + 2;
        }
        double lh = size * st_.line_spacing;
        double x = left_ + (para.number.empty() ? (numbered_ && para.style != templating::ParagraphStyle::Small ? num_w_ : 0) : num_w_);
        auto lines = break_lines(styled(para.text, color), size, left_ + width_ - x, fonts_);
        open(StructType::P);
        Block b = lines_block(lines, x, size, lh, 0, size * 0.55);
        if (!para.number.empty() && !b.pieces.empty()) {  // drawn first: read before the text
            double asc = fonts_.ascent(size);
            auto& items = b.pieces.front().items;
            items.insert(items.begin(), TextRun{left_, (lh - asc - fonts_.descent(size)) / 2 + asc, FontFace::Regular, size, color, spaced(para.number), cur_});
        }
        blocks_.push_back(std::move(b));
    }

    void add(const templating::ListBlock& l) {
        double x0 = left_ + num_w_ + (numbered_ ? 0 : 4);
        double marker_w = l.lettered ? fonts_.width("m) ", FontFace::Regular, body_) + 4 : 14;
        Rgb c = rgb(st_.text);
        const int list = open(StructType::L);
        for (std::size_t i = 0; i < l.items.size(); ++i) {
            auto lines = break_lines(styled(l.items[i], c), body_, left_ + width_ - x0 - marker_w, fonts_);
            const int item = tree_.add(StructType::LI, list);
            const int label = tree_.add(StructType::Lbl, item);
            open(StructType::LBody, item);
            Block b = lines_block(lines, x0 + marker_w, body_, line_h_, 0, i + 1 == l.items.size() ? body_ * 0.55 : 3);
            if (!b.pieces.empty()) {
                std::string marker = l.lettered ? std::string(1, static_cast<char>('a' + i % 26)) + ")" : "\xE2\x80\xA2";
                double asc = fonts_.ascent(body_);
                auto& items = b.pieces.front().items;
                items.insert(items.begin(), TextRun{x0, (line_h_ - asc - fonts_.descent(body_)) / 2 + asc, FontFace::Regular, body_, c, spaced(marker), Tag::of(label)});
            }
            blocks_.push_back(std::move(b));
        }
    }

    void add(const templating::Table& t) {
        const double pad_x = 4, pad_y = 3.5;
        Rgb text = rgb(st_.text);
        Block b;
        b.space_before = 4;
        b.space_after = 8;
        const int table = open(StructType::Table);
        std::optional<Piece> continued;  // the caption again, on each continuation page
        if (!t.caption.empty()) {
            open(StructType::Caption, table);
            const double cap_size = body_ - 1.5;
            auto caption_piece = [&](const std::string& words) {
                Piece cap;
                auto lines = break_lines(one(words, FontFace::Bold, text), cap_size, width_, fonts_);
                cap.height = draw_lines(cap, lines, left_, 0, cap_size, cap_size * 1.25) + 3;
                return cap;
            };
            b.pieces.push_back(caption_piece(t.caption));
            ++b.lead;
            continued = as_artifact(caption_piece(t.caption + " (continued)"), Artifact::Pagination);
        }
        const std::size_t ncol = t.columns.size();
        std::vector<std::vector<CellText>> grid;  // the header row, then the body rows
        grid.emplace_back();
        for (const auto& c : t.columns) grid.back().push_back({one(c.header, FontFace::Bold, text), false, true});
        std::vector<std::vector<std::optional<Rgb>>> row_fills;
        for (const auto& row : t.rows) {
            grid.emplace_back();
            row_fills.emplace_back();
            for (std::size_t i = 0; i < row.size(); ++i) {
                const auto& cell = row[i];
                Rgb c = cell.text_color ? rgb(*cell.text_color) : text;
                auto st = styled(cell.text, c, cell.bold ? FontFace::Bold : FontFace::Regular);
                if (cell.bold)
                    for (auto& sp : st)
                        if (sp.face == FontFace::Regular) sp.face = FontFace::Bold;
                bool nowrap = cell.fill.has_value() || (i < ncol && t.columns[i].nowrap);
                grid.back().push_back({std::move(st), nowrap, false});
                row_fills.back().push_back(cell.fill ? std::optional<Rgb>(rgb(*cell.fill)) : std::nullopt);
            }
        }
        // Column widths fitted to the content: no column narrower than its widest word, number
        // or status (nothing breaks inside one; headers wrap at spaces only), extra width shared
        // by how much each column would like; weights only break ties. When the columns cannot
        // fit, the text shrinks step by step to a floor, and then the table is refused.
        double size = body_ - 1.5;
        const double floor = std::min(size, kTableMinSize);
        ColumnNeeds need = measure_columns(grid, ncol, size, pad_x, fonts_);
        while (need.min_total() > width_ + 1e-6 && size > floor) {
            size = std::max(floor, size - kTableSizeStep);
            need = measure_columns(grid, ncol, size, pad_x, fonts_);
        }
        if (need.min_total() > width_ + 1e-6) too_wide(t, need, size);
        const double lh = size * 1.25;
        const std::vector<double>& min_w = need.min;
        const std::vector<double>& pref_w = need.pref;
        double sum_min = 0, sum_pref = 0, sum_weight = 0;
        for (std::size_t i = 0; i < ncol; ++i) {
            sum_min += min_w[i];
            sum_pref += pref_w[i];
            sum_weight += t.columns[i].weight;
        }
        std::vector<double> xs, ws;
        double x = left_;
        for (std::size_t i = 0; i < ncol; ++i) {
            double w;
            if (sum_pref <= width_)
                w = pref_w[i] + (width_ - sum_pref) * t.columns[i].weight / sum_weight;
            else if (sum_min <= width_ && sum_pref > sum_min)
                w = min_w[i] + (width_ - sum_min) * (pref_w[i] - min_w[i]) / (sum_pref - sum_min);
            else
                w = width_ * (sum_min > 0 ? min_w[i] / sum_min : 1.0 / static_cast<double>(ncol));
            xs.push_back(x);
            ws.push_back(w);
            x += w;
        }
        // One TR of TH (header) or TD cells under `group` (THead or TBody): one piece, or
        // for a row taller than a page (a long action), one piece per page-full of its lines,
        // each under the same TR and cells, so the row continues on the next page below the
        // repeated header and no line is drawn outside the page.
        auto row_pieces = [&](const std::vector<std::vector<StyledText>>& cells,
                              const std::vector<std::optional<Rgb>>& fills, bool header, int group,
                              double header_height) {
            const int tr = tree_.add(StructType::TR, group);
            std::vector<std::vector<LineBox>> laid;
            std::size_t max_lines = 1;
            for (std::size_t i = 0; i < cells.size() && i < ws.size(); ++i) {
                laid.push_back(break_lines(cells[i], size, ws[i] - 2 * pad_x, fonts_));
                max_lines = std::max(max_lines, laid.back().size());
            }
            const double page_body = st_.height - st_.margin_top - st_.margin_bottom;
            const double room = page_body - header_height - 2 * pad_y - 1;
            const std::size_t per_piece = std::max<std::size_t>(1, static_cast<std::size_t>(room / lh));
            std::vector<int> cell_ids;
            std::vector<Piece> out;
            for (std::size_t from = 0; from < max_lines; from += per_piece) {
                const std::size_t to = std::min(max_lines, from + per_piece);
                const bool last = to == max_lines;
                Piece p;
                p.height = static_cast<double>(to - from) * lh + 2 * pad_y;
                if (header) p.items.push_back(Rect{left_, 0, width_, p.height, rgb(st_.table_header), std::nullopt, 0, kLayout});
                for (std::size_t i = 0; i < laid.size(); ++i) {
                    // The status fill only where its word is: colour never stands alone.
                    if (i < fills.size() && fills[i] && from == 0)
                        p.items.push_back(Rect{xs[i] + 1, 1, ws[i] - 2, p.height - 2, *fills[i], std::nullopt, 0, kLayout});
                    if (from == 0) {
                        cell_ids.push_back(open(header ? StructType::TH : StructType::TD, tr));
                        if (header) tree_[cell_ids.back()].scope = HeaderScope::Column;
                    } else {
                        cur_ = Tag::of(cell_ids[i]);
                    }
                    draw_lines(p, laid[i], xs[i] + pad_x, pad_y, size, lh, ws[i] - 2 * pad_x,
                               t.columns[i].align, from, to);
                }
                if (last)
                    p.items.push_back(Line{left_, p.height, left_ + width_, p.height,
                                           header ? rgb(st_.text) : rgb(st_.rule), header ? 1.0 : 0.5, kLayout});
                out.push_back(std::move(p));
            }
            return out;
        };
        auto spans_of = [](const std::vector<CellText>& row) {
            std::vector<std::vector<StyledText>> cells;
            for (const auto& c : row) cells.push_back(c.spans);
            return cells;
        };
        std::vector<Piece> header_pieces =
            row_pieces(spans_of(grid.front()), {}, true, tree_.add(StructType::THead, table), 0);
        Piece header = std::move(header_pieces.front());  // a header row never fills a page
        b.pieces.push_back(header);
        ++b.lead;
        b.repeat = as_artifact(header, Artifact::Pagination);
        if (continued) {  // "Table 2: … (continued)" above the repeated header
            for (PageItem item : b.repeat->items) {
                shift(item, 0, continued->height);
                continued->items.push_back(std::move(item));
            }
            continued->height += b.repeat->height;
            b.repeat = std::move(continued);
        }
        const int body = tree_.add(StructType::TBody, table);
        if (t.rows.empty()) {
            const int cell = open(StructType::TD, tree_.add(StructType::TR, body));
            tree_[cell].column_span = static_cast<int>(ncol);
            Piece p;
            auto lines = break_lines(one(t.empty_text, FontFace::Italic, rgb(st_.muted)), size, width_ - 2 * pad_x, fonts_);
            p.height = draw_lines(p, lines, left_ + pad_x, pad_y, size, lh) + pad_y;
            b.pieces.push_back(std::move(p));
        }
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            for (auto& p : row_pieces(spans_of(grid[r + 1]), row_fills[r], false, body, b.repeat->height))
                b.pieces.push_back(std::move(p));
        b.min_start = std::min<int>(b.lead + 1, static_cast<int>(b.pieces.size()));
        b.min_end = 1;
        blocks_.push_back(std::move(b));
        if (!t.source.empty()) {  // "Source: …", a P after the table, kept with its last row
            Block s;
            s.kind = Block::Kind::Whole;
            s.pieces.push_back(source_piece(t.source));
            blocks_.back().space_after = 0;
            blocks_.back().keep_with_next = true;
            s.space_after = 8;
            blocks_.push_back(std::move(s));
        }
        if (!t.note.empty()) {
            const int note = open(StructType::Note);
            tree_[note].id = "note-" + std::to_string(note);
            auto lines = break_lines(one(t.note, FontFace::Regular, rgb(st_.muted)), body_ - 2.5, width_, fonts_);
            Block n = lines_block(lines, left_, body_ - 2.5, (body_ - 2.5) * 1.3, 0, 8);
            n.min_start = n.min_end = static_cast<int>(n.pieces.size());  // the note is read whole
            blocks_.back().space_after = 3;
            blocks_.back().keep_with_next = true;  // the last row goes over with the note
            blocks_.push_back(std::move(n));
        }
    }

    // A table whose columns cannot fit even at the smallest text: an error naming it and the
    // widths its columns need, instead of a table with broken words.
    // A length in points for a message, to 0.1 pt: geometry is double, text goes through the
    // one number formatter.
    static std::string pt_text(double v) {
        return core::format_fixed(core::Exact::ratio(std::llround(v * 10), 10), 1);
    }

    // The "Source: …" line under a chart or table: its own P, small and muted like a note.
    double source_size() const { return body_ - 2.5; }
    double source_height(const std::string& source) const {
        const double size = source_size();
        return static_cast<double>(break_lines(one(source, FontFace::Regular, rgb(st_.muted)), size, width_, fonts_).size()) *
                   size * 1.3 + 3;
    }
    Piece source_piece(const std::string& source) {
        open(StructType::P);
        Piece p;
        const double size = source_size();
        auto lines = break_lines(one(source, FontFace::Regular, rgb(st_.muted)), size, width_, fonts_);
        p.height = draw_lines(p, lines, left_, 3, size, size * 1.3);
        return p;
    }
    // The last run of a line that another text follows ends with a space (see spaced()).
    static PageItem spaced_run(PageItem item) {
        if (auto* r = std::get_if<TextRun>(&item); r && !r->text.empty() && r->text.back() != ' ') r->text += ' ';
        return item;
    }

    void too_wide(const templating::Table& t, const ColumnNeeds& need, double size) {
        std::vector<std::string> cols;
        for (std::size_t i = 0; i < t.columns.size(); ++i)
            cols.push_back("'" + t.columns[i].header + "' " + pt_text(need.min[i]));
        std::string name = t.caption.empty() ? "a table" : "table '" + t.caption + "'";
        errors_.push_back({core::Severity::Error, t.where,
                           name + " does not fit the text width of " + pt_text(width_) +
                               " pt even with its text at " + pt_text(size) +
                               " pt: its " + std::to_string(t.columns.size()) + " columns need at least " +
                               pt_text(need.min_total()) + " pt (" + core::join(cols, ", ") + ")",
                           {"drop or merge columns, shorten the widest headers or cells, or make the "
                            "text width larger (style.margins)"}});
    }

    void add(const templating::ChartBlock& c) {
        Piece p;
        double y = 0;
        double size = body_ - 1.5;
        const int figure = open(StructType::Figure);
        tree_[figure].alt = c.alt_text;
        if (!c.caption.empty() || !c.subtitle.empty()) {  // one Caption: the title, then the subtitle
            open(StructType::Caption, figure);
            auto lines = break_lines(one(c.caption, FontFace::Bold, rgb(st_.text)), size, width_, fonts_);
            y = draw_lines(p, lines, left_, 0, size, size * 1.25);
            if (!c.subtitle.empty()) {
                if (!lines.empty()) p.items.back() = spaced_run(p.items.back());
                auto sub = break_lines(one(c.subtitle, FontFace::Regular, rgb(st_.muted)), size, width_, fonts_);
                y = draw_lines(p, sub, left_, y + 1, size, size * 1.25);
            }
            y += 4;
        }
        const double source_h = c.source.empty() ? 0 : source_height(c.source);
        double max_h = st_.height - st_.margin_top - st_.margin_bottom - y - source_h - 8;
        // `height` is the figure's, its title and subtitle included (they were drawn inside
        // the chart before the report printed them), so the words take no extra room.
        const double words = y;
        const double floor_h = std::min(c.height, std::max(c.height * 0.6, kChartMinBox));
        double h = std::min(std::max(c.height - words, floor_h), max_h);
        p.items.push_back(ChartPlacement{left_, y, width_, h, c.chart, Tag::of(figure)});
        if (c.chart >= 0 && static_cast<std::size_t>(c.chart) < chart_sizes_.size())
            chart_sizes_[static_cast<std::size_t>(c.chart)] = {width_, h};
        p.height = y + h;
        if (!c.source.empty()) {  // a P right after the Figure, drawn under the chart
            Piece s = source_piece(c.source);
            for (PageItem item : s.items) {
                shift(item, 0, p.height);
                p.items.push_back(std::move(item));
            }
            p.height += s.height;
        }
        Block b;
        b.kind = Block::Kind::Whole;
        b.space_before = 6;
        b.space_after = c.source.empty() ? 10 : 5;  // the source line closes the figure
        const double min_total = c.min_height > 0 ? c.min_height : c.height * kChartMinShare;
        const double min_h = std::max(min_total - words, std::min(h, std::max(min_total * 0.6, kChartMinBox)));
        if (min_h < h) b.shrink = h - min_h;
        b.pieces.push_back(std::move(p));
        // The paragraph that introduces the chart goes over with it (its last lines, when long).
        if (lead_in_ && !blocks_.empty()) blocks_.back().keep_with_next = true;
        blocks_.push_back(std::move(b));
    }

    void add(const templating::Quote& q) {
        Piece p;
        double x = left_ + num_w_ + 14;
        double w = left_ + width_ - x;
        auto lines = break_lines(styled(q.text, rgb(st_.text), FontFace::Italic), body_, w, fonts_);
        const int quote = open(StructType::BlockQuote);
        open(StructType::P, quote);
        double y = draw_lines(p, lines, x, 0, body_, line_h_);
        if (!q.attribution.empty()) {
            open(StructType::P, quote);
            auto al = break_lines(one("\xE2\x80\x94 " + q.attribution, FontFace::Regular, rgb(st_.muted)), body_ - 1.5, w, fonts_);
            y = draw_lines(p, al, x, y + 2, body_ - 1.5, (body_ - 1.5) * 1.3);
        }
        p.items.insert(p.items.begin(), Rect{left_ + num_w_, 0, 3, y, rgb(st_.accent), std::nullopt, 0, kLayout});
        p.height = y;
        Block b;
        b.kind = Block::Kind::Whole;
        b.space_before = 4;
        b.space_after = 10;
        b.pieces.push_back(std::move(p));
        blocks_.push_back(std::move(b));
    }

    void add(const templating::Callout& c) {
        Piece p;
        const double pad = 10;
        double x = left_ + pad;
        double w = width_ - 2 * pad;
        double y = pad;
        Rgb text = rgb(st_.text);
        const int box = open(StructType::Div);
        if (!c.title.empty()) {
            open(StructType::P, box);
            auto tl = break_lines(one(c.title, FontFace::Bold, rgb(st_.accent)), body_ + 1, w, fonts_);
            y = draw_lines(p, tl, x, y, body_ + 1, (body_ + 1) * 1.3) + 2;
        }
        const int list = c.items.empty() ? -1 : tree_.add(StructType::L, box);
        for (const auto& item : c.items) {
            auto lines = break_lines(styled(item, text), body_, w - 14, fonts_);
            double asc = fonts_.ascent(body_);
            const int li = tree_.add(StructType::LI, list);
            p.items.push_back(TextRun{x, y + (line_h_ - asc - fonts_.descent(body_)) / 2 + asc, FontFace::Regular, body_, rgb(st_.accent), spaced("\xE2\x96\xA0"), Tag::of(tree_.add(StructType::Lbl, li))});
            open(StructType::LBody, li);
            y = draw_lines(p, lines, x + 14, y, body_, line_h_) + 3;
        }
        y += pad - 3;
        p.items.insert(p.items.begin(), Rect{left_, 0, width_, y, rgb(st_.table_header), std::nullopt, 0, kLayout});
        p.items.insert(p.items.begin() + 1, Rect{left_, 0, 4, y, rgb(st_.accent), std::nullopt, 0, kLayout});
        p.height = y;
        Block b;
        b.kind = Block::Kind::Whole;
        b.space_before = 6;
        b.space_after = 12;
        b.pieces.push_back(std::move(p));
        blocks_.push_back(std::move(b));
    }

    void add(const templating::PageBreak& pb) {
        Block b;
        b.kind = Block::Kind::Break;
        b.when_needed = pb.when_needed;
        blocks_.push_back(std::move(b));
    }

    void add(const templating::Contents& c) {
        Block b;
        b.kind = Block::Kind::Contents;
        b.space_after = 12;
        Piece title;
        open(heading_type(0));
        auto tl = break_lines(one(c.title, FontFace::Bold, rgb(st_.text)), body_ + 1.5, width_, fonts_);
        title.height = draw_lines(title, tl, left_, 0, body_ + 1.5, (body_ + 1.5) * 1.25) + 6;
        b.pieces.push_back(std::move(title));
        toc_ = tree_.add(StructType::TOC, 0);
        b.lead = 1;
        for (const auto& blk : doc_.blocks)
            if (const auto* h = std::get_if<templating::Heading>(&blk); h && h->in_contents && h->in_outline) {
                Piece line;
                line.height = line_h_;
                b.pieces.push_back(std::move(line));
                ++b.contents_entries;
            }
        blocks_.push_back(std::move(b));
    }

    void add(const templating::Spacer& s) {
        Block b;
        b.kind = Block::Kind::Whole;
        Piece p;
        p.height = s.height;
        b.pieces.push_back(std::move(p));
        blocks_.push_back(std::move(b));
    }

    const DocTree& doc_;
    const PageStyle& st_;
    const Fonts& fonts_;
    std::vector<Block> blocks_;
    std::vector<ChartSize> chart_sizes_;
    std::vector<core::Diagnostic> errors_;
    double left_ = 0, width_ = 0, body_ = 11, line_h_ = 14, num_w_ = 0;
    bool numbered_ = false;
    StructureTree tree_;
    Tag cur_ = Tag::of(0);
    bool titled_ = false;  // the front block shows the title (as H1)
    bool lead_in_ = false;  // the block just added is a paragraph: a chart after it is its lead-in
    int toc_ = -1;         // the TOC element of the contents page
    int link_ = -1, link_parent_ = -1;  // the Link element being drawn, and its parent
    std::string link_uri_;
};

// ---- pagination -----------------------------------------------------------------------------

struct PlacedMark {
    Mark mark;
    int page;
    double y;
};

class Paginator {
public:
    Paginator(const PageStyle& st) : st_(st) {
        top_ = st.margin_top;
        bottom_ = st.height - st.margin_bottom;
    }

    void run(std::vector<Block>& blocks) {
        new_page();
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            Block& b = blocks[i];
            if (b.kind == Block::Kind::Break) {
                // when_needed: a page less than three quarters full goes on (it would be left
                // more than a quarter empty: docs/templates.md, pages).
                const bool full_enough = y_ - top_ >= 0.75 * page_height() - 1e-6;
                if (!at_top() && (!b.when_needed || full_enough)) new_page();
                continue;
            }
            double before = at_top() ? 0 : b.space_before;
            if (b.shrink > 0 && y_ + before + first_unit(b) > bottom_ + 1e-6) {
                double over = y_ + before + first_unit(b) - bottom_;
                if (over <= b.shrink + 1e-6) shrink_chart(b, over);
            }
            // What must share this page with the block's start: its first unit, and for a
            // block kept with the next one (a heading, a chart's lead-in, a table before its
            // note) the start of the chain after it, as long as that chain fits on a page.
            double need = before + first_unit(b);
            const double chain = before + chain_need(blocks, i);
            if (chain <= page_height() + 1e-6) need = std::max(need, chain);
            if (y_ + need > bottom_ + 1e-6 && !at_top()) {
                new_page();
                before = 0;
            }
            y_ += before;
            place_block(b, follow_need(blocks, i));
            y_ += b.space_after;
        }
    }

    std::vector<Page>& pages() { return pages_; }
    std::vector<PlacedMark>& marks() { return marks_; }
    struct ContentsSlot {
        int page;
        double y;
        std::size_t item;  // where its entry goes in the page's items: in reading order
    };
    std::vector<ContentsSlot>& contents_slots() { return contents_slots_; }

private:
    bool at_top() const { return y_ <= top_ + 1e-6; }

    // Takes `by` points off a chart block's chart box (it is drawn later at the new size); what
    // is drawn under the chart (its source line, added after it) moves up with its bottom, so
    // it stays above the page's bottom margin and the running footer.
    static void shrink_chart(Block& b, double by) {
        for (auto& p : b.pieces) {
            bool under_chart = false;
            for (auto& item : p.items) {
                if (auto* c = std::get_if<ChartPlacement>(&item)) {
                    c->h -= by;
                    under_chart = true;
                } else if (under_chart) {
                    shift(item, 0, -by);
                }
            }
            p.height -= by;
        }
        b.shrink -= by;
    }

    void new_page() {
        Page p;
        p.width = st_.width;
        p.height = st_.height;
        pages_.push_back(std::move(p));
        y_ = top_;
    }

    double page_height() const { return bottom_ - top_; }

    // A block that cannot break across pages: anything but a flow, or a flow too short to
    // leave its orphan and widow minimums on two pages.
    static bool unbreakable(const Block& b) {
        if (b.kind != Block::Kind::Flow && b.kind != Block::Kind::Contents) return true;
        return static_cast<int>(b.pieces.size()) < std::max(b.min_start, b.lead + 1) + b.min_end;
    }

    // The height a block may be placed at: a chart that may shrink counts at its smallest.
    static double whole_height(const Block& b) {
        double h = 0;
        for (const auto& p : b.pieces) h += p.height;
        return h - b.shrink;
    }

    // Height, from the top of block i, of what must be on the same page as its start: its
    // first unit, and when it is kept with the next block and cannot break, all of it, the
    // spacing and the next block's own chain. A chain ends at a page break.
    static double chain_need(const std::vector<Block>& blocks, std::size_t i) {
        const Block& b = blocks[i];
        if (!unbreakable(b)) return first_unit(b);
        double h = whole_height(b);
        if (b.keep_with_next && i + 1 < blocks.size() && blocks[i + 1].kind != Block::Kind::Break)
            h += b.space_after + blocks[i + 1].space_before + chain_need(blocks, i + 1);
        return h;
    }

    // For a block that can break and is kept with the next: what its last pieces must share a
    // page with (0 when nothing follows it that way).
    static double follow_need(const std::vector<Block>& blocks, std::size_t i) {
        const Block& b = blocks[i];
        if (!b.keep_with_next || unbreakable(b) || i + 1 >= blocks.size() ||
            blocks[i + 1].kind == Block::Kind::Break)
            return 0;
        return b.space_after + blocks[i + 1].space_before + chain_need(blocks, i + 1);
    }

    // Height of what must stay together at the start of a block.
    static double first_unit(const Block& b) {
        if (b.kind != Block::Kind::Flow && b.kind != Block::Kind::Contents) {
            double h = 0;
            for (const auto& p : b.pieces) h += p.height;
            return h;
        }
        double h = 0;
        int n = std::min<int>(static_cast<int>(b.pieces.size()), std::max(b.min_start, b.lead + 1));
        for (int i = 0; i < n; ++i) h += b.pieces[static_cast<std::size_t>(i)].height;
        return h;
    }

    void put(const Piece& p, bool is_contents_line = false) {
        Page& page = pages_.back();
        for (PageItem item : p.items) {
            shift(item, 0, y_);
            page.items.push_back(std::move(item));
        }
        for (const auto& m : p.marks)
            marks_.push_back({m, static_cast<int>(pages_.size()) - 1, y_ + m.y});
        if (is_contents_line) contents_slots_.push_back({static_cast<int>(pages_.size()) - 1, y_, page.items.size()});
        y_ += p.height;
    }

    // Places a block from y_, breaking a flow between pieces where the page is full; `follow`
    // (see follow_need) is what the flow's last pieces must be followed by on their page, so
    // when the rest fits but not what follows, the last min_end pieces go over with it.
    void place_block(const Block& b, double follow = 0) {
        const std::size_t n = b.pieces.size();
        if (b.kind == Block::Kind::Whole) {
            for (const auto& p : b.pieces) put(p);
            return;
        }
        const bool contents = b.kind == Block::Kind::Contents;
        std::size_t i = 0;
        while (i < n) {
            // How many pieces fit from i on this page?
            std::size_t fit = 0;
            double y = y_;
            while (i + fit < n && y + b.pieces[i + fit].height <= bottom_ + 1e-6) {
                y += b.pieces[i + fit].height;
                ++fit;
            }
            const std::size_t tail = static_cast<std::size_t>(std::max(b.min_end, 1));
            double tail_h = 0;
            for (std::size_t k = n - std::min(tail, n); k < n; ++k) tail_h += b.pieces[k].height;
            const bool follow_fits = follow <= 0 || y + follow <= bottom_ + 1e-6 ||
                                     tail_h + follow > page_height() + 1e-6 || n - i <= tail;
            if (fit == n - i && follow_fits) {
                for (; i < n; ++i) put(b.pieces[i], contents && i > 0);
                return;
            }
            if (fit == n - i) fit = n - i - tail;  // the last lines go over with what follows
            // Splitting: respect the lead (caption + header stay with a row), orphans and widows.
            std::size_t min_first = i == 0 ? static_cast<std::size_t>(std::max(b.min_start, b.lead + 1)) : 1;
            std::size_t left_after = n - i - fit;
            if (left_after < static_cast<std::size_t>(b.min_end)) {
                std::size_t give = static_cast<std::size_t>(b.min_end) - left_after;
                fit = fit > give ? fit - give : 0;
            }
            if (fit < min_first) fit = 0;
            if (fit == 0 && at_top()) fit = std::max<std::size_t>(1, std::min(min_first, n - i));  // too tall for any page
            for (std::size_t k = 0; k < fit; ++k, ++i) put(b.pieces[i], contents && i > 0);
            new_page();
            if (b.repeat && i < n && i >= static_cast<std::size_t>(b.lead))
                put(*b.repeat);
        }
    }

    const PageStyle& st_;
    double top_, bottom_;
    double y_ = 0;
    std::vector<Page> pages_;
    std::vector<PlacedMark> marks_;
    std::vector<ContentsSlot> contents_slots_;
};

// ---- page furniture -------------------------------------------------------------------------

// A title page carries only the classification marking; the other pages the running header,
// footer and "Page X of Y" (the title page still counts as page 1).
void furnish(std::vector<Page>& pages, const PageStyle& st, const Fonts& fonts, bool title_page) {
    const double size = st.header_size;
    const double left = st.margin_left;
    const double right = st.width - st.margin_right;
    const Rgb muted = rgb(st.muted);
    const int total = static_cast<int>(pages.size());
    const Tag kHeader = Tag::as(Artifact::Header), kFooter = Tag::as(Artifact::Footer);
    for (int i = 0; i < total; ++i) {
        Page& p = pages[static_cast<std::size_t>(i)];
        std::vector<PageItem> f;
        const bool plain = title_page && i == 0;
        double header_base = st.margin_top - 22;
        double rule_y = st.margin_top - 14;
        if (!plain && !st.header_left.empty()) {
            FontFace face = st.header_bold ? FontFace::Bold : FontFace::Regular;
            double x = left;
            for (const auto& run : fonts.runs(st.header_left, face, size)) {
                f.push_back(TextRun{x, header_base, run.face, size, st.header_bold ? rgb(st.text) : muted, run.text, kHeader});
                x += run.width;
            }
        }
        if (!plain && !st.header_right.empty()) {
            double x = right - fonts.width(st.header_right, FontFace::Regular, size);
            for (const auto& run : fonts.runs(st.header_right, FontFace::Regular, size)) {
                f.push_back(TextRun{x, header_base, run.face, size, muted, run.text, kHeader});
                x += run.width;
            }
        }
        if (!plain)
            f.push_back(Line{left, rule_y, right, rule_y, st.header_rule ? rgb(*st.header_rule) : rgb(st.rule),
                             st.header_rule_width, kHeader});
        double foot_rule = st.height - st.margin_bottom + 16;
        double foot_base = foot_rule + 13;
        if (!plain) f.push_back(Line{left, foot_rule, right, foot_rule, rgb(st.rule), 0.5, kFooter});
        if (!plain && !st.footer_left.empty()) {
            double x = left;
            for (const auto& run : fonts.runs(st.footer_left, FontFace::Regular, size)) {
                f.push_back(TextRun{x, foot_base, run.face, size, muted, run.text, kFooter});
                x += run.width;
            }
        }
        std::string page_text = "Page " + std::to_string(i + 1) + " of " + std::to_string(total);
        if (!plain)
            f.push_back(TextRun{right - fonts.width(page_text, FontFace::Regular, size), foot_base, FontFace::Regular, size, muted, page_text, kFooter});
        if (!st.classification.empty()) {
            double w = fonts.width(st.classification, FontFace::Bold, size + 1);
            f.push_back(TextRun{(st.width - w) / 2, 24, FontFace::Bold, size + 1, rgb(st.text), st.classification, kHeader});
            f.push_back(TextRun{(st.width - w) / 2, st.height - 16, FontFace::Bold, size + 1, rgb(st.text), st.classification, kFooter});
        }
        // Furniture last, so the content stream (and pdftotext -raw) reads the body first;
        // nothing overlaps, so the order does not change the look.
        p.items.insert(p.items.end(), f.begin(), f.end());
    }
}

// Each entry is a TOCI holding a Reference whose Link owns the title, the page number and the
// annotation; the dot leader is a layout artifact.
void fill_contents(std::vector<Page>& pages, const std::vector<PlacedMark>& marks,
                   const std::vector<Paginator::ContentsSlot>& slots, const PageStyle& st,
                   const Fonts& fonts, StructureTree& tree, int toc) {
    std::size_t k = 0;
    std::vector<std::vector<PageItem>> entries;
    const double size = st.body_size;
    const double lh = size * st.line_spacing;
    const double left = st.margin_left;
    const double right = st.width - st.margin_right;
    for (const auto& m : marks) {
        if (!m.mark.in_contents || k >= slots.size()) continue;
        const auto& slot = slots[k++];
        std::vector<PageItem>& items = entries.emplace_back();
        const int link = tree.add(StructType::Link, tree.add(StructType::Reference, tree.add(StructType::TOCI, toc)));
        const Tag tag = Tag::of(link);
        double indent = m.mark.level == 0 ? 0 : 18;
        double asc = fonts.ascent(size);
        double base = slot.y + (lh - asc - fonts.descent(size)) / 2 + asc;
        FontFace face = m.mark.level == 0 ? FontFace::Bold : FontFace::Regular;
        std::string num = std::to_string(m.page + 1);
        double num_w = fonts.width(num, FontFace::Regular, size);
        double max_title = right - left - indent - num_w - 24;
        std::string title = m.mark.title;
        while (fonts.width(title, face, size) > max_title && title.size() > 4) {
            std::size_t cut = title.size() - 1;
            while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
            title = title.substr(0, cut);
            while (!title.empty() && title.back() == ' ') title.pop_back();
            title += "\xE2\x80\xA6";
            if (fonts.width(title, face, size) <= max_title) break;
            title = title.substr(0, title.size() - 3);
        }
        double tw = fonts.width(title, face, size);
        tree[link].alt = m.mark.title + ", page " + num;
        items.push_back(TextRun{left + indent, base, face, size, rgb(st.text), title, tag});
        // Dot leader between the title and the page number.
        double dot_w = fonts.width(".", FontFace::Regular, size);
        double from = left + indent + tw + 6, to = right - num_w - 6;
        if (to > from && dot_w > 0) {
            int dots = static_cast<int>((to - from) / (dot_w * 1.6));
            std::string leader;
            for (int d = 0; d < dots; ++d) leader += ". ";
            while (!leader.empty() && fonts.width(leader, FontFace::Regular, size) > to - from) leader.resize(leader.size() - 2);
            double lw = fonts.width(leader, FontFace::Regular, size);
            items.push_back(TextRun{to - lw, base, FontFace::Regular, size, rgb(st.rule), leader, Tag::as(Artifact::Layout)});
        }
        items.push_back(TextRun{right - num_w, base, FontFace::Regular, size, rgb(st.text), num, tag});
        items.push_back(Link{left + indent, slot.y, right - left - indent, lh, "", m.page, m.y, tag});
    }
    // From the last slot back, so the item positions of earlier slots stay valid.
    for (std::size_t i = entries.size(); i-- > 0;) {
        auto& page_items = pages[static_cast<std::size_t>(slots[i].page)].items;
        page_items.insert(page_items.begin() + static_cast<std::ptrdiff_t>(slots[i].item), entries[i].begin(), entries[i].end());
    }
}

}  // namespace

void set_figure_alt_texts(Document& doc, const std::vector<std::string>& alt_texts) {
    for (const auto& page : doc.pages)
        for (const auto& item : page.items)
            if (const auto* c = std::get_if<ChartPlacement>(&item))
                if (c->tag.element > 0 && c->tag.element < doc.structure.size() && c->chart_page >= 0 &&
                    static_cast<std::size_t>(c->chart_page) < alt_texts.size() &&
                    !alt_texts[static_cast<std::size_t>(c->chart_page)].empty())
                    doc.structure[c->tag.element].alt = alt_texts[static_cast<std::size_t>(c->chart_page)];
}

double text_width(const PageStyle& style) {
    return style.width - style.margin_left - style.margin_right;
}

LaidOutReport layout_report(const DocTree& doc, const Fonts& fonts, int chart_count) {
    Builder builder(doc, fonts, chart_count);
    std::vector<Block> blocks = builder.build();
    Paginator pag(doc.style);
    pag.run(blocks);

    LaidOutReport out;
    out.chart_sizes = builder.chart_sizes();
    out.errors = builder.take_errors();
    auto& pages = pag.pages();
    for (const auto& page : pages)  // after any shrinking
        for (const auto& item : page.items)
            if (const auto* c = std::get_if<ChartPlacement>(&item))
                if (c->chart_page >= 0 && static_cast<std::size_t>(c->chart_page) < out.chart_sizes.size())
                    out.chart_sizes[static_cast<std::size_t>(c->chart_page)] = {c->w, c->h};
    fill_contents(pages, pag.marks(), pag.contents_slots(), doc.style, fonts, builder.structure(),
                  builder.contents_element());
    furnish(pages, doc.style, fonts, doc.front.kind == templating::FrontMatter::Kind::TitlePage);
    for (const auto& m : pag.marks()) out.document.outline.push_back({m.mark.title, m.mark.level, m.page, m.y});
    out.document.pages = std::move(pages);
    out.document.info.title = doc.title;
    out.document.info.author = doc.author;
    out.document.info.subject = doc.subject;
    out.document.info.keywords = doc.keywords;
    out.document.info.creator = std::string("boardpack ") + BOARDPACK_VERSION;
    out.document.info.date = doc.date;
    out.document.structure = std::move(builder.structure());
    return out;
}

}  // namespace engine::layout
