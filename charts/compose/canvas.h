// charts compose: the parts every chart shares — fonts and sizes, measured text items, the
// header (title, subtitle), the key, the caption (source, notes) and marker shapes.
#pragma once

#include <string>
#include <vector>

#include "charts/compose/patterns.h"
#include "charts/compose/text_measure.h"
#include "charts/model/chart_spec.h"
#include "charts/scene/scene.h"

namespace charts::compose {

// Sizes chosen to sit with 10–11 pt body text: bold headline, smaller labels.
inline constexpr FontSpec kTitleFont{true, 10.5};
inline constexpr FontSpec kSubtitleFont{false, 9.0};
inline constexpr FontSpec kLabelFont{false, 8.5};    ///< direct labels, row and category labels
inline constexpr FontSpec kTickFont{false, 8.0};     ///< axis tick labels and axis titles
inline constexpr FontSpec kValueFont{false, 8.0};    ///< values on bars
inline constexpr FontSpec kCaptionFont{false, 8.0};  ///< source and notes

inline constexpr double kMarkerRadius = 2.75;
inline constexpr double kGridWidth = 0.5;
inline constexpr double kAxisWidth = 0.75;

/// One entry of a key (legend).
struct LegendEntry {
    enum class Kind { Swatch, Line, TargetMark };
    Kind kind = Kind::Swatch;
    model::Color color = model::palette::kDarkBlue;
    model::MarkerShape marker = model::MarkerShape::None;  ///< drawn on the swatch or line
    model::Color marker_color = model::palette::kWhite;    ///< marker colour on a swatch
    bool dashed = false;
    std::string label;
    FillPattern pattern = FillPattern::None;  ///< drawn over a swatch, as over its bars
};

/// A marker shape centred on `c` with nominal radius r (shapes are sized to look alike).
scene::Path marker_path(model::MarkerShape shape, scene::Point c, double r);

/// Text colour for a series label: the series colour when it reads on white (contrast >= 4.5),
/// otherwise the text colour.
model::Color label_color(const model::Color& series);

/// WCAG 2.2 graphics contrast (1.4.11): a fill below 3:1 against white (GOV.UK yellow, the
/// greys) gets a 0.5 pt outline in the secondary text colour (7:1), so the mark still shows.
void outline_if_light(scene::Path& p, const model::Color& fill);

/// A chart under construction: a size, a text measure and the items added so far.
class Canvas {
  public:
    Canvas(scene::Size size, const TextMeasure& measure);

    const TextMeasure& measure() const { return measure_; }
    double width() const { return size_.width; }
    double height() const { return size_.height; }

    /// A text item measured with this canvas's measure.
    scene::Text text(std::string s, double x, double y, scene::Anchor anchor, FontSpec font,
                     model::Color color = model::palette::kText) const;
    double text_width(const std::string& s, const FontSpec& font) const;

    void add(scene::Item item);

    /// Title (bold, wrapped) and subtitle from the top edge, left-aligned at x = 0. Returns the
    /// y below them (0 when both are empty). The title becomes the scene's `title`.
    double header(const std::string& title, const std::string& subtitle);

    /// A key flowed from left to right starting at y, wrapping onto new rows. Returns the y
    /// below it (y itself when there are no entries).
    double legend(const std::vector<LegendEntry>& entries, double y);

    /// Caption paragraphs (wrapped) stacked against the bottom edge. Returns the y of the
    /// caption's top (the height when there are none).
    double footer(const std::vector<std::string>& paragraphs);

    /// The finished scene.
    scene::Scene finish(std::string alt_text) &&;

  private:
    scene::Size size_;
    const TextMeasure& measure_;
    std::vector<scene::Item> items_;
    std::string title_;
};

/// The resolved headline: the finding when asked for and available, else the title.
std::string resolve_title(const model::ChartText& text, const std::string& finding);

/// Caption paragraphs in order: source, note, then `extra` (e.g. the suppressed note).
std::vector<std::string> caption_lines(const model::ChartText& text,
                                       const std::vector<std::string>& extra = {});

}  // namespace charts::compose
