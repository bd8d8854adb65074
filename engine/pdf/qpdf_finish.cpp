#include "engine/pdf/qpdf_finish.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "engine/core/diagnostic.h"
#include "engine/pdf/structure_tree.h"
#include "engine/pdf/to_unicode_cmap.h"

namespace engine::pdf {

namespace {

using Pages = std::vector<QPDFPageObjectHelper>;

constexpr const char* kProducer = "boardpack " BOARDPACK_VERSION " (libharu, qpdf)";

[[noreturn]] void fail(const std::string& message) { throw core::EngineError({}, message); }

// "HPDFAB+LiberationSans-Bold,Bold" -> "HPDFAB+LiberationSans-Bold". libharu appends the style
// the way names of non-embedded TrueType fonts do; an embedded subset carries the plain
// PostScript name (and pdffonts, Acrobat's font list and preflight tools show it).
void strip_style_suffix(QPDFObjectHandle dict, const char* key) {
    if (!dict.isDictionary()) return;
    QPDFObjectHandle name = dict.getKey(key);
    if (!name.isName()) return;
    std::string value = name.getName();
    auto comma = value.find(',');
    if (comma != std::string::npos) {
        dict.replaceKey(key, QPDFObjectHandle::newName(value.substr(0, comma)));
    }
}

// libharu's UTF-8 fonts are Type0/Identity-H with codes equal to Unicode code points; their
// /ToUnicode is a CID CMap that poppler rejects. Give them all one valid identity CMap, and
// clean their names. Runs before the charts are copied in, so the chart PDF's own fonts are
// never touched.
void repair_haru_fonts(QPDF& pdf, Pages& pages) {
    QPDFObjectHandle cmap;
    std::set<QPDFObjGen> done;
    for (auto& page : pages) {
        QPDFObjectHandle resources = page.getAttribute("/Resources", false);
        if (!resources.isDictionary()) continue;
        QPDFObjectHandle fonts = resources.getKey("/Font");
        if (!fonts.isDictionary()) continue;
        for (auto item : fonts.ditems()) {
            QPDFObjectHandle font = item.second;
            if (!font.isDictionary() || !font.getKey("/Subtype").isNameAndEquals("/Type0") ||
                !font.getKey("/Encoding").isNameAndEquals("/Identity-H")) {
                continue;
            }
            if (font.isIndirect() && !done.insert(font.getObjGen()).second) continue;
            if (!cmap.isInitialized()) {
                cmap = QPDFObjectHandle::newStream(&pdf, identity_to_unicode_cmap());
            }
            font.replaceKey("/ToUnicode", cmap);
            strip_style_suffix(font, "/BaseFont");
            QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
            if (!descendants.isArray()) continue;
            for (auto cid_font : descendants.aitems()) {
                strip_style_suffix(cid_font, "/BaseFont");
                if (cid_font.isDictionary()) {
                    strip_style_suffix(cid_font.getKey("/FontDescriptor"), "/FontName");
                }
            }
        }
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
        fail("page " + std::to_string(page_number + 1) + " has no place for a chart (" +
             slot.substr(0, slot.size() - 1) + ")");
    }
    data.replace(at, slot.size(), drawing);
    contents.replaceStreamData(data, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

// Places each chart page as a form XObject, drawn at its slot in libharu's content (in the
// initial graphics state, as on a fresh page). `charts_src` must outlive the write: copied
// streams read their data from it lazily.
void place_charts(QPDF& out, Pages& pages, QPDF& charts_src,
                  const std::vector<ChartOnPage>& charts) {
    Pages chart_pages = QPDFPageDocumentHelper(charts_src).getAllPages();
    std::map<int, QPDFObjectHandle> forms;                 // chart page -> copied form XObject
    std::map<std::pair<int, int>, std::string> names;      // (page, chart page) -> resource

    for (std::size_t i = 0; i < charts.size(); ++i) {
        const ChartOnPage& c = charts[i];
        if (c.page < 0 || static_cast<std::size_t>(c.page) >= pages.size()) {
            fail("chart placed on page " + std::to_string(c.page + 1) + " but the report has " +
                 std::to_string(pages.size()) + " page(s)");
        }
        if (c.chart_page < 0 || static_cast<std::size_t>(c.chart_page) >= chart_pages.size()) {
            fail("page " + std::to_string(c.page + 1) + " places chart page " +
                 std::to_string(c.chart_page + 1) + " but the chart PDF has " +
                 std::to_string(chart_pages.size()) + " page(s)");
        }
        auto form = forms.find(c.chart_page);
        if (form == forms.end()) {
            // One copy per chart page; objects shared between chart pages (fonts) are copied
            // once because they all come from the same source QPDF.
            QPDFObjectHandle fx = chart_pages[static_cast<std::size_t>(c.chart_page)]
                                      .getFormXObjectForPage();
            form = forms.emplace(c.chart_page, out.copyForeignObject(fx)).first;
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

std::string write_deterministic(QPDF& pdf) {
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setMinimumPDFVersion(kPdfVersion);
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.setCompressStreams(true);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

std::string chart_slot(std::size_t index) {
    return "%boardpack-chart-slot " + std::to_string(index) + "\n";
}

std::string finish_pdf(std::string_view haru_pdf, std::string_view chart_pdf,
                       const std::vector<ChartOnPage>& charts, const Tagging& tagging,
                       const DocumentLevel& level) {
    try {
        QPDF out;
        out.setSuppressWarnings(true);
        out.processMemoryFile("libharu output", haru_pdf.data(), haru_pdf.size());
        Pages pages = QPDFPageDocumentHelper(out).getAllPages();

        repair_haru_fonts(out, pages);
        keep_reader_zoom_everywhere(out, pages);

        QPDF charts_src;  // must live until the write below
        if (!charts.empty()) {
            if (chart_pdf.empty()) fail("the layout places charts but no chart PDF was given");
            charts_src.setSuppressWarnings(true);
            try {
                charts_src.processMemoryFile("chart PDF", chart_pdf.data(), chart_pdf.size());
            } catch (const std::exception& e) {
                fail(std::string("cannot read the chart PDF: ") + e.what());
            }
            place_charts(out, pages, charts_src, charts);
        }
        if (tagging.tree != nullptr) write_structure_tree(out, pages, *tagging.tree, tagging.refs);

        set_producer(out);
        apply_document_level(out, level);  // after /Producer: the XMP repeats the Info entries
        return write_deterministic(out);
    } catch (const core::EngineError&) {
        throw;
    } catch (const std::exception& e) {
        fail(std::string("qpdf could not finish the PDF: ") + e.what());
    }
}

}  // namespace engine::pdf
