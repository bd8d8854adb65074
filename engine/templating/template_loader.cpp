#include "engine/templating/template_loader.h"

#include <algorithm>

#include "engine/config/yaml_reader.h"
#include "engine/core/text.h"

namespace engine::templating {

using config::MapReader;
using config::location_of;

namespace {

struct KindName {
    BlockKind kind;
    const char* name;
};
constexpr KindName kBlockKinds[] = {
    {BlockKind::Heading, "heading"},         {BlockKind::Paragraph, "paragraph"},
    {BlockKind::Paragraphs, "paragraphs"},   {BlockKind::Bullets, "bullets"},
    {BlockKind::Lettered, "lettered"},       {BlockKind::Table, "table"},
    {BlockKind::StatusTable, "status_table"}, {BlockKind::ActionTable, "action_table"},
    {BlockKind::Chart, "chart"},             {BlockKind::Quote, "quote"},
    {BlockKind::Callout, "callout"},         {BlockKind::PageBreak, "page_break"},
    {BlockKind::Contents, "contents"},       {BlockKind::SourcesTable, "sources_table"},
    {BlockKind::Note, "note"},               {BlockKind::Spacer, "spacer"},
    {BlockKind::SeriesTable, "series_table"},
};

TemplateString tstring(MapReader& m, const std::string& key, bool required = false) {
    auto s = m.string(key, required);
    return {s.value_or(""), m.where(key)};
}

TemplateString scalar_string(const YAML::Node& n, const std::string& file) {
    return {n.IsScalar() ? n.Scalar() : "", location_of(n, file)};
}

Rgb parse_hex(const std::string& s, bool& ok) {
    ok = s.size() == 7 && s[0] == '#';
    Rgb c;
    if (!ok) return c;
    auto hex = [&](std::size_t i) { return static_cast<unsigned char>(std::stoi(s.substr(i, 2), nullptr, 16)); };
    try {
        c = {hex(1), hex(3), hex(5)};
    } catch (...) {
        ok = false;
    }
    return c;
}

// Column presets of status and action tables: header, value, alignment, weight, status cell.
struct Preset {
    const char* name;
    const char* header;
    const char* value;
    Align align;
    double weight;
    bool status;
    bool nowrap = false;
};
constexpr Preset kTargetColumns[] = {
    {"measure", "Measure", "{{ measure_short }}", Align::Left, 1.4, false},
    {"measure_label", "Measure", "{{ measure_label }}", Align::Left, 2.2, false},
    {"group", "Group", "{{ group_label }}", Align::Left, 1.3, false},
    {"comparator", "Compared with", "{{ comparator_label }}", Align::Left, 1.3, false},
    {"period", "Year", "{{ period }}", Align::Left, 0.8, false, true},
    {"value", "Group", "{{ value }}", Align::Right, 0.8, false, true},
    {"comparator_value", "Comparator", "{{ comparator_value }}", Align::Right, 1.0, false, true},
    {"gap", "Gap (ppts)", "{{ gap | num }}", Align::Right, 0.8, false, true},
    {"previous_gap", "Previous gap", "{{ previous_gap | num }}", Align::Right, 0.9, false, true},
    {"change", "Change in gap", "{{ change | signed }}", Align::Right, 0.9, false, true},
    {"change_since_baseline", "Change since baseline", "{{ change_since_baseline | signed }}", Align::Right, 0.9, false, true},
    {"baseline_gap", "Baseline gap", "{{ baseline_gap | num }}", Align::Right, 0.9, false, true},
    {"target_value", "Target", "{{ target | num }}", Align::Right, 0.8, false, true},
    {"direction", "Direction", "{{ direction }}", Align::Left, 0.9, false},
    {"target", "Target", "{{ target_text }}", Align::Left, 1.6, false},
    {"status", "Status", "{{ status }}", Align::Left, 1.1, true, true},
    {"reason", "Why", "{{ reason }}", Align::Left, 2.5, false},
};
constexpr Preset kActionColumns[] = {
    {"id", "Ref", "{{ id }}", Align::Left, 0.6, false, true},
    {"action", "Action", "{{ action }}", Align::Left, 3.0, false},
    {"objective", "Objective", "{{ objective }}", Align::Left, 1.8, false},
    {"owner", "Owner", "{{ owner }}", Align::Left, 1.3, false},
    {"start", "Start", "{{ start | short_date }}", Align::Left, 0.9, false, true},
    {"due", "Due", "{{ due | short_date }}", Align::Left, 0.9, false, true},
    {"status", "Status", "{{ status }}", Align::Left, 0.95, true, true},
    {"progress", "Progress", "{{ progress }}", Align::Left, 2.4, false},
    {"last_updated", "Updated", "{{ last_updated | short_date }}", Align::Left, 0.9, false, true},
};

template <std::size_t N>
bool preset_column(const std::string& name, const Preset (&presets)[N], ColumnSpec& out,
                   const core::SourceLocation& where) {
    for (const auto& p : presets) {
        if (name != p.name) continue;
        out.header = {p.header, where};
        out.value = {p.value, where};
        out.align = p.align;
        out.weight = p.weight;
        out.status = p.status;
        out.nowrap = p.nowrap;
        return true;
    }
    return false;
}

template <std::size_t N>
std::vector<std::string> preset_names(const Preset (&presets)[N]) {
    std::vector<std::string> v;
    for (const auto& p : presets) v.emplace_back(p.name);
    return v;
}

class Loader {
public:
    Loader(std::string file, core::DiagnosticSink& sink) : file_(std::move(file)), sink_(sink) {}

    std::optional<TemplateSpec> load() {
        std::size_t errors_before = sink_.error_count();
        auto root = config::load_yaml_file(file_, sink_);
        if (!root) return std::nullopt;
        TemplateSpec t;
        t.path = file_;
        MapReader top(*root, file_, "", sink_);
        t.name = top.string("template", true).value_or("");
        t.description = top.string("description").value_or("");
        read_style(top.map("style"), t.style);
        read_front(top.map("front"), t.front);
        YAML::Node meta = top.map("metadata");
        if (meta.IsDefined()) {
            MapReader m(meta, file_, "metadata", sink_);
            t.doc_title = tstring(m, "title");
            t.doc_subject = tstring(m, "subject");
            t.doc_keywords = tstring(m, "keywords");
            m.finish();
        }
        YAML::Node sections = top.list("sections", true);
        int i = 0;
        for (const auto& s : sections) t.sections.push_back(read_section(s, "sections[" + std::to_string(i++) + "]"));
        top.finish();
        if (sink_.error_count() > errors_before) return std::nullopt;
        return t;
    }

private:
    void read_style(const YAML::Node& n, StyleSpec& st) {
        if (!n.IsDefined()) return;
        MapReader m(n, file_, "style", sink_);
        st.page_size = m.choice("page_size", {"A4", "Letter"}).value_or(st.page_size);
        YAML::Node margins = m.map("margins");
        if (margins.IsDefined()) {
            MapReader mm(margins, file_, "style.margins", sink_);
            st.margin_top = mm.number("top").value_or(st.margin_top);
            st.margin_right = mm.number("right").value_or(st.margin_right);
            st.margin_bottom = mm.number("bottom").value_or(st.margin_bottom);
            st.margin_left = mm.number("left").value_or(st.margin_left);
            mm.finish();
        }
        st.body_size = m.number("body_size").value_or(st.body_size);
        if (st.body_size < 6 || st.body_size > 18)
            sink_.error(m.where("body_size"), "'style.body_size' must be between 6 and 18 pt");
        st.line_spacing = m.number("line_spacing").value_or(st.line_spacing);
        st.uppercase_sections = m.boolean("uppercase_sections").value_or(st.uppercase_sections);
        YAML::Node colors = m.map("colors");
        if (colors.IsDefined()) {
            MapReader c(colors, file_, "style.colors", sink_);
            for (const char* key : {"accent", "text", "muted", "rule", "table_header"}) {
                auto v = c.string(key);
                if (!v) continue;
                bool ok = false;
                Rgb rgb = parse_hex(*v, ok);
                if (!ok)
                    sink_.error(c.where(key), "'style.colors." + std::string(key) +
                                                  "' must be a colour as #RRGGBB, got '" + *v + "'");
                else
                    st.colors[key] = rgb;
            }
            c.finish();
        }
        st.header_left = tstring(m, "header_left");
        st.header_right = tstring(m, "header_right");
        st.footer_left = tstring(m, "footer_left");
        st.classification = tstring(m, "classification");
        st.logo = tstring(m, "logo");
        st.logo_height = m.number("logo_height").value_or(st.logo_height);
        st.title_size = m.number("title_size").value_or(st.title_size);
        st.header_size = m.number("header_size").value_or(st.header_size);
        st.header_bold = m.boolean("header_bold").value_or(st.header_bold);
        st.header_rule_width = m.number("header_rule_width").value_or(st.header_rule_width);
        if (auto v = m.string("header_rule_color")) {
            bool ok = false;
            Rgb rgb = parse_hex(*v, ok);
            if (!ok) sink_.error(m.where("header_rule_color"), "'style.header_rule_color' must be a colour as #RRGGBB, got '" + *v + "'");
            else st.header_rule = rgb;
        }
        m.finish();
    }

    void read_front(const YAML::Node& n, FrontSpec& f) {
        if (!n.IsDefined()) return;
        MapReader m(n, file_, "front", sink_);
        auto kind = m.choice("kind", {"board_paper", "title_page", "none"}, true);
        if (kind == "board_paper") f.kind = FrontMatter::Kind::BoardPaper;
        else if (kind == "title_page") f.kind = FrontMatter::Kind::TitlePage;
        f.title = tstring(m, "title");
        f.subtitle = tstring(m, "subtitle");
        YAML::Node fields = m.list("fields");
        int i = 0;
        for (const auto& fld : fields) {
            MapReader fm(fld, file_, "front.fields[" + std::to_string(i++) + "]", sink_);
            f.fields.emplace_back(tstring(fm, "label", true), tstring(fm, "value", true));
            fm.finish();
        }
        m.finish();
    }

    SectionSpec read_section(const YAML::Node& n, const std::string& path) {
        SectionSpec s;
        s.where = location_of(n, file_);
        MapReader m(n, file_, path, sink_);
        s.title = tstring(m, "title");
        s.numbered = m.boolean("numbered").value_or(true);
        if (YAML::Node pb = m.any("page_break_before"); pb.IsDefined() && !pb.IsNull()) {
            const std::string v = pb.IsScalar() ? core::to_lower_ascii(pb.Scalar()) : "";
            s.page_break_before = v == "true" || v == "when_needed";
            s.break_when_needed = v == "when_needed";
            if (!s.page_break_before && v != "false")
                sink_.error(location_of(pb, file_),
                            "'" + path + ".page_break_before' must be true, false or when_needed, got " +
                                (pb.IsScalar() ? "'" + pb.Scalar() + "'" : config::describe_node(pb)),
                            {"when_needed starts the section on a new page only when the page before "
                             "is at least three quarters full"});
        }
        s.for_each = m.string("for_each").value_or("");
        s.if_path = m.string("if").value_or("");
        YAML::Node blocks = m.list("blocks");
        int i = 0;
        for (const auto& b : blocks)
            s.blocks.push_back(read_block(b, path + ".blocks[" + std::to_string(i++) + "]"));
        m.finish();
        return s;
    }

    BlockSpec read_block(const YAML::Node& n, const std::string& path) {
        BlockSpec b;
        b.where = location_of(n, file_);
        MapReader m(n, file_, path, sink_);
        if (!m.valid()) return b;
        std::vector<std::string> found;
        for (const auto& k : kBlockKinds)
            if (m.has(k.name) || (n[k.name].IsDefined() && n[k.name].IsNull())) {
                found.emplace_back(k.name);
                b.kind = k.kind;
            }
        if (found.size() != 1) {
            sink_.error(b.where,
                        found.empty() ? "'" + path + "' is not a block: it needs one of the block "
                                        "keys"
                                      : "'" + path + "' names several blocks (" +
                                            core::quoted_list(found) + "); split it in two",
                        {"block keys are " + core::quoted_list(block_kind_names())});
            for (const auto& k : kBlockKinds) m.any(k.name);
            m.any("for_each"), m.any("if"), m.any("unless");
            return b;
        }
        const std::string key = found.front();
        b.for_each = m.string("for_each").value_or("");
        b.if_path = m.string("if").value_or("");
        b.unless_path = m.string("unless").value_or("");

        switch (b.kind) {
            case BlockKind::Heading:
            case BlockKind::Paragraph:
            case BlockKind::Note:
                b.text = tstring(m, key, true);
                b.numbered = m.boolean("numbered").value_or(b.kind != BlockKind::Note);
                break;
            case BlockKind::Paragraphs:
                b.path = m.string(key, true).value_or("");
                b.numbered = m.boolean("numbered").value_or(true);
                break;
            case BlockKind::Bullets:
            case BlockKind::Lettered: {
                YAML::Node v = m.any(key, true);
                if (v.IsSequence()) {
                    for (const auto& item : v) b.items.push_back(scalar_string(item, file_));
                } else if (v.IsScalar()) {
                    b.path = v.Scalar();
                }
                b.intro = tstring(m, "intro");
                b.numbered = m.boolean("numbered").value_or(true);
                break;
            }
            case BlockKind::Quote:
                b.text = tstring(m, key, true);
                b.attribution = tstring(m, "attribution");
                break;
            case BlockKind::Callout: {
                b.text = tstring(m, key, true);
                YAML::Node items = m.any("items", true);
                if (items.IsSequence())
                    for (const auto& item : items) b.items.push_back(scalar_string(item, file_));
                else if (items.IsScalar())
                    b.path = items.Scalar();
                break;
            }
            case BlockKind::PageBreak:
            case BlockKind::Contents:
                m.any(key);
                break;
            case BlockKind::Spacer:
                b.height = m.number(key, true).value_or(6);
                break;
            case BlockKind::Table:
            case BlockKind::StatusTable:
            case BlockKind::ActionTable:
            case BlockKind::SourcesTable:
                read_table(m.map(key), path + "." + key, b);
                break;
            case BlockKind::Chart:
                read_chart(m.map(key, true), path + ".chart", b);
                break;
            case BlockKind::SeriesTable:
                read_series_table(m.map(key, true), path + "." + key, b);
                break;
        }
        m.finish();
        return b;
    }

    void read_table(const YAML::Node& n, const std::string& path, BlockSpec& b) {
        MapReader m(n, file_, path, sink_);
        std::string default_rows = b.kind == BlockKind::StatusTable   ? "targets"
                                   : b.kind == BlockKind::ActionTable ? "actions"
                                   : b.kind == BlockKind::SourcesTable ? "sources"
                                                                       : "";
        b.rows = m.string("rows", default_rows.empty()).value_or(default_rows);
        b.caption = tstring(m, "caption");
        b.note = tstring(m, "note");
        b.source = tstring(m, "source");
        b.empty_text = tstring(m, "empty");
        read_id(m, b);
        YAML::Node cols = m.list("columns", b.kind == BlockKind::Table);
        std::vector<std::string> default_cols;
        if (b.kind == BlockKind::StatusTable)
            default_cols = {"measure", "group", "value", "comparator_value", "gap", "change", "status"};
        if (b.kind == BlockKind::ActionTable)
            default_cols = {"action", "objective", "owner", "due", "status"};
        if (!cols.IsDefined()) {
            for (const auto& name : default_cols) {
                ColumnSpec c;
                if (b.kind == BlockKind::StatusTable) preset_column(name, kTargetColumns, c, m.where());
                else preset_column(name, kActionColumns, c, m.where());
                b.columns.push_back(c);
            }
        } else {
            int i = 0;
            for (const auto& col : cols) {
                std::string cpath = path + ".columns[" + std::to_string(i++) + "]";
                ColumnSpec c;
                if (col.IsScalar()) {
                    bool ok = b.kind == BlockKind::StatusTable
                                  ? preset_column(col.Scalar(), kTargetColumns, c, location_of(col, file_))
                              : b.kind == BlockKind::ActionTable
                                  ? preset_column(col.Scalar(), kActionColumns, c, location_of(col, file_))
                                  : false;
                    if (!ok) {
                        auto names = b.kind == BlockKind::StatusTable ? preset_names(kTargetColumns)
                                     : b.kind == BlockKind::ActionTable
                                         ? preset_names(kActionColumns)
                                         : std::vector<std::string>{};
                        sink_.error(location_of(col, file_),
                                    names.empty() ? "a column of '" + path +
                                                        "' must be a map with 'header' and 'value'"
                                                  : "unknown column '" + col.Scalar() + "'",
                                    names.empty() ? std::vector<std::string>{}
                                                  : std::vector<std::string>{core::valid_values_hint(
                                                        "columns", col.Scalar(), names)});
                    }
                } else {
                    MapReader cm(col, file_, cpath, sink_);
                    std::string preset = cm.string("preset").value_or("");
                    if (!preset.empty()) {
                        if (b.kind == BlockKind::StatusTable) preset_column(preset, kTargetColumns, c, cm.where());
                        else preset_column(preset, kActionColumns, c, cm.where());
                    }
                    if (cm.has("header")) c.header = tstring(cm, "header");
                    else cm.string("header", preset.empty());
                    if (cm.has("value")) c.value = tstring(cm, "value");
                    else cm.string("value", preset.empty());
                    auto align = cm.choice("align", {"left", "right", "centre"});
                    if (align == "right") c.align = Align::Right;
                    else if (align == "centre") c.align = Align::Centre;
                    else if (align == "left") c.align = Align::Left;
                    c.weight = cm.number("weight").value_or(c.weight);
                    if (c.weight <= 0) sink_.error(cm.where("weight"), "'weight' must be above 0");
                    c.status = cm.boolean("status").value_or(c.status);
                    c.bold = cm.boolean("bold").value_or(false);
                    c.nowrap = cm.boolean("nowrap").value_or(c.nowrap);
                    cm.finish();
                }
                b.columns.push_back(c);
            }
        }
        m.finish();
    }

    // `id: gld_trend` names a chart or table for cross-references ({{ figure.gld_trend }}).
    void read_id(MapReader& m, BlockSpec& b) {
        auto id = m.string("id");
        if (!id) return;
        b.id = *id;
        b.id_where = m.where("id");
        if (b.id.empty() || core::slugify(b.id) != b.id)
            sink_.error(b.id_where, "'id' must be lower-case letters, digits and '_', got '" + b.id + "'",
                        {"e.g. id: " + (core::slugify(b.id).empty() ? std::string("gld_trend") : core::slugify(b.id))});
    }

    void read_series_table(const YAML::Node& n, const std::string& path, BlockSpec& b) {
        if (!n.IsDefined()) return;
        MapReader m(n, file_, path, sink_);
        b.caption = tstring(m, "caption");
        b.note = tstring(m, "note");
        b.empty_text = tstring(m, "empty");
        b.source = tstring(m, "source");
        b.row_header = tstring(m, "header");
        b.change_column = m.boolean("change").value_or(false);
        read_id(m, b);
        YAML::Node periods = m.any("periods");
        if (periods.IsSequence()) {
            for (const auto& p : periods) b.periods.push_back(scalar_string(p, file_));
        } else if (periods.IsScalar()) {
            const TemplateString all = scalar_string(periods, file_);
            for (const auto& p : core::split(all.text, ','))
                if (!core::trim(p).empty()) b.periods.push_back({std::string(core::trim(p)), all.where});
        }
        YAML::Node rows = m.list("rows", true);
        int i = 0;
        for (const auto& r : rows) {
            MapReader rm(r, file_, path + ".rows[" + std::to_string(i++) + "]", sink_);
            SeriesRowSpec row;
            row.where = location_of(r, file_);
            row.figure = tstring(rm, "figure", true);
            row.label = tstring(rm, "label");
            row.show = rm.choice("show", {"value", "comparator_value", "gap", "change", "value_change"})
                           .value_or("value");
            rm.finish();
            b.series_rows.push_back(std::move(row));
        }
        m.finish();
    }

    void read_chart(const YAML::Node& n, const std::string& path, BlockSpec& b) {
        if (!n.IsDefined()) return;
        MapReader m(n, file_, path, sink_);
        for (const auto& kv : m.node()) {
            std::string key = kv.first.Scalar();
            if (key == "id") {
                read_id(m, b);
                continue;
            }
            if (key == "height") {
                b.height = m.number("height").value_or(0);
                continue;
            }
            if (key == "min_height") {
                b.min_height = m.number("min_height").value_or(0);
                continue;
            }
            if (key == "caption") {
                b.caption = tstring(m, "caption");
                continue;
            }
            if (!kv.second.IsScalar()) {
                sink_.error(location_of(kv.second, file_),
                            "'" + path + "." + key + "' must be text, got " + config::describe_node(kv.second));
                m.any(key);
                continue;
            }
            b.options[key] = tstring(m, key);
        }
        if (!b.options.count("kind")) m.string("kind", true);
        m.finish();
    }

    std::string file_;
    core::DiagnosticSink& sink_;
};

}  // namespace

const std::vector<std::string>& block_kind_names() {
    static const std::vector<std::string> v = [] {
        std::vector<std::string> out;
        for (const auto& k : kBlockKinds) out.emplace_back(k.name);
        return out;
    }();
    return v;
}

std::optional<TemplateSpec> load_template(const std::string& path, core::DiagnosticSink& sink) {
    return Loader(path, sink).load();
}

}  // namespace engine::templating
