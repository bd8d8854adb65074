#include "engine/layout/font_metrics.h"

#include <algorithm>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_TRUETYPE_TABLES_H

#include "engine/core/diagnostic.h"
#include "engine/core/text.h"

namespace engine::layout {

std::unique_ptr<FaceMetrics> FaceMetrics::load(const std::string& path) {
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) != 0) throw core::EngineError({path}, "cannot start FreeType");
    FT_Face face = nullptr;
    if (FT_New_Face(lib, path.c_str(), 0, &face) != 0) {
        FT_Done_FreeType(lib);
        throw core::EngineError({path}, "cannot load font file", {missing_font_hint()});
    }
    auto m = std::make_unique<FaceMetrics>();
    m->path_ = path;
    const FT_UShort upem = face->units_per_EM ? face->units_per_EM : 1000;
    // Same integer arithmetic as libharu's TrueType width table.
    auto scale = [&](long units) { return static_cast<int>(units * 1000 / upem); };
    FT_Fixed adv = 0;
    if (FT_Get_Advance(face, 0, FT_LOAD_NO_SCALE, &adv) == 0) m->missing_width_ = scale(adv);
    m->latin1_.fill(-1);
    m->code_points_.reserve(static_cast<std::size_t>(face->num_glyphs));
    m->widths_.reserve(static_cast<std::size_t>(face->num_glyphs));
    FT_UInt gid = 0;
    FT_ULong cp = FT_Get_First_Char(face, &gid);
    while (gid != 0) {
        const auto c = static_cast<char32_t>(cp);
        // FreeType yields each code point once, in ascending order.
        if (FT_Get_Advance(face, gid, FT_LOAD_NO_SCALE, &adv) == 0 &&
            (m->code_points_.empty() || m->code_points_.back() < c)) {
            m->code_points_.push_back(c);
            m->widths_.push_back(scale(adv));
            if (c < m->latin1_.size()) m->latin1_[c] = m->widths_.back();
        }
        cp = FT_Get_Next_Char(face, cp, &gid);
    }
    m->ascent_ = scale(face->ascender);
    m->descent_ = scale(face->descender);
    if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2)); os2 && os2->version >= 2)
        m->cap_height_ = scale(os2->sCapHeight);
    else
        m->cap_height_ = m->ascent_ * 7 / 10;
    FT_Done_Face(face);
    FT_Done_FreeType(lib);
    return m;
}

int FaceMetrics::find(char32_t cp) const {
    if (cp < latin1_.size()) return latin1_[cp];
    auto it = std::lower_bound(code_points_.begin(), code_points_.end(), cp);
    return it != code_points_.end() && *it == cp ? widths_[static_cast<std::size_t>(it - code_points_.begin())] : -1;
}

int FaceMetrics::advance(char32_t cp) const {
    const int w = find(cp);
    return w >= 0 ? w : missing_width_;
}

Fonts::Fonts(const FontFiles& files) : files_(files) {
    for (std::size_t i = 0; i < kFontFaceCount; ++i) {
        for (std::size_t j = 0; j < i && !faces_[i]; ++j)  // a file is read once
            if (files.paths[j] == files.paths[i]) faces_[i] = faces_[j];
        if (!faces_[i]) faces_[i] = FaceMetrics::load(files.paths[i]);
    }
}

FontFace Fonts::face_for(char32_t cp, FontFace preferred) const {
    if (cp == U' ' || face(preferred).has(cp)) return preferred;
    if (files_.branded() && face(latin_of(preferred)).has(cp)) return latin_of(preferred);
    FontFace symbol = preferred == FontFace::Bold ? FontFace::SymbolBold : FontFace::Symbol;
    if (face(symbol).has(cp)) return symbol;
    return preferred;  // nobody has it: libharu draws the missing glyph of the preferred face
}

std::vector<FaceRun> Fonts::runs(std::string_view text, FontFace preferred, double size) const {
    std::vector<FaceRun> out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t start = i;
        char32_t cp = core::next_code_point(text, i);
        FontFace f = face_for(cp, preferred);
        double w = face(f).advance(cp) * size / 1000.0;
        if (out.empty() || out.back().face != f) out.push_back({f, "", 0});
        out.back().text.append(text.substr(start, i - start));
        out.back().width += w;
    }
    return out;
}

double Fonts::width(std::string_view text, FontFace preferred, double size) const {
    double w = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = core::next_code_point(text, i);
        w += face(face_for(cp, preferred)).advance(cp);
    }
    return w * size / 1000.0;
}

}  // namespace engine::layout
