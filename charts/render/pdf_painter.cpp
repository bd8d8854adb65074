#include "charts/render/pdf_painter.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-font.h>

#include <charconv>
#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "charts/render/font_context.h"
#include "charts/render/font_file.h"
#include "charts/render/painter.h"
#include "charts/render/render_scene.h"

namespace charts::render {

namespace {

// Up to 3 decimals, trailing zeros dropped, never "-0": PDF numbers in the classic locale.
// The value is rounded to thousandths, so it is written from the whole number of thousandths
// (the digits the fixed-point form of that rounded double has, without formatting a double:
// that was about 3 % of a setting report's instructions); very large values as before.
void put(std::string& out, double v) {
    if (!std::isfinite(v)) v = 0.0;
    const double thousandths = std::round(v * 1000.0);
    char buf[64];
    char* end = buf;
    if (std::fabs(thousandths) < 1e12) {
        auto k = static_cast<long long>(thousandths);
        if (k < 0) {
            *end++ = '-';
            k = -k;
        }
        end = std::to_chars(end, buf + sizeof buf, k / 1000).ptr;
        if (const int frac = static_cast<int>(k % 1000); frac != 0) {
            *end++ = '.';
            *end++ = static_cast<char>('0' + frac / 100);
            *end++ = static_cast<char>('0' + frac / 10 % 10);
            *end++ = static_cast<char>('0' + frac % 10);
            while (end[-1] == '0') --end;
        }
    } else {
        v = thousandths / 1000.0;
        end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3).ptr;
        while (end > buf && end[-1] == '0') --end;
        if (end > buf && end[-1] == '.') --end;
    }
    out.append(buf, end);
    out += ' ';
}

void put_hex4(std::string& out, std::uint16_t code) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 0xF];
}

// The file of the font pango chose for a run (one of the FontPaths files).
std::string file_of(PangoFont* font) {
    if (!PANGO_IS_FC_FONT(font)) throw std::runtime_error("chart text: not a fontconfig font");
    FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8* file = nullptr;
    if (FcPatternGetString(pattern, FC_FILE, 0, &file) != FcResultMatch)
        throw std::runtime_error("chart text: font without a file");
    return reinterpret_cast<const char*>(file);
}

// One code point when `utf8` holds exactly one, else nullopt.
std::optional<char32_t> single_code_point(std::string_view utf8) {
    if (utf8.empty()) return std::nullopt;
    const auto b0 = static_cast<unsigned char>(utf8[0]);
    std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : 4;
    if (len != utf8.size()) return std::nullopt;
    if (len == 1) return b0;
    char32_t cp = b0 & (0x7F >> len);
    for (std::size_t i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i]) & 0x3F);
    return cp;
}

struct GraphicsState {
    std::optional<scene::Color> fill, stroke;  // rgb only; nullopt = the PDF default (black)
    double alpha = 1.0;
    double line_width = 1.0;
    std::vector<double> dash;
    scene::LineCap cap = scene::LineCap::Butt;
    scene::LineJoin join = scene::LineJoin::Miter;
};

// What the painter has drawn so far and the graphics state it is in.
struct PainterState {
    detail::FontContext* fonts = nullptr;
    PangoContext* context = nullptr;
    PangoLayout* layout = nullptr;
    PdfChart chart;
    std::vector<GraphicsState> states{GraphicsState{}};
    std::map<std::string, std::size_t> font_index;  // file -> chart.fonts

    std::string& out() { return chart.content; }
    GraphicsState& state() { return states.back(); }

    void colour(const scene::Color& c, bool stroking) {
        std::optional<scene::Color>& current = stroking ? state().stroke : state().fill;
        const scene::Color rgb = model::with_alpha(c, 1.0);
        if (current && *current == rgb) return;
        if (!current && rgb.r == 0.0 && rgb.g == 0.0 && rgb.b == 0.0) return;
        put(out(), rgb.r);
        put(out(), rgb.g);
        put(out(), rgb.b);
        out() += stroking ? "RG\n" : "rg\n";
        current = rgb;
    }

    void alpha(double a) {
        a = std::clamp(a, 0.0, 1.0);
        if (std::fabs(a - state().alpha) < 1e-9) return;
        std::string name = "GA";
        put(name, a * 1000.0);
        name.pop_back();
        chart.alphas.emplace(name, a);
        out() += "/" + name + " gs\n";
        state().alpha = a;
    }

    void trace(const scene::Path& p) {
        for (const scene::PathCmd& c : p.cmds) {
            switch (c.op) {
                case scene::PathOp::MoveTo:
                    put(out(), c.pts[0].x);
                    put(out(), c.pts[0].y);
                    out() += "m\n";
                    break;
                case scene::PathOp::LineTo:
                    put(out(), c.pts[0].x);
                    put(out(), c.pts[0].y);
                    out() += "l\n";
                    break;
                case scene::PathOp::CurveTo:
                    for (const scene::Point& q : c.pts) {
                        put(out(), q.x);
                        put(out(), q.y);
                    }
                    out() += "c\n";
                    break;
                case scene::PathOp::Close:
                    out() += "h\n";
                    break;
            }
        }
    }

    std::size_t font_for(const std::string& file) {
        auto it = font_index.find(file);
        if (it != font_index.end()) return it->second;
        PdfChartFont f;
        f.resource = "C" + std::to_string(chart.fonts.size());
        f.file = file;
        chart.fonts.push_back(std::move(f));
        return font_index.emplace(file, chart.fonts.size() - 1).first->second;
    }

    // The code for glyph `gid` showing `cluster` (nominal: its code point), recorded.
    std::uint16_t code_for(PdfChartFont& font, std::uint32_t gid, std::string_view cluster,
                           bool first_of_cluster) {
        std::optional<char32_t> cp = single_code_point(cluster);
        std::uint16_t code = 0;
        if (cp && *cp <= 0xFFFF && first_of_cluster && nominal_glyph(font.file, *cp) == gid) {
            code = static_cast<std::uint16_t>(*cp);
        } else {
            if (gid >= 0xF900u - kPrivateCodeBase)
                throw std::runtime_error("chart text: glyph id too large for a private code");
            code = static_cast<std::uint16_t>(kPrivateCodeBase + gid);
        }
        font.codes.emplace(code, GlyphCode{gid, first_of_cluster ? std::string(cluster) : ""});
        return code;
    }
};

// What pango makes of one text in one font: its logical width and its runs' glyphs, kept
// per thread (the charts of a batch show the same ticks, legends and titles report after
// report, and shaping them was about 8 % of a setting report's instructions). pango gives the
// same glyphs for the same text, font and font setup, so the content is the same.
struct ShapedGlyph {
    std::uint32_t glyph = 0;  // pango's glyph (PANGO_GLYPH_EMPTY, the unknown flag kept)
    int width = 0, x_offset = 0, y_offset = 0;  // pango units
    int cluster = 0;          // byte offset of the glyph's cluster in the run's text
};
struct ShapedRun {
    std::string file;  // the font file pango chose
    std::string text;  // the run's text
    std::vector<ShapedGlyph> glyphs;
};
struct ShapedText {
    double width = 0;  // points
    std::vector<ShapedRun> runs;
};

// At most this many texts per thread, then the cache starts again.
constexpr std::size_t kShapedTexts = 1024;

const ShapedText& shaped(PangoLayout* layout, detail::FontContext& fonts, const scene::Text& text) {
    thread_local std::map<std::tuple<const detail::FontContext*, bool, double, std::string>, ShapedText> cache;
    auto key = std::make_tuple(&fonts, text.font.bold, text.font.size, text.text);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    detail::lay_out_anchored(layout, fonts, text);  // sets the layout's font and text
    ShapedText out;
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    out.width = static_cast<double>(logical.width) / PANGO_SCALE;
    const char* all = pango_layout_get_text(layout);
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout, 0);
    for (GSList* l = line ? line->runs : nullptr; l != nullptr; l = l->next) {
        auto* run = static_cast<PangoGlyphItem*>(l->data);
        ShapedRun r;
        r.file = file_of(run->item->analysis.font);
        r.text.assign(all + run->item->offset, static_cast<std::size_t>(run->item->length));
        for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
            const PangoGlyphInfo& g = run->glyphs->glyphs[i];
            r.glyphs.push_back({g.glyph, g.geometry.width, g.geometry.x_offset, g.geometry.y_offset,
                                run->glyphs->log_clusters[i]});
        }
        out.runs.push_back(std::move(r));
    }
    if (cache.size() >= kShapedTexts) cache.clear();
    return cache.emplace(std::move(key), std::move(out)).first->second;
}

class PdfPainter final : public Painter {
  public:
    explicit PdfPainter(const FontPaths& fonts) {
        s_.fonts = &detail::FontContext::for_thread(fonts);
        s_.context = s_.fonts->new_context();
        s_.layout = pango_layout_new(s_.context);
        pango_layout_context_changed(s_.layout);
    }
    ~PdfPainter() override {
        if (s_.layout) g_object_unref(s_.layout);
        if (s_.context) g_object_unref(s_.context);
    }
    PdfPainter(const PdfPainter&) = delete;
    PdfPainter& operator=(const PdfPainter&) = delete;

    /// Starts a new chart of the given size.
    void begin(double width, double height) {
        s_.chart = PdfChart{};
        s_.chart.width = width;
        s_.chart.height = height;
        s_.states.assign(1, GraphicsState{});
        s_.font_index.clear();
        // Scene coordinates: origin top left, y down.
        s_.out() = "1 0 0 -1 0 ";
        put(s_.out(), height);
        s_.out() += "cm\n";
    }
    /// The chart drawn since begin().
    PdfChart finish() { return std::move(s_.chart); }

    void fill_path(const scene::Path& path) override {
        s_.colour(*path.fill, false);
        s_.alpha(path.fill->a * path.opacity);
        s_.trace(path);
        s_.out() += "f\n";
    }

    void stroke_path(const scene::Path& path) override {
        PainterState& m = s_;
        m.colour(*path.stroke, true);
        m.alpha(path.stroke->a * path.opacity);
        if (m.state().line_width != path.line_width) {
            put(m.out(), path.line_width);
            m.out() += "w\n";
            m.state().line_width = path.line_width;
        }
        if (m.state().dash != path.dash) {
            m.out() += "[";
            for (double d : path.dash) put(m.out(), d);
            m.out() += "] 0 d\n";
            m.state().dash = path.dash;
        }
        if (m.state().cap != path.cap) {
            m.out() += path.cap == scene::LineCap::Butt ? "0 J\n"
                       : path.cap == scene::LineCap::Round ? "1 J\n" : "2 J\n";
            m.state().cap = path.cap;
        }
        if (m.state().join != path.join) {
            m.out() += path.join == scene::LineJoin::Miter ? "0 j\n"
                       : path.join == scene::LineJoin::Round ? "1 j\n" : "2 j\n";
            m.state().join = path.join;
        }
        m.trace(path);
        m.out() += "S\n";
    }

    void draw_text(const scene::Text& text) override {
        PainterState& m = s_;
        const ShapedText& shape = shaped(m.layout, *m.fonts, text);
        double x = text.pos.x;  // as lay_out_anchored (and so CairoPainter) places it
        if (text.anchor == scene::Anchor::Centre) x -= shape.width / 2.0;
        if (text.anchor == scene::Anchor::Right) x -= shape.width;
        const double y = text.pos.y;

        m.colour(text.color, false);
        m.alpha(text.color.a);
        m.out() += "BT\n";
        const double size = text.font.size;
        double pen = x;  // pango's pen position, in points
        for (const ShapedRun& run : shape.runs) {
            const std::string& file = run.file;
            PdfChartFont& font = m.chart.fonts[m.font_for(file)];
            m.out() += "/" + font.resource + " ";
            put(m.out(), size);
            m.out() += "Tf\n";
            bool in_array = false;
            double expected = 0.0;  // where the PDF's own advance leaves the pen
            const int length = static_cast<int>(run.text.size());
            const int count = static_cast<int>(run.glyphs.size());
            for (int i = 0; i < count; ++i) {
                const ShapedGlyph& g = run.glyphs[static_cast<std::size_t>(i)];
                const double advance = static_cast<double>(g.width) / PANGO_SCALE;
                if (g.glyph == PANGO_GLYPH_EMPTY) {
                    pen += advance;
                    continue;
                }
                const int start = g.cluster;
                int end = length;
                for (int k = i + 1; k < count; ++k) {
                    if (run.glyphs[static_cast<std::size_t>(k)].cluster != start) {
                        end = run.glyphs[static_cast<std::size_t>(k)].cluster;
                        break;
                    }
                }
                const bool first = i == 0 || run.glyphs[static_cast<std::size_t>(i - 1)].cluster != start;
                const std::uint32_t gid = (g.glyph & PANGO_GLYPH_UNKNOWN_FLAG) ? 0u : g.glyph;
                const std::uint16_t code = m.code_for(
                    font, gid, std::string_view(run.text).substr(static_cast<std::size_t>(start),
                                                                 static_cast<std::size_t>(end - start)),
                    first);
                const double gx = pen + static_cast<double>(g.x_offset) / PANGO_SCALE;
                const double gy = y + static_cast<double>(g.y_offset) / PANGO_SCALE;
                const bool offset = g.y_offset != 0;
                // Where the PDF draws this glyph: pango's position, to within half a thousandth
                // of an em (the /W widths are truncated, so a run drifts unless corrected).
                double at = expected;
                const double adjust = std::round((expected - gx) * 1000.0 / size);
                if (!in_array || offset || std::fabs(adjust) > 200.0) {
                    if (in_array) m.out() += ">] TJ\n";
                    m.out() += "1 0 0 -1 ";
                    put(m.out(), gx);
                    put(m.out(), gy);
                    m.out() += "Tm [<";
                    in_array = true;
                    at = gx;
                } else if (adjust != 0.0) {
                    // TJ numbers are thousandths of an em, positive moves left.
                    m.out() += "> ";
                    put(m.out(), adjust);
                    m.out().back() = '<';
                    at = expected - adjust * size / 1000.0;
                }
                put_hex4(m.out(), code);
                expected = at + pdf_glyph_width(file, gid) * size / 1000.0;
                if (offset) {
                    m.out() += ">] TJ\n";
                    in_array = false;
                }
                pen += advance;
            }
            if (in_array) m.out() += ">] TJ\n";
        }
        m.out() += "ET\n";
    }

    void push_group(const std::optional<scene::Rect>& clip) override {
        PainterState& m = s_;
        m.out() += "q\n";
        m.states.push_back(m.state());
        if (clip) {
            put(m.out(), clip->x);
            put(m.out(), clip->y);
            put(m.out(), clip->width);
            put(m.out(), clip->height);
            m.out() += "re W n\n";
        }
    }

    void pop_group() override {
        PainterState& m = s_;
        if (m.states.size() <= 1) return;
        m.states.pop_back();
        m.out() += "Q\n";
    }

  private:
    PainterState s_;
};

}  // namespace

std::vector<PdfChart> render_pdf_charts(const std::vector<const scene::Scene*>& scenes,
                                        const FontPaths& fonts) {
    std::vector<PdfChart> out;
    if (scenes.empty()) return out;
    PdfPainter painter(fonts);
    for (const scene::Scene* s : scenes) {
        if (!(s->width > 0.0) || !(s->height > 0.0) || !std::isfinite(s->width) ||
            !std::isfinite(s->height))
            throw std::invalid_argument("chart scene has no size");
        painter.begin(s->width, s->height);
        render_scene(*s, painter);
        out.push_back(painter.finish());
    }
    return out;
}

}  // namespace charts::render
