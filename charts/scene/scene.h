// charts scene: the backend-neutral display list a chart builder produces and every backend
// (cairo PDF/PNG/SVG, test recorders) consumes. Units are points, origin top left, y down.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "charts/model/palette.h"
#include "charts/model/values_table.h"

namespace charts::scene {

using model::Color;

struct Point {
    double x = 0.0;
    double y = 0.0;
};

struct Size {
    double width = 0.0;
    double height = 0.0;
};

struct Rect {
    double x = 0.0;
    double y = 0.0;
    double width = 0.0;
    double height = 0.0;

    double left() const { return x; }
    double right() const { return x + width; }
    double top() const { return y; }
    double bottom() const { return y + height; }
};

/// The font of a text item. The family is always the chart font (Liberation Sans, with DejaVu
/// Sans for glyphs it lacks).
struct FontSpec {
    bool bold = false;
    double size = 9.0;  ///< points

    friend bool operator==(const FontSpec&, const FontSpec&) = default;
};

enum class PathOp { MoveTo, LineTo, CurveTo, Close };

/// One path command. MoveTo/LineTo use pts[0]; CurveTo uses pts[0], pts[1] (controls) and
/// pts[2] (end); Close uses none.
struct PathCmd {
    PathOp op = PathOp::MoveTo;
    std::array<Point, 3> pts{};
};

enum class LineCap { Butt, Round, Square };
enum class LineJoin { Miter, Round, Bevel };

/// A filled and/or stroked outline.
struct Path {
    std::vector<PathCmd> cmds;
    std::optional<Color> fill;    ///< nullopt = not filled
    std::optional<Color> stroke;  ///< nullopt = not stroked
    double line_width = 1.0;
    std::vector<double> dash;  ///< on/off lengths; empty = solid
    LineCap cap = LineCap::Butt;
    LineJoin join = LineJoin::Miter;
    double opacity = 1.0;  ///< applied to fill and stroke (on top of the colours' alpha)

    Path& move_to(double x, double y);
    Path& line_to(double x, double y);
    Path& curve_to(double x1, double y1, double x2, double y2, double x, double y);
    Path& close();

    static Path rect(const Rect& r);
    static Path line(Point a, Point b);
    /// A circle as four Bézier arcs.
    static Path circle(Point centre, double radius);
};

enum class Anchor { Left, Centre, Right };

/// One line of text. `pos` is the anchor point on the baseline. The measured width, ascent and
/// descent are recorded at build time, so overlap checks need no backend.
struct Text {
    Point pos;
    Anchor anchor = Anchor::Left;
    std::string text;  ///< UTF-8, one line
    FontSpec font;
    Color color = model::palette::kText;
    double width = 0.0;    ///< advance width as measured when built
    double ascent = 0.0;   ///< above the baseline
    double descent = 0.0;  ///< below the baseline

    /// The measured box: logical extents around the anchor.
    Rect box() const;
};

/// A scene item: a Path, a Text or a Group (a std::variant; visit it with std::visit).
struct Item;

/// A list of items with an optional clip rectangle. `name` only documents the group in dumps.
struct Group {
    std::string name;
    std::optional<Rect> clip;
    std::vector<Item> items;
};

struct Item : std::variant<Path, Text, Group> {  // a class, so that Group can hold Items
    using std::variant<Path, Text, Group>::variant;
};

/// A whole chart.
struct Scene {
    double width = 0.0;   ///< points
    double height = 0.0;  ///< points
    std::vector<Item> items;
    std::string alt_text;  ///< generated description (or the template's override)
    std::string title;     ///< the headline as drawn, unwrapped ("" when none): SVG <title>, file names
    model::ValuesTable values;  ///< the values behind the chart, formatted as its labels are
};

/// Every Text in the scene, depth first, in drawing order.
std::vector<const Text*> collect_texts(const Scene& scene);

/// Pairs of indices (into collect_texts) of text items whose measured boxes overlap by more than
/// `tolerance` points in both directions. Empty for a well-built chart.
std::vector<std::pair<std::size_t, std::size_t>> find_text_overlaps(const Scene& scene,
                                                                    double tolerance = 0.01);

}  // namespace charts::scene
