#include "engine/pdf/pdf_writer.h"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "engine/core/diagnostic.h"
#include "engine/layout/fonts.h"
#include "engine/layout/page.h"
#include "engine/pdf/font_embedding.h"
#include "engine/pdf/haru_document.h"
#include "engine/pdf/marked_content.h"
#include "engine/pdf/page_text.h"
#include "engine/pdf/qpdf_finish.h"

namespace engine::pdf {

namespace {

using layout::kFontFaceCount;

// The faces the pages' text uses: libharu's definition of each file (for widths) and its
// path; the pages name them as font resources ("BF<face>") that the qpdf pass adds.
struct FontTable {
    std::array<HPDF_FontDef, kFontFaceCount> defs{};
    const layout::FontFiles* files = nullptr;
};

std::string font_resource(std::size_t face) { return "BF" + std::to_string(face); }

HPDF_REAL real(double v) { return static_cast<HPDF_REAL>(v); }
HPDF_REAL channel(std::uint8_t c) { return static_cast<HPDF_REAL>(c / 255.0); }

[[noreturn]] void fail(const std::string& message) { throw core::EngineError({}, message); }

// Draws one page's items through libharu, converting layout coordinates (top-left origin,
// y down) to PDF coordinates, and skipping state operators that would change nothing.
class PageCanvas {
public:
    PageCanvas(HaruDocument& haru, HPDF_Page page, double height, const FontTable& fonts,
               TextShower& text, std::map<std::string, std::string>& resources)
        : haru_(haru), page_(page), height_(height), fonts_(fonts), text_(text),
          resources_(resources) {}

    void draw(const layout::Rect& r) {
        if (!r.fill && !r.stroke) return;
        end_text();
        if (r.fill) fill_color(*r.fill);
        if (r.stroke) {
            stroke_color(*r.stroke);
            line_width(r.line_width);
        }
        haru_.check(HPDF_Page_Rectangle(page_, real(r.x), real(height_ - r.y - r.h), real(r.w),
                                        real(r.h)),
                    "drawing a rectangle");
        HPDF_STATUS status = r.fill && r.stroke ? HPDF_Page_FillStroke(page_)
                             : r.fill           ? HPDF_Page_Fill(page_)
                                                : HPDF_Page_Stroke(page_);
        haru_.check(status, "painting a rectangle");
    }

    void draw(const layout::Line& l) {
        end_text();
        stroke_color(l.color);
        line_width(l.width);
        haru_.check(HPDF_Page_MoveTo(page_, real(l.x1), real(height_ - l.y1)), "drawing a line");
        haru_.check(HPDF_Page_LineTo(page_, real(l.x2), real(height_ - l.y2)), "drawing a line");
        haru_.check(HPDF_Page_Stroke(page_), "stroking a line");
    }

    void draw(const layout::TextRun& t) {
        if (t.text.empty()) return;
        if (!in_text_) {
            haru_.check(HPDF_Page_BeginText(page_), "beginning a text object");
            in_text_ = true;
        }
        const auto face = static_cast<std::size_t>(t.face);
        const std::string& file = fonts_.files->paths[face];
        if (face != face_ || t.size != size_) {
            const std::string resource = font_resource(face);
            haru_.check(select_font(page_, resource, t.size), "setting the font");
            resources_.emplace(resource, file);
            face_ = face;
            size_ = t.size;
        }
        fill_color(t.color);
        // An absolute text matrix per run: no drift from chains of relative moves.
        haru_.check(HPDF_Page_SetTextMatrix(page_, 1, 0, 0, 1, real(t.x), real(height_ - t.y)),
                    "positioning text");
        std::optional<HPDF_STATUS> shown = text_.show(page_, fonts_.defs[face], t.text);
        if (!shown) {
            // What only libharu can encode it shows in a font of its own for the same file (the
            // qpdf pass makes it the same font object); the next run selects the face again.
            haru_.check(HPDF_Page_SetFontAndSize(page_, haru_.load_font(file), real(t.size)),
                        "setting the font");
            face_ = kFontFaceCount;
            shown = HPDF_Page_ShowText(page_, t.text.c_str());
        }
        haru_.check(*shown, "drawing text");
    }

    void draw(const layout::Image& img) {
        end_text();
        HPDF_Image image = haru_.load_png(img.path);
        haru_.check(HPDF_Page_DrawImage(page_, image, real(img.x), real(height_ - img.y - img.h),
                                        real(img.w), real(img.h)),
                    "drawing an image");
    }

    void end_text() {
        if (!in_text_) return;
        haru_.check(HPDF_Page_EndText(page_), "ending a text object");
        in_text_ = false;
    }

    /// Operators libharu has no call for (marked content, chart slots), outside text objects.
    void write_raw(const std::string& operators) {
        if (operators.empty()) return;
        end_text();
        if (!write_page_operators(page_, operators)) fail("cannot write marked content to the page");
    }

private:
    void fill_color(layout::Rgb c) {
        if (fill_ == c) return;
        haru_.check(HPDF_Page_SetRGBFill(page_, channel(c.r), channel(c.g), channel(c.b)),
                    "setting the fill colour");
        fill_ = c;
    }
    void stroke_color(layout::Rgb c) {
        if (stroke_ == c) return;
        haru_.check(HPDF_Page_SetRGBStroke(page_, channel(c.r), channel(c.g), channel(c.b)),
                    "setting the stroke colour");
        stroke_ = c;
    }
    void line_width(double w) {
        if (width_ == w) return;
        haru_.check(HPDF_Page_SetLineWidth(page_, real(w)), "setting the line width");
        width_ = w;
    }

    HaruDocument& haru_;
    HPDF_Page page_;
    double height_;
    const FontTable& fonts_;
    TextShower& text_;
    std::map<std::string, std::string>& resources_;  // the font resources this page names
    // The PDF initial graphics state: black fill and stroke, 1 pt lines.
    layout::Rgb fill_{}, stroke_{};
    double width_ = 1.0;
    std::size_t face_ = kFontFaceCount;  // none yet
    double size_ = 0;
    bool in_text_ = false;
};

// Loads only the faces that text runs use, in FontFace order (a fixed order keeps the output
// deterministic), and records the codes each face's text shows for its subset.
FontTable load_used_fonts(HaruDocument& haru, const layout::Document& doc,
                          const layout::FontFiles& files, PageFonts& page_fonts) {
    std::array<bool, kFontFaceCount> used{};
    for (const auto& page : doc.pages) {
        for (const auto& item : page.items) {
            if (const auto* t = std::get_if<layout::TextRun>(&item); t && !t->text.empty()) {
                auto face = static_cast<std::size_t>(t->face);
                if (face >= kFontFaceCount) fail("text run with an unknown font face");
                used[face] = true;
            }
        }
    }
    FontTable fonts;
    fonts.files = &files;
    for (std::size_t f = 0; f < kFontFaceCount; ++f) {
        if (used[f]) fonts.defs[f] = haru.font_def(files.paths[f]);
    }
    for (const auto& page : doc.pages) {
        for (const auto& item : page.items) {
            if (const auto* t = std::get_if<layout::TextRun>(&item); t && !t->text.empty()) {
                const std::string& file = files.paths[static_cast<std::size_t>(t->face)];
                add_text_codes(page_fonts.codes[file], file, t->text);
            }
        }
    }
    return fonts;
}

HPDF_Destination destination(HaruDocument& haru, const std::vector<HPDF_Page>& pages,
                             const layout::Document& doc, int page, double y,
                             const std::string& what) {
    if (page < 0 || static_cast<std::size_t>(page) >= pages.size()) {
        fail(what + " points to page " + std::to_string(page + 1) +
             " but the report has " + std::to_string(pages.size()) + " page(s)");
    }
    auto index = static_cast<std::size_t>(page);
    double top = doc.pages[index].height - y;
    if (top < 0) top = 0;
    HPDF_Destination dst =
        haru.checked(HPDF_Page_CreateDestination(pages[index]), "creating a destination");
    // Zoom 1 because libharu rejects 0; the qpdf pass turns it into null (keep reader zoom).
    haru.check(HPDF_Destination_SetXYZ(dst, 0, real(top), 1), "setting a destination");
    return dst;
}

void add_link(HaruDocument& haru, HPDF_Page page, double height,
              const std::vector<HPDF_Page>& pages, const layout::Document& doc,
              const layout::Link& link) {
    HPDF_Rect rect{real(link.x), real(height - link.y - link.h), real(link.x + link.w),
                   real(height - link.y)};
    HPDF_Annotation annot = nullptr;
    if (!link.uri.empty()) {
        annot = haru.checked(HPDF_Page_CreateURILinkAnnot(page, rect, link.uri.c_str()),
                             "creating a URI link");
    } else {
        HPDF_Destination dst =
            destination(haru, pages, doc, link.dest_page, link.dest_y, "an internal link");
        annot = haru.checked(HPDF_Page_CreateLinkAnnot(page, rect, dst), "creating a link");
    }
    // Without this every link gets a black box drawn round it.
    haru.check(HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0), "removing a link border");
}

void add_outline(HaruDocument& haru, const std::vector<HPDF_Page>& pages,
                 const layout::Document& doc) {
    if (doc.outline.empty()) return;
    HPDF_Encoder utf8 = haru.checked(HPDF_GetEncoder(haru.get(), "UTF-8"), "getting UTF-8");
    HPDF_Outline section = nullptr;  // the latest level-0 entry: parent of level-1 entries
    for (const auto& entry : doc.outline) {
        HPDF_Outline parent = entry.level >= 1 ? section : nullptr;
        HPDF_Outline item = haru.checked(
            HPDF_CreateOutline(haru.get(), parent, entry.title.c_str(), utf8), "adding a bookmark");
        HPDF_Destination dst =
            destination(haru, pages, doc, entry.page, entry.y, "bookmark '" + entry.title + "'");
        haru.check(HPDF_Outline_SetDestination(item, dst), "setting a bookmark destination");
        haru.check(HPDF_Outline_SetOpened(item, HPDF_TRUE), "opening a bookmark");
        if (entry.level <= 0) section = item;
    }
    haru.check(HPDF_SetPageMode(haru.get(), HPDF_PAGE_MODE_USE_OUTLINE), "showing bookmarks");
}

void set_info(HaruDocument& haru, const layout::DocumentInfo& info) {
    const std::pair<HPDF_InfoType, const std::string*> texts[] = {
        {HPDF_INFO_TITLE, &info.title},       {HPDF_INFO_AUTHOR, &info.author},
        {HPDF_INFO_SUBJECT, &info.subject},   {HPDF_INFO_KEYWORDS, &info.keywords},
        {HPDF_INFO_CREATOR, &info.creator},
    };
    for (const auto& [type, value] : texts) {
        if (!value->empty()) {
            haru.check(HPDF_SetInfoAttr(haru.get(), type, value->c_str()), "setting PDF info");
        }
    }
    // Midnight (UTC, so the XMP dates can say the same) of the data's date; never the clock.
    HPDF_Date date{info.date.year, info.date.month, info.date.day, 0, 0, 0, 'Z', 0, 0};
    haru.check(HPDF_SetInfoDateAttr(haru.get(), HPDF_INFO_CREATION_DATE, date),
               "setting the creation date");
    haru.check(HPDF_SetInfoDateAttr(haru.get(), HPDF_INFO_MOD_DATE, date),
               "setting the modification date");
}

const char* item_kind(const layout::PageItem& item) {
    static constexpr const char* kKinds[] = {"text run", "rectangle", "line", "link", "chart", "image"};
    return kKinds[item.index()];
}

// Draws the page's items in order (= reading order). In a tagged document each run of items
// with the same tag is one marked-content sequence.
std::vector<ContentRef> draw_page(HaruDocument& haru, const layout::Document& doc,
                                  const std::vector<HPDF_Page>& pages, std::size_t index,
                                  const FontTable& fonts, TextShower& text,
                                  std::vector<ChartOnPage>& charts,
                                  std::map<std::string, std::string>& font_resources) {
    const layout::Page& p = doc.pages[index];
    const bool tagged = doc.structure.size() > 1;
    PageCanvas canvas(haru, pages[index], p.height, fonts, text, font_resources);
    PageMarker marker(doc.structure);
    for (const auto& item : p.items) {
        const layout::Tag& tag = std::visit([](const auto& it) -> const layout::Tag& { return it.tag; }, item);
        if (const auto* link = std::get_if<layout::Link>(&item)) {
            add_link(haru, pages[index], p.height, pages, doc, *link);
            if (tagged) marker.annotation(tag);
            continue;
        }
        if (tagged) canvas.write_raw(marker.enter(tag, item_kind(item)));
        if (const auto* c = std::get_if<layout::ChartPlacement>(&item)) {
            // The qpdf pass draws the chart here, in its place in the content stream.
            canvas.write_raw(chart_slot(charts.size()));
            charts.push_back({static_cast<int>(index), c->chart_page, c->x,
                              p.height - c->y - c->h, c->x + c->w, p.height - c->y});
        } else {
            std::visit(
                [&canvas](const auto& drawable) {
                    using T = std::decay_t<decltype(drawable)>;
                    if constexpr (!std::is_same_v<T, layout::Link> &&
                                  !std::is_same_v<T, layout::ChartPlacement>) {
                        canvas.draw(drawable);
                    }
                },
                item);
        }
    }
    canvas.end_text();
    canvas.write_raw(marker.finish());
    return marker.refs();
}

// This thread's libharu document, started afresh: the font files it parsed for earlier
// reports stay loaded (HaruDocument::start).
HaruDocument& thread_document() {
    thread_local HaruDocument haru;
    haru.start();
    return haru;
}

// Everything libharu does; chart placements are collected for the qpdf pass.
std::string draw_with_haru(const layout::Document& doc, const layout::FontFiles& files,
                           std::vector<ChartOnPage>& charts, PageFonts& page_fonts,
                           std::vector<std::vector<ContentRef>>& refs) {
    HaruDocument& haru = thread_document();
    haru.use_utf8();
    // No compression here: the qpdf pass compresses every stream once, and drops libharu's
    // font programs (replaced by subsets) without having spent zlib on them.
    haru.check(HPDF_SetCompressionMode(haru.get(), HPDF_COMP_NONE), "disabling compression");
    FontTable fonts = load_used_fonts(haru, doc, files, page_fonts);

    // All pages first: internal links and bookmarks need their target page to exist.
    std::vector<HPDF_Page> pages;
    pages.reserve(doc.pages.size());
    for (const auto& p : doc.pages) {
        HPDF_Page page = haru.checked(HPDF_AddPage(haru.get()), "adding a page");
        haru.check(HPDF_Page_SetWidth(page, real(p.width)), "setting the page width");
        haru.check(HPDF_Page_SetHeight(page, real(p.height)), "setting the page height");
        pages.push_back(page);
    }

    TextShower text;
    page_fonts.resources.resize(doc.pages.size());
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        try {
            refs.push_back(draw_page(haru, doc, pages, i, fonts, text, charts, page_fonts.resources[i]));
        } catch (const core::EngineError& e) {
            core::Diagnostic d = e.diagnostic();
            d.message = "page " + std::to_string(i + 1) + ": " + d.message;
            throw core::EngineError(std::move(d));
        }
    }

    page_fonts.files = haru.font_files();  // only for text libharu showed itself
    add_outline(haru, pages, doc);
    set_info(haru, doc.info);
    return haru.save();
}

}  // namespace

std::string write_pdf(const layout::Document& doc, const std::vector<charts::render::PdfChart>& charts,
                      const layout::FontFiles& fonts, const DocumentLevel& level) {
    if (doc.pages.empty()) fail("the report has no pages to write");
    std::vector<ChartOnPage> placements;
    PageFonts page_fonts;
    Tagging tagging;
    std::string haru_pdf = draw_with_haru(doc, fonts, placements, page_fonts, tagging.refs);
    if (doc.structure.size() > 1) tagging.tree = &doc.structure;
    return finish_pdf(haru_pdf, charts, placements, page_fonts, tagging, level);
}

}  // namespace engine::pdf
