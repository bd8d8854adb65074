#include "charts/render/pango_text.h"

#include <utility>

#include "charts/render/font_context.h"

namespace charts::render {

PangoTextMeasure::PangoTextMeasure(FontPaths paths) : paths_(std::move(paths)) {
    detail::FontContext::for_thread(paths_);  // fail early on missing fonts
}

double PangoTextMeasure::width(std::string_view text, const scene::FontSpec& font) const {
    return detail::FontContext::for_thread(paths_).width(text, font);
}

double PangoTextMeasure::ascent(const scene::FontSpec& font) const {
    return detail::FontContext::for_thread(paths_).ascent(font);
}

double PangoTextMeasure::descent(const scene::FontSpec& font) const {
    return detail::FontContext::for_thread(paths_).descent(font);
}

}  // namespace charts::render
