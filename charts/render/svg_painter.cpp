#include "charts/render/svg_painter.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

#include "charts/render/css_font_list.h"
#include "charts/render/render_scene.h"
#include "charts/scene/scene_dump.h"

namespace charts::render {

namespace {

using scene::format_2dp;

// "#RRGGBB" of the colour without its alpha (the alpha goes into an opacity attribute).
std::string rgb(const scene::Color& c) { return scene::format_color(model::with_alpha(c, 1.0)); }

std::string attr(const char* name, const std::string& value) {
    return std::string(" ") + name + "=\"" + xml_escape(value) + "\"";
}

// The opacity attribute `name` when colour alpha × path opacity is below 1, else nothing.
std::string opacity_attr(const char* name, double alpha, double opacity) {
    const double a = alpha * opacity;
    return a < 1.0 ? attr(name, format_2dp(std::max(0.0, a))) : std::string();
}

bool is_name(const std::string& s) {
    if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
    return true;
}

}  // namespace

std::string xml_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') continue;
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

SvgPainter::SvgPainter(std::string id_prefix) : prefix_(std::move(id_prefix)) {}

void SvgPainter::indent() { out_.append(static_cast<std::size_t>(depth_) * 2, ' '); }

void SvgPainter::fill_path(const scene::Path& path) {
    indent();
    out_ += "<path" + attr("d", scene::format_path_data(path)) + attr("fill", rgb(*path.fill)) +
            opacity_attr("fill-opacity", path.fill->a, path.opacity) + "/>\n";
}

void SvgPainter::stroke_path(const scene::Path& path) {
    indent();
    out_ += "<path" + attr("d", scene::format_path_data(path)) + " fill=\"none\"" +
            attr("stroke", rgb(*path.stroke)) + attr("stroke-width", format_2dp(path.line_width)) +
            opacity_attr("stroke-opacity", path.stroke->a, path.opacity);
    if (!path.dash.empty()) {
        std::string dash;
        for (double v : path.dash) dash += (dash.empty() ? "" : " ") + format_2dp(v);
        out_ += attr("stroke-dasharray", dash);
    }
    // Indexed by LineCap (Butt, Round, Square) and LineJoin (Miter, Round, Bevel); SVG's
    // defaults are butt and miter, its miter limit 4 where cairo's is 10.
    static const char* const kCap[] = {"", " stroke-linecap=\"round\"", " stroke-linecap=\"square\""};
    static const char* const kJoin[] = {" stroke-miterlimit=\"10\"", " stroke-linejoin=\"round\"",
                                        " stroke-linejoin=\"bevel\""};
    out_ += kCap[static_cast<int>(path.cap)];
    out_ += kJoin[static_cast<int>(path.join)];
    out_ += "/>\n";
}

void SvgPainter::draw_text(const scene::Text& text) {
    indent();
    out_ += "<text" + attr("x", format_2dp(text.pos.x)) + attr("y", format_2dp(text.pos.y)) +
            attr("font-size", format_2dp(text.font.size));
    if (text.font.bold) out_ += " font-weight=\"bold\"";
    if (text.anchor == scene::Anchor::Centre) out_ += " text-anchor=\"middle\"";
    if (text.anchor == scene::Anchor::Right) out_ += " text-anchor=\"end\"";
    out_ += attr("fill", rgb(text.color)) + opacity_attr("fill-opacity", text.color.a, 1.0) + ">" +
            xml_escape(text.text) + "</text>\n";
}

void SvgPainter::push_group(const std::optional<scene::Rect>& clip) {
    if (clip) {
        const std::string id = prefix_ + "-clip-" + std::to_string(++clips_);
        indent();
        out_ += "<clipPath" + attr("id", id) + "><rect" + attr("x", format_2dp(clip->x)) +
                attr("y", format_2dp(clip->y)) + attr("width", format_2dp(clip->width)) +
                attr("height", format_2dp(clip->height)) + "/></clipPath>\n";
        indent();
        out_ += "<g" + attr("clip-path", "url(#" + id + ")") + ">\n";
    } else {
        indent();
        out_ += "<g>\n";
    }
    ++depth_;
}

void SvgPainter::pop_group() {
    --depth_;
    indent();
    out_ += "</g>\n";
}

std::string render_scene_svg(const scene::Scene& scene, const SvgOptions& options) {
    if (!(scene.width > 0.0) || !(scene.height > 0.0) || !std::isfinite(scene.width) ||
        !std::isfinite(scene.height))
        throw std::invalid_argument("chart scene has no size");
    if (!is_name(options.id_prefix))
        throw std::invalid_argument("SVG id prefix '" + options.id_prefix +
                                    "' is not a name (letters, digits, '-', '_', from a letter)");
    const std::string& p = options.id_prefix;
    const std::string w = format_2dp(scene.width);
    const std::string h = format_2dp(scene.height);
    // The accessible name is the headline; the alt text describes. A chart without a headline
    // is named by its alt text alone.
    std::string title = scene.title.empty() ? scene.alt_text : scene.title;
    if (title.empty()) title = "Chart";
    const bool describe = !scene.alt_text.empty() && scene.alt_text != title;

    std::string out;
    if (options.standalone) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\"";
    if (options.standalone) {
        out += attr("width", w + "pt") + attr("height", h + "pt");
    } else {
        out += " width=\"100%\"" + attr("style", "max-width:" + format_2dp(scene.width * 4.0 / 3.0) +
                                                     "px;height:auto");
    }
    out += attr("viewBox", "0 0 " + w + " " + h) + " role=\"img\"" +
           attr("aria-labelledby", p + "-title");
    if (describe) out += attr("aria-describedby", p + "-desc");
    const std::string fonts = options.font_family.empty() ? "'Liberation Sans', Arial, sans-serif"
                                                          : css_font_list(options.font_family);
    out += attr("font-family", fonts) + ">\n";
    out += "  <title" + attr("id", p + "-title") + ">" + xml_escape(title) + "</title>\n";
    if (!scene.alt_text.empty())
        out += "  <desc" + attr("id", p + "-desc") + ">" + xml_escape(scene.alt_text) + "</desc>\n";
    // A white ground, so the colours meet their contrast on any page background.
    out += "  <rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#FFFFFF\"/>\n";
    SvgPainter painter(p);
    render_scene(scene, painter);
    out += painter.body();
    out += "</svg>\n";
    return out;
}

}  // namespace charts::render
