#include "engine/pdf/page_text.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "engine/core/text.h"

namespace engine::pdf {

bool TextShower::has_width(HPDF_Font font, char32_t cp, const std::string& utf8) {
    std::vector<std::uint8_t>& known = widths_[font];
    if (known.empty()) known.assign(0x10000, 0);
    std::uint8_t& entry = known[cp];
    if (entry == 0) {
        HPDF_TextWidth w = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(utf8.data()),
                                               static_cast<HPDF_UINT>(utf8.size()));
        entry = w.width != 0 ? 2 : 1;
    }
    return entry == 2;
}

HPDF_STATUS TextShower::show(HPDF_Page page, HPDF_Font font, const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    if (text.size() > HPDF_LIMIT_MAX_STRING_LEN) return HPDF_Page_ShowText(page, text.c_str());
    ops_.assign(1, '<');
    bool any_width = false;
    std::string utf8;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t cp = core::next_code_point(text, i);
        const bool replacement_as_written = cp == 0xFFFD && text.compare(start, i - start, "\xEF\xBF\xBD") == 0;
        if (cp == 0 || cp > 0xFFFF || (cp == 0xFFFD && !replacement_as_written)) {
            return HPDF_Page_ShowText(page, text.c_str());
        }
        if (!any_width) {
            utf8.assign(text, start, i - start);
            any_width = has_width(font, cp, utf8);
        }
        for (int shift = 12; shift >= 0; shift -= 4) ops_ += kHex[(cp >> shift) & 0xF];
    }
    if (!any_width) return HPDF_OK;  // libharu writes nothing for a run without width
    ops_ += "> Tj\n";
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    if (attr == nullptr || attr->gmode != HPDF_GMODE_TEXT_OBJECT || attr->stream == nullptr) {
        return HPDF_Page_ShowText(page, text.c_str());
    }
    return HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(ops_.data()),
                             static_cast<HPDF_UINT>(ops_.size()));
}

}  // namespace engine::pdf
