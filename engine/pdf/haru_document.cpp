#include "engine/pdf/haru_document.h"

#include <hpdf_encoder.h>
#include <hpdf_fontdef.h>

#include <cstdio>
#include <filesystem>

#include "engine/core/diagnostic.h"
#include "engine/layout/fonts.h"
#include "engine/pdf/png_decoder.h"

namespace engine::pdf {

namespace {

// Called by libharu from C frames: records the first error only (later ones are usually
// consequences of it) and never throws.
void HPDF_STDCALL on_haru_error(HPDF_STATUS error_no, HPDF_STATUS detail_no,
                                void* user_data) noexcept {
    auto* record = static_cast<HaruDocument::ErrorRecord*>(user_data);
    if (record->error_no == HPDF_OK) {
        record->error_no = error_no;
        record->detail_no = detail_no;
    }
}

std::string hex(HPDF_STATUS code) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%04lX", static_cast<unsigned long>(code));
    return buf;
}

// HPDF_GetFont builds a UTF-8 font's CIDToGIDMap and /W by looking up every code from 0 to
// U+FFFF in the font's cmap, segment by segment: about 20 million compares per face and
// report, a quarter of a report's CPU time, for a map and widths the qpdf pass replaces
// (font_embedding writes them for the codes used). While HPDF_GetFont runs, this gives the
// font definition a cmap of two segments (the space, and the end marker) so each lookup takes
// two compares; the real cmap is back before libharu measures or shows any text. The PDF is
// byte for byte the same (docs/performance.md, "CPU per report").
class ShortCmapWhileGettingFont {
public:
    explicit ShortCmapWhileGettingFont(HPDF_FontDef def) {
        if (def == nullptr || def->type != HPDF_FONTDEF_TYPE_TRUETYPE) return;
        attr_ = static_cast<HPDF_TTFontDefAttr>(def->attr);
        if (attr_->cmap.format != 4 || attr_->cmap.seg_count_x2 == 0) {
            attr_ = nullptr;
            return;
        }
        const HPDF_UINT16 space = HPDF_TTFontDef_GetGlyphid(def, 0x20);
        if (space == 0) {  // libharu needs one mapped code; keep its own lookups then
            attr_ = nullptr;
            return;
        }
        saved_ = attr_->cmap;
        delta_[0] = static_cast<HPDF_INT16>(space - 0x20);
        attr_->cmap.seg_count_x2 = 4;
        attr_->cmap.end_count = end_;
        attr_->cmap.start_count = end_;  // one code per segment
        attr_->cmap.id_delta = delta_;
        attr_->cmap.id_range_offset = range_offset_;
    }
    ~ShortCmapWhileGettingFont() {
        if (attr_ != nullptr) attr_->cmap = saved_;
    }
    ShortCmapWhileGettingFont(const ShortCmapWhileGettingFont&) = delete;
    ShortCmapWhileGettingFont& operator=(const ShortCmapWhileGettingFont&) = delete;

private:
    HPDF_TTFontDefAttr attr_ = nullptr;
    HPDF_TTF_CmapRange saved_{};
    HPDF_UINT16 end_[2] = {0x20, 0xFFFF};
    HPDF_INT16 delta_[2] = {0, 1};  // U+FFFF + 1 wraps to glyph 0
    HPDF_UINT16 range_offset_[2] = {0, 0};
};

// HPDF_Type0Font_New (CIDFontType2_New) then asks, even with the short cmap, for the glyph
// and the width of every code from 0 to U+FFFF: 131,072 libharu calls per face and report,
// about a fifth of the instructions of a setting report, for a /W the qpdf pass replaces. For
// a CMap encoder it walks the encoder's code-to-CID table instead, looking up only the codes
// there; the UTF-8 encoder is a CMap encoder whose table is empty (libharu fills it only for
// its own CMap encoders). While HPDF_GetFont runs this gives the encoder the CMap encoders'
// to-Unicode function and a table of one code (the space as CID 1; libharu refuses a font
// with none), so the font gets a /W of one glyph. Both are back before any text is encoded
// or measured. The PDF is byte for byte the same (docs/performance.md, "CPU per report, the
// third session").
class OneCodeWhileGettingFont {
public:
    explicit OneCodeWhileGettingFont(HPDF_Encoder encoder) {
        if (encoder == nullptr || encoder->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE ||
            encoder->attr == nullptr) {
            return;
        }
        encoder_ = encoder;
        attr_ = static_cast<HPDF_CMapEncoderAttr>(encoder->attr);
        saved_fn_ = encoder_->to_unicode_fn;
        saved_cid_ = attr_->cid_map[0x20][0];
        saved_unicode_ = attr_->unicode_map[0x20][0];
        encoder_->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
        attr_->cid_map[0x20][0] = 1;
        attr_->unicode_map[0x20][0] = 0x20;
    }
    ~OneCodeWhileGettingFont() {
        if (encoder_ == nullptr) return;
        encoder_->to_unicode_fn = saved_fn_;
        attr_->cid_map[0x20][0] = saved_cid_;
        attr_->unicode_map[0x20][0] = saved_unicode_;
    }
    OneCodeWhileGettingFont(const OneCodeWhileGettingFont&) = delete;
    OneCodeWhileGettingFont& operator=(const OneCodeWhileGettingFont&) = delete;

private:
    HPDF_Encoder encoder_ = nullptr;
    HPDF_CMapEncoderAttr attr_ = nullptr;
    HPDF_Encoder_ToUnicode_Func saved_fn_ = nullptr;
    HPDF_UINT16 saved_cid_ = 0;
    HPDF_UNICODE saved_unicode_ = 0;
};

}  // namespace

std::string haru_error_name(HPDF_STATUS error_no) {
    switch (error_no) {
        case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
        case HPDF_FILE_IO_ERROR: return "file I/O error";
        case HPDF_FILE_OPEN_ERROR: return "cannot open file";
        case HPDF_INVALID_DATE_TIME: return "invalid date";
        case HPDF_INVALID_DESTINATION: return "invalid destination";
        case HPDF_INVALID_DOCUMENT: return "invalid document";
        case HPDF_INVALID_ENCODER: return "invalid encoder";
        case HPDF_INVALID_FONTDEF_DATA: return "invalid font data";
        case HPDF_INVALID_FONT_NAME: return "invalid font name";
        case HPDF_INVALID_IMAGE: return "invalid image";
        case HPDF_INVALID_OBJECT: return "invalid object";
        case HPDF_INVALID_OUTLINE: return "invalid outline";
        case HPDF_INVALID_PAGE: return "invalid page";
        case HPDF_INVALID_PARAMETER: return "invalid parameter";
        case HPDF_INVALID_PNG_IMAGE: return "invalid PNG image";
        case HPDF_LIBPNG_ERROR: return "libpng error";
        case HPDF_PAGE_INVALID_GMODE: return "operation not allowed in this graphics mode";
        case HPDF_PAGE_INVALID_FONT_SIZE: return "invalid font size";
        case HPDF_PAGE_INVALID_SIZE: return "invalid page size";
        case HPDF_PAGE_FONT_NOT_FOUND: return "no font set";
        case HPDF_REAL_OUT_OF_RANGE: return "number out of range";
        case HPDF_STRING_OUT_OF_RANGE: return "string too long";
        case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "font does not allow embedding";
        case HPDF_TTF_INVALID_CMAP: return "unsupported TrueType cmap";
        case HPDF_TTF_INVALID_FOMAT: return "not a TrueType font";
        case HPDF_TTF_MISSING_TABLE: return "TrueType table missing";
        case HPDF_UNSUPPORTED_FONT_TYPE: return "unsupported font type";
        case HPDF_ZLIB_ERROR: return "zlib error";
        default: return {};
    }
}

HaruDocument::HaruDocument() {
    doc_ = HPDF_New(&on_haru_error, &error_);
    if (doc_ == nullptr) {
        throw core::EngineError({}, "libharu could not create a PDF document (out of memory)");
    }
}

HaruDocument::~HaruDocument() { HPDF_Free(doc_); }

void HaruDocument::fail(HPDF_STATUS error_no, HPDF_STATUS detail_no, const std::string& what,
                        const std::string& file) {
    HPDF_ResetError(doc_);
    error_ = {};
    std::string message = "libharu error " + hex(error_no);
    std::string name = haru_error_name(error_no);
    if (!name.empty()) message += " (" + name + ")";
    if (detail_no != 0) message += ", detail " + std::to_string(detail_no);
    message += " while " + what;
    throw core::EngineError(core::SourceLocation{file, 0, 0}, message);
}

void HaruDocument::check(const char* what) {
    if (error_.error_no != HPDF_OK) fail(error_.error_no, error_.detail_no, what);
}

void HaruDocument::check(HPDF_STATUS status, const char* what) {
    check(what);
    if (status != HPDF_OK) fail(status, 0, what);
}

void HaruDocument::start() {
    error_ = {};
    fonts_.clear();
    font_files_.clear();
    images_.clear();
    check(HPDF_NewDoc(doc_), "starting a new document");
}

void HaruDocument::use_utf8() {
    // The encoder outlives documents (HPDF_FreeDoc keeps it); registering it twice is an error.
    if (!utf8_registered_) check(HPDF_UseUTFEncodings(doc_), "enabling UTF-8 encodings");
    utf8_registered_ = true;
    check(HPDF_SetCurrentEncoder(doc_, "UTF-8"), "selecting the UTF-8 encoder");
}

const std::string& HaruDocument::definition_name(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw core::EngineError(
            core::SourceLocation{path, 0, 0}, "font file not found",
            {layout::missing_font_hint()});
    }
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    const std::filesystem::file_time_type modified = std::filesystem::last_write_time(path, ec);
    auto known = loaded_files_.find(path);
    if (known != loaded_files_.end() && known->second.size == size &&
        known->second.modified == modified) {
        return known->second.name;  // parsed by an earlier document of this thread
    }
    // Not embedded by libharu: the qpdf pass embeds a HarfBuzz subset of the same file
    // (font_embedding), so libharu neither keeps the file open nor writes its own program.
    const char* name = HPDF_LoadTTFontFromFile(doc_, path.c_str(), HPDF_FALSE);
    if (name == nullptr || error_.error_no != HPDF_OK) {
        auto rec = error_;
        fail(rec.error_no != HPDF_OK ? rec.error_no : HPDF_INVALID_FONTDEF_DATA, rec.detail_no,
             "loading the TrueType font file", path);
    }
    return loaded_files_.insert_or_assign(path, LoadedFile{name, size, modified}).first->second.name;
}

HPDF_FontDef HaruDocument::font_def(const std::string& path) {
    const std::string& name = definition_name(path);
    HPDF_FontDef def = HPDF_GetFontDef(doc_, name.c_str());
    if (def == nullptr || error_.error_no != HPDF_OK) {
        auto rec = error_;
        fail(rec.error_no != HPDF_OK ? rec.error_no : HPDF_INVALID_FONTDEF_DATA, rec.detail_no,
             "finding the definition of font '" + name + "'", path);
    }
    return def;
}

HPDF_Font HaruDocument::load_font(const std::string& path) {
    if (auto it = fonts_.find(path); it != fonts_.end()) return it->second;
    const char* name = definition_name(path).c_str();
    HPDF_Font font = nullptr;
    {
        ShortCmapWhileGettingFont short_cmap(HPDF_GetFontDef(doc_, name));
        OneCodeWhileGettingFont one_code(HPDF_GetEncoder(doc_, "UTF-8"));
        font = HPDF_GetFont(doc_, name, "UTF-8");
    }
    if (font == nullptr || error_.error_no != HPDF_OK) {
        auto rec = error_;
        fail(rec.error_no != HPDF_OK ? rec.error_no : HPDF_INVALID_FONT, rec.detail_no,
             "selecting font '" + std::string(name) + "' in UTF-8", path);
    }
    fonts_.emplace(path, font);
    font_files_.emplace(name, path);
    return font;
}

HPDF_Image HaruDocument::load_png(const std::string& path) {
    if (auto it = images_.find(path); it != images_.end()) return it->second;
    DecodedPng png = decode_png_file(path);  // throws EngineError naming the file
    const std::string what = "embedding the PNG image";
    HPDF_Image image = HPDF_LoadRawImageFromMem(
        doc_, png.color.data(), png.width, png.height,
        png.gray ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
    if (image == nullptr || error_.error_no != HPDF_OK) {
        auto rec = error_;
        fail(rec.error_no != HPDF_OK ? rec.error_no : HPDF_INVALID_IMAGE, rec.detail_no, what, path);
    }
    if (!png.alpha.empty()) {
        HPDF_Image mask = HPDF_LoadRawImageFromMem(doc_, png.alpha.data(), png.width, png.height,
                                                   HPDF_CS_DEVICE_GRAY, 8);
        HPDF_STATUS status = mask == nullptr ? HPDF_INVALID_IMAGE : HPDF_Image_AddSMask(image, mask);
        if (status != HPDF_OK || error_.error_no != HPDF_OK) {
            auto rec = error_;
            fail(rec.error_no != HPDF_OK ? rec.error_no : status, rec.detail_no,
                 what + " (transparency)", path);
        }
    }
    images_.emplace(path, image);
    return image;
}

std::string HaruDocument::save() {
    check(HPDF_SaveToStream(doc_), "saving the PDF to memory");
    HPDF_UINT32 size = HPDF_GetStreamSize(doc_);
    check("measuring the saved PDF");
    std::string bytes(size, '\0');
    HPDF_UINT32 got = size;
    HPDF_STATUS status =
        HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &got);
    // Reading up to the end may report HPDF_STREAM_EOF; that is success when everything came.
    if ((status == HPDF_OK || status == HPDF_STREAM_EOF) && got == size) {
        HPDF_ResetError(doc_);
        error_ = {};
        return bytes;
    }
    check(status, "reading the saved PDF from memory");
    fail(HPDF_FILE_IO_ERROR, 0, "reading the saved PDF from memory (short read)");
}

}  // namespace engine::pdf
