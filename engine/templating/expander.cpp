#include "engine/templating/expander.h"

// kainjow's header-only code trips GCC 12's -Wnull-dereference when inlined (a false positive
// in its context::push); silence it for the library only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <kainjow/mustache.hpp>
#pragma GCC diagnostic pop

#include <deque>
#include <memory>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "engine/core/text.h"
#include "engine/templating/cross_refs.h"
#include "engine/templating/format_value.h"
#include "engine/templating/inline_markup.h"

namespace engine::templating {

namespace km = kainjow::mustache;

namespace {

struct Problem {
    std::string tag;  // the tag's name as written (for locating it)
    std::string message;
    std::vector<std::string> hints;
};

// Marks section tags so the context knows a lookup is for a section: {{#x}} -> {{#?x}}.
std::string mark_sections(const std::string& s) {
    std::string out;
    out.reserve(s.size() + 16);
    std::size_t i = 0;
    while (i < s.size()) {
        if (s.compare(i, 2, "{{") == 0) {
            std::size_t j = i + 2;
            out += "{{";
            while (j < s.size() && s[j] == ' ') out += s[j++];
            if (j < s.size() && (s[j] == '#' || s[j] == '^' || s[j] == '/')) {
                out += s[j++];
                while (j < s.size() && s[j] == ' ') ++j;
                out += '?';
            }
            i = j;
            continue;
        }
        out += s[i++];
    }
    return out;
}

void split_filters(const std::string& raw, std::string& name, std::vector<std::string>& filters) {
    auto parts = core::split(raw, '|');
    name = std::string(core::trim(parts[0]));
    for (std::size_t i = 1; i < parts.size(); ++i) filters.emplace_back(core::trim(parts[i]));
}

class StrictContext : public km::basic_context<std::string> {
public:
    StrictContext(const Expander& ex, const std::vector<const Value*>& scopes,
                  std::vector<Problem>& problems)
        : ex_(ex), scopes_(scopes), problems_(problems) {}

    void push(const km::data* d) override {
        auto it = registry_.find(d);
        pushed_.push_front(it == registry_.end() ? nullptr : it->second);
    }
    void pop() override { pushed_.pop_front(); }

    const km::data* get(const std::string& raw) const override {
        bool section = !raw.empty() && raw[0] == '?';
        std::string name;
        std::vector<std::string> filters;
        split_filters(section ? raw.substr(1) : raw, name, filters);

        const Value* v = lookup(name);
        if (!v) {
            report(name, "unknown placeholder '" + name + "'", hints_for(name));
            return section ? keep(km::data(false)) : keep(km::data(std::string()));
        }
        Value current = *v;
        for (const auto& f : filters) {
            std::string err;
            auto next = apply_filter(current, f, err);
            if (!next) {
                std::vector<std::string> hints;
                if (err.rfind("unknown filter", 0) == 0)
                    hints.push_back(core::valid_values_hint("filters", f, filter_names()));
                std::string tag(core::trim(section ? raw.substr(1) : raw));
                report(name, "in '{{ " + tag + " }}': " + err, hints);
                return section ? keep(km::data(false)) : keep(km::data(std::string()));
            }
            current = *next;
        }
        if (section) return section_data(current);
        if (ex_.missing_as_symbol())
            if (const auto* m = std::get_if<MissingNumber>(&current.data()))
                return keep(km::data(data::display_symbol(m->why)));
        std::string err;
        auto text = render_value(current, err);
        if (!text) {
            report(name, "'" + name + "' " + err, {});
            return keep(km::data(std::string()));
        }
        // Narrative is already markup; every other value is literal text.
        bool literal = !std::holds_alternative<Markup>(current.data());
        return keep(km::data(ex_.escaping() && literal ? escape_markup(*text) : *text));
    }

    const km::data* get_partial(const std::string& name) const override {
        report(name, "partials ({{> name}}) are not supported", {});
        return nullptr;
    }

private:
    const Value* lookup(const std::string& name) const {
        if (name == ".") {
            for (const Value* p : pushed_)
                if (p) return p;
            return nullptr;
        }
        for (const Value* p : pushed_)
            if (p)
                if (const Value* v = walk(p, name)) return v;
        return ex_.resolve(name, scopes_);
    }

    static const Value* walk(const Value* base, const std::string& path) {
        const Value* v = base;
        for (const auto& part : core::split(path, '.')) {
            v = v->get(part);
            if (!v) return nullptr;
        }
        return v;
    }

    std::vector<std::string> hints_for(const std::string& name) const {
        std::vector<const Value*> all = scopes_;
        for (auto it = pushed_.rbegin(); it != pushed_.rend(); ++it)
            if (*it) all.push_back(*it);
        return ex_.hints(name, all);
    }

    const km::data* section_data(const Value& v) const {
        if (v.is_list()) {
            km::data list(km::data::type::list);
            for (std::size_t i = 0; i < v.list().size(); ++i) list.push_back(km::data(km::data::type::object));
            const km::data* stored = keep(std::move(list));
            const auto& items = stored->list_value();
            hold(v);
            const ValueList& vals = held_.back().list();
            for (std::size_t i = 0; i < items.size(); ++i) registry_[&items[i]] = &vals[i];
            return stored;
        }
        if (!v.truthy()) return keep(km::data(false));
        const km::data* stored = keep(km::data(km::data::type::object));
        hold(v);
        registry_[stored] = &held_.back();
        return stored;
    }

    const km::data* keep(km::data d) const {
        store_.push_back(std::move(d));
        return &store_.back();
    }
    void hold(const Value& v) const { held_.push_back(v); }

    void report(const std::string& tag, std::string message, std::vector<std::string> hints) const {
        problems_.push_back({tag, std::move(message), std::move(hints)});
    }

    const Expander& ex_;
    const std::vector<const Value*>& scopes_;
    std::vector<Problem>& problems_;
    std::deque<const Value*> pushed_;
    mutable std::deque<km::data> store_;
    mutable std::deque<Value> held_;
    mutable std::map<const km::data*, const Value*> registry_;
};

void collect_names(const Value& v, const std::string& prefix, int depth,
                   std::vector<std::string>& out) {
    if (!v.is_map() || depth == 0 || out.size() > 4000) return;
    for (const auto& [k, child] : v.map()) {
        std::string name = prefix.empty() ? k : prefix + "." + k;
        out.push_back(name);
        collect_names(child, name, depth - 1, out);
    }
}

// The names under lazy maps (figures.h), after every name of the plain maps, so that they
// cannot crowd those out: each lazy map offers a few (hint_keys), not all it accepts.
void collect_lazy_names(const Value& v, const std::string& prefix, int depth, bool inside,
                        std::vector<std::string>& out) {
    if (depth == 0 || out.size() > 8000) return;
    if (const LazyMap* l = v.lazy()) {
        for (const auto& k : l->hint_keys()) {
            std::string name = prefix.empty() ? k : prefix + "." + k;
            out.push_back(name);
            if (depth > 1)
                if (const Value* child = l->get(k)) collect_lazy_names(*child, name, depth - 1, true, out);
        }
        return;
    }
    if (!v.is_map()) return;
    for (const auto& [k, child] : v.map()) {
        std::string name = prefix.empty() ? k : prefix + "." + k;
        if (inside) out.push_back(name);
        collect_lazy_names(child, name, depth - 1, inside, out);
    }
}

// Template texts parsed once per thread: the same texts are expanded for every report of a
// batch (about 120 a setting report), and kainjow's parse was about 1.5 % of a report's
// instructions. Only texts that parse are kept (a bad one is parsed again where it is
// reported); one whose render set an error is dropped. At most 4,096 texts, then it starts
// again.
class ParsedTemplates {
public:
    static ParsedTemplates& for_thread() {
        thread_local ParsedTemplates cache;
        return cache;
    }
    // Shared: a render that expands other texts may clear the cache under it.
    std::shared_ptr<km::mustache> get(const std::string& text) {
        if (auto it = parsed_.find(text); it != parsed_.end()) return it->second;
        auto tmpl = std::make_shared<km::mustache>(mark_sections(text));
        if (!tmpl->is_valid()) return nullptr;
        tmpl->set_custom_escape([](const std::string& s) { return s; });
        if (parsed_.size() >= 4096) parsed_.clear();
        return parsed_.emplace(text, std::move(tmpl)).first->second;
    }
    void drop(const std::string& text) { parsed_.erase(text); }

private:
    std::unordered_map<std::string, std::shared_ptr<km::mustache>> parsed_;
};

// What kainjow's render writes, appended to one string (its own render makes an ostringstream
// per call).
struct StringSink {
    std::string text;
    StringSink& operator<<(const std::string& more) {
        text += more;
        return *this;
    }
};

}  // namespace

Expander::Expander(const Value& root, core::DiagnosticSink& sink) : root_(root), sink_(sink) {}

const Value* Expander::resolve(const std::string& path,
                               const std::vector<const Value*>& scopes) const {
    auto parts = core::split(path, '.');
    auto walk = [&](const Value* base) -> const Value* {
        const Value* v = base;
        for (const auto& p : parts) {
            v = v->get(p);
            if (!v) return nullptr;
        }
        return v;
    };
    for (auto it = scopes.rbegin(); it != scopes.rend(); ++it)
        if (*it && (*it)->get(parts.front()))
            return walk(*it);
    return walk(&root_);
}

std::vector<std::string> Expander::known_names(const std::vector<const Value*>& scopes) const {
    std::vector<std::string> out;
    for (const Value* s : scopes)
        if (s) collect_names(*s, "", 5, out);
    collect_names(root_, "", 5, out);
    for (const Value* s : scopes)
        if (s) collect_lazy_names(*s, "", 5, false, out);
    collect_lazy_names(root_, "", 4, false, out);
    return out;
}

std::vector<std::string> Expander::hints(const std::string& path,
                                         const std::vector<const Value*>& scopes) const {
    // Under a lazy map, the hint comes from the first part it refuses: the names it accepts
    // there, and why it refused this one ("'Kentt' is no area …").
    auto parts = core::split(path, '.');
    const Value* v = &root_;
    for (auto it = scopes.rbegin(); it != scopes.rend(); ++it)
        if (*it && (*it)->get(parts.front())) {
            v = *it;
            break;
        }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Value* next = v->get(parts[i]);
        if (next) {
            v = next;
            continue;
        }
        const LazyMap* lazy = v->lazy();
        if (!lazy) break;
        std::vector<std::string> out;
        std::string head, tail;
        for (std::size_t j = 0; j < i; ++j) head += parts[j] + ".";
        for (std::size_t j = i + 1; j < parts.size(); ++j) tail += "." + parts[j];
        std::vector<std::string> near;
        for (const auto& n : core::nearest_names(parts[i], lazy->all_keys(), 3)) near.push_back(head + n + tail);
        if (!near.empty()) out.push_back("did you mean " + core::quoted_list(near) + "?");
        if (std::string why = lazy->why_not(parts[i]); !why.empty()) out.push_back(why);
        return out;
    }
    auto near = core::nearest_names(path, known_names(scopes), 3);
    if (near.empty()) return {};
    return {"did you mean " + core::quoted_list(near) + "?"};
}

const Value* Expander::require(const std::string& path, const core::SourceLocation& where,
                               const std::vector<const Value*>& scopes) {
    const Value* v = resolve(path, scopes);
    if (!v) sink_.error(locate(where, path), "unknown name '" + path + "'", hints(path, scopes));
    return v;
}

core::SourceLocation Expander::locate(const core::SourceLocation& where, const std::string& needle) {
    if (where.file.empty() || where.line <= 0 || needle.empty()) return where;
    auto it = files_.find(where.file);
    if (it == files_.end()) {
        std::ifstream in(where.file, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        it = files_.emplace(where.file, ss.str()).first;
    }
    const std::string& text = it->second;
    // Offset of the start of where.line.
    std::size_t pos = 0;
    for (int line = 1; line < where.line && pos != std::string::npos; ++line) {
        pos = text.find('\n', pos);
        if (pos != std::string::npos) ++pos;
    }
    if (pos == std::string::npos) return where;
    std::size_t hit = text.find(needle, pos);
    if (hit == std::string::npos) return where;
    core::SourceLocation at = where;
    at.line = where.line;
    std::size_t line_start = pos;
    for (std::size_t i = pos; i < hit; ++i) {
        if (text[i] == '\n') {
            ++at.line;
            line_start = i + 1;
        }
    }
    at.column = 1 + static_cast<int>(core::count_code_points(
                        std::string_view(text).substr(line_start, hit - line_start)));
    return at;
}

std::string Expander::expand(const std::string& text, const core::SourceLocation& where,
                             const std::vector<const Value*>& scopes, bool raw) {
    if (text.find("{{") == std::string::npos) return text;
    struct Restore {
        bool& flag;
        bool old;
        ~Restore() { flag = old; }
    } restore{escape_, escape_};
    escape_ = !raw;
    std::vector<Problem> problems;
    ParsedTemplates& templates = ParsedTemplates::for_thread();
    std::shared_ptr<km::mustache> tmpl = templates.get(text);
    if (tmpl == nullptr) {
        km::mustache bad(mark_sections(text));
        std::string msg = bad.error_message();
        // kainjow says e.g. 'Unclosed section "?x" at 12': drop our marker.
        for (std::size_t p; (p = msg.find("\"?")) != std::string::npos;) msg.erase(p + 1, 1);
        std::size_t at = msg.rfind(" at ");
        std::string needle;
        if (auto q1 = msg.find('"'); q1 != std::string::npos)
            needle = msg.substr(q1 + 1, msg.find('"', q1 + 1) - q1 - 1);
        if (at != std::string::npos) msg = msg.substr(0, at);
        sink_.error(locate(where, needle.empty() ? "{{" : needle),
                    "template error: " + core::to_lower_ascii(msg.substr(0, 1)) + msg.substr(1),
                    {"sections open with {{#name}} or {{^name}} and close with {{/name}}"});
        return text;
    }
    StrictContext ctx(*this, scopes, problems);
    StringSink rendered;
    tmpl->render(ctx, rendered);
    if (!tmpl->is_valid()) templates.drop(text);
    std::string out = locate_cross_refs(rendered.text, *this, where);
    for (const auto& p : problems) sink_.error(locate(where, p.tag), p.message, p.hints);
    return out;
}

}  // namespace engine::templating
