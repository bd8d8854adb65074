#include "charts/render/font_context.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

#include <cstring>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace charts::render {

FontPaths FontPaths::in_dirs(const std::string& liberation_dir, const std::string& dejavu_dir) {
    auto join = [](const std::string& dir, const char* file) {
        return (std::filesystem::path(dir) / file).string();
    };
    FontPaths p;
    p.regular = join(liberation_dir, "LiberationSans-Regular.ttf");
    p.bold = join(liberation_dir, "LiberationSans-Bold.ttf");
    p.fallback_regular = join(dejavu_dir, "DejaVuSans.ttf");
    p.fallback_bold = join(dejavu_dir, "DejaVuSans-Bold.ttf");
    return p;
}

void check_fonts(const FontPaths& paths) { detail::FontContext::for_thread(paths); }

namespace detail {

namespace {

// The family name fontconfig reads from a font file ("Liberation Sans").
std::string family_of(FcConfig* config, const std::string& file) {
    FcFontSet* set = FcConfigGetFonts(config, FcSetApplication);
    if (!set) return "";
    for (int i = 0; i < set->nfont; ++i) {
        FcChar8* f = nullptr;
        FcChar8* fam = nullptr;
        if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &f) == FcResultMatch &&
            file == reinterpret_cast<const char*>(f) &&
            FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &fam) == FcResultMatch) {
            return reinterpret_cast<const char*>(fam);
        }
    }
    return "";
}

}  // namespace

void configure_context(PangoContext* context) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context, FALSE);
    pango_cairo_context_set_resolution(context, 72.0);
}

FontContext& FontContext::for_thread(const FontPaths& paths) {
    // One per thread and font set: pango font maps and contexts must not be shared across
    // threads. Contexts live until the thread ends, so references handed out stay valid.
    thread_local std::vector<std::unique_ptr<FontContext>> contexts;
    for (const auto& c : contexts)
        if (c->paths() == paths) return *c;
    contexts.push_back(std::unique_ptr<FontContext>(new FontContext(paths)));
    return *contexts.back();
}

FontContext::FontContext(const FontPaths& paths) : paths_(paths) {
    std::vector<const std::string*> files = {&paths.regular, &paths.bold, &paths.fallback_regular,
                                             &paths.fallback_bold};
    for (const std::string* f : {&paths.latin_regular, &paths.latin_bold})
        if (!f->empty()) files.push_back(f);
    for (const std::string* f : files) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(*f, ec))
            throw std::runtime_error("chart font file not found: " + *f);
    }
    FcConfig* config = FcConfigCreate();
    if (!config) throw std::runtime_error("fontconfig: cannot create a configuration");
    for (const std::string* f : files) {
        if (!FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(f->c_str()))) {
            FcConfigDestroy(config);
            throw std::runtime_error("chart font file cannot be loaded: " + *f);
        }
    }
    std::string main_family = family_of(config, paths.regular);
    std::string fallback_family = family_of(config, paths.fallback_regular);
    if (main_family.empty()) main_family = "Liberation Sans";
    families_ = main_family;
    if (!paths.latin_regular.empty())
        if (std::string latin = family_of(config, paths.latin_regular); !latin.empty() && latin != main_family)
            families_ += "," + latin;
    if (!fallback_family.empty() && fallback_family != main_family)
        families_ += "," + fallback_family;

    // pango's first font map starts a thread ("[pango] FcInit") that runs FcInit(): it loads
    // the system's fontconfig configuration (every conf.d file) and font cache, about 7 % of a
    // cold board paper's CPU, although pango then uses only the config set below. With the
    // first chart config made fontconfig's current one, that FcInit finds a config and returns
    // (docs/performance.md). Nothing here uses fontconfig's default config:
    // layout::resolve_fonts loads its own (FcInitLoadConfigAndFonts).
    static std::once_flag current_set;
    std::call_once(current_set, [config] { FcConfigSetCurrent(config); });  // takes a reference
    font_map_ = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!font_map_ || !PANGO_IS_FC_FONT_MAP(font_map_)) {
        FcConfigDestroy(config);
        if (font_map_) g_object_unref(font_map_);
        throw std::runtime_error("pango: no fontconfig font map available");
    }
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_), config);  // takes a reference
    FcConfigDestroy(config);
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map_), 72.0);

    measure_context_ = new_context();
    measure_layout_ = pango_layout_new(measure_context_);
}

FontContext::~FontContext() {
    for (auto& [key, desc] : descriptions_) pango_font_description_free(desc);
    if (measure_layout_) g_object_unref(measure_layout_);
    if (measure_context_) g_object_unref(measure_context_);
    if (font_map_) {
        // pango 1.50 does not release its configuration when the map is finalized; dropping it
        // here frees the fontconfig data of our font files.
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_), nullptr);
        g_object_unref(font_map_);
    }
}

PangoContext* FontContext::new_context() const {
    PangoContext* c = pango_font_map_create_context(font_map_);
    configure_context(c);
    return c;
}

const PangoFontDescription* FontContext::description(const scene::FontSpec& font) {
    auto key = std::pair{font.bold, font.size};
    auto it = descriptions_.find(key);
    if (it != descriptions_.end()) return it->second;
    PangoFontDescription* d = pango_font_description_new();
    pango_font_description_set_family(d, families_.c_str());
    pango_font_description_set_weight(d, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d, PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(d, font.size * PANGO_SCALE);
    descriptions_.emplace(key, d);
    return d;
}

double FontContext::width(std::string_view text, const scene::FontSpec& font) {
    if (text.empty()) return 0.0;
    constexpr std::size_t kMaxWidths = 8192;  // about 1 MB at most
    std::string key(sizeof font.size + 1, '\0');
    std::memcpy(key.data(), &font.size, sizeof font.size);
    key.back() = font.bold ? 'b' : 'r';
    key.append(text);
    if (auto it = widths_.find(key); it != widths_.end()) return it->second;
    pango_layout_set_font_description(measure_layout_, description(font));
    pango_layout_set_text(measure_layout_, text.data(), static_cast<int>(text.size()));
    PangoRectangle logical;
    pango_layout_get_extents(measure_layout_, nullptr, &logical);
    const double w = static_cast<double>(logical.width) / PANGO_SCALE;
    if (widths_.size() >= kMaxWidths) widths_.clear();
    widths_.emplace(std::move(key), w);
    return w;
}

std::pair<double, double> FontContext::metrics(const scene::FontSpec& font) {
    auto key = std::pair{font.bold, font.size};
    auto it = metrics_.find(key);
    if (it != metrics_.end()) return it->second;
    pango_layout_set_font_description(measure_layout_, description(font));
    pango_layout_set_text(measure_layout_, "Hg", 2);
    PangoRectangle logical;
    pango_layout_get_extents(measure_layout_, nullptr, &logical);
    const double baseline =
        static_cast<double>(pango_layout_get_baseline(measure_layout_)) / PANGO_SCALE;
    const double height = static_cast<double>(logical.height) / PANGO_SCALE;
    auto m = std::pair{baseline, height - baseline};
    metrics_.emplace(key, m);
    return m;
}

double lay_out_anchored(PangoLayout* layout, FontContext& fonts, const scene::Text& text) {
    pango_layout_set_font_description(layout, fonts.description(text.font));
    pango_layout_set_text(layout, text.text.data(), static_cast<int>(text.text.size()));
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    const double w = static_cast<double>(logical.width) / PANGO_SCALE;
    double x = text.pos.x;
    if (text.anchor == scene::Anchor::Centre) x -= w / 2.0;
    if (text.anchor == scene::Anchor::Right) x -= w;
    return x;
}

double FontContext::ascent(const scene::FontSpec& font) { return metrics(font).first; }
double FontContext::descent(const scene::FontSpec& font) { return metrics(font).second; }

}  // namespace detail
}  // namespace charts::render
