#include "engine/templating/series_table.h"

#include "engine/core/text.h"
#include "engine/templating/expander.h"
#include "engine/templating/figures.h"
#include "engine/templating/inline_markup.h"

namespace engine::templating {

namespace {

// How a cell of each `show` prints: values with their unit, gaps as the bare number,
// changes with their sign.
const char* filter_of(const std::string& show) {
    if (show == "gap") return " | num";
    if (show == "change" || show == "value_change") return " | signed";
    return "";
}

// The field of the last column for a row's `show`: the change of what the row shows.
std::string change_field(const std::string& show) {
    if (show == "value") return "value_change";
    if (show == "gap") return "change";
    return "";
}

struct Column {
    std::string key;     // the period's key in names ("2016_17")
    std::string header;  // as the table prints it ("2016/17")
};

}  // namespace

Table build_series_table(const BlockSpec& b, Expander& ex, const std::vector<const Value*>& scopes) {
    Table t;
    t.where = b.where;
    auto text_of = [&](const TemplateString& s) { return plain_text(ex.expand(s.text, s.where, scopes)); };
    t.note = text_of(b.note);
    if (!b.empty_text.empty()) t.empty_text = text_of(b.empty_text);

    // Each row's figure, expanded (it may hold placeholders) and checked once.
    std::vector<std::string> figures;
    for (const auto& row : b.series_rows) {
        std::string name(core::trim(ex.expand(row.figure.text, row.figure.where, scopes, true)));
        figures.push_back(ex.require(name, row.figure.where, scopes) ? name : "");
    }

    std::vector<Column> columns;
    if (!b.periods.empty()) {
        for (const auto& p : b.periods) {
            std::string text = text_of(p);
            columns.push_back({core::slugify(text), text});
        }
    } else if (!figures.empty() && !figures.front().empty()) {
        if (const Value* list = ex.resolve(figures.front() + ".periods", scopes); list && list->is_list())
            for (const auto& item : list->list())
                if (const auto* s = item.get("period_short")) {
                    const auto* text = std::get_if<std::string>(&s->data());
                    if (text) columns.push_back({core::slugify(*text), *text});
                }
    }

    t.columns.push_back({b.row_header.empty() ? std::string("Figures") : text_of(b.row_header), Align::Left, 2.0, false});
    for (const auto& c : columns) t.columns.push_back({c.header, Align::Right, 0.8, true});
    const bool change = b.change_column && columns.size() >= 2;
    if (change)
        t.columns.push_back({"Change " + columns.front().header + " to " + columns.back().header, Align::Right, 1.0, true});

    std::vector<bool> found(columns.size(), false);
    const bool symbols = ex.missing_as_symbol();
    ex.set_missing_as_symbol(true);
    for (std::size_t i = 0; i < b.series_rows.size(); ++i) {
        const SeriesRowSpec& row = b.series_rows[i];
        const std::string& f = figures[i];
        if (f.empty()) continue;
        auto cell = [&](const std::string& path, const char* filter) {
            TableCell c;
            c.text = parse_inline(ex.expand("{{ " + path + filter + " }}", row.figure.where, scopes));
            return c;
        };
        std::vector<TableCell> cells;
        TableCell label;
        if (!row.label.empty()) {
            label.text = parse_inline(ex.expand(row.label.text, row.label.where, scopes));
        } else {
            std::string made = row.show == "gap" || row.show == "change"
                                   ? "{{ F.measure_short }}: gap, {{ F.group_label }} and {{ F.comparator_label }} ({{ F.area }})"
                                   : "{{ F.measure_short }}, {{ F.group_label }} ({{ F.area }})";
            for (std::size_t p; (p = made.find("F.")) != std::string::npos;) made.replace(p, 2, f + ".");
            label.text = parse_inline(ex.expand(made, row.figure.where, scopes));
        }
        cells.push_back(std::move(label));
        // A period the row's data do not have (a setting opened later) is "–", not recorded;
        // one that no row has is an error below.
        auto has = [&](const std::string& key) { return ex.resolve(f + ".at." + key, scopes) != nullptr; };
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (!has(columns[c].key)) {
                cells.push_back({plain(data::display_symbol(data::Missing::Empty)), {}, {}, false});
                continue;
            }
            found[c] = true;
            cells.push_back(cell(f + ".at." + columns[c].key + "." + row.show, filter_of(row.show)));
        }
        if (change) {
            const std::string field = change_field(row.show);
            if (field.empty() || !has(columns.back().key) || !has(columns.front().key)) cells.push_back(TableCell{});
            else
                cells.push_back(cell(f + ".at." + columns.back().key + ".from." + columns.front().key + "." + field,
                                     " | signed"));
        }
        t.rows.push_back(std::move(cells));
    }
    ex.set_missing_as_symbol(symbols);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (found[c] || figures.empty() || figures.front().empty()) continue;
        const std::string path = figures.front() + ".at." + columns[c].key;
        const core::SourceLocation& where = b.periods.size() > c ? b.periods[c].where : b.where;
        ex.sink().error(ex.locate(where, columns[c].header),
                        "series_table: no row has the period '" + columns[c].header + "'", ex.hints(path, scopes));
    }
    return t;
}

}  // namespace engine::templating
