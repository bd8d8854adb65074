#include "charts/render/font_file.h"

#include <hb.h>

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace charts::render {

namespace {

struct FontDestroy {
    void operator()(hb_font_t* font) const { hb_font_destroy(font); }
};

// The process-wide font of `path`, loaded once under a lock; destroyed at exit (a map of raw
// pointers left every font to LeakSanitizer once the map itself was gone).
hb_font_t* load_shared(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<hb_font_t, FontDestroy>> fonts;  // one per file
    std::lock_guard<std::mutex> lock(mutex);
    auto it = fonts.find(path);
    if (it != fonts.end()) return it->second.get();
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (blob == nullptr) throw std::runtime_error("font file cannot be read: " + path);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    if (hb_face_get_glyph_count(face) == 0) {
        hb_face_destroy(face);
        throw std::runtime_error("font file has no glyphs (not a TrueType font?): " + path);
    }
    hb_font_t* font = hb_font_create(face);  // scale = units per em
    hb_face_destroy(face);
    hb_font_make_immutable(font);
    fonts.emplace(path, std::unique_ptr<hb_font_t, FontDestroy>(font));
    return font;
}

}  // namespace

hb_font_t* font_file_font(const std::string& path) {
    // Looked up per glyph: each thread keeps its own index, so the lock is taken once per file
    // and thread, never per glyph (reports render on several threads at once).
    thread_local std::map<std::string, hb_font_t*> seen;
    if (auto it = seen.find(path); it != seen.end()) return it->second;
    hb_font_t* font = load_shared(path);
    seen.emplace(path, font);
    return font;
}

int pdf_glyph_width(const std::string& path, std::uint32_t gid) {
    hb_font_t* font = font_file_font(path);
    const auto upem = static_cast<long>(hb_face_get_upem(hb_font_get_face(font)));
    const long advance = hb_font_get_glyph_h_advance(font, gid);
    return static_cast<int>(advance * 1000 / upem);
}

std::uint32_t nominal_glyph(const std::string& path, char32_t code_point) {
    hb_codepoint_t gid = 0;
    if (!hb_font_get_nominal_glyph(font_file_font(path), code_point, &gid)) return 0;
    return gid;
}

}  // namespace charts::render
