#include "engine/pdf/font_embedding.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <vector>

#include "charts/render/font_file.h"
#include "engine/core/diagnostic.h"
#include "engine/core/text.h"
#include "engine/pdf/qpdf_finish.h"
#include "engine/pdf/to_unicode_cmap.h"

namespace engine::pdf {

namespace {

using charts::render::font_file_font;
using charts::render::nominal_glyph;
using charts::render::pdf_glyph_width;

[[noreturn]] void fail(const std::string& file, const std::string& message) {
    throw core::EngineError(core::SourceLocation{file, 0, 0}, message);
}

struct FaceDeleter {
    void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct InputDeleter {
    void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
struct PlanDeleter {
    void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};
struct BlobDeleter {
    void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};

// A big-endian integer of `bytes` at `offset` of table `tag`; 0 when the table is shorter.
long table_int(hb_face_t* face, hb_tag_t tag, unsigned offset, unsigned bytes, bool is_signed) {
    std::unique_ptr<hb_blob_t, BlobDeleter> blob(hb_face_reference_table(face, tag));
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    if (data == nullptr || offset + bytes > length) return 0;
    unsigned long v = 0;
    for (unsigned i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(data[offset + i]);
    if (is_signed && (v >> (8 * bytes - 1)) != 0) return static_cast<long>(v) - (1L << (8 * bytes));
    return static_cast<long>(v);
}

// Six capital letters from the subset's bytes (FNV-1a): the same glyphs give the same tag.
std::string subset_tag(const std::string& bytes) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    std::string tag;
    for (int i = 0; i < 6; ++i) {
        tag += static_cast<char>('A' + h % 26);
        h /= 26;
    }
    return tag;
}

std::string postscript_name(hb_face_t* face, const std::string& file) {
    char name[128];
    unsigned size = sizeof name;
    hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name);
    std::string out;
    for (const char* p = name; *p != '\0'; ++p) {
        // PDF names: keep the printable ASCII a PostScript name may hold.
        if (*p > ' ' && *p < 0x7F && *p != '/' && *p != '(' && *p != ')' && *p != '[' &&
            *p != ']' && *p != '<' && *p != '>' && *p != '{' && *p != '}' && *p != '%' && *p != '#')
            out += *p;
    }
    if (out.empty()) fail(file, "the font has no PostScript name");
    return out;
}

struct Subset {
    std::string bytes;
    std::vector<std::uint32_t> new_gid;  // by code: the glyph in the subset
};

Subset subset_font(hb_face_t* face, const std::string& file, const GlyphCodes& codes) {
    std::unique_ptr<hb_subset_input_t, InputDeleter> input(hb_subset_input_create_or_fail());
    if (!input) fail(file, "HarfBuzz cannot start a font subset");
    hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
    hb_set_add(glyphs, 0);
    for (const auto& [code, glyph] : codes) hb_set_add(glyphs, glyph.gid);
    hb_set_clear(hb_subset_input_unicode_set(input.get()));
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    // A PDF viewer draws glyphs by id: shaping tables, kerning and device metrics are unused.
    for (const char* t : {"GSUB", "GPOS", "GDEF", "kern", "hdmx", "VDMX", "LTSH", "DSIG", "gasp",
                          "JSTF", "BASE", "MATH", "morx", "meta"})
        hb_set_add(drop, hb_tag_from_string(t, 4));
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
    std::unique_ptr<hb_subset_plan_t, PlanDeleter> plan(
        hb_subset_plan_create_or_fail(face, input.get()));
    if (!plan) fail(file, "HarfBuzz cannot plan the font subset");
    std::unique_ptr<hb_face_t, FaceDeleter> result(hb_subset_plan_execute_or_fail(plan.get()));
    if (!result) fail(file, "HarfBuzz cannot subset the font");
    std::unique_ptr<hb_blob_t, BlobDeleter> blob(hb_face_reference_blob(result.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    if (data == nullptr || length == 0) fail(file, "HarfBuzz gave an empty font subset");
    Subset s;
    s.bytes.assign(data, length);
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
    const std::uint16_t max_code = codes.empty() ? 0 : codes.rbegin()->first;
    s.new_gid.assign(static_cast<std::size_t>(max_code) + 1, 0);
    for (const auto& [code, glyph] : codes) {
        hb_codepoint_t g = hb_map_get(old_to_new, glyph.gid);
        s.new_gid[code] = g == HB_MAP_VALUE_INVALID ? 0 : g;
    }
    return s;
}

// A stream's data compressed as the final write would compress it, and its decoded size.
struct Compressed {
    std::string bytes;
    std::size_t size = 0;
};

Compressed compress(const std::string& data) { return {flate_compressed(data), data.size()}; }

// A /FlateDecode stream of `data`: the final write keeps it as it is.
QPDFObjectHandle compressed_stream(QPDF& pdf, const Compressed& data) {
    QPDFObjectHandle stream = QPDFObjectHandle::newStream(&pdf);
    stream.replaceStreamData(data.bytes, QPDFObjectHandle::newName("/FlateDecode"),
                             QPDFObjectHandle::newNull());
    return stream;
}

// What a face's subset for one set of codes comes to: its name, and its font program,
// CIDToGIDMap and ToUnicode compressed.
struct EmbeddedStreams {
    std::string name;  // "ABCDEF+LiberationSans"
    Compressed font_file, cid_to_gid, to_unicode;
};

EmbeddedStreams make_streams(hb_face_t* face, const std::string& file, const GlyphCodes& codes) {
    Subset subset = subset_font(face, file, codes);
    std::string map;  // CIDToGIDMap: 2 bytes per code, big-endian
    map.reserve(subset.new_gid.size() * 2);
    for (std::uint32_t g : subset.new_gid) {
        map += static_cast<char>((g >> 8) & 0xFF);
        map += static_cast<char>(g & 0xFF);
    }
    std::map<std::uint16_t, std::string> texts;
    for (const auto& [code, glyph] : codes) texts.emplace(code, glyph.text);
    EmbeddedStreams streams;
    streams.name = subset_tag(subset.bytes + map) + "+" + postscript_name(face, file);
    streams.font_file = compress(subset.bytes);
    streams.cid_to_gid = compress(map);
    streams.to_unicode = compress(to_unicode_cmap(texts));
    return streams;
}

// The streams of a face and set of codes, made once per thread: the reports of a batch show
// the same few sets of glyphs again and again (32 subsets in 100 setting reports' 200 fonts),
// and subsetting and compressing them was about 7 % of a report. At most kCachedSubsets
// entries, then the cache starts again.
constexpr std::size_t kCachedSubsets = 64;

const EmbeddedStreams& streams_for(hb_face_t* face, const std::string& file, const GlyphCodes& codes) {
    thread_local std::map<std::string, EmbeddedStreams> cache;
    std::string key = file;
    key += '\0';
    for (const auto& [code, glyph] : codes) {
        key.append(reinterpret_cast<const char*>(&code), sizeof code);
        key.append(reinterpret_cast<const char*>(&glyph.gid), sizeof glyph.gid);
        key += glyph.text;
        key += '\0';
    }
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    EmbeddedStreams streams = make_streams(face, file, codes);  // may throw: nothing cached then
    if (cache.size() >= kCachedSubsets) cache.clear();
    return cache.emplace(std::move(key), std::move(streams)).first->second;
}

// /W as runs of consecutive codes: c [w1 w2 …].
QPDFObjectHandle widths(const std::string& file, const GlyphCodes& codes) {
    QPDFObjectHandle w = QPDFObjectHandle::newArray();
    QPDFObjectHandle run;
    long next = -1;
    for (const auto& [code, glyph] : codes) {
        if (static_cast<long>(code) != next) {
            if (run.isInitialized()) w.appendItem(run);
            w.appendItem(QPDFObjectHandle::newInteger(code));
            run = QPDFObjectHandle::newArray();
        }
        run.appendItem(QPDFObjectHandle::newInteger(pdf_glyph_width(file, glyph.gid)));
        next = static_cast<long>(code) + 1;
    }
    if (run.isInitialized()) w.appendItem(run);
    return w;
}

QPDFObjectHandle font_descriptor(QPDF& pdf, hb_font_t* font, const std::string& name,
                                 const Compressed& subset) {
    hb_face_t* face = hb_font_get_face(font);
    const long upem = static_cast<long>(hb_face_get_upem(face));
    auto em = [upem](long v) { return QPDFObjectHandle::newInteger(v * 1000 / upem); };
    auto metric = [font](hb_ot_metrics_tag_t tag) {
        hb_position_t v = 0;
        hb_ot_metrics_get_position(font, tag, &v);
        return static_cast<long>(v);
    };
    const hb_tag_t head = HB_TAG('h', 'e', 'a', 'd');
    QPDFObjectHandle bbox = QPDFObjectHandle::newArray();
    for (unsigned offset : {36u, 38u, 40u, 42u}) bbox.appendItem(em(table_int(face, head, offset, 2, true)));
    const long italic_fixed = table_int(face, HB_TAG('p', 'o', 's', 't'), 4, 4, true);
    const double italic = static_cast<double>(italic_fixed) / 65536.0;

    QPDFObjectHandle file = compressed_stream(pdf, subset);
    file.getDict().replaceKey("/Length1", QPDFObjectHandle::newInteger(static_cast<long long>(subset.size)));

    QPDFObjectHandle d = QPDFObjectHandle::newDictionary();
    d.replaceKey("/Type", QPDFObjectHandle::newName("/FontDescriptor"));
    d.replaceKey("/FontName", QPDFObjectHandle::newName("/" + name));
    d.replaceKey("/Flags", QPDFObjectHandle::newInteger(italic != 0.0 ? 32 + 64 : 32));  // nonsymbolic
    d.replaceKey("/FontBBox", bbox);
    d.replaceKey("/ItalicAngle", QPDFObjectHandle::newReal(italic, 2));
    d.replaceKey("/Ascent", em(metric(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER)));
    d.replaceKey("/Descent", em(metric(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER)));
    d.replaceKey("/CapHeight", em(metric(HB_OT_METRICS_TAG_CAP_HEIGHT)));
    d.replaceKey("/XHeight", em(metric(HB_OT_METRICS_TAG_X_HEIGHT)));
    d.replaceKey("/StemV", QPDFObjectHandle::newInteger(80));
    d.replaceKey("/FontFile2", file);
    return pdf.makeIndirectObject(d);
}

}  // namespace

void add_text_codes(GlyphCodes& codes, const std::string& file, const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const char32_t cp = core::next_code_point(text, i);
        if (cp > 0xFFFF) continue;
        auto code = static_cast<std::uint16_t>(cp);
        if (codes.count(code)) continue;
        std::string utf8;
        core::append_utf8(utf8, cp);
        try {
            codes.emplace(code, charts::render::GlyphCode{nominal_glyph(file, cp), utf8});
        } catch (const std::exception& e) {
            fail(file, e.what());
        }
    }
}

void merge_codes(GlyphCodes& codes, const GlyphCodes& more, const std::string& file) {
    for (const auto& [code, glyph] : more) {
        auto [it, added] = codes.emplace(code, glyph);
        if (!added && it->second.gid != glyph.gid) {
            fail(file, "code " + std::to_string(code) + " stands for glyphs " +
                           std::to_string(it->second.gid) + " and " + std::to_string(glyph.gid));
        }
    }
}

void embed_font(QPDF& pdf, QPDFObjectHandle font, const std::string& file, const GlyphCodes& codes) {
    hb_font_t* hb = nullptr;
    try {
        hb = font_file_font(file);
    } catch (const std::exception& e) {
        fail(file, e.what());
    }
    hb_face_t* face = hb_font_get_face(hb);
    // The licence bits libharu refused to embed (restricted, bitmap only, no subsetting).
    const long fs_type = table_int(face, HB_TAG('O', 'S', '/', '2'), 8, 2, false);
    if ((fs_type & (0x0002 | 0x0100 | 0x0200)) != 0) {
        fail(file, "the font's licence does not allow embedding it in a PDF (OS/2 fsType " +
                       std::to_string(fs_type) + ")");
    }
    const EmbeddedStreams& streams = streams_for(face, file, codes);
    const std::string& name = streams.name;

    QPDFObjectHandle info = QPDFObjectHandle::newDictionary();
    info.replaceKey("/Registry", QPDFObjectHandle::newString("Adobe"));
    info.replaceKey("/Ordering", QPDFObjectHandle::newString("Identity"));
    info.replaceKey("/Supplement", QPDFObjectHandle::newInteger(0));

    QPDFObjectHandle cid = QPDFObjectHandle::newDictionary();
    cid.replaceKey("/Type", QPDFObjectHandle::newName("/Font"));
    cid.replaceKey("/Subtype", QPDFObjectHandle::newName("/CIDFontType2"));
    cid.replaceKey("/BaseFont", QPDFObjectHandle::newName("/" + name));
    cid.replaceKey("/CIDSystemInfo", info);
    cid.replaceKey("/FontDescriptor", font_descriptor(pdf, hb, name, streams.font_file));
    cid.replaceKey("/W", widths(file, codes));
    cid.replaceKey("/CIDToGIDMap", compressed_stream(pdf, streams.cid_to_gid));

    font.replaceKey("/Type", QPDFObjectHandle::newName("/Font"));
    font.replaceKey("/Subtype", QPDFObjectHandle::newName("/Type0"));
    font.replaceKey("/BaseFont", QPDFObjectHandle::newName("/" + name));
    font.replaceKey("/Encoding", QPDFObjectHandle::newName("/Identity-H"));
    font.replaceKey("/DescendantFonts",
                    QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{pdf.makeIndirectObject(cid)}));
    font.replaceKey("/ToUnicode", compressed_stream(pdf, streams.to_unicode));
}

}  // namespace engine::pdf
