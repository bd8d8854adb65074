// charts model: the palette's colours and marker shapes by name, for status vocabularies a
// batch declares (`statuses:` words name a colour and a symbol from these lists).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "charts/model/chart_spec.h"
#include "charts/model/palette.h"

namespace charts::model {

/// Status fills by name (the GOV.UK status colours, then the Analysis Function colours).
inline const std::vector<std::pair<std::string, Color>>& named_colours() {
    static const std::vector<std::pair<std::string, Color>> v = {
        {"green", palette::kStatusGreen},       {"blue", palette::kStatusBlue},
        {"yellow", palette::kStatusYellow},     {"orange", palette::kStatusOrange},
        {"red", palette::kStatusRed},           {"grey", palette::kStatusMidGrey},
        {"light_grey", palette::kStatusLightGrey}, {"dark_blue", palette::kDarkBlue},
        {"turquoise", palette::kTurquoise},     {"dark_pink", palette::kDarkPink},
        {"light_purple", palette::kLightPurple}, {"mid_blue", palette::kMidBlue},
    };
    return v;
}

inline std::optional<Color> named_colour(const std::string& name) {
    for (const auto& [n, c] : named_colours())
        if (n == name) return c;
    return std::nullopt;
}

/// Marker shapes by name, each with the glyph a table cell prints for it ("▲ Improved").
struct NamedMarker {
    std::string name;
    MarkerShape shape;
    std::string glyph;  ///< UTF-8; DejaVu Sans has each
};

inline const std::vector<NamedMarker>& named_markers() {
    static const std::vector<NamedMarker> v = {
        {"circle", MarkerShape::Circle, "\xE2\x97\x8F"},           // ●
        {"square", MarkerShape::Square, "\xE2\x96\xA0"},           // ■
        {"triangle", MarkerShape::Triangle, "\xE2\x96\xB2"},       // ▲
        {"triangle_down", MarkerShape::TriangleDown, "\xE2\x96\xBC"},  // ▼
        {"diamond", MarkerShape::Diamond, "\xE2\x97\x86"},         // ◆
    };
    return v;
}

inline const NamedMarker* named_marker(const std::string& name) {
    for (const auto& m : named_markers())
        if (m.name == name) return &m;
    return nullptr;
}

}  // namespace charts::model
