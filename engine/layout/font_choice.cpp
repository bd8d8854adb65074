#include "engine/layout/font_choice.h"

#include <fontconfig/fontconfig.h>

#include <cstdio>
#include <filesystem>
#include <set>

#include "engine/core/text.h"
#include "engine/layout/font_metrics.h"

namespace engine::layout {

namespace {

namespace fs = std::filesystem;

// Owns a fontconfig configuration: the system's, with `dir`'s fonts added.
struct FcHandle {
    FcConfig* config = nullptr;
    ~FcHandle() {
        if (config) FcConfigDestroy(config);
    }
};

std::string string_of(FcPattern* p, const char* object, int n = 0) {
    FcChar8* s = nullptr;
    if (FcPatternGetString(p, object, n, &s) != FcResultMatch || !s) return "";
    return reinterpret_cast<const char*>(s);
}

// Every family fontconfig knows, sorted (for the error's "did you mean").
std::vector<std::string> families(FcConfig* config) {
    std::set<std::string> out;
    FcPattern* pattern = FcPatternCreate();
    FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, nullptr);
    if (FcFontSet* set = FcFontList(config, pattern, objects)) {
        for (int i = 0; i < set->nfont; ++i)
            for (int n = 0;; ++n) {
                std::string f = string_of(set->fonts[i], FC_FAMILY, n);
                if (f.empty()) break;
                out.insert(f);
            }
        FcFontSetDestroy(set);
    }
    FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);
    return {out.begin(), out.end()};
}

struct Match {
    std::string file;
    bool family_matches = false;
    std::string format;  // "TrueType", "CFF" …
    int index = 0;       // the face in a collection
};

Match match(FcConfig* config, const std::string& family, int weight, int slant) {
    Match m;
    FcPattern* p = FcPatternCreate();
    FcPatternAddString(p, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(p, FC_WEIGHT, weight);
    FcPatternAddInteger(p, FC_SLANT, slant);
    FcConfigSubstitute(config, p, FcMatchPattern);
    FcDefaultSubstitute(p);
    FcResult result = FcResultNoMatch;
    if (FcPattern* found = FcFontMatch(config, p, &result)) {
        m.file = string_of(found, FC_FILE);
        m.format = string_of(found, FC_FONTFORMAT);
        FcPatternGetInteger(found, FC_INDEX, 0, &m.index);
        for (int n = 0;; ++n) {  // fontconfig always finds something: is it this family?
            std::string f = string_of(found, FC_FAMILY, n);
            if (f.empty()) break;
            m.family_matches = m.family_matches || core::iequals_ascii(f, family);
        }
        FcPatternDestroy(found);
    }
    FcPatternDestroy(p);
    return m;
}

}  // namespace

std::optional<FontFiles> resolve_fonts(const std::string& family, const std::string& dir,
                                       const core::SourceLocation& where, core::DiagnosticSink& sink) {
    FontFiles files;
    if (!dir.empty())
        for (auto& path : files.paths) {
            fs::path in_dir = fs::path(dir) / fs::path(path).filename();
            std::error_code ec;
            if (fs::is_regular_file(in_dir, ec)) path = in_dir.string();
        }
    if (family.empty()) return files;
    FcHandle fc;
    fc.config = FcInitLoadConfigAndFonts();
    if (!fc.config) {
        sink.error(where, "fontconfig cannot load its configuration, so font family '" + family +
                              "' cannot be looked up");
        return std::nullopt;
    }
    if (!dir.empty()) FcConfigAppFontAddDir(fc.config, reinterpret_cast<const FcChar8*>(dir.c_str()));
    const struct {
        FontFace face;
        int weight, slant;
    } styles[] = {{FontFace::Regular, FC_WEIGHT_REGULAR, FC_SLANT_ROMAN},
                  {FontFace::Bold, FC_WEIGHT_BOLD, FC_SLANT_ROMAN},
                  {FontFace::Italic, FC_WEIGHT_REGULAR, FC_SLANT_ITALIC}};
    for (const auto& s : styles) {
        Match m = match(fc.config, family, s.weight, s.slant);
        if (!m.family_matches || m.file.empty()) {
            sink.error(where, "font family '" + family + "' is not installed (fontconfig has no font of that name" +
                                  std::string(dir.empty() ? "" : ", in batch.fonts.dir or the system's fonts") + ")",
                       {core::valid_values_hint("font families", family, families(fc.config)),
                        "install its Debian package (fc-list : family lists what is installed), or put its "
                        ".ttf files in a folder and set batch.fonts.dir"});
            return std::nullopt;
        }
        if (m.format != "TrueType" || m.index != 0) {
            sink.error(where, "font family '" + family + "' is in '" + m.file + "', which is " +
                                  (m.index != 0 ? "a font collection" : "not a TrueType font (" + m.format + ")") +
                                  ": boardpack embeds TrueType (.ttf) fonts only",
                       {"choose a family with .ttf files (fc-list :fontformat=TrueType family)"});
            return std::nullopt;
        }
        files.paths[static_cast<std::size_t>(s.face)] = m.file;
    }
    files.family = family;
    return files;
}

std::vector<MissingGlyph> missing_glyphs(const std::vector<std::string>& texts, const Fonts& fonts) {
    std::vector<MissingGlyph> out;
    std::set<char32_t> seen;
    for (const auto& text : texts) {
        std::size_t i = 0;
        while (i < text.size()) {
            const char32_t cp = core::next_code_point(text, i);
            if (cp < 0x20 || cp == 0x7F || cp == U' ' || seen.count(cp)) continue;
            if (fonts.face(fonts.face_for(cp, FontFace::Regular)).has(cp)) continue;
            seen.insert(cp);
            out.push_back({cp, text});
        }
    }
    return out;
}

std::vector<std::string> document_texts(const Document& doc) {
    std::vector<std::string> out;
    for (const auto& page : doc.pages)
        for (const auto& item : page.items)
            if (const auto* t = std::get_if<TextRun>(&item); t && !t->text.empty()) out.push_back(t->text);
    return out;
}

std::string missing_glyph_message(const MissingGlyph& g) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(g.code_point));
    std::string ch;
    core::append_utf8(ch, g.code_point);
    return "no chosen font has the character '" + ch + "' (" + code + "), in \"" + core::excerpt(g.text) +
           "\": it prints as an empty box";
}

}  // namespace engine::layout
