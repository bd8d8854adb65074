#include "engine/templating/status_context.h"

#include "charts/model/named_colours.h"
#include "engine/core/text.h"
#include "engine/templating/format_value.h"

namespace engine::templating {

namespace cm = charts::model;

std::optional<cm::Category> custom_category(const std::string& word, const std::string& colour,
                                            const std::string& symbol) {
    auto fill = cm::named_colour(colour);
    const auto* marker = cm::named_marker(symbol);
    if (!fill || !marker) return std::nullopt;
    return cm::Category{word, *fill, cm::text_on(*fill), marker->shape};
}

std::optional<cm::Category> custom_category(const data::Catalog& catalog, const std::string& word) {
    for (const auto& v : catalog.statuses)
        for (const auto& w : v.words)
            if (core::iequals_ascii(w.word, core::trim(word))) return custom_category(w.word, w.colour, w.symbol);
    return std::nullopt;
}

std::string status_word_of(const metrics::CustomStatusRow& row) {
    if (row.word) return row.word->word;
    return row.suppressed ? "Suppressed" : "No data";
}

namespace {

Value cell_number(const metrics::Cell& c, const data::MeasureInfo& m) {
    return Value::number(c.value, number_unit_of(m), m.dp,
                         c.suppressed() ? data::Missing::Suppressed : c.missing);
}

// The scale's word for a whole value ("Embedding" for 3 on 1–4), "" otherwise.
std::string scale_label(const metrics::Cell& c, const data::MeasureInfo& m) {
    if (!m.scale || !c.value || !c.value->is_whole()) return "";
    return m.scale->label_of(static_cast<long long>(c.value->num()));
}

ValueMap row_value(const metrics::CustomStatusRow& r, const data::Catalog& catalog) {
    const auto m = catalog.measure_or_default(r.measure);
    ValueMap v;
    v["measure"] = Value(m.id);
    v["measure_label"] = Value(m.label);
    v["measure_short"] = Value(m.short_label);
    v["group"] = Value(r.group);
    v["group_label"] = Value(catalog.group_label(r.group));
    v["period"] = Value(r.to ? r.to->label() : "");
    v["previous_period"] = Value(r.from ? r.from->label() : "");
    v["value"] = cell_number(r.to_cell, m);
    v["value_label"] = Value(scale_label(r.to_cell, m));
    v["previous_value"] = cell_number(r.from_cell, m);
    v["previous_value_label"] = Value(scale_label(r.from_cell, m));
    if (r.suppressed) v["change"] = Value(MissingNumber{data::Missing::Suppressed, NumberUnit::Plain});
    else v["change"] = Value::number(r.change, NumberUnit::Plain, m.dp, data::Missing::NotAvailable);
    const std::string word = status_word_of(r);
    v["status"] = Value(word);
    v["status_key"] = Value(core::slugify(word));
    v["symbol"] = Value(r.word ? r.word->symbol : "");
    v["suppressed"] = Value(r.suppressed);
    return v;
}

}  // namespace

Value statuses_value(const data::Catalog& catalog, const metrics::SuppressedView& view,
                     const metrics::AreaKey& area, core::DiagnosticSink& sink) {
    ValueMap all;
    for (const auto& voc : catalog.statuses) {
        auto rows = metrics::compute_custom_status(view, catalog, voc, area, sink);
        ValueMap out;
        ValueList list;
        for (const auto& r : rows) {
            ValueMap rv = row_value(r, catalog);
            list.push_back(Value(rv));
            const std::string key = core::slugify(r.measure);
            if (!out.count(key)) out[key] = Value(rv);
        }
        ValueList words;
        for (const auto& w : voc.words) {
            long long n = 0;
            for (const auto& r : rows) n += r.word == &w ? 1 : 0;
            words.push_back(Value(ValueMap{
                {"word", Value(w.word)},
                {"key", Value(core::slugify(w.word))},
                {"colour", Value(w.colour)},
                {"symbol", Value(w.symbol)},
                {"count", Value(number_of(core::Exact(n), NumberUnit::Count, 0))}}));
        }
        out["rows"] = Value(list);
        out["words"] = Value(words);
        all[voc.name] = Value(out);
    }
    return Value(all);
}

}  // namespace engine::templating
