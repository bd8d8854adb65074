#include "charts/compose/values_table.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <variant>

#include "charts/compose/format.h"

namespace charts::compose {

namespace {

using model::Series;
using model::ValueAxis;

std::string cell(const Series& s, std::size_t i, const ValueAxis& axis) {
    if (i < s.values.size() && s.values[i]) return format_value(*s.values[i], axis.decimals, axis.unit);
    return s.symbol_at(i);
}

std::string caption_of(const model::ChartText& t) { return t.title.empty() ? t.subtitle : t.title; }

// A table captioned from the chart's words whose first column is `row_header`.
ValuesTable headed(const model::ChartText& text, std::string row_header) {
    ValuesTable t;
    t.caption = caption_of(text);
    t.columns.push_back(std::move(row_header));
    return t;
}

// Periods down, one column per series, then the gap (comparator − group, where both exist) and
// the target: what a trend's lines and labels show.
ValuesTable over_periods(const model::ChartText& text, const std::vector<std::string>& periods,
                         const std::vector<const Series*>& series, const ValueAxis& axis,
                         const Series* gap_group, const Series* gap_comparator,
                         const std::string& gap_unit, const Series* target) {
    ValuesTable t = headed(text, "Period");
    for (const Series* s : series) t.columns.push_back(s->name);
    if (gap_group) t.columns.push_back("Gap (" + gap_unit + ")");
    if (target) t.columns.push_back(target->name.empty() ? "Target" : target->name);
    for (std::size_t i = 0; i < periods.size(); ++i) {
        std::vector<std::string> row{periods[i]};
        for (const Series* s : series) row.push_back(cell(*s, i, axis));
        if (gap_group) {
            const bool a = i < gap_group->values.size() && gap_group->values[i];
            const bool b = i < gap_comparator->values.size() && gap_comparator->values[i];
            // An absent side's symbol; the group's when both are absent.
            row.push_back(a && b ? format_value(*gap_comparator->values[i] - *gap_group->values[i],
                                                axis.decimals)
                                 : (!a ? gap_group->symbol_at(i) : gap_comparator->symbol_at(i)));
        }
        if (target) {
            const bool has = i < target->values.size() && target->values[i];
            row.push_back(has ? format_value(*target->values[i], axis.decimals, axis.unit) : "");
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

ValuesTable values(const model::GapTrendSpec& s) {
    std::vector<const Series*> series{&s.group, &s.comparator};
    if (s.reference) series.push_back(&*s.reference);
    return over_periods(s.text, s.periods, series, s.y, &s.group, &s.comparator, s.gap_unit,
                        s.target ? &*s.target : nullptr);
}

ValuesTable values(const model::LineChartSpec& s) {
    std::vector<const Series*> series;
    for (const Series& x : s.series) series.push_back(&x);
    return over_periods(s.text, s.periods, series, s.y, nullptr, nullptr, "",
                        s.target ? &*s.target : nullptr);
}

ValuesTable values(const model::GapTargetBarsSpec& s) {
    ValuesTable t;
    t.caption = caption_of(s.text);
    t.columns = {"Measure", s.x.label.empty() ? "Gap" : s.x.label, s.target_label, "Status"};
    for (const auto& r : s.rows) {
        t.rows.push_back({r.label,
                          r.gap ? format_value(*r.gap, s.x.decimals, s.x.unit)
                                : model::absent_symbol(r.gap_symbol),
                          r.target ? format_value(*r.target, s.x.decimals, s.x.unit) : "",
                          r.status.label});
    }
    return t;
}

ValuesTable values(const model::GroupedBarsSpec& s) {
    ValuesTable t = headed(s.text, "Category");
    for (const Series& g : s.groups) t.columns.push_back(g.name);
    for (std::size_t i = 0; i < s.categories.size(); ++i) {
        std::vector<std::string> row{s.categories[i]};
        for (const Series& g : s.groups) row.push_back(cell(g, i, s.y));
        t.rows.push_back(std::move(row));
    }
    return t;
}

ValuesTable values(const model::ActionStatusSpec& s) {
    ValuesTable t = headed(s.text, "Objective");
    for (const auto& st : s.statuses) t.columns.push_back(st.label);
    t.columns.push_back("Total");
    for (const auto& r : s.rows) {
        std::vector<std::string> row{r.label};
        int total = 0;
        for (std::size_t i = 0; i < s.statuses.size(); ++i) {
            const int n = i < r.counts.size() ? r.counts[i] : 0;
            total += n;
            row.push_back(std::to_string(n));
        }
        row.push_back(std::to_string(total));
        t.rows.push_back(std::move(row));
    }
    return t;
}

ValuesTable values(const model::DistributionSpec& s) {
    ValuesTable t;
    t.caption = caption_of(s.text);
    std::string entity = s.entity_noun;
    if (entity.size() > 1 && entity.back() == 's') entity.pop_back();
    if (!entity.empty()) entity[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(entity[0])));
    std::string value = s.y.label.empty() ? s.value_name : s.y.label;
    t.columns = {entity.empty() ? "Entity" : entity, value};
    std::vector<double> present;
    for (const auto& p : s.points) {
        t.rows.push_back({p.label, p.value ? format_value(*p.value, s.y.decimals, s.y.unit)
                                           : model::absent_symbol(p.symbol)});
        if (p.value) present.push_back(*p.value);
    }
    if (!present.empty()) {  // the median the chart marks, from the unrounded values
        std::sort(present.begin(), present.end());
        const std::size_t h = present.size() / 2;
        const double median = present.size() % 2 ? present[h] : (present[h - 1] + present[h]) / 2.0;
        t.rows.push_back({s.median_label, format_value(median, s.y.decimals, s.y.unit)});
    }
    return t;
}

std::string csv_field(const std::string& f) {
    if (f.find_first_of(",\"\r\n") == std::string::npos) return f;
    std::string out = "\"";
    for (char c : f) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void csv_row(std::string& out, const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) out += ',';
        out += csv_field(row[i]);
    }
    out += "\r\n";
}

}  // namespace

ValuesTable chart_values(const model::ChartSpec& spec) {
    return std::visit([](const auto& s) { return values(s); }, spec);
}

std::string values_csv(const ValuesTable& table) {
    std::string out;
    csv_row(out, table.columns);
    for (const auto& row : table.rows) csv_row(out, row);
    return out;
}

std::string csv_data_url(const std::string& csv) {
    std::string out = "data:text/csv;charset=utf-8,";
    for (unsigned char c : csv) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace charts::compose
