#include "engine/config/config_loader.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "engine/config/language_tag.h"
#include "engine/config/status_config.h"
#include "engine/config/yaml_fingerprint.h"
#include "engine/config/yaml_reader.h"
#include "engine/core/text.h"

namespace engine::config {

namespace fs = std::filesystem;

namespace {

std::string resolve(const std::string& base_dir, const std::string& p) {
    if (p.empty()) return p;
    fs::path path(p);
    if (path.is_absolute()) return path.lexically_normal().string();
    return (fs::path(base_dir) / path).lexically_normal().string();
}

// An input file the batch names: only a regular file is read (a FIFO would block and a device
// such as /dev/zero never ends). Checked here, where the batch line that names it is known;
// a missing or unreadable path is reported there and comes back empty, so nothing reads it.
std::string input_file(const std::string& given, const core::SourceLocation& where,
                       const std::string& key_path, const std::string& base_dir,
                       core::DiagnosticSink& sink) {
    std::string path = resolve(base_dir, given);
    if (path.empty()) return path;
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    std::string problem;
    if (st.type() == fs::file_type::not_found) problem = "there is no such file";
    else if (ec) problem = ec.message();
    else if (st.type() == fs::file_type::directory) problem = "it is a folder, not a file";
    else if (st.type() == fs::file_type::fifo) problem = "it is a pipe (FIFO), not a regular file";
    else if (st.type() == fs::file_type::character || st.type() == fs::file_type::block)
        problem = "it is a device, not a regular file";
    else if (st.type() != fs::file_type::regular) problem = "it is not a regular file";
    if (problem.empty()) return path;
    std::vector<std::string> hints;
    if (st.type() == fs::file_type::not_found && fs::path(given).is_relative())
        hints.push_back("paths are relative to the folder of the batch file");
    sink.error(where, "cannot read '" + core::excerpt(given) + "' (" + key_path + "): " + problem, hints);
    return "";
}

std::string input_file(MapReader& m, const std::string& key, const std::string& base_dir,
                       core::DiagnosticSink& sink, bool required = false) {
    auto given = m.string(key, required);
    if (!given) return "";
    return input_file(*given, m.where(key), m.child_path(key), base_dir, sink);
}

// A title-like value: one line of a page, the PDF's Info and XMP title. A longer one (a 10 MB
// title once failed inside libharu with no file named) is an error at its value.
constexpr std::size_t kMaxTitleChars = 500;

std::string short_text(MapReader& m, const std::string& key, core::DiagnosticSink& sink,
                       bool required = false) {
    std::string v = m.string(key, required).value_or("");
    if (std::size_t n = core::count_code_points(v); n > kMaxTitleChars) {
        sink.error(m.where(key), "'" + m.child_path(key) + "' is " + std::to_string(n) +
                                     " characters long; at most " + std::to_string(kMaxTitleChars) +
                                     " are allowed",
                   {"put longer text in a paragraph of the report"});
        return "";
    }
    return v;
}

// A data file's optional `source:`, the "Source: …" line of the charts and tables drawn from
// it: text, one line long at most, not empty ("" when absent).
std::string data_source_text(MapReader& m, core::DiagnosticSink& sink) {
    if (!m.has("source")) return "";
    const std::size_t errors = sink.error_count();
    std::string v = short_text(m, "source", sink);
    if (sink.error_count() == errors && core::trim(v).empty())
        sink.error(m.where("source"), "'" + m.child_path("source") + "' is empty",
                   {"name where the figures come from, e.g. \"DfE, Early years foundation stage "
                    "profile results\", or leave 'source' out to use the report's"});
    return core::trim(v).empty() ? "" : v;
}

void add_data_source(const std::string& path, const std::string& source,
                     std::vector<DataSourceLine>& into) {
    if (!path.empty() && !source.empty()) into.push_back({path, source});
}

// A data file given as its path or as {file: path, source: text}.
std::string input_source(MapReader& d, const std::string& key, const std::string& base_dir,
                         std::vector<DataSourceLine>& sources, core::DiagnosticSink& sink,
                         bool required = false) {
    YAML::Node n = d.has(key) ? d.any(key) : YAML::Node();
    if (!n.IsDefined() || !n.IsMap()) return input_file(d, key, base_dir, sink, required);
    MapReader m(n, d.file(), d.child_path(key), sink);
    std::string path = input_file(m, "file", base_dir, sink, true);
    add_data_source(path, data_source_text(m, sink), sources);
    m.finish();
    return path;
}

TextNode read_text_tree(const YAML::Node& n, const std::string& file, const std::string& path,
                        core::DiagnosticSink& sink) {
    TextNode t;
    t.where = location_of(n, file);
    if (n.IsMap()) {
        t.kind = TextNode::Kind::Map;
        MapReader dup_check(n, file, path, sink);  // reports duplicate keys
        for (const auto& kv : n) {
            std::string key = kv.first.Scalar();
            t.entries.push_back({key, read_text_tree(kv.second, file, path + "." + key, sink)});
        }
    } else if (n.IsSequence()) {
        t.kind = TextNode::Kind::List;
        int i = 0;
        for (const auto& item : n)
            t.items.push_back(
                read_text_tree(item, file, path + "[" + std::to_string(i++) + "]", sink));
    } else if (n.IsScalar()) {
        t.text = n.Scalar();
        // Block scalars (| or >) start on the line after the indicator.
        t.block = n.Tag() == "!" && !t.text.empty() && t.text.back() == '\n';
    }
    return t;
}

// `scale: {min: 1, max: 4, labels: [Beginning, Developing, Embedding, Mature]}` of a score.
std::optional<data::Scale> read_scale(MapReader& measure, data::Unit unit, core::DiagnosticSink& sink) {
    YAML::Node n = measure.map("scale");
    if (!n.IsDefined()) return std::nullopt;
    const std::string path = measure.child_path("scale");
    if (unit != data::Unit::Score)
        sink.error(measure.where("scale"), "'" + path + "' is only for 'unit: score'",
                   {"a rating on a scale is a score: add 'unit: score'"});
    MapReader m(n, measure.file(), path, sink);
    data::Scale s;
    s.min = m.integer("min", true, -1000, 1000).value_or(0);
    s.max = m.integer("max", true, -1000, 1000).value_or(0);
    YAML::Node labels = m.list("labels");
    for (const auto& l : labels) {
        if (l.IsScalar() && !core::trim(l.Scalar()).empty()) s.labels.emplace_back(core::trim(l.Scalar()));
        else sink.error(location_of(l, m.file()), "'" + path + ".labels' must list words, got " + describe_node(l));
    }
    m.finish();
    if (s.max <= s.min) {
        sink.error(m.where("max"), "'" + path + ".max' must be greater than 'min' (" + std::to_string(s.min) + ")");
        return std::nullopt;
    }
    if (s.max - s.min > 20 && !s.labels.empty())
        sink.error(m.where("labels"), "'" + path + "' has more than 21 steps; labels are for short rating scales");
    const auto steps = static_cast<std::size_t>(s.max - s.min + 1);
    if (!s.labels.empty() && s.labels.size() != steps)
        sink.error(m.where("labels"), "'" + path + ".labels' has " + std::to_string(s.labels.size()) +
                                          " words for the " + std::to_string(steps) + " steps " +
                                          std::to_string(s.min) + "–" + std::to_string(s.max),
                   {"give one word per step, lowest first"});
    return s;
}

void read_measures(const YAML::Node& n, const std::string& file, data::Catalog& cat,
                   core::DiagnosticSink& sink) {
    if (!n.IsDefined()) return;
    MapReader all(n, file, "measures", sink);
    for (const auto& kv : n) {
        std::string id = kv.first.Scalar();
        all.any(id);
        MapReader m(kv.second, file, "measures." + id, sink);
        data::MeasureInfo mi;
        mi.id = id;
        mi.label = m.string("label").value_or(id);
        mi.short_label = m.string("short_label").value_or(mi.label);
        mi.phrase = m.string("phrase").value_or(data::default_measure_phrase(mi.label, mi.short_label));
        auto unit = m.choice("unit", {"percent", "number", "score", "count", "days"});
        if (unit == "number") mi.unit = data::Unit::Number;
        else if (unit == "score") mi.unit = data::Unit::Score;
        else if (unit == "count") mi.unit = data::Unit::Count;
        else if (unit == "days") mi.unit = data::Unit::Days;
        mi.scale = read_scale(m, mi.unit, sink);
        mi.dp = m.integer("dp", false, 0, 4).value_or(mi.unit == data::Unit::Percent ? 1 : 0);
        auto pol = m.choice("polarity", {"higher", "lower"});
        if (pol == "lower") mi.polarity = data::Polarity::LowerIsBetter;
        m.finish();
        cat.measures[id] = mi;
        cat.measure_order.push_back(id);
    }
}

void read_groups(const YAML::Node& n, const std::string& file, data::Catalog& cat,
                 core::DiagnosticSink& sink) {
    if (!n.IsDefined()) return;
    MapReader all(n, file, "groups", sink);
    for (const auto& kv : n) {
        std::string id = kv.first.Scalar();
        all.any(id);
        data::GroupInfo g{id, id};
        if (kv.second.IsScalar()) {
            g.label = kv.second.Scalar();
        } else {
            MapReader m(kv.second, file, "groups." + id, sink);
            g.label = m.string("label").value_or(id);
            m.finish();
        }
        cat.groups[id] = g;
        cat.group_order.push_back(id);
    }
}

data::ObservationSource read_observation_source(const YAML::Node& n, const std::string& file,
                                                const std::string& path,
                                                const std::string& base_dir,
                                                core::DiagnosticSink& sink) {
    data::ObservationSource src;
    if (n.IsScalar()) {
        if (n.Scalar().empty()) sink.error(location_of(n, file), "'" + path + "' must name a CSV file");
        src.path = input_file(n.Scalar(), location_of(n, file), path, base_dir, sink);
        return src;
    }
    MapReader m(n, file, path, sink);
    src.path = input_file(m, "file", base_dir, sink, true);
    src.source = data_source_text(m, sink);
    YAML::Node cols = m.map("columns");
    if (cols.IsDefined()) {
        static const std::vector<std::string> canonical = {
            "time_period", "time_identifier", "geographic_level", "characteristic", "measure",
            "value",       "cohort",          "numerator",        "country_name",   "region_name",
            "la_name",     "setting_id",      "school_urn",       "project_name"};
        MapReader c(cols, file, path + ".columns", sink);
        for (const auto& name : canonical)
            if (auto v = c.string(name)) src.rename[name] = *v;
        c.finish();
    }
    YAML::Node groups = m.map("groups");
    if (groups.IsDefined()) {
        MapReader gm(groups, file, path + ".groups", sink);
        for (const auto& kv : groups)
            if (auto v = gm.string(kv.first.Scalar(), true); v && !v->empty())
                src.group_names[kv.first.Scalar()] = *v;
        gm.finish();
    }
    auto layout = m.choice("layout", {"tidy", "wide"});
    src.wide = layout == "wide";
    src.ignore_unknown_columns = m.boolean("ignore_unknown_columns").value_or(src.wide);
    if (src.wide) {
        src.group_column = m.string("group_column").value_or("characteristic");
        YAML::Node inds = m.map("indicators", true);
        if (inds.IsDefined()) {
            MapReader im(inds, file, path + ".indicators", sink);
            for (const auto& kv : inds) {
                data::IndicatorMap ind;
                ind.column = kv.first.Scalar();
                im.any(ind.column);
                if (kv.second.IsScalar()) {
                    ind.measure = kv.second.Scalar();
                } else {
                    MapReader one(kv.second, file, path + ".indicators." + ind.column, sink);
                    ind.measure = one.string("measure", true).value_or("");
                    ind.cohort = one.string("cohort").value_or("");
                    ind.numerator = one.string("numerator").value_or("");
                    one.finish();
                }
                src.indicators.push_back(ind);
            }
            if (src.indicators.empty())
                sink.error(m.where("indicators"), "'" + path + ".indicators' maps no indicator");
        }
    } else {
        for (const char* key : {"group_column", "indicators"})
            if (m.has(key))
                sink.error(m.where(key), "'" + path + "." + key + "' needs 'layout: wide'");
    }
    YAML::Node filters = m.map("filters");
    if (filters.IsDefined()) {
        MapReader fm(filters, file, path + ".filters", sink);
        for (const auto& kv : filters) {
            src.filters[kv.first.Scalar()] = fm.string(kv.first.Scalar()).value_or("");
        }
        fm.finish();
    }
    // The EES metadata file beside the data file, unless turned off.
    auto meta = m.any("meta");
    std::string meta_default = src.path.size() > 4 && src.path.substr(src.path.size() - 4) == ".csv"
                                   ? src.path.substr(0, src.path.size() - 4) + ".meta.csv"
                                   : "";
    if (!src.wide || (meta.IsDefined() && meta.IsScalar() && meta.Scalar() == "false")) {
        src.meta_path.clear();
    } else if (meta.IsDefined() && meta.IsScalar() && meta.Scalar() != "true") {
        src.meta_path = resolve(base_dir, meta.Scalar());
    } else if (!meta_default.empty() && fs::exists(meta_default)) {
        src.meta_path = meta_default;
    } else if (meta.IsDefined() && meta.Scalar() == "true") {
        sink.error(m.where("meta"), "no metadata file '" + meta_default + "' beside the data file");
    }
    m.finish();
    return src;
}

std::vector<std::string> string_list(MapReader& m, const std::string& key,
                                     core::DiagnosticSink& sink, std::vector<std::string> fallback) {
    YAML::Node n = m.any(key);
    if (!n.IsDefined()) return fallback;
    std::vector<std::string> out;
    if (n.IsScalar()) return {n.Scalar()};
    if (!n.IsSequence()) {
        sink.error(location_of(n, m.file()), "'" + m.child_path(key) + "' must be a list, got " +
                                                 describe_node(n));
        return fallback;
    }
    for (const auto& item : n) {
        if (!item.IsScalar()) {
            sink.error(location_of(item, m.file()), "'" + m.child_path(key) + "' must list text values");
            continue;
        }
        out.push_back(item.Scalar());
    }
    return out;
}

data::RecordsSpec read_records(const YAML::Node& n, const std::string& file,
                               const std::string& base_dir, core::DiagnosticSink& sink) {
    data::RecordsSpec spec;
    if (n.IsScalar()) {
        spec.path = input_file(n.Scalar(), location_of(n, file), "data.records", base_dir, sink);
        return spec;
    }
    MapReader m(n, file, "data.records", sink);
    spec.path = input_file(m, "file", base_dir, sink, true);
    spec.source = data_source_text(m, sink);
    spec.at_or_above = string_list(m, "at_or_above", sink, spec.at_or_above);
    spec.below = string_list(m, "below", sink, spec.below);
    spec.areas = string_list(m, "areas", sink, spec.areas);
    spec.levels = string_list(m, "levels", sink, spec.levels);
    for (const auto& l : spec.levels)
        if (l != data::kSetting && l != data::kLocalAuthority && l != data::kProject)
            sink.error(m.where("levels"), "unknown level '" + l + "' in 'data.records.levels'",
                       {core::valid_values_hint("levels", l, {data::kSetting, data::kLocalAuthority,
                                                              data::kProject})});
    spec.project_name = m.string("project_name").value_or(spec.project_name);
    YAML::Node groups = m.map("groups");
    if (groups.IsDefined()) {
        spec.groups.clear();
        for (const auto& kv : groups) {
            data::RecordGroup g;
            g.name = kv.first.Scalar();
            if (kv.second.IsDefined() && !kv.second.IsNull()) {
                MapReader gm(kv.second, file, "data.records.groups." + g.name, sink);
                for (const auto& cond : gm.node()) {
                    std::string col = cond.first.Scalar();
                    std::size_t errors = sink.error_count();
                    auto values = string_list(gm, col, sink, {});
                    // A condition reported as malformed is left out, not read as "no value".
                    if (sink.error_count() == errors) g.conditions.emplace_back(col, values);
                }
                gm.finish();
            }
            spec.groups.push_back(g);
        }
        if (spec.groups.empty())
            sink.error(m.where("groups"), "'data.records.groups' must define at least one group");
    }
    YAML::Node gld = m.any("gld");
    if (gld.IsDefined()) {
        if (gld.IsScalar()) {
            spec.gld = gld.Scalar() == "true";
            if (gld.Scalar() != "true" && gld.Scalar() != "false")
                sink.error(location_of(gld, file), "'data.records.gld' must be true, false or a map");
        } else {
            MapReader g(gld, file, "data.records.gld", sink);
            spec.gld_measure = g.string("measure").value_or(spec.gld_measure);
            spec.gld_areas = string_list(g, "areas", sink, spec.gld_areas);
            // A GLD area the records may not hold would silently give no GLD at all.
            if (!spec.areas.empty())
                for (const auto& a : spec.gld_areas)
                    if (std::find(spec.areas.begin(), spec.areas.end(), a) == spec.areas.end())
                        sink.error(g.where("areas"), "GLD area '" + a + "' is not one of 'data.records.areas'",
                                   {core::valid_values_hint("areas", a, spec.areas)});
            g.finish();
        }
    }
    m.finish();
    return spec;
}

// `formats: [pdf, html]` (or one name): which files the report is written as; both by default.
OutputFormats read_formats(MapReader& m, const std::string& file, core::DiagnosticSink& sink) {
    YAML::Node n = m.any("formats");
    if (!n.IsDefined()) return {};
    const std::string path = m.child_path("formats");
    std::vector<YAML::Node> items;
    if (n.IsScalar()) items.push_back(n);
    else if (n.IsSequence())
        for (const auto& item : n) items.push_back(item);
    else {
        sink.error(location_of(n, file), "'" + path + "' must be a list of formats, got " + describe_node(n),
                   {"write e.g. 'formats: [pdf, html]'"});
        return {};
    }
    if (items.empty()) {
        sink.error(location_of(n, file), "'" + path + "' is empty: a report needs at least one format",
                   {"write 'formats: [pdf]', 'formats: [html]' or 'formats: [pdf, html]'"});
        return {};
    }
    OutputFormats f{false, false};
    for (const auto& item : items) {
        const std::string name = item.IsScalar() ? item.Scalar() : "";
        if (name == "pdf") f.pdf = true;
        else if (name == "html") f.html = true;
        else
            sink.error(location_of(item, file), "'" + path + "' must list 'pdf' or 'html', got " +
                                                    (item.IsScalar() ? "'" + name + "'" : describe_node(item)),
                       {core::valid_values_hint("formats", name, output_format_names())});
    }
    return f.pdf || f.html ? f : OutputFormats{};
}

ReportConfig read_report(const YAML::Node& n, const std::string& file, const std::string& path,
                         const std::string& base_dir, core::DiagnosticSink& sink) {
    ReportConfig r;
    r.where = location_of(n, file);
    append_fingerprint(r.fingerprint, n);
    MapReader m(n, file, path, sink);
    r.id = m.string("id", true).value_or("");
    // "setting", "local_authority" or any column of the settings file (checked against its
    // header once the file is read: load_batch).
    r.for_each = m.string("for_each").value_or("");
    r.for_each_where = m.where("for_each");
    if (m.has("for_each") && core::trim(r.for_each).empty())
        sink.error(r.for_each_where, "'" + path + ".for_each' is empty",
                   {"name 'setting', 'local_authority' or a column of the settings file"});
    YAML::Node where = m.map("where");
    if (where.IsDefined()) {
        if (r.for_each.empty())
            sink.error(m.where("where"), "'" + path + ".where' filters a fan-out: add 'for_each'");
        MapReader wm(where, file, path + ".where", sink);
        for (const auto& kv : where) {
            std::string key = kv.first.Scalar();
            r.entity_filter.emplace_back(key, string_list(wm, key, sink, {}));
        }
        wm.finish();
    }
    if (!r.id.empty() && r.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos)
        sink.error(m.where("id"), "report id '" + r.id + "' must be lower case letters, digits, "
                                  "'-' or '_'");
    r.template_path = input_file(m, "template", base_dir, sink, true);
    r.output = m.string("output").value_or(r.for_each.empty() ? "{id}.pdf" : "{id}/{entity}.pdf");
    r.formats = read_formats(m, file, sink);
    r.title = short_text(m, "title", sink, true);
    r.subtitle = short_text(m, "subtitle", sink);
    r.author = m.string("author").value_or("");
    r.organisation = m.string("organisation").value_or("");
    r.classification = m.string("classification").value_or("");
    r.source = short_text(m, "source", sink);

    YAML::Node area = m.map("area");
    if (area.IsDefined()) {
        MapReader a(area, file, path + ".area", sink);
        std::vector<std::string> levels = data::geographic_levels();
        r.area.level = a.choice("level", levels).value_or(r.area.level);
        r.area.name = a.string("name", true).value_or("");
        a.finish();
    }
    YAML::Node meeting = m.map("meeting");
    if (meeting.IsDefined()) {
        MapReader a(meeting, file, path + ".meeting", sink);
        r.meeting.to = a.string("to").value_or("");
        r.meeting.date = a.date("date");
        r.meeting.from = a.string("from").value_or("");
        r.meeting.agenda_item = a.string("agenda_item").value_or("");
        a.finish();
    }
    YAML::Node text = m.map("text");
    if (text.IsDefined()) r.text = read_text_tree(text, file, path + ".text", sink);
    else r.text.kind = TextNode::Kind::Map;

    YAML::Node sources = m.list("sources");
    if (sources.IsDefined()) {
        int i = 0;
        for (const auto& s : sources) {
            MapReader a(s, file, path + ".sources[" + std::to_string(i++) + "]", sink);
            SourceDocument d;
            d.title = a.string("title", true).value_or("");
            d.url = a.string("url").value_or("");
            if (!d.url.empty() && !core::link_scheme_allowed(d.url))
                sink.error(a.where("url"), "'" + a.child_path("url") + "': " + core::kLinkSchemeRule +
                                               ", got '" + core::excerpt(d.url) + "'");
            a.finish();
            r.sources.push_back(d);
        }
    }
    m.finish();
    return r;
}

}  // namespace

std::optional<BatchConfig> load_batch_config(const std::string& path, core::DiagnosticSink& sink) {
    std::size_t errors_before = sink.error_count();
    auto cfg = read_batch_config(path, sink);
    if (sink.error_count() > errors_before) return std::nullopt;
    return cfg;
}

std::optional<BatchConfig> read_batch_config(const std::string& path, core::DiagnosticSink& sink) {
    auto root = load_yaml_file(path, sink);
    if (!root) return std::nullopt;

    BatchConfig cfg;
    cfg.path = path;
    cfg.base_dir = fs::path(path).parent_path().string();
    if (cfg.base_dir.empty()) cfg.base_dir = ".";

    MapReader top(*root, path, "", sink);
    if (root->IsMap()) {
        for (const auto& kv : *root) {
            if (kv.first.IsScalar() && kv.first.Scalar() != "reports") {
                append_fingerprint(cfg.fingerprint, kv.first);
                append_fingerprint(cfg.fingerprint, kv.second);
            }
        }
    }
    YAML::Node batch = top.map("batch");
    MapReader b(batch, path, "batch", sink);
    cfg.name = b.string("name").value_or("");
    cfg.as_of = b.date("as_of");
    cfg.output_dir = resolve(cfg.base_dir, b.string("output_dir").value_or("out"));
    cfg.allow_symlinked_folders = b.boolean("allow_symlinked_folders").value_or(false);
    if (auto lang = b.string("language")) {
        std::string problem = check_language_tag(*lang);
        if (problem.empty()) {
            cfg.language = *lang;
        } else {
            sink.error(b.where("language"), "'batch.language' must be a BCP 47 language tag: " + problem,
                       {"e.g. en-GB (English, United Kingdom), cy-GB (Welsh), en"});
        }
    }
    cfg.icc_profile_where = b.has("icc_profile") ? b.where("icc_profile") : core::SourceLocation{path, 0, 0};
    if (auto icc = b.string("icc_profile")) cfg.icc_profile = resolve(cfg.base_dir, *icc);
    YAML::Node supp = b.map("suppression");
    if (supp.IsDefined()) {
        MapReader s(supp, path, "batch.suppression", sink);
        cfg.min_cohort = s.integer("min_cohort", false, 1, 1000).value_or(cfg.min_cohort);
        cfg.secondary_suppression = s.boolean("secondary").value_or(true);
        YAML::Node parts = s.list("partitions");
        if (parts.IsDefined()) {
            for (const auto& p : parts) {
                YAML::Node bad = p;  // the partition, or its first item that is not a name
                if (p.IsSequence())
                    for (const auto& g : p)
                        if (!g.IsScalar() && bad.is(p)) bad.reset(g);
                if (!p.IsSequence() || p.size() < 2 || !bad.is(p)) {
                    sink.error(location_of(bad, path),
                               "each partition must be a list of two or more group names, e.g. "
                               "[FSM, Not FSM], got " + describe_node(bad));
                    continue;
                }
                std::vector<std::string> groups;
                for (const auto& g : p) groups.push_back(g.Scalar());
                cfg.partitions.push_back(groups);
            }
        }
        cfg.totals = string_list(s, "totals", sink, {});
        s.finish();
    }
    YAML::Node terms = b.map("terms");
    if (terms.IsDefined()) {
        MapReader t(terms, path, "batch.terms", sink);
        auto month_day = [&](const std::string& key, int& month, int& day) {
            auto v = t.string(key);
            if (!v) return;
            auto d = core::parse_iso_date("2000-" + *v);  // 2000 is a leap year: 02-29 is valid
            if (!d || v->size() != 5) {
                sink.error(t.where(key), "'batch.terms." + key + "' must be a month and day as MM-DD, got '" + *v + "'");
                return;
            }
            month = d->month;
            day = d->day;
        };
        month_day("autumn", cfg.terms.autumn_month, cfg.terms.autumn_day);
        month_day("spring", cfg.terms.spring_month, cfg.terms.spring_day);
        month_day("summer", cfg.terms.summer_month, cfg.terms.summer_day);
        t.finish();
    }
    YAML::Node abbr = b.map("abbreviations");
    if (abbr.IsDefined()) {
        MapReader a(abbr, path, "batch.abbreviations", sink);
        for (const auto& kv : abbr) {
            std::string key = kv.first.Scalar();
            if (auto words = a.string(key, true); words && !key.empty()) {
                if (words->empty()) sink.error(a.where(key), "'batch.abbreviations." + key + "' must spell the abbreviation out, e.g. HWB: Health and Wellbeing Board");
                else cfg.abbreviations.emplace_back(key, *words);
            }
        }
        a.finish();
    }
    YAML::Node fonts = b.map("fonts");
    if (fonts.IsDefined()) {
        MapReader f(fonts, path, "batch.fonts", sink);
        cfg.fonts.family = f.string("family").value_or("");
        cfg.fonts.family_where = f.where("family");
        if (f.has("family") && core::trim(cfg.fonts.family).empty())
            sink.error(cfg.fonts.family_where, "'batch.fonts.family' is empty",
                       {"name an installed font family, e.g. DejaVu Serif (fc-list : family lists them)"});
        if (auto dir = f.string("dir")) {
            cfg.fonts.dir = resolve(cfg.base_dir, *dir);
            cfg.fonts.dir_where = f.where("dir");
            std::error_code ec;
            if (!fs::is_directory(cfg.fonts.dir, ec))
                sink.error(cfg.fonts.dir_where, "'batch.fonts.dir' must be a folder, got '" + *dir + "'",
                           {"paths are relative to the folder of the batch file"});
        }
        f.finish();
    }
    YAML::Node act = b.map("action_plan");
    if (act.IsDefined()) {
        MapReader s(act, path, "batch.action_plan", sink);
        cfg.at_risk_days = s.integer("at_risk_days", false, 0, 366).value_or(cfg.at_risk_days);
        s.finish();
    }
    b.finish();

    YAML::Node data = top.map("data", true);
    if (data.IsDefined()) {
        MapReader d(data, path, "data", sink);
        YAML::Node obs = d.any("observations", !d.has("records"));
        if (obs.IsDefined()) {
            if (obs.IsSequence()) {
                int i = 0;
                for (const auto& item : obs)
                    cfg.observations.push_back(read_observation_source(
                        item, path, "data.observations[" + std::to_string(i++) + "]",
                        cfg.base_dir, sink));
            } else {
                cfg.observations.push_back(read_observation_source(obs, path, "data.observations",
                                                                   cfg.base_dir, sink));
            }
        }
        for (const auto& o : cfg.observations) add_data_source(o.path, o.source, cfg.data_sources);
        cfg.settings_path = input_source(d, "settings", cfg.base_dir, cfg.data_sources, sink);
        YAML::Node records = d.any("records");
        if (records.IsDefined()) {
            cfg.records = read_records(records, path, cfg.base_dir, sink);
            add_data_source(cfg.records->path, cfg.records->source, cfg.data_sources);
        }
        cfg.activities_path = input_source(d, "activities", cfg.base_dir, cfg.data_sources, sink);
        YAML::Node tables = d.map("tables");
        if (tables.IsDefined()) {
            MapReader tm(tables, path, "data.tables", sink);
            for (const auto& kv : tables) {
                std::string name = kv.first.Scalar();
                if (core::slugify(name) != name)
                    sink.error(location_of(kv.first, path), "table name '" + name + "' must be lower case letters, digits and '_'");
                std::string table = input_source(tm, name, cfg.base_dir, cfg.data_sources, sink, true);
                if (!table.empty()) cfg.tables.emplace_back(name, table);
            }
            tm.finish();
        }
        cfg.targets_path = input_source(d, "targets", cfg.base_dir, cfg.data_sources, sink);
        cfg.actions_path = input_source(d, "actions", cfg.base_dir, cfg.data_sources, sink);
        d.finish();
    }

    read_measures(top.map("measures"), path, cfg.catalog, sink);
    read_groups(top.map("groups"), path, cfg.catalog, sink);
    read_statuses(top.map("statuses"), path, cfg.catalog, sink);

    YAML::Node reports = top.list("reports", true);
    if (reports.IsDefined()) {
        std::set<std::string> ids;
        int i = 0;
        for (const auto& r : reports) {
            std::string rp = "reports[" + std::to_string(i++) + "]";
            ReportConfig rc = read_report(r, path, rp, cfg.base_dir, sink);
            if (!rc.id.empty() && !ids.insert(rc.id).second)
                sink.error(rc.where, "duplicate report id '" + rc.id + "'");
            cfg.reports.push_back(std::move(rc));
        }
        if (cfg.reports.empty()) sink.error(top.where("reports"), "'reports' is empty");
    }
    top.finish();
    return cfg;
}

}  // namespace engine::config
