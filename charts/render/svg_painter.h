// charts render: the SVG backend — a Painter that writes SVG text itself (not cairo's SVG
// surface, which turns every label into glyph outlines): <text> for every label, <path> for
// every mark, <title>/<desc> with the chart's headline and alt text. For `boardpack charts
// --format svg` and for SVG inlined in HTML reports.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/render/painter.h"
#include "charts/scene/scene.h"

namespace charts::render {

struct SvgOptions {
    /// Prefix of every id in the SVG (<prefix>-title, <prefix>-desc, <prefix>-clip-N), so that
    /// several charts inlined in one page never share an id. Letters, digits, '-' and '_',
    /// starting with a letter.
    std::string id_prefix = "chart";
    /// true: a standalone file — an XML declaration, and width/height in points (the chart's
    /// size in the PDF). false: for inlining in HTML — no declaration, width 100% of the
    /// container up to the chart's size (1 pt = 4/3 CSS px), height from the viewBox.
    bool standalone = true;
    /// A brand family (batch.fonts.family) the text is set in: named first in the font list,
    /// before Liberation Sans, DejaVu Sans and sans-serif (css_font_list). Empty: Liberation
    /// Sans, Arial, sans-serif.
    std::string font_family;
};

/// Writes the items a scene walk paints as SVG elements, numbers with two fixed decimals in the
/// classic locale. Clip ids are `<id_prefix>-clip-<n>`, n counting from 1.
class SvgPainter final : public Painter {
  public:
    explicit SvgPainter(std::string id_prefix);

    void fill_path(const scene::Path& path) override;
    void stroke_path(const scene::Path& path) override;
    void draw_text(const scene::Text& text) override;
    void push_group(const std::optional<scene::Rect>& clip) override;
    void pop_group() override;

    /// The elements written so far (the body of the <svg> element).
    const std::string& body() const { return out_; }

  private:
    void indent();

    std::string prefix_;
    std::string out_;
    int depth_ = 1;
    int clips_ = 0;
};

/// The whole SVG document of `scene`: <svg role="img" aria-labelledby=…> with a viewBox of the
/// scene's size in points, <title> (the headline, or the alt text when the chart has none) and
/// <desc> (the alt text), then every item in drawing order; text in Liberation Sans, Arial,
/// sans-serif (or the options' brand family first) at the scene's sizes. The same scene and options always give the same text.
/// Throws std::invalid_argument for a scene without a size or an id prefix that is not a name.
std::string render_scene_svg(const scene::Scene& scene, const SvgOptions& options = {});

/// `s` as XML character data or attribute value: & < > " escaped, control characters XML does
/// not allow dropped.
std::string xml_escape(const std::string& s);

}  // namespace charts::render
