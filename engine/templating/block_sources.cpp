#include "engine/templating/block_sources.h"

#include <algorithm>

#include "engine/core/text.h"
#include "engine/data/observation_table.h"

namespace engine::templating {

namespace {

using Lines = std::vector<std::string>;

void add_line(Lines& into, const std::string& line) {
    if (!line.empty() && std::find(into.begin(), into.end(), line) == into.end()) into.push_back(line);
}

class Sources {
public:
    Sources(const config::BatchConfig& b, const config::ReportConfig& r) : batch_(b), report_(r) {}

    // A file's line: its own source, else the report's.
    std::string line_of(const std::string& path) const {
        for (const auto& d : batch_.data_sources)
            if (d.path == path) return d.source;
        return report_.source;
    }
    Lines lines_of(const std::vector<std::string>& paths) const {
        Lines out;
        for (const auto& p : paths) add_line(out, line_of(p));
        return out;
    }
    Lines line_list(const std::string& path) const { return path.empty() ? Lines{} : Lines{line_of(path)}; }
    // Every line once: the batch's data sources in its order, then the report's.
    Lines order() const {
        Lines out;
        for (const auto& d : batch_.data_sources) add_line(out, d.source);
        add_line(out, report_.source);
        return out;
    }

private:
    const config::BatchConfig& batch_;
    const config::ReportConfig& report_;
};

Value list_value(const Lines& lines) {
    ValueList l;
    for (const auto& s : lines) l.push_back(Value(s));
    return Value(l);
}

void add_lines(Lines& into, const Value* list) {
    if (!list || !list->is_list()) return;
    for (const auto& v : list->list())
        if (const auto* s = std::get_if<std::string>(&v.data())) add_line(into, *s);
}

const Value* at(const Value* v, const std::string& key) { return v && v->is_map() ? v->get(key) : nullptr; }

// The measure's lines, with England's when the block compares with it.
void add_measure(Lines& into, const Value* ds, const std::string& measure, bool national) {
    const Value* m = at(at(ds, "measures"), core::slugify(measure));
    add_lines(into, at(m, "local"));
    if (national) add_lines(into, at(m, "national"));
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s + ",") {
        if (c == ',') {
            auto t = std::string(core::trim(cur));
            if (!t.empty()) out.push_back(t);
            cur.clear();
        } else {
            cur += c;
        }
    }
    return out;
}

std::string option(const std::map<std::string, std::string>& o, const std::string& key) {
    auto it = o.find(key);
    return it == o.end() ? "" : it->second;
}

void chart_lines(Lines& out, const std::map<std::string, std::string>& o, const Value* ds) {
    const std::string kind = option(o, "kind");
    const bool national = option(o, "national") == "true";
    if (kind == "action_status") return add_lines(out, at(ds, "actions"));
    if (kind == "status_bars") return add_lines(out, at(at(ds, "statuses"), option(o, "status")));
    if (kind == "gap_bars") {
        add_lines(out, at(ds, "targets"));  // its bars are the targets' gaps, with their markers
        for (const auto& m : split_list(option(o, "measures"))) add_measure(out, ds, m, national);
        return;
    }
    for (const auto& m : split_list(option(o, "measure"))) add_measure(out, ds, m, national);
    for (const auto& m : split_list(option(o, "measures"))) add_measure(out, ds, m, national);
}

// A series_table's figures: gap.<measure>.<group>[.vs.england | .in.england …].
void series_lines(Lines& out, const BlockSpec& b, const Value* ds) {
    for (const auto& row : b.series_rows) {
        const std::string& f = row.figure.text;
        auto parts = split_list([&] {
            std::string s = f;
            std::replace(s.begin(), s.end(), '.', ',');
            return s;
        }());
        if (parts.size() < 2) continue;
        const bool national = f.find(".england") != std::string::npos || f.find(".national") != std::string::npos;
        add_measure(out, ds, parts[1], national);
    }
}

void table_lines(Lines& out, const BlockSpec& b, const Value* ds) {
    switch (b.kind) {
        case BlockKind::ActionTable: return add_lines(out, at(ds, "actions"));
        case BlockKind::StatusTable: return add_lines(out, at(ds, "targets"));
        case BlockKind::SeriesTable: return series_lines(out, b, ds);
        default: break;
    }
    const std::string root = b.rows.substr(0, b.rows.find('.'));
    if (root == "objectives" || root == "actions") return add_lines(out, at(ds, "actions"));
    if (root == "targets") return add_lines(out, at(ds, "targets"));
    if (root == "activity_summary") return add_lines(out, at(ds, "activities"));
    if (root == "statuses") {
        const std::string rest = b.rows.substr(std::min(b.rows.size(), root.size() + 1));
        return add_lines(out, at(at(ds, "statuses"), rest.substr(0, rest.find('.'))));
    }
    add_lines(out, at(at(ds, "tables"), root));
}

}  // namespace

Value data_sources_value(const config::BatchConfig& batch, const config::ReportConfig& report,
                         const metrics::ReportMetrics* mx, const metrics::SuppressedView* view) {
    Sources s(batch, report);
    ValueMap ds;
    ValueMap measures;
    if (mx && view) {
        const data::ObservationTable& t = view->table();
        const auto& nat = t.areas(data::kNational);
        for (const auto& m : t.measures()) {
            ValueMap one;
            one["local"] = list_value(s.lines_of(t.files_of(mx->area.level, mx->area.area, m)));
            one["national"] = list_value(nat.empty() ? Lines{} : s.lines_of(t.files_of(data::kNational, nat.front(), m)));
            measures[core::slugify(m)] = Value(one);
        }
    }
    // The targets, and the rows they compare (England's for a national comparator).
    Lines targets = s.line_list(batch.targets_path);
    if (mx)
        for (const auto& row : mx->rows) {
            if (!row.target) continue;
            auto it = measures.find(core::slugify(row.series.measure));
            if (it == measures.end()) continue;
            add_lines(targets, at(&it->second, "local"));
            if (row.series.comparator.national) add_lines(targets, at(&it->second, "national"));
        }
    ValueMap statuses;
    for (const auto& st : batch.catalog.statuses) {
        Lines l;
        for (const auto& m : st.rule.measures) {
            auto it = measures.find(core::slugify(m));
            if (it != measures.end()) add_lines(l, at(&it->second, "local"));
        }
        statuses[st.name] = list_value(l);
    }
    ValueMap tables;
    for (const auto& [name, path] : batch.tables) tables[name] = list_value(s.line_list(path));
    ds["measures"] = Value(measures);
    ds["targets"] = list_value(targets);
    ds["actions"] = list_value(s.line_list(batch.actions_path));
    ds["activities"] = list_value(s.line_list(batch.activities_path));
    ds["settings"] = list_value(s.line_list(batch.settings_path));
    ds["tables"] = Value(tables);
    ds["statuses"] = Value(statuses);
    ds["order"] = list_value(s.order());
    return Value(ds);
}

std::vector<std::string> block_sources(const BlockSpec& block,
                                       const std::map<std::string, std::string>& options,
                                       const Value& root) {
    const Value* ds = root.get("data_sources");
    Lines found;
    if (block.kind == BlockKind::Chart) chart_lines(found, options, ds);
    else table_lines(found, block, ds);
    Lines order;
    add_lines(order, at(ds, "order"));
    auto rank = [&](const std::string& s) {
        return std::find(order.begin(), order.end(), s) - order.begin();
    };
    std::stable_sort(found.begin(), found.end(),
                     [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
    return found;
}

}  // namespace engine::templating
