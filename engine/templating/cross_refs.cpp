#include "engine/templating/cross_refs.h"

#include <map>
#include <memory>
#include <mutex>

#include "engine/core/text.h"
#include "engine/templating/expander.h"
#include "engine/templating/report_builder.h"

namespace engine::templating {

namespace {

// A marker is \x01, the kind's letter, the id, then (once located) \x1f line \x1f column
// \x1f the file in hex, and \x02: control characters, which markup escaping leaves alone
// and no author types.
constexpr char kOpen = '\x01', kSep = '\x1f', kClose = '\x02';

char letter(RefKind k) { return k == RefKind::Figure ? 'F' : 'T'; }
const char* word(RefKind k) { return k == RefKind::Figure ? "figure" : "table"; }

class RefMap : public LazyMap {
public:
    explicit RefMap(RefKind kind) : kind_(kind) {}
    const Value* get(const std::string& key) const override {
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = cache_.find(key);
        if (it == cache_.end())
            it = cache_.emplace(key, std::make_unique<Value>(Markup{std::string(1, kOpen) + letter(kind_) + key +
                                                                    kClose})).first;
        return it->second.get();
    }
    std::vector<std::string> hint_keys() const override { return {}; }

private:
    RefKind kind_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::unique_ptr<Value>> cache_;
};

std::string hex(const std::string& s) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

// `text` with each marker replaced by fn(its body, between the delimiters).
template <typename Fn>
std::string map_markers(const std::string& text, Fn fn) {
    if (text.find(kOpen) == std::string::npos) return text;
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t open = text.find(kOpen, i);
        std::size_t close = open == std::string::npos ? open : text.find(kClose, open);
        if (close == std::string::npos) {
            out += text.substr(i);
            break;
        }
        out += text.substr(i, open - i);
        out += fn(text.substr(open + 1, close - open - 1));
        i = close + 1;
    }
    return out;
}

std::string unhex(const std::string& s) {
    auto val = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    std::string out;
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) out += static_cast<char>(val(s[i]) * 16 + val(s[i + 1]));
    return out;
}

class Resolver {
public:
    Resolver(const std::vector<NumberedBlock>& blocks, core::DiagnosticSink& sink) : sink_(sink) {
        for (const auto& b : blocks) {
            auto& known = b.kind == RefKind::Figure ? figures_ : tables_;
            if (!known.emplace(b.id, b).second)
                sink_.error(b.where, std::string("two ") + word(b.kind) + "s have the id '" + b.id + "'",
                            {"give each chart and table its own id"});
        }
    }

    void fix(std::string& s) {
        if (s.find(kOpen) != std::string::npos) s = map_markers(s, [&](const std::string& body) { return number(body); });
    }
    void fix(RichText& t) {
        for (auto& span : t) fix(span.text);
    }

private:
    std::string number(const std::string& marker) {
        if (marker.empty()) return "";
        const RefKind kind = (marker[0] | 0x20) == 'f' ? RefKind::Figure : RefKind::Table;
        auto parts = core::split(marker.substr(1), kSep);
        // An upper-cased heading upper-cases the marker too; ids are lower case.
        const std::string id = core::to_lower_ascii(parts[0]);
        core::SourceLocation where;
        if (parts.size() == 4) {
            where.line = std::stoi(parts[1]);
            where.column = std::stoi(parts[2]);
            where.file = unhex(parts[3]);
        }
        const auto& known = kind == RefKind::Figure ? figures_ : tables_;
        auto it = known.find(id);
        const std::string name = std::string(word(kind)) + "." + id;
        if (it == known.end()) {
            std::vector<std::string> ids;
            for (const auto& [k, b] : known) ids.push_back(k);
            auto near = core::nearest_names(id, ids, 3);
            std::vector<std::string> hints;
            if (!near.empty()) {
                std::vector<std::string> names;
                for (const auto& n : near) names.push_back(std::string(word(kind)) + "." + n);
                hints.push_back("did you mean " + core::quoted_list(names) + "?");
            }
            hints.push_back(ids.empty() ? std::string("no ") + word(kind) + " of the report has an id: give one "
                                              "with 'id: " + id + "' in its block"
                                        : std::string("the ") + word(kind) + "s with an id are " +
                                              core::quoted_list(ids));
            sink_.error(where, "unknown " + std::string(word(kind)) + " '" + id + "' in '{{ " + name + " }}'", hints);
            return "?";
        }
        if (it->second.number == 0) {
            sink_.error(where, "'{{ " + name + " }}': the " + word(kind) + " '" + id +
                                   "' has no caption, so it has no number",
                        {"give it a caption"});
            return "?";
        }
        return std::to_string(it->second.number);
    }

    core::DiagnosticSink& sink_;
    std::map<std::string, NumberedBlock> figures_, tables_;
};

}  // namespace

Value cross_ref_value(RefKind kind) { return Value(std::shared_ptr<const LazyMap>(std::make_shared<RefMap>(kind))); }

std::string locate_cross_refs(const std::string& text, Expander& ex, const core::SourceLocation& where) {
    return map_markers(text, [&](const std::string& body) {
        std::string out = kOpen + body;
        if (body.find(kSep) == std::string::npos && !body.empty()) {
            const RefKind kind = body[0] == 'F' ? RefKind::Figure : RefKind::Table;
            const core::SourceLocation at = ex.locate(where, std::string(word(kind)) + "." + body.substr(1));
            out += kSep + std::to_string(at.line) + kSep + std::to_string(at.column) + kSep + hex(at.file);
        }
        return out + kClose;
    });
}

void resolve_cross_refs(ExpandedReport& report, const std::vector<NumberedBlock>& blocks,
                        core::DiagnosticSink& sink) {
    Resolver r(blocks, sink);
    DocTree& d = report.doc;
    for (std::string* s : {&d.front.title, &d.front.subtitle, &d.style.header_left, &d.style.header_right,
                           &d.style.footer_left, &d.style.classification, &d.title, &d.subject, &d.keywords})
        r.fix(*s);
    for (auto& [label, value] : d.front.fields) {
        r.fix(label);
        r.fix(value);
    }
    for (auto& block : d.blocks) {
        if (auto* h = std::get_if<Heading>(&block)) r.fix(h->text);
        else if (auto* p = std::get_if<Paragraph>(&block)) r.fix(p->text);
        else if (auto* l = std::get_if<ListBlock>(&block)) {
            for (auto& item : l->items) r.fix(item);
        } else if (auto* t = std::get_if<Table>(&block)) {
            r.fix(t->caption);
            r.fix(t->note);
            r.fix(t->empty_text);
            for (auto& c : t->columns) r.fix(c.header);
            for (auto& row : t->rows)
                for (auto& cell : row) r.fix(cell.text);
        } else if (auto* c = std::get_if<ChartBlock>(&block)) {
            r.fix(c->caption);
            r.fix(c->alt_text);
        } else if (auto* q = std::get_if<Quote>(&block)) {
            r.fix(q->text);
            r.fix(q->attribution);
        } else if (auto* co = std::get_if<Callout>(&block)) {
            r.fix(co->title);
            for (auto& item : co->items) r.fix(item);
        }
    }
    for (auto& chart : report.charts)
        for (auto& [k, v] : chart.options) r.fix(v);
}

}  // namespace engine::templating
