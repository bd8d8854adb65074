#include "engine/config/status_config.h"

#include <algorithm>

#include "charts/model/named_colours.h"
#include "engine/config/yaml_reader.h"
#include "engine/core/text.h"

namespace engine::config {

namespace {

std::vector<std::string> colour_names() {
    std::vector<std::string> v;
    for (const auto& [n, c] : charts::model::named_colours()) v.push_back(n);
    return v;
}

std::vector<std::string> marker_names() {
    std::vector<std::string> v;
    for (const auto& m : charts::model::named_markers()) v.push_back(m.name);
    return v;
}

// A list of text, or one text: `measures: [a, b]` or `measures: a`.
std::vector<std::string> texts(MapReader& m, const std::string& key, core::DiagnosticSink& sink) {
    std::vector<std::string> out;
    YAML::Node n = m.any(key);
    if (!n.IsDefined()) return out;
    if (n.IsScalar()) {
        out.push_back(n.Scalar());
    } else if (n.IsSequence()) {
        for (const auto& item : n) {
            if (item.IsScalar() && !item.Scalar().empty()) out.push_back(item.Scalar());
            else sink.error(location_of(item, m.file()), "'" + m.child_path(key) + "' must list names, got " + describe_node(item));
        }
    } else {
        sink.error(m.where(key), "'" + m.child_path(key) + "' must be a name or a list of names, got " + describe_node(n));
    }
    return out;
}

std::optional<core::Exact> bound(MapReader& m, const std::string& key, core::DiagnosticSink& sink) {
    YAML::Node n = m.any(key);
    if (!n.IsDefined()) return std::nullopt;
    auto v = n.IsScalar() ? core::Exact::parse(n.Scalar()) : std::nullopt;
    if (!v) sink.error(m.where(key), "'" + m.child_path(key) + "' must be a number, got '" + core::excerpt(n.IsScalar() ? n.Scalar() : describe_node(n)) + "'");
    return v;
}

data::StatusWord read_word(const YAML::Node& n, const std::string& file, const std::string& path,
                           data::StatusRuleKind kind, core::DiagnosticSink& sink) {
    MapReader m(n, file, path, sink);
    data::StatusWord w;
    w.where = m.where();
    w.word = std::string(core::trim(m.string("word", true).value_or("")));
    if (m.has("word") && w.word.empty()) sink.error(m.where("word"), "'" + m.child_path("word") + "' must not be empty");
    w.colour = m.choice("colour", colour_names(), true).value_or("");
    w.symbol = m.choice("symbol", marker_names(), true).value_or("");
    if (kind == data::StatusRuleKind::Compare) {
        auto when = m.choice("when", {"improved", "same", "declined"}, true);
        if (when == "improved") w.when = data::ChangeOutcome::Improved;
        else if (when == "same") w.when = data::ChangeOutcome::Same;
        else if (when == "declined") w.when = data::ChangeOutcome::Declined;
    } else {
        w.at_least = bound(m, "at_least", sink);
        w.at_most = bound(m, "at_most", sink);
        if (w.at_least && w.at_most)
            sink.error(m.where("at_most"), "'" + path + "' gives both 'at_least' and 'at_most'",
                       {"a word applies from one threshold; list the words from the best down"});
    }
    m.finish();
    return w;
}

void read_rule(MapReader& m, const std::string& key, data::StatusRule& rule,
               const data::Catalog& cat, core::DiagnosticSink& sink) {
    MapReader r(m.node()[key], m.file(), m.child_path(key), sink);
    rule.where = m.where(key);
    rule.measures = texts(r, "measures", sink);
    rule.measures_where = r.where("measures");
    if (!r.has("measures")) sink.error(rule.where, "'" + m.child_path(key) + "' needs 'measures': the measures it rates");
    if (r.has("group") && r.has("groups"))
        sink.error(r.where("groups"), "'" + m.child_path(key) + "' gives both 'group' and 'groups'");
    auto groups = texts(r, r.has("groups") ? "groups" : "group", sink);
    rule.groups_where = r.where(r.has("groups") ? "groups" : "group");
    r.any(r.has("groups") ? "group" : "groups");  // the other spelling is a valid key too
    if (!groups.empty()) rule.groups = groups;
    if (rule.kind == data::StatusRuleKind::Compare) {
        rule.from = r.string("from").value_or("");
        rule.to = r.string("to").value_or("");
    } else {
        rule.to = r.string("period").value_or("");
    }
    r.finish();
    if (cat.measures.empty()) return;  // undeclared measures are checked against the data
    for (const auto& id : rule.measures)
        if (!cat.measure(id))
            sink.error(rule.measures_where, "unknown measure '" + id + "' in '" + m.child_path(key) + "'",
                       {core::valid_values_hint("measures", id, cat.measure_order)});
}

// The words of a vocabulary agree with its rule: each outcome of a comparison has exactly one
// word; thresholds have exactly one word for every other value, listed last.
void check_words(const data::StatusVocabulary& v, const std::string& path, core::DiagnosticSink& sink) {
    if (v.rule.kind == data::StatusRuleKind::Compare) {
        for (auto o : {data::ChangeOutcome::Improved, data::ChangeOutcome::Same, data::ChangeOutcome::Declined}) {
            auto n = std::count_if(v.words.begin(), v.words.end(), [&](const auto& w) { return w.when == o; });
            if (n == 0)
                sink.error(v.where, "'" + path + ".words' has no word for '" + data::change_outcome_name(o) + "'",
                           {"a compare rule needs one word each 'when: improved', 'when: same' and 'when: declined'"});
            if (n > 1) {
                auto second = std::find_if(v.words.begin(), v.words.end(), [&](const auto& w) { return w.when == o; });
                second = std::find_if(second + 1, v.words.end(), [&](const auto& w) { return w.when == o; });
                sink.error(second->where, "'" + path + ".words' has two words for '" + data::change_outcome_name(o) + "'");
            }
        }
        return;
    }
    std::vector<const data::StatusWord*> open;
    for (const auto& w : v.words)
        if (!w.at_least && !w.at_most) open.push_back(&w);
    if (open.size() != 1 || (!v.words.empty() && open.front() != &v.words.back()))
        sink.error(open.empty() ? v.where : open.front()->where,
                   "'" + path + ".words' must end with exactly one word without 'at_least' or 'at_most' (the word for every other value), and only that one",
                   {"e.g. words: [{word: Green, at_least: 70, …}, {word: Amber, at_least: 60, …}, {word: Red, …}]"});
}

}  // namespace

void read_statuses(const YAML::Node& n, const std::string& file, data::Catalog& cat,
                   core::DiagnosticSink& sink) {
    if (!n.IsDefined()) return;
    MapReader all(n, file, "statuses", sink);
    std::vector<std::pair<std::string, core::SourceLocation>> seen_words;
    for (const auto& kv : all.node()) {
        const std::string name = kv.first.Scalar();
        all.any(name);
        const std::string path = "statuses." + name;
        MapReader m(kv.second, file, path, sink);
        data::StatusVocabulary v;
        v.name = name;
        v.where = all.where(name);
        if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            }))
            sink.error(location_of(kv.first, file), "status name '" + core::excerpt(name) + "' must be lower case letters, digits or '_'",
                       {"templates name it as statuses." + core::slugify(name)});
        const bool compare = m.has("compare"), thresholds = m.has("thresholds");
        if (compare == thresholds)
            sink.error(v.where, "'" + path + "' needs exactly one rule: 'compare' (improved / same / declined between two periods) or 'thresholds' (a word from a value)");
        v.rule.kind = thresholds ? data::StatusRuleKind::Thresholds : data::StatusRuleKind::Compare;
        m.any("compare");
        m.any("thresholds");
        if (compare || thresholds) read_rule(m, compare ? "compare" : "thresholds", v.rule, cat, sink);
        YAML::Node words = m.list("words", true);
        int i = 0;
        for (const auto& w : words) {
            std::string wpath = path + ".words[" + std::to_string(i++) + "]";
            data::StatusWord sw = read_word(w, file, wpath, v.rule.kind, sink);
            if (sw.word.empty()) continue;
            auto same = [&](const auto& e) { return core::iequals_ascii(e.first, sw.word); };
            if (auto it = std::find_if(seen_words.begin(), seen_words.end(), same); it != seen_words.end())
                sink.error(sw.where, "status word '" + sw.word + "' is given twice",
                           {"first at " + it->second.str() + "; a status cell is styled by its word, so each word has one colour"});
            else if (std::any_of(data::builtin_status_words().begin(), data::builtin_status_words().end(),
                                 [&](const std::string& b) { return core::iequals_ascii(b, sw.word); }))
                sink.error(sw.where, "status word '" + sw.word + "' is a built-in status word",
                           {"built-in words keep their colours; choose another word, e.g. '" + sw.word + " (" + name + ")'"});
            else
                seen_words.emplace_back(sw.word, sw.where);
            v.words.push_back(std::move(sw));
        }
        if (words.IsDefined() && words.size() == 0) sink.error(m.where("words"), "'" + path + ".words' is empty");
        m.finish();
        if (compare != thresholds && !v.words.empty()) check_words(v, path, sink);
        cat.statuses.push_back(std::move(v));
    }
}

}  // namespace engine::config
