#include "engine/pdf/qpdf_finish.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <mutex>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "engine/core/diagnostic.h"
#include "engine/pdf/font_embedding.h"
#include "engine/pdf/object_stream_packer.h"
#include "engine/pdf/structure_tree.h"

namespace engine::pdf {

namespace {

using Pages = std::vector<QPDFPageObjectHelper>;

// zlib level of the one compressing write (and of the streams compressed once per thread).
// Measured on the 500-setting benchmark (docs/performance.md, "CPU per report, the third
// session"): 3 against 6 gives 5.7 % fewer instructions per report for 5.7 % more bytes (28.0 to
// 29.6 KiB a report, the goal being at most 50); 1 would give 10 % more bytes, 9 saves 0.2 %.
constexpr int kZlibLevel = 3;

constexpr const char* kProducer = "boardpack " BOARDPACK_VERSION " (libharu, qpdf)";

[[noreturn]] void finish_fail(const std::string& message) { throw core::EngineError({}, message); }

// One Type0 font object per font file, shared by the pages' font resources, the charts and any
// font libharu wrote for text only it could encode. Filled in by embed_font once every code is
// known.
struct FontRegistry {
    std::map<std::string, QPDFObjectHandle> fonts;  // file -> font dictionary (indirect)
    std::map<std::string, GlyphCodes> codes;        // file -> codes shown

    QPDFObjectHandle font_for(QPDF& pdf, const std::string& file) {
        auto it = fonts.find(file);
        if (it != fonts.end()) return it->second;
        return fonts.emplace(file, pdf.makeIndirectObject(QPDFObjectHandle::newDictionary()))
            .first->second;
    }
};

// "HPDFAB+LiberationSans-Bold,Bold" -> "LiberationSans-Bold": the name libharu was given.
std::string haru_font_name(const std::string& base_font) {
    std::string name = base_font.substr(base_font.find('+') + 1);  // npos + 1 == 0
    return name.substr(0, name.find(','));
}

// The fonts the pages' text names by resource ("/BF0 10 Tf"): one Type0 font per file, shared
// with the charts and with any font libharu wrote, filled in by embed_font. Runs first.
void add_page_fonts(QPDF& pdf, Pages& pages, const PageFonts& page_fonts, FontRegistry& registry) {
    std::set<std::string> merged;
    for (std::size_t i = 0; i < pages.size() && i < page_fonts.resources.size(); ++i) {
        if (page_fonts.resources[i].empty()) continue;
        QPDFObjectHandle resources = pages[i].getAttribute("/Resources", true);
        if (!resources.isDictionary()) {
            resources = QPDFObjectHandle::newDictionary();
            pages[i].getObjectHandle().replaceKey("/Resources", resources);
        }
        QPDFObjectHandle fonts = resources.getKey("/Font");
        if (!fonts.isDictionary()) {
            fonts = QPDFObjectHandle::newDictionary();
            resources.replaceKey("/Font", fonts);
        }
        for (const auto& [name, file] : page_fonts.resources[i]) {
            fonts.replaceKey("/" + name, registry.font_for(pdf, file));
            auto codes = page_fonts.codes.find(file);
            if (codes != page_fonts.codes.end() && merged.insert(file).second) {
                merge_codes(registry.codes[file], codes->second, file);
            }
        }
    }
}

// libharu's UTF-8 fonts are Type0/Identity-H with codes equal to Unicode code points. Their
// "subsets" hold every glyph's metrics and a malformed ToUnicode: each is rebuilt later from
// the file it came from. Runs before the charts are placed.
void register_haru_fonts(Pages& pages, const PageFonts& page_fonts, FontRegistry& registry) {
    std::map<std::string, std::string> files;  // libharu's names carry the style too
    for (const auto& [name, file] : page_fonts.files) files.emplace(haru_font_name(name), file);
    for (auto& page : pages) {
        QPDFObjectHandle resources = page.getAttribute("/Resources", false);
        if (!resources.isDictionary()) continue;
        QPDFObjectHandle fonts = resources.getKey("/Font");
        if (!fonts.isDictionary()) continue;
        for (auto item : fonts.ditems()) {
            QPDFObjectHandle font = item.second;
            if (!font.isDictionary() || !font.getKey("/Subtype").isNameAndEquals("/Type0") ||
                !font.getKey("/BaseFont").isName()) {
                continue;
            }
            const std::string name = haru_font_name(font.getKey("/BaseFont").getName().substr(1));
            auto file = files.find(name);
            if (file == files.end()) finish_fail("libharu wrote font '" + name + "', from no known file");
            auto [it, added] = registry.fonts.emplace(file->second, font);
            if (!added && it->second.getObjGen() != font.getObjGen()) fonts.replaceKey(item.first, it->second);
            auto codes = page_fonts.codes.find(file->second);
            if (codes != page_fonts.codes.end()) merge_codes(registry.codes[file->second], codes->second, file->second);
        }
    }
}

void embed_fonts(QPDF& pdf, const FontRegistry& registry) {
    for (const auto& [file, font] : registry.fonts) {
        auto codes = registry.codes.find(file);
        embed_font(pdf, font, file, codes == registry.codes.end() ? GlyphCodes{} : codes->second);
    }
}

// libharu only accepts XYZ zooms in [0.08, 32]; a null zoom keeps the reader's own zoom when
// a bookmark or link is followed, which is what a reader expects.
void keep_reader_zoom(QPDFObjectHandle dest) {
    if (dest.isArray() && dest.getArrayNItems() == 5 &&
        dest.getArrayItem(1).isNameAndEquals("/XYZ")) {
        dest.setArrayItem(4, QPDFObjectHandle::newNull());
    }
}

void keep_reader_zoom_in_outline(QPDFObjectHandle first, std::set<QPDFObjGen>& seen) {
    for (QPDFObjectHandle item = first; item.isDictionary();
         item = item.getKey("/Next")) {
        if (item.isIndirect() && !seen.insert(item.getObjGen()).second) break;  // cycle guard
        keep_reader_zoom(item.getKey("/Dest"));
        keep_reader_zoom_in_outline(item.getKey("/First"), seen);
    }
}

void keep_reader_zoom_everywhere(QPDF& pdf, Pages& pages) {
    QPDFObjectHandle outlines = pdf.getRoot().getKey("/Outlines");
    if (outlines.isDictionary()) {
        std::set<QPDFObjGen> seen;
        keep_reader_zoom_in_outline(outlines.getKey("/First"), seen);
    }
    for (auto& page : pages) {
        QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
        if (!annots.isArray()) continue;
        for (auto annot : annots.aitems()) {
            if (annot.isDictionary() && annot.getKey("/Subtype").isNameAndEquals("/Link")) {
                keep_reader_zoom(annot.getKey("/Dest"));
            }
        }
    }
}

QPDFObjectHandle resources_with_xobjects(QPDFPageObjectHelper& page) {
    QPDFObjectHandle resources = page.getAttribute("/Resources", true);
    if (!resources.isDictionary()) {
        resources = QPDFObjectHandle::newDictionary();
        page.getObjectHandle().replaceKey("/Resources", resources);
    }
    QPDFObjectHandle xobjects = resources.getKey("/XObject");
    if (!xobjects.isDictionary()) {
        xobjects = QPDFObjectHandle::newDictionary();
        resources.replaceKey("/XObject", xobjects);
    }
    return resources;
}

// Puts `drawing` where libharu's content stream of `page` has `slot`.
void fill_slot(QPDFPageObjectHelper& page, int page_number, const std::string& slot,
               const std::string& drawing) {
    QPDFObjectHandle contents = page.getObjectHandle().getKey("/Contents");
    if (contents.isArray() && contents.getArrayNItems() == 1) contents = contents.getArrayItem(0);
    std::string data;
    if (contents.isStream()) {
        std::shared_ptr<Buffer> b = contents.getStreamData(qpdf_dl_generalized);
        data.assign(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
    }
    auto at = data.find(slot);
    if (at == std::string::npos) {
        finish_fail("page " + std::to_string(page_number + 1) + " has no place for a chart (" +
             slot.substr(0, slot.size() - 1) + ")");
    }
    data.replace(at, slot.size(), drawing);
    contents.replaceStreamData(data, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

// A chart as a form XObject whose fonts are the registry's (one per file with the pages).
QPDFObjectHandle make_form(QPDF& pdf, const charts::render::PdfChart& chart, FontRegistry& registry) {
    QPDFObjectHandle fonts = QPDFObjectHandle::newDictionary();
    for (const auto& f : chart.fonts) {
        fonts.replaceKey("/" + f.resource, registry.font_for(pdf, f.file));
        merge_codes(registry.codes[f.file], f.codes, f.file);
    }
    QPDFObjectHandle states = QPDFObjectHandle::newDictionary();
    for (const auto& [name, alpha] : chart.alphas) {
        QPDFObjectHandle gs = QPDFObjectHandle::newDictionary();
        gs.replaceKey("/Type", QPDFObjectHandle::newName("/ExtGState"));
        gs.replaceKey("/ca", QPDFObjectHandle::newReal(alpha, 3));
        gs.replaceKey("/CA", QPDFObjectHandle::newReal(alpha, 3));
        states.replaceKey("/" + name, gs);
    }
    QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
    if (!chart.fonts.empty()) resources.replaceKey("/Font", fonts);
    if (!chart.alphas.empty()) resources.replaceKey("/ExtGState", states);
    QPDFObjectHandle form = QPDFObjectHandle::newStream(&pdf, chart.content);
    QPDFObjectHandle dict = form.getDict();
    dict.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
    dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
    dict.replaceKey("/BBox", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(
                                 0, 0, chart.width, chart.height)));
    dict.replaceKey("/Resources", resources);
    return form;
}

// Places each chart as a form XObject, drawn at its slot in libharu's content (in the initial
// graphics state, as on a fresh page).
void place_charts(QPDF& out, Pages& pages, const std::vector<charts::render::PdfChart>& charts,
                  const std::vector<ChartOnPage>& placements, FontRegistry& registry) {
    std::map<int, QPDFObjectHandle> forms;             // chart -> form XObject
    std::map<std::pair<int, int>, std::string> names;  // (page, chart) -> resource

    for (std::size_t i = 0; i < placements.size(); ++i) {
        const ChartOnPage& c = placements[i];
        if (c.page < 0 || static_cast<std::size_t>(c.page) >= pages.size()) {
            finish_fail("chart placed on page " + std::to_string(c.page + 1) + " but the report has " +
                 std::to_string(pages.size()) + " page(s)");
        }
        if (c.chart_page < 0 || static_cast<std::size_t>(c.chart_page) >= charts.size()) {
            finish_fail("page " + std::to_string(c.page + 1) + " places chart " +
                 std::to_string(c.chart_page + 1) + " but the report has " +
                 std::to_string(charts.size()) + " chart(s)");
        }
        auto form = forms.find(c.chart_page);
        if (form == forms.end()) {
            form = forms.emplace(c.chart_page, make_form(out, charts[static_cast<std::size_t>(c.chart_page)],
                                                         registry)).first;
        }
        auto& page = pages[static_cast<std::size_t>(c.page)];
        auto name = names.find({c.page, c.chart_page});
        if (name == names.end()) {
            QPDFObjectHandle resources = resources_with_xobjects(page);
            int suffix = 0;
            std::string unique = resources.getUniqueResourceName("/Fx", suffix);
            resources.getKey("/XObject").replaceKey(unique, form->second);
            name = names.emplace(std::make_pair(c.page, c.chart_page), unique).first;
        }
        std::string drawing = page.placeFormXObject(
            form->second, name->second, QPDFObjectHandle::Rectangle(c.llx, c.lly, c.urx, c.ury),
            /*invert_transformations=*/true, /*allow_shrink=*/true, /*allow_expand=*/true);
        fill_slot(page, c.page, chart_slot(i), "q 0 g 0 G 1 w\n" + drawing + "Q\n");
    }
}

void set_producer(QPDF& pdf) {
    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    info.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(kProducer));
}

void use_zlib_level() {
    static std::once_flag level_set;  // a process-wide qpdf setting
    std::call_once(level_set, [] { Pl_Flate::setCompressionLevel(kZlibLevel); });
}

std::string write_deterministic(QPDF& pdf) {
    use_zlib_level();
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setMinimumPDFVersion(kPdfVersion);
    // The objects go into an object stream afterwards, written once and compressed in one
    // piece (object_stream_packer.h): qpdf's own object streams cost a third of a report.
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.setCompressStreams(true);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return pack_object_streams(
        std::string_view(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()));
}

}  // namespace

std::string flate_compressed(std::string_view data) {
    use_zlib_level();
    Pl_Buffer buffer("flate output");
    Pl_Flate flate("flate", &buffer, Pl_Flate::a_deflate);
    flate.write(reinterpret_cast<const unsigned char*>(data.data()), data.size());
    flate.finish();
    std::shared_ptr<Buffer> bytes = buffer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize());
}

std::string chart_slot(std::size_t index) {
    return "%boardpack-chart-slot " + std::to_string(index) + "\n";
}

std::string finish_pdf(std::string_view haru_pdf, const std::vector<charts::render::PdfChart>& charts,
                       const std::vector<ChartOnPage>& placements, const PageFonts& fonts,
                       const Tagging& tagging, const DocumentLevel& level) {
    try {
        QPDF out;
        out.setSuppressWarnings(true);
        out.processMemoryFile("libharu output", haru_pdf.data(), haru_pdf.size());
        Pages pages = QPDFPageDocumentHelper(out).getAllPages();

        FontRegistry registry;
        add_page_fonts(out, pages, fonts, registry);
        register_haru_fonts(pages, fonts, registry);
        keep_reader_zoom_everywhere(out, pages);
        place_charts(out, pages, charts, placements, registry);
        embed_fonts(out, registry);
        if (tagging.tree != nullptr) write_structure_tree(out, pages, *tagging.tree, tagging.refs);

        set_producer(out);
        apply_document_level(out, level);  // after /Producer: the XMP repeats the Info entries
        return write_deterministic(out);
    } catch (const core::EngineError&) {
        throw;
    } catch (const std::exception& e) {
        finish_fail(std::string("qpdf could not finish the PDF: ") + e.what());
    }
}

}  // namespace engine::pdf
