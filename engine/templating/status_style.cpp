#include "engine/templating/status_style.h"

#include <cmath>

#include "charts/model/named_colours.h"
#include "engine/core/text.h"
#include "engine/data/status_vocabulary.h"
#include "engine/templating/chart_builder.h"
#include "engine/templating/status_context.h"

namespace engine::templating {

namespace {
Rgb to_rgb(const charts::model::Color& c) {
    auto byte = [](double v) { return static_cast<unsigned char>(std::lround(v * 255.0)); };
    return {byte(c.r), byte(c.g), byte(c.b)};
}

std::string text_at(const Value& map, const char* key) {
    const Value* v = map.get(key);
    const auto* s = v ? std::get_if<std::string>(&v->data()) : nullptr;
    return s ? *s : "";
}

// A word of the batch's vocabularies: statuses.<name>.words[i] = {word, colour, symbol …}.
std::optional<StatusStyle> custom_style(const std::string& word, const Value& statuses) {
    if (!statuses.is_map()) return std::nullopt;
    for (const auto& [name, voc] : statuses.map()) {
        const Value* words = voc.is_map() ? voc.get("words") : nullptr;
        if (!words || !words->is_list()) continue;
        for (const auto& w : words->list()) {
            if (!w.is_map() || !core::iequals_ascii(text_at(w, "word"), word)) continue;
            auto c = custom_category(text_at(w, "word"), text_at(w, "colour"), text_at(w, "symbol"));
            if (!c) return std::nullopt;
            const auto* marker = charts::model::named_marker(text_at(w, "symbol"));
            return StatusStyle{to_rgb(c->fill), to_rgb(c->text_on_fill), marker ? marker->glyph : ""};
        }
    }
    return std::nullopt;
}
}  // namespace

std::optional<StatusStyle> status_style(const std::string& word, const Value* statuses) {
    const std::string w(core::trim(word));
    for (const auto& k : data::builtin_status_words()) {
        if (core::iequals_ascii(k, w)) {
            // The same colours as charts: the palette's GOV.UK status colours.
            auto c = status_category(k);
            return StatusStyle{to_rgb(c.fill), to_rgb(c.text_on_fill), ""};
        }
    }
    if (statuses) return custom_style(w, *statuses);
    return std::nullopt;
}

}  // namespace engine::templating
