#include "engine/batch/fan_out.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "engine/batch/entity_groups.h"
#include "engine/core/text.h"

namespace engine::batch {

std::string safe_component(std::string_view s) {
    std::string out;
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
            c == '>' || c == '|' || u < 0x20 || u == 0x7F)
            out += '_';
        else
            out += c;
    }
    while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
    while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
    if (out.empty()) out = "_";
    return out;
}

std::string html_output(const std::string& output) {
    const std::size_t n = output.size();
    if (n > 4 && core::iequals_ascii(std::string_view(output).substr(n - 4), ".pdf"))
        return output.substr(0, n - 4) + ".html";
    return output + ".html";
}

namespace {

// Expands {name} placeholders of an output pattern, each value made safe as a path component.
std::optional<std::string> expand_pattern(const std::string& pattern,
                                          const std::map<std::string, std::string>& vars,
                                          std::string& error) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '{') {
            out += pattern[i];
            continue;
        }
        std::size_t close = pattern.find('}', i);
        if (close == std::string::npos) {
            error = "unclosed '{' in the output pattern '" + pattern + "'";
            return std::nullopt;
        }
        std::string name = pattern.substr(i + 1, close - i - 1);
        auto it = vars.find(name);
        if (it == vars.end()) {
            std::vector<std::string> valid;
            for (const auto& [k, v] : vars) valid.push_back("{" + k + "}");
            error = "unknown placeholder {" + name + "} in the output pattern '" + pattern +
                    "'; " + core::valid_values_hint("placeholders", "{" + name + "}", valid);
            return std::nullopt;
        }
        out += safe_component(it->second);
        i = close;
    }
    // No absolute paths and no climbing out of the output folder.
    std::vector<std::string> parts;
    for (auto& p : core::split(out, '/'))
        if (!p.empty() && p != "." && p != "..") parts.push_back(p);
    if (parts.empty()) {
        error = "the output pattern '" + pattern + "' gives an empty file name";
        return std::nullopt;
    }
    return core::join(parts, "/");
}

// The entity of one value of a settings-file column: the value as its id and name, and the
// local authority and other columns its settings all share (so output patterns and templates
// can use them); the column itself among them.
data::Entity group_entity(const std::string& column, const std::string& value,
                          const std::vector<const data::Entity*>& members) {
    data::Entity e;
    e.id = e.name = value;
    e.line = members.front()->line;
    e.column = members.front()->column;
    const data::Entity& first = *members.front();
    auto shared = [&](const std::string& key) {
        const std::string v = first.get(key);
        return std::all_of(members.begin(), members.end(), [&](const data::Entity* m) { return m->get(key) == v; })
                   ? v
                   : std::string();
    };
    e.la_name = shared("la_name");
    e.attributes.emplace_back(column, value);
    for (const auto& [key, v] : first.attributes)
        if (key != column) e.attributes.emplace_back(key, shared(key));
    return e;
}

// The placeholders of a unit's output pattern: the report's and the term's, and its entity's
// fields and columns.
std::map<std::string, std::string> unit_vars(const Unit& u, const Term& term, const core::Date& as_of) {
    const config::ReportConfig& r = *u.report;
    std::map<std::string, std::string> vars = {
        {"id", r.id}, {"term", term.slug()}, {"as_of", core::format_iso(as_of)}, {"year", std::to_string(as_of.year)}};
    if (const data::Entity* e = u.entity) {
        vars["entity"] = e->id;
        vars["setting_id"] = r.for_each == "setting" ? e->id : "";
        vars["setting_name"] = r.for_each == "setting" ? e->name : "";
        vars["la_name"] = e->la_name;
        for (const auto& [k, v] : e->attributes) vars.emplace(k, v);
    }
    return vars;
}

}  // namespace

std::string Unit::key() const { return entity ? report->id + "/" + entity->id : report->id; }

config::AreaRef Unit::area() const {
    if (!entity) return report->area;
    if (report->for_each == "setting") return {data::kSetting, entity->id};
    if (fans_out_over_column(*report)) return {report->for_each, entity->id};
    return {data::kLocalAuthority, entity->id};
}

std::string Unit::action_entity() const {
    return entity && report->for_each == "setting" ? entity->id : std::string();
}

const std::vector<const data::Entity*>& Unit::members() const {
    static const std::vector<const data::Entity*> none;
    return group ? *group : none;
}

void Unit::own(data::Entity e) {
    made = std::make_shared<const data::Entity>(std::move(e));
    entity = made.get();
}

std::string unit_output(const Unit& u, const Term& term, const core::Date& as_of) {
    std::string error;
    auto out = expand_pattern(u.report->output, unit_vars(u, term, as_of), error);
    if (!out) throw std::logic_error("unit_output: " + error);  // expand_units let no such unit through
    return *out;
}

std::vector<Unit> expand_units(const BatchData& b, const Term& term, const core::Date& as_of,
                               core::DiagnosticSink& sink) {
    std::vector<Unit> units;
    // Output -> the unit writing it, only while the units are made: a unit keeps no path.
    std::unordered_map<std::string, std::size_t> seen;
    for (const auto& r : b.config.reports) {
        std::vector<Unit> candidates;
        auto add = [&](const data::Entity* e) {
            Unit& u = candidates.emplace_back();
            u.report = &r;
            u.entity = e;
            return &u;
        };
        if (r.for_each.empty()) {
            add(nullptr);
        } else if (b.settings.empty()) {
            sink.error(r.where, "report '" + r.id + "' fans out over '" + r.for_each +
                                    "', but the batch has no settings file",
                       {"add 'data.settings: <file>' with setting_id, setting_name and la_name"});
            continue;
        } else if (r.for_each == "setting") {
            for (const auto& e : b.settings.all())
                if (matches_where(e, r)) add(&e);
        } else if (fans_out_over_column(r)) {
            auto groups = b.entity_groups.find(r.for_each);
            if (groups == b.entity_groups.end()) continue;  // an unknown column: reported at load
            for (const auto& [value, members] : groups->second)
                if (std::any_of(members.begin(), members.end(),
                                [&](const data::Entity* m) { return matches_where(*m, r); })) {
                    Unit* u = add(nullptr);
                    u->own(group_entity(r.for_each, value, members));
                    u->group = &members;
                }
        } else {  // local_authority
            std::set<std::string> las;
            for (const auto& e : b.settings.all())
                if (matches_where(e, r) && !e.la_name.empty()) las.insert(e.la_name);
            for (const auto& la : las) {
                data::Entity e;
                e.id = e.name = e.la_name = la;
                add(nullptr)->own(std::move(e));
            }
        }
        if (!r.for_each.empty() && candidates.empty())
            sink.warning(r.where, "report '" + r.id + "' fans out over no " + r.for_each +
                                      ": no entity matches its 'where'");
        for (auto& u : candidates) {
            std::string error;
            auto out = expand_pattern(r.output, unit_vars(u, term, as_of), error);
            if (!out) {
                sink.error(r.where, "report '" + r.id + "': " + error);
                break;
            }
            auto [it, fresh] = seen.emplace(std::move(*out), units.size());
            if (!fresh) {
                sink.error(r.where, "'" + u.key() + "' and '" + units[it->second].key() + "' would both write '" +
                                        it->first + "'",
                           {"make the output pattern unique, e.g. with {entity}"});
                continue;
            }
            units.push_back(std::move(u));
        }
    }
    units.shrink_to_fit();
    return units;
}

bool in_shard(const Unit& u, int k, int n) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a: stable across runs and machines
    const std::string key = u.key();
    for (unsigned char c : key) {
        h ^= c;
        h *= 1099511628211ull;
    }
    // FNV-1a's low bits are weak (its lowest is the parity of the key's bytes, so k/2 split keys
    // by that alone): mix every bit into all of them first (splitmix64's finaliser).
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 31;
    return static_cast<int>(h % static_cast<std::uint64_t>(n)) == k - 1;
}

}  // namespace engine::batch
