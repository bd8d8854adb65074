#include "tests/unit/pdf/pdf_fixtures.h"

#include <cairo.h>

#include <fstream>
#include <stdexcept>
#include <utility>

namespace pdftest {

namespace el = engine::layout;

namespace {

charts::scene::Scene chart_scene(double w, double h, const char* label) {
    namespace sc = charts::scene;
    sc::Scene s;
    s.width = w;
    s.height = h;
    sc::Path background = sc::Path::rect({0, 0, w, h});
    background.fill = sc::Color{0.95, 0.95, 0.95, 1.0};
    s.items.emplace_back(background);
    const double bars[] = {0.4, 0.7, 0.55, 0.9};
    for (int i = 0; i < 4; ++i) {
        double bw = w / 10;
        sc::Path bar = sc::Path::rect({40 + i * 2 * bw, h - 40 - bars[i] * (h - 70), bw, bars[i] * (h - 70)});
        bar.fill = sc::Color{0.1, 0.35, 0.65, 1.0};
        s.items.emplace_back(bar);
    }
    sc::Path axis = sc::Path::line({30, h - 40}, {w - 10, h - 40});
    axis.stroke = sc::Color{0, 0, 0, 1.0};
    axis.line_width = 1;
    s.items.emplace_back(axis);
    sc::Text text;
    text.pos = {40, h - 20};
    text.text = label;
    text.font.size = 11;
    s.items.emplace_back(text);
    return s;
}

}  // namespace

std::vector<charts::render::PdfChart> make_charts() {
    const charts::scene::Scene first = chart_scene(453, 255, "Axis label 2014/15");
    const charts::scene::Scene second = chart_scene(300, 200, "Second chart 2016/17");
    return charts::render::render_pdf_charts({&first, &second});
}

void write_png(const std::filesystem::path& path, bool with_alpha) {
    cairo_surface_t* surface =
        cairo_image_surface_create(with_alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, 48, 48);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 0.8, 0.1, 0.2);
    if (with_alpha) {
        cairo_arc(cr, 24, 24, 22, 0, 6.283);  // a disc on a transparent background
        cairo_fill(cr);
    } else {
        cairo_paint(cr);
    }
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_arc(cr, 24, 24, 10, 0, 6.283);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_status_t status = cairo_surface_write_to_png(surface, path.c_str());
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cairo PNG failed");
}

el::Document sample_document(const std::string& logo) {
    el::Document doc;
    el::Page a4;  // default size is A4
    a4.items.push_back(el::Rect{0, 0, 595.276, 60, el::Rgb{0, 51, 102}, std::nullopt, 0.5, {}});
    a4.items.push_back(el::TextRun{56, 40, el::FontFace::Bold, 20, el::Rgb{255, 255, 255},
                                   "Attainment gap report", {}});
    a4.items.push_back(el::TextRun{56, 100, el::FontFace::Regular, 11, el::Rgb{},
                                   "Spend £1,200 – pupils’ café ≥ 5 − 2 points", {}});
    a4.items.push_back(el::TextRun{56, 118, el::FontFace::Italic, 11, el::Rgb{80, 80, 80},
                                   "Italic note on the figures", {}});
    a4.items.push_back(el::TextRun{56, 136, el::FontFace::Symbol, 11, el::Rgb{0, 128, 0}, "✓", {}});
    a4.items.push_back(el::TextRun{70, 136, el::FontFace::Regular, 11, el::Rgb{}, "Target met", {}});
    a4.items.push_back(el::Line{56, 150, 539, 150, el::Rgb{150, 150, 150}, 0.75, {}});
    a4.items.push_back(el::TextRun{56, 170, el::FontFace::Regular, 11, el::Rgb{0, 0, 238},
                                   "https://example.org/report", {}});
    a4.items.push_back(el::Link{56, 160, 140, 13, "https://example.org/report", -1, 0, {}});
    a4.items.push_back(el::TextRun{56, 188, el::FontFace::Regular, 11, el::Rgb{0, 0, 238},
                                   "See the charts on page 2", {}});
    a4.items.push_back(el::Link{56, 178, 130, 13, "", 1, 72, {}});
    a4.items.push_back(el::Rect{56, 210, 453, 255, std::nullopt, el::Rgb{200, 0, 0}, 1.0, {}});
    a4.items.push_back(el::ChartPlacement{56, 210, 453, 255, 0, {}});
    if (!logo.empty()) a4.items.push_back(el::Image{500, 8, 44, 44, logo, {}});
    doc.pages.push_back(a4);

    el::Page letter;
    letter.width = 612;
    letter.height = 792;
    letter.items.push_back(el::TextRun{72, 72, el::FontFace::Bold, 14, el::Rgb{}, "Charts", {}});
    letter.items.push_back(el::ChartPlacement{72, 100, 300, 200, 1, {}});
    letter.items.push_back(el::ChartPlacement{72, 320, 226.5, 127.5, 0, {}});
    letter.items.push_back(el::TextRun{72, 720, el::FontFace::SymbolBold, 10, el::Rgb{},
                                       "Page 2 ✓", {}});
    doc.pages.push_back(letter);

    doc.outline = {{"1 Summary – £ overview", 0, 0, 20},
                   {"1.1 Spend ≥ target", 1, 0, 90},
                   {"2 Charts", 0, 1, 60}};
    doc.info.title = "Accelerating Achievement – Q3 £ report";
    doc.info.author = "Data Team";
    doc.info.subject = "Board pack";
    doc.info.keywords = "attainment, gap";
    doc.info.creator = "boardpack 0.1.0";
    doc.info.date = engine::core::Date{2015, 9, 17};
    return doc;
}

el::Document tagged_document() {
    el::Document doc = sample_document();
    el::StructureTree& s = doc.structure;
    using T = el::StructType;
    const int h1 = s.add(T::H1, 0), body = s.add(T::P, 0), note = s.add(T::P, 0), met = s.add(T::P, 0);
    const int url_p = s.add(T::P, 0), url = s.add(T::Link, url_p);
    const int jump_p = s.add(T::P, 0), jump = s.add(T::Link, jump_p);
    const int fig1 = s.add(T::Figure, 0), h2 = s.add(T::H2, 0), fig2 = s.add(T::Figure, 0),
              fig3 = s.add(T::Figure, 0);
    s[url].alt = "https://example.org/report";
    s[jump].alt = "See the charts on page 2";
    s[fig1].alt = "Bar chart of the axis label for 2014/15.";
    s[fig2].alt = "Second chart for 2016/17.";
    s[fig3].alt = "The first chart again, smaller.";
    const el::Tag layout = el::Tag::as(el::Artifact::Layout);
    const std::vector<el::Tag> first = {layout, el::Tag::of(h1), el::Tag::of(body), el::Tag::of(note),
                                        el::Tag::of(met), el::Tag::of(met), layout, el::Tag::of(url),
                                        el::Tag::of(url), el::Tag::of(jump), el::Tag::of(jump), layout,
                                        el::Tag::of(fig1)};
    const std::vector<el::Tag> second = {el::Tag::of(h2), el::Tag::of(fig2), el::Tag::of(fig3),
                                         el::Tag::as(el::Artifact::Footer)};
    auto apply = [](el::Page& page, const std::vector<el::Tag>& tags) {
        for (std::size_t i = 0; i < page.items.size() && i < tags.size(); ++i)
            std::visit([&](auto& it) { it.tag = tags[i]; }, page.items[i]);
    };
    apply(doc.pages[0], first);
    apply(doc.pages[1], second);
    return doc;
}

el::Document regular_and_bold_document() {
    el::Document doc;
    el::Page p;
    p.items.push_back(el::TextRun{56, 60, el::FontFace::Bold, 16, el::Rgb{}, "Heading", {}});
    p.items.push_back(el::TextRun{56, 90, el::FontFace::Regular, 11, el::Rgb{},
                                  "Body text about attainment in 2014/15.", {}});
    doc.pages.push_back(p);
    doc.info.title = "Regular and bold";
    doc.info.date = engine::core::Date{2016, 1, 31};
    return doc;
}

void add(el::Page& page, el::PageItem item) { page.items.push_back(std::move(item)); }

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace pdftest
