#include "engine/pdf/page_text.h"

#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "engine/core/text.h"

namespace engine::pdf {

namespace {

HPDF_Stream text_object_stream(HPDF_Page page) {
    auto* attr = page == nullptr ? nullptr : static_cast<HPDF_PageAttr>(page->attr);
    if (attr == nullptr || attr->gmode != HPDF_GMODE_TEXT_OBJECT) return nullptr;
    return attr->stream;
}

}  // namespace

HPDF_STATUS select_font(HPDF_Page page, const std::string& resource, double size) {
    if (!(size > 0 && size <= HPDF_MAX_FONTSIZE)) return HPDF_PAGE_INVALID_FONT_SIZE;
    HPDF_Stream stream = text_object_stream(page);
    if (stream == nullptr) return HPDF_PAGE_INVALID_GMODE;
    HPDF_STATUS status = HPDF_Stream_WriteEscapeName(stream, resource.c_str());
    if (status == HPDF_OK) status = HPDF_Stream_WriteChar(stream, ' ');
    if (status == HPDF_OK) status = HPDF_Stream_WriteReal(stream, static_cast<HPDF_REAL>(size));
    if (status == HPDF_OK) status = HPDF_Stream_WriteStr(stream, " Tf\012");
    return status;
}

// libharu's width of a character of a UTF-8 font is its TrueType definition's, looked up by
// code point (HPDF_Font_TextWidth -> HPDF_TTFontDef_GetCharWidth), so the definition, which
// outlives documents, answers without a font object.
bool TextShower::has_width(HPDF_FontDef def, char32_t cp) {
    std::vector<std::uint8_t>& known = widths_[def];
    if (known.empty()) known.assign(0x10000, 0);
    std::uint8_t& entry = known[cp];
    if (entry == 0) {
        entry = HPDF_TTFontDef_GetCharWidth(def, static_cast<HPDF_UINT16>(cp)) != 0 ? 2 : 1;
    }
    return entry == 2;
}

std::optional<HPDF_STATUS> TextShower::show(HPDF_Page page, HPDF_FontDef def, const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    if (text.size() > HPDF_LIMIT_MAX_STRING_LEN || def == nullptr) return std::nullopt;
    ops_.assign(1, '<');
    bool any_width = false;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t cp = core::next_code_point(text, i);
        const bool replacement_as_written = cp == 0xFFFD && text.compare(start, i - start, "\xEF\xBF\xBD") == 0;
        if (cp == 0 || cp > 0xFFFF || (cp == 0xFFFD && !replacement_as_written)) return std::nullopt;
        if (!any_width) any_width = has_width(def, cp);
        for (int shift = 12; shift >= 0; shift -= 4) ops_ += kHex[(cp >> shift) & 0xF];
    }
    if (!any_width) return HPDF_OK;  // libharu writes nothing for a run without width
    ops_ += "> Tj\n";
    HPDF_Stream stream = text_object_stream(page);
    if (stream == nullptr) return std::nullopt;
    return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(ops_.data()),
                             static_cast<HPDF_UINT>(ops_.size()));
}

}  // namespace engine::pdf
