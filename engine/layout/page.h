// layout: the positioned-page display list — what the layout stage produces and the pdf stage
// consumes. Points, origin at the top-left corner of the page, y growing downwards.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/core/civil_date.h"
#include "engine/layout/fonts.h"
#include "engine/layout/structure.h"

namespace engine::layout {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};

/// One run of text in one face: drawn with its baseline at (x, y).
struct TextRun {
    double x = 0, y = 0;
    FontFace face = FontFace::Regular;
    double size = 10;
    Rgb color;
    std::string text;  ///< UTF-8; every code point is covered by `face`
    Tag tag;
};

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    std::optional<Rgb> fill;
    std::optional<Rgb> stroke;
    double line_width = 0.5;
    Tag tag;
};

struct Line {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    Rgb color;
    double width = 0.5;
    Tag tag;
};

/// A clickable area: an external URI, or an internal jump to (dest_page, dest_y).
struct Link {
    double x = 0, y = 0, w = 0, h = 0;
    std::string uri;     ///< external link when not empty
    int dest_page = -1;  ///< 0-based page index for an internal link
    double dest_y = 0;
    Tag tag;  ///< the Link element that owns the annotation
};

/// Page `chart_page` (0-based) of the report's chart PDF, scaled into the box.
struct ChartPlacement {
    double x = 0, y = 0, w = 0, h = 0;
    int chart_page = 0;
    Tag tag;  ///< the Figure
};

/// A PNG image (e.g. an organisation logo) scaled into the box.
struct Image {
    double x = 0, y = 0, w = 0, h = 0;
    std::string path;
    Tag tag;
};

using PageItem = std::variant<TextRun, Rect, Line, Link, ChartPlacement, Image>;

struct Page {
    double width = 595.276;   // A4
    double height = 841.890;
    std::vector<PageItem> items;
};

/// A bookmark: `level` 0 for sections, 1 for subsections.
struct OutlineEntry {
    std::string title;
    int level = 0;
    int page = 0;  ///< 0-based
    double y = 0;  ///< top of the heading, layout coordinates
};

struct DocumentInfo {
    std::string title;
    std::string author;
    std::string subject;
    std::string keywords;
    std::string creator;  ///< e.g. "boardpack 0.1.0"
    core::Date date;      ///< creation/modification date: from the data's as-at date, never the clock
};

struct Document {
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    DocumentInfo info;
    /// The logical structure; when it holds more than the root, every page item is tagged.
    StructureTree structure;
};

}  // namespace engine::layout
