#include "charts/compose/canvas.h"

#include <algorithm>
#include <utility>

#include "charts/compose/labels.h"

namespace charts::compose {

using model::MarkerShape;
using scene::Anchor;
using scene::Path;
using scene::Point;

Path marker_path(MarkerShape shape, Point c, double r) {
    Path p;
    switch (shape) {
        case MarkerShape::Circle:
            return Path::circle(c, r);
        case MarkerShape::Square: {
            double h = r * 0.9;
            return Path::rect({c.x - h, c.y - h, 2 * h, 2 * h});
        }
        case MarkerShape::Triangle: {
            double h = r * 1.25;
            p.move_to(c.x, c.y - h).line_to(c.x + h * 0.95, c.y + h * 0.7);
            p.line_to(c.x - h * 0.95, c.y + h * 0.7).close();
            return p;
        }
        case MarkerShape::TriangleDown: {
            double h = r * 1.25;
            p.move_to(c.x, c.y + h).line_to(c.x - h * 0.95, c.y - h * 0.7);
            p.line_to(c.x + h * 0.95, c.y - h * 0.7).close();
            return p;
        }
        case MarkerShape::Diamond: {
            double h = r * 1.25;
            p.move_to(c.x, c.y - h).line_to(c.x + h, c.y).line_to(c.x, c.y + h);
            p.line_to(c.x - h, c.y).close();
            return p;
        }
        case MarkerShape::None:
            break;
    }
    return p;
}

model::Color label_color(const model::Color& series) {
    return model::contrast_ratio(series, model::palette::kWhite) >= 4.5 ? series
                                                                        : model::palette::kText;
}

void outline_if_light(scene::Path& p, const model::Color& fill) {
    if (model::contrast_ratio(fill, model::palette::kWhite) < 3.0) {
        p.stroke = model::palette::kTextSecondary;
        p.line_width = 0.5;
    }
}

Canvas::Canvas(scene::Size size, const TextMeasure& measure) : size_(size), measure_(measure) {}

scene::Text Canvas::text(std::string s, double x, double y, Anchor anchor, FontSpec font,
                         model::Color color) const {
    scene::Text t;
    t.pos = {x, y};
    t.anchor = anchor;
    t.font = font;
    t.color = color;
    t.width = measure_.width(s, font);
    t.ascent = measure_.ascent(font);
    t.descent = measure_.descent(font);
    t.text = std::move(s);
    return t;
}

double Canvas::text_width(const std::string& s, const FontSpec& font) const {
    return measure_.width(s, font);
}

void Canvas::add(scene::Item item) { items_.push_back(std::move(item)); }

double Canvas::header(const std::string& title, const std::string& subtitle) {
    scene::Group g;
    g.name = "header";
    double y = 0.0;
    auto block = [&](const std::string& s, FontSpec font, model::Color color, double gap_before) {
        if (s.empty()) return;
        y += gap_before;
        for (std::string& line : wrap_text(s, font, size_.width, measure_)) {
            double base = y + measure_.ascent(font);
            g.items.emplace_back(text(std::move(line), 0.0, base, Anchor::Left, font, color));
            y = base + measure_.descent(font);
        }
    };
    title_ = title;
    block(title, kTitleFont, model::palette::kText, 0.0);
    block(subtitle, kSubtitleFont, model::palette::kTextSecondary, title.empty() ? 0.0 : 1.5);
    if (!g.items.empty()) add(std::move(g));
    return y;
}

double Canvas::legend(const std::vector<LegendEntry>& entries, double y) {
    if (entries.empty()) return y;
    scene::Group g;
    g.name = "key";
    const FontSpec font = kLabelFont;
    const double asc = measure_.ascent(font);
    const double row_h = measure_.line_height(font);
    const double swatch = 8.5;
    const double line_len = 16.0;
    const double gap_after_mark = 4.0;
    const double gap_between = 12.0;
    double x = 0.0;
    double row_top = y;
    for (const LegendEntry& e : entries) {
        double mark_w = e.kind == LegendEntry::Kind::Swatch ? swatch
                        : e.kind == LegendEntry::Kind::Line ? line_len
                                                            : 6.0;
        double w = mark_w + gap_after_mark + text_width(e.label, font);
        if (x > 0.0 && x + w > size_.width) {
            x = 0.0;
            row_top += row_h + 2.0;
        }
        const double base = row_top + asc;
        const double mid = row_top + row_h / 2.0;
        switch (e.kind) {
            case LegendEntry::Kind::Swatch: {
                const scene::Rect box{x, mid - swatch / 2.0, swatch, swatch};
                Path p = Path::rect(box);
                p.fill = e.color;
                outline_if_light(p, e.color);
                g.items.emplace_back(std::move(p));
                if (e.pattern != FillPattern::None) g.items.emplace_back(pattern_over(e.pattern, box, e.color));
                if (e.marker != MarkerShape::None) {
                    Path m = marker_path(e.marker, {x + swatch / 2.0, mid}, 2.2);
                    m.fill = e.marker_color;
                    g.items.emplace_back(std::move(m));
                }
                break;
            }
            case LegendEntry::Kind::Line: {
                Path p = Path::line({x, mid}, {x + line_len, mid});
                p.stroke = e.color;
                p.line_width = 2.0;
                if (e.dashed) p.dash = {4.0, 2.5};
                g.items.emplace_back(std::move(p));
                if (e.marker != MarkerShape::None) {
                    Path m = marker_path(e.marker, {x + line_len / 2.0, mid}, kMarkerRadius);
                    m.fill = e.color;
                    g.items.emplace_back(std::move(m));
                }
                break;
            }
            case LegendEntry::Kind::TargetMark: {
                Path p = Path::line({x + 3.0, mid - 5.0}, {x + 3.0, mid + 5.0});
                p.stroke = e.color;
                p.line_width = 2.0;
                g.items.emplace_back(std::move(p));
                break;
            }
        }
        g.items.emplace_back(text(e.label, x + mark_w + gap_after_mark, base, Anchor::Left, font,
                                  model::palette::kText));
        x += w + gap_between;
    }
    add(std::move(g));
    return row_top + row_h;
}

double Canvas::footer(const std::vector<std::string>& paragraphs) {
    const FontSpec font = kCaptionFont;
    std::vector<std::string> lines;
    for (const std::string& p : paragraphs) {
        if (p.empty()) continue;
        for (std::string& l : wrap_text(p, font, size_.width, measure_))
            lines.push_back(std::move(l));
    }
    if (lines.empty()) return size_.height;
    scene::Group g;
    g.name = "caption";
    const double lh = measure_.line_height(font);
    double top = size_.height - lh * static_cast<double>(lines.size());
    double y = top;
    for (std::string& l : lines) {
        g.items.emplace_back(text(std::move(l), 0.0, y + measure_.ascent(font), Anchor::Left, font,
                                  model::palette::kTextSecondary));
        y += lh;
    }
    add(std::move(g));
    return top;
}

scene::Scene Canvas::finish(std::string alt_text) && {
    scene::Scene s;
    s.width = size_.width;
    s.height = size_.height;
    s.items = std::move(items_);
    s.alt_text = std::move(alt_text);
    s.title = std::move(title_);
    return s;
}

std::string resolve_title(const model::ChartText& text, const std::string& finding) {
    if (text.finding_title && !finding.empty()) return finding;
    return text.title;
}

std::vector<std::string> caption_lines(const model::ChartText& text,
                                       const std::vector<std::string>& extra) {
    std::vector<std::string> out;
    if (!text.source.empty()) out.push_back(text.source);
    if (!text.note.empty()) out.push_back(text.note);
    for (const std::string& e : extra)
        if (!e.empty()) out.push_back(e);
    return out;
}

}  // namespace charts::compose
