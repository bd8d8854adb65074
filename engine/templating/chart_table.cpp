#include "engine/templating/chart_table.h"

#include <cmath>
#include <optional>
#include <vector>

#include "charts/compose/format.h"
#include "engine/templating/inline_markup.h"

namespace engine::templating {

namespace {

namespace cm = charts::model;

constexpr const char* kMissing = "\xE2\x80\x93";  // en dash
constexpr const char* kMissingNote = "\xE2\x80\x93 = suppressed (small numbers) or not available.";

TableCell cell(const std::string& text) { return TableCell{plain(text), {}, {}, false}; }

std::string number(const cm::Value& v, int dp, const std::string& unit) {
    if (!v || !std::isfinite(*v)) return kMissing;
    // The chart's own formatter: the table prints each figure exactly as the chart labels it
    // (a chart spec holds the doubles of the exact figures; see charts/compose/format.h).
    return charts::compose::format_value(*v, dp, unit == "%" ? "%" : "");
}

// Builds a table column by column; `missing` records whether any "–" was written.
struct Builder {
    Table t;
    bool missing = false;

    void column(std::string header, Align align = Align::Right, double weight = 1.0) {
        t.columns.push_back({std::move(header), align, weight, false});
    }
    void row(std::vector<std::string> texts) {
        std::vector<TableCell> cells;
        for (auto& s : texts) {
            missing = missing || s == kMissing;
            cells.push_back(cell(s));
        }
        t.rows.push_back(std::move(cells));
    }
    Table finish() {
        if (missing) t.note = kMissingNote;
        return std::move(t);
    }
};

std::string value_header(const std::string& name, const std::string& unit) {
    return unit == "%" ? name + " %" : name;
}

Table periods_table(const std::vector<std::string>& periods, const std::vector<const cm::Series*>& series,
                    const cm::ValueAxis& y, const cm::GapTrendSpec* gap) {
    Builder b;
    b.column("Period", Align::Left, 1.5);
    for (const auto* s : series) b.column(value_header(s->name, y.unit));
    if (gap) b.column("Gap (percentage points)");
    for (std::size_t i = 0; i < periods.size(); ++i) {
        std::vector<std::string> r{periods[i]};
        for (const auto* s : series)
            r.push_back(number(i < s->values.size() ? s->values[i] : cm::Value{}, y.decimals, y.unit));
        if (gap) {
            cm::Value g;
            if (i < gap->group.values.size() && i < gap->comparator.values.size() &&
                gap->group.values[i] && gap->comparator.values[i])
                g = *gap->comparator.values[i] - *gap->group.values[i];
            r.push_back(number(g, y.decimals, ""));
        }
        b.row(std::move(r));
    }
    return b.finish();
}

Table table_of(const cm::GapTrendSpec& s) {
    std::vector<const cm::Series*> series{&s.group, &s.comparator};
    if (s.reference) series.push_back(&*s.reference);
    return periods_table(s.periods, series, s.y, &s);
}

Table table_of(const cm::LineChartSpec& s) {
    std::vector<const cm::Series*> series;
    for (const auto& x : s.series) series.push_back(&x);
    return periods_table(s.periods, series, s.y, nullptr);
}

Table table_of(const cm::GapTargetBarsSpec& s) {
    Builder b;
    b.column("Measure", Align::Left, 3);
    b.column("Gap (percentage points)");
    b.column("Target gap");
    b.column("Status", Align::Left, 1.5);
    for (const auto& r : s.rows)
        b.row({r.label, number(r.gap, s.x.decimals, ""), number(r.target, s.x.decimals, ""),
               r.status.label});
    return b.finish();
}

Table table_of(const cm::GroupedBarsSpec& s) {
    Builder b;
    b.column("Measure", Align::Left, 2);
    for (const auto& g : s.groups) b.column(value_header(g.name, s.y.unit));
    for (std::size_t c = 0; c < s.categories.size(); ++c) {
        std::vector<std::string> r{s.categories[c]};
        for (const auto& g : s.groups)
            r.push_back(number(c < g.values.size() ? g.values[c] : cm::Value{}, s.y.decimals, s.y.unit));
        b.row(std::move(r));
    }
    return b.finish();
}

Table table_of(const cm::ActionStatusSpec& s) {
    Builder b;
    b.column("Objective", Align::Left, 3);
    for (const auto& st : s.statuses) b.column(st.label);
    b.column("Total");
    for (const auto& r : s.rows) {
        std::vector<std::string> row{r.label};
        int total = 0;
        for (std::size_t i = 0; i < s.statuses.size(); ++i) {
            const int n = i < r.counts.size() ? r.counts[i] : 0;
            total += n;
            row.push_back(std::to_string(n));
        }
        row.push_back(std::to_string(total));
        b.row(std::move(row));
    }
    return b.finish();
}

Table table_of(const cm::DistributionSpec& s) {
    Builder b;
    b.column(s.entity_noun == "settings" ? "Setting" : "Area", Align::Left, 3);
    b.column(s.y.label.empty() ? s.value_name : s.y.label);
    for (const auto& p : s.points) b.row({p.label, number(p.value, s.y.decimals, "")});
    return b.finish();
}

}  // namespace

Table chart_table(const cm::ChartSpec& spec, std::string caption) {
    Table t = std::visit([](const auto& s) { return table_of(s); }, spec);
    t.caption = std::move(caption);
    return t;
}

}  // namespace engine::templating
