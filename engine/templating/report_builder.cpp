#include "engine/templating/report_builder.h"

#include <algorithm>

#include "engine/core/text.h"
#include "engine/templating/block_sources.h"
#include "engine/templating/cross_refs.h"
#include "engine/templating/expander.h"
#include "engine/templating/figure_words.h"
#include "engine/templating/inline_markup.h"
#include "engine/templating/series_table.h"
#include "engine/templating/status_style.h"

namespace engine::templating {

namespace {

class Builder {
public:
    Builder(const TemplateSpec& t, const Value& root, core::DiagnosticSink& sink)
        : t_(t), root_(root), ex_(root, sink), sink_(sink) {}

    std::optional<ExpandedReport> run(bool partial) {
        std::size_t errors_before = sink_.error_count();
        build_style();
        build_front();
        for (const auto& s : t_.sections) section(s);
        resolve_chart_tables();
        resolve_cross_refs(out_, numbered_, sink_);
        if (!partial && sink_.error_count() > errors_before) return std::nullopt;
        return std::move(out_);
    }

private:
    using Scopes = std::vector<const Value*>;

    // Expanded template text is inline markup; plain() flattens it for titles and captions.
    /// Narrative markup as spans; a link whose scheme is not https, http or mailto is an error
    /// at `where` (the template or batch line the text comes from).
    RichText rich(const std::string& markup, const core::SourceLocation& where) {
        RichText t = parse_inline(markup);
        for (const auto& span : t) check_link(span.link, where);
        return t;
    }

    void check_link(const std::string& url, const core::SourceLocation& where) {
        if (url.empty() || core::link_scheme_allowed(url)) return;
        sink_.error(where, "link '" + core::excerpt(url) + "': " + core::kLinkSchemeRule,
                    {"write a full address, e.g. [the plan](https://example.org/plan.pdf)"});
    }

    std::string text(const TemplateString& s, const Scopes& scopes = {}) {
        return ex_.expand(s.text, s.where, scopes);
    }
    std::string plain(const TemplateString& s, const Scopes& scopes = {}) {
        return plain_text(text(s, scopes));
    }

    // ---- style and front matter ----
    void build_style() {
        const StyleSpec& st = t_.style;
        PageStyle& p = out_.doc.style;
        if (st.page_size == "Letter") {
            p.width = 612;
            p.height = 792;
        }
        p.margin_top = st.margin_top;
        p.margin_right = st.margin_right;
        p.margin_bottom = st.margin_bottom;
        p.margin_left = st.margin_left;
        p.body_size = st.body_size;
        p.line_spacing = st.line_spacing;
        if (auto it = st.colors.find("accent"); it != st.colors.end()) p.accent = it->second;
        if (auto it = st.colors.find("text"); it != st.colors.end()) p.text = it->second;
        if (auto it = st.colors.find("muted"); it != st.colors.end()) p.muted = it->second;
        if (auto it = st.colors.find("rule"); it != st.colors.end()) p.rule = it->second;
        if (auto it = st.colors.find("table_header"); it != st.colors.end()) p.table_header = it->second;
        p.header_left = st.header_left.empty() ? plain({"{{ report.title }}", {}}) : plain(st.header_left);
        p.header_right = plain(st.header_right);
        p.footer_left = st.footer_left.empty() ? plain({"Data as at {{ as_of | date }}", {}})
                                               : plain(st.footer_left);
        p.classification = plain(st.classification);
        p.logo = ex_.expand(st.logo.text, st.logo.where, {}, true);
        p.logo_height = st.logo_height;
        p.title_size = st.title_size;
        p.header_size = st.header_size;
        p.header_bold = st.header_bold;
        p.header_rule = st.header_rule;
        p.header_rule_width = st.header_rule_width;

        DocTree& d = out_.doc;
        d.title = t_.doc_title.empty() ? plain({"{{ report.title }}", {}}) : plain(t_.doc_title);
        d.subject = plain(t_.doc_subject);
        d.keywords = plain(t_.doc_keywords);
        d.author = plain({"{{ report.author }}", {}});
        if (d.author.empty()) d.author = plain({"{{ report.organisation }}", {}});
        if (const Value* as_of = root_.get("as_of"))
            if (const auto* date = std::get_if<core::Date>(&as_of->data())) d.date = *date;
    }

    void build_front() {
        FrontMatter& f = out_.doc.front;
        f.kind = t_.front.kind;
        f.title = plain(t_.front.title);
        f.subtitle = plain(t_.front.subtitle);
        for (const auto& [label, value] : t_.front.fields) {
            std::string v = plain(value);
            if (!v.empty()) f.fields.emplace_back(plain(label), v);
        }
    }

    // ---- control: for_each / if / unless ----
    // `if:`/`unless:` — a name that is not defined is false (narrative a batch may or may not
    // give); one within two edits of a defined name is most likely a typo and is warned about.
    bool condition(const std::string& path, const core::SourceLocation& where, const Scopes& scopes) {
        if (const Value* v = ex_.resolve(path, scopes)) return v->truthy();
        std::vector<std::string> near;
        const std::string lower = core::to_lower_ascii(path);
        for (const auto& name : ex_.known_names(scopes))
            if (core::edit_distance(lower, core::to_lower_ascii(name)) <= 2 &&
                std::find(near.begin(), near.end(), name) == near.end() && near.size() < 3)
                near.push_back(name);
        if (!near.empty())
            sink_.warning(ex_.locate(where, path),
                          "'" + path + "' is not defined, so the condition is false",
                          {"did you mean " + core::quoted_list(near) + "?"});
        return false;
    }

    template <typename Fn>
    void repeat(const std::string& for_each, const std::string& if_path,
                const std::string& unless_path, const core::SourceLocation& where,
                const Scopes& scopes, Fn body) {
        auto run_one = [&](const Scopes& sc) {
            if (!if_path.empty() && !condition(if_path, where, sc)) return;
            if (!unless_path.empty() && condition(unless_path, where, sc)) return;
            body(sc);
        };
        if (for_each.empty()) {
            run_one(scopes);
            return;
        }
        const Value* list = ex_.require(for_each, where, scopes);
        if (!list) return;
        if (!list->is_list()) {
            sink_.error(ex_.locate(where, for_each),
                        "'for_each: " + for_each + "' needs a list, got " + list->kind_name());
            return;
        }
        const auto& items = list->list();
        loop_values_.emplace_back();
        for (std::size_t i = 0; i < items.size(); ++i) {
            ValueMap loop;
            loop["index"] = Value(number_of(core::Exact(i), NumberUnit::Count, 0));
            loop["number"] = Value(number_of(core::Exact(i + 1), NumberUnit::Count, 0));
            loop["first"] = Value(i == 0);
            loop["last"] = Value(i + 1 == items.size());
            loop_values_.back() = Value(ValueMap{{"loop", Value(loop)}});
            Value loop_scope = loop_values_.back();
            Scopes sc = scopes;
            sc.push_back(&loop_scope);
            sc.push_back(&items[i]);
            run_one(sc);
        }
        loop_values_.pop_back();
    }

    // ---- numbering ----
    // Council numbering: 3.1, 3.2 … at section level; a sub-heading takes the next of those
    // (3.2) and the paragraphs under it are 3.2.1, 3.2.2 … until the next heading or section.
    std::string next_paragraph_number() {
        if (section_number_.empty()) return "";
        if (sub_.empty()) return section_number_ + "." + std::to_string(++paragraph_);
        return sub_ + "." + std::to_string(++sub_paragraph_);
    }

    void section(const SectionSpec& s) {
        repeat(s.for_each, s.if_path, "", s.where, {}, [&](const Scopes& sc) {
            if (s.page_break_before) out_.doc.blocks.push_back(PageBreak{s.break_when_needed});
            section_number_.clear();
            if (s.numbered) section_number_ = std::to_string(++section_count_);
            paragraph_ = 0;
            sub_paragraph_ = 0;
            sub_.clear();
            std::string title = plain(s.title, sc);
            if (!title.empty()) {
                Heading h;
                h.level = 0;
                h.number = s.numbered ? section_number_ + ".0" : "";
                h.text = t_.style.uppercase_sections ? upper(title) : title;
                out_.doc.blocks.push_back(h);
            }
            for (const auto& b : s.blocks) block(b, sc);
        });
    }

    static std::string upper(std::string s) {
        for (char& c : s)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        return s;
    }

    void block(const BlockSpec& b, const Scopes& scopes) {
        repeat(b.for_each, b.if_path, b.unless_path, b.where, scopes,
               [&](const Scopes& sc) { block_once(b, sc); });
    }

    // Items of a narrative path: a string gives one, a list gives one per entry.
    std::vector<std::string> strings_at(const std::string& path, const core::SourceLocation& where,
                                        const Scopes& sc) {
        std::vector<std::string> out;
        const Value* v = ex_.require(path, where, sc);
        if (!v) return out;
        auto one = [&](const Value& item) {
            std::string err;
            std::optional<std::string> s;
            if (const auto* m = std::get_if<Markup>(&item.data())) s = m->text;
            else if (const auto* t = std::get_if<std::string>(&item.data())) s = escape_markup(*t);
            if (!s) {
                sink_.error(ex_.locate(where, path),
                            "'" + path + "' must be text or a list of text, got " + item.kind_name());
                return;
            }
            out.push_back(*s);
        };
        if (v->is_list())
            for (const auto& item : v->list()) one(item);
        else
            one(*v);
        return out;
    }

    void block_once(const BlockSpec& b, const Scopes& sc) {
        auto& blocks = out_.doc.blocks;
        switch (b.kind) {
            case BlockKind::Heading: {
                Heading h;
                h.level = 1;
                h.text = plain(b.text, sc);
                if (b.numbered && !section_number_.empty()) {
                    h.number = section_number_ + "." + std::to_string(++paragraph_);
                    sub_ = h.number;
                    sub_paragraph_ = 0;
                }
                blocks.push_back(h);
                break;
            }
            case BlockKind::Paragraph: {
                Paragraph p;
                p.text = rich(text(b.text, sc), b.text.where);
                if (b.numbered) p.number = next_paragraph_number();
                blocks.push_back(p);
                break;
            }
            case BlockKind::Note: {
                Paragraph p;
                p.text = rich(text(b.text, sc), b.text.where);
                p.style = ParagraphStyle::Small;
                if (b.numbered) p.number = next_paragraph_number();
                blocks.push_back(p);
                break;
            }
            case BlockKind::Paragraphs:
                for (const auto& s : strings_at(b.path, b.where, sc)) {
                    Paragraph p;
                    p.text = rich(s, b.where);
                    if (b.numbered) p.number = next_paragraph_number();
                    blocks.push_back(p);
                }
                break;
            case BlockKind::Bullets:
            case BlockKind::Lettered: {
                if (!b.intro.empty()) {
                    Paragraph p;
                    p.text = rich(text(b.intro, sc), b.intro.where);
                    if (b.numbered) p.number = next_paragraph_number();
                    blocks.push_back(p);
                }
                ListBlock l;
                l.lettered = b.kind == BlockKind::Lettered;
                if (!b.path.empty()) {
                    for (const auto& s : strings_at(b.path, b.where, sc)) l.items.push_back(rich(s, b.where));
                } else {
                    for (const auto& item : b.items) {
                        std::string s = text(item, sc);
                        if (!s.empty()) l.items.push_back(rich(s, item.where));
                    }
                }
                blocks.push_back(l);
                break;
            }
            case BlockKind::Quote: {
                Quote q;
                q.text = rich(text(b.text, sc), b.text.where);
                q.attribution = plain(b.attribution, sc);
                blocks.push_back(q);
                break;
            }
            case BlockKind::Callout: {
                Callout c;
                c.title = plain(b.text, sc);
                if (!b.path.empty()) {
                    for (const auto& s : strings_at(b.path, b.where, sc)) c.items.push_back(rich(s, b.where));
                } else {
                    for (const auto& item : b.items) c.items.push_back(rich(text(item, sc), item.where));
                }
                blocks.push_back(c);
                break;
            }
            case BlockKind::PageBreak: blocks.push_back(PageBreak{}); break;
            case BlockKind::Contents: blocks.push_back(Contents{}); break;
            case BlockKind::Spacer: blocks.push_back(Spacer{b.height}); break;
            case BlockKind::Table:
            case BlockKind::StatusTable:
            case BlockKind::ActionTable: table(b, sc); break;
            case BlockKind::SourcesTable: sources_table(b, sc); break;
            case BlockKind::SeriesTable: {
                Table t = build_series_table(b, ex_, sc);
                t.caption = caption("Table", table_count_, b.caption, sc);
                number(b, RefKind::Table, t.caption);
                t.source = source_line(plain(b.source, sc), b);
                out_.doc.blocks.push_back(std::move(t));
                break;
            }
            case BlockKind::Chart: chart(b, sc); break;
        }
    }

    std::string caption(const char* word, int& counter, const TemplateString& c, const Scopes& sc) {
        std::string s = plain(c, sc);
        if (s.empty()) return s;
        return std::string(word) + " " + std::to_string(++counter) + ": " + s;
    }

    // A block with an `id` gets the number of its caption ("Table 3: …" → 3) for references.
    void number(const BlockSpec& b, RefKind kind, const std::string& caption) {
        if (b.id.empty()) return;
        int n = 0;
        if (auto space = caption.find(' '); space != std::string::npos) n = std::atoi(caption.c_str() + space + 1);
        numbered_.push_back({kind, b.id, n, b.id_where});
    }

    // The "Source: …" line of a table or chart: its own `source`, else the lines of the data
    // sources it draws on (block_sources.h), each once, else the report's.
    std::string source_line(const std::string& own, const BlockSpec& b,
                            const std::map<std::string, std::string>& options = {}) {
        if (!own.empty()) return source_sentence(own);
        std::string joined;
        for (const auto& line : block_sources(b, options, root_))
            joined += (joined.empty() ? "" : "; ") + line;
        return source_sentence(joined.empty() ? plain({"{{ report.source }}", {}}) : joined);
    }

    void table(const BlockSpec& b, const Scopes& sc) {
        Table t;
        t.where = b.where;
        t.caption = caption("Table", table_count_, b.caption, sc);
        number(b, RefKind::Table, t.caption);
        t.source = source_line(plain(b.source, sc), b);
        t.note = plain(b.note, sc);
        if (!b.empty_text.empty()) t.empty_text = plain(b.empty_text, sc);
        for (const auto& c : b.columns) {
            TableColumn col;
            col.header = plain(c.header, sc);
            col.align = c.align;
            col.weight = c.weight;
            col.nowrap = c.nowrap || c.status;
            t.columns.push_back(col);
        }
        const Value* rows = ex_.require(b.rows, b.where, sc);
        if (rows && !rows->is_list()) {
            sink_.error(ex_.locate(b.where, b.rows),
                        "table rows '" + b.rows + "' must be a list, got " + rows->kind_name());
            rows = nullptr;
        }
        if (rows) {
            ex_.set_missing_as_symbol(true);
            for (const auto& row : rows->list()) {
                Scopes rsc = sc;
                rsc.push_back(&row);
                std::vector<TableCell> cells;
                for (const auto& c : b.columns) {
                    TableCell cell;
                    cell.text = rich(text(c.value, rsc), c.value.where);
                    cell.bold = c.bold;
                    if (c.status) {
                        if (auto st = status_style(to_plain(cell.text), root_.get("statuses"))) {
                            // A batch's own word carries its symbol, as its charts show it.
                            if (!st->glyph.empty()) cell.text.insert(cell.text.begin(), Span{st->glyph + " ", false, false, ""});
                            cell.fill = st->fill;
                            cell.text_color = st->text;
                            cell.bold = true;
                        }
                    }
                    cells.push_back(std::move(cell));
                }
                t.rows.push_back(std::move(cells));
            }
            ex_.set_missing_as_symbol(false);
        }
        out_.doc.blocks.push_back(std::move(t));
    }

    void sources_table(const BlockSpec& b, const Scopes& sc) {
        Table t;
        t.where = b.where;
        t.caption = caption("Table", table_count_, b.caption, sc);
        number(b, RefKind::Table, t.caption);
        t.columns = {{"Source documents", Align::Left, 1.2}, {"Location", Align::Left, 1.8}};
        const Value* rows = ex_.require(b.rows, b.where, sc);
        if (rows && rows->is_list()) {
            for (const auto& row : rows->list()) {
                std::string title, url;
                if (const Value* v = row.get("title")) ex_render(*v, title);
                if (const Value* v = row.get("url")) ex_render(*v, url);
                std::string number = next_paragraph_number();
                // The title is the link text (it says where the link goes); the address is
                // printed beside it for readers of the paper copy.
                check_link(url, b.where);
                TableCell c1;
                if (!number.empty()) c1.text.push_back(Span{number + " ", false, false, ""});
                c1.text.push_back(Span{title, false, false, url});
                TableCell c2{templating::plain(url), {}, {}, false};
                t.rows.push_back({c1, c2});
            }
        }
        t.empty_text = "No source documents.";
        t.source = source_sentence(plain(b.source, sc));  // only its own: it lists the sources
        out_.doc.blocks.push_back(std::move(t));
    }

    void ex_render(const Value& v, std::string& out) {
        if (const auto* s = std::get_if<std::string>(&v.data())) out = *s;
    }

    void chart(const BlockSpec& b, const Scopes& sc) {
        ChartRequest req;
        req.index = static_cast<int>(out_.charts.size());
        req.where = b.where;
        for (const auto& [k, v] : b.options) {
            req.options[k] = ex_.expand(v.text, v.where, sc, true);
            req.option_where[k] = v.where;
        }
        ChartBlock cb;
        cb.chart = req.index;
        cb.height = b.height > 0 ? b.height : 220;
        cb.min_height = std::min(b.min_height, cb.height);
        // Every chart is a numbered figure with one title: its `title` (a `finding` is written
        // in once the chart's figures are known, see figure_words.h), else its `caption`.
        req.figure = "Figure " + std::to_string(++figure_count_);
        req.caption = plain(b.caption, sc);
        const std::string title = req.options.count("title") ? req.options.at("title") : "";
        const std::string headline = title.empty() || title == "finding" ? req.caption : title;
        cb.caption = headline.empty() ? req.figure : req.figure + ": " + headline;
        cb.source = source_line(req.options.count("source") ? req.options.at("source") : "", b, req.options);
        number(b, RefKind::Figure, cb.caption);
        out_.doc.blocks.push_back(cb);
        if (auto dt = req.options.find("data_table"); dt != req.options.end()) {
            if (dt->second == "true") {
                // Numbered now, so later tables keep their numbers; filled by the batch.
                Table t;
                t.caption = "Table " + std::to_string(++table_count_) + ": The figures of " + req.figure;
                t.source = cb.source;
                req.data_table = static_cast<int>(out_.doc.blocks.size());
                if (req.options["table"].empty()) req.options["table"] = t.caption;
                out_.doc.blocks.push_back(std::move(t));
            } else if (dt->second != "false") {
                sink_.error(req.option_where[dt->first],
                            "chart option 'data_table' must be true or false, got '" + dt->second + "'");
            }
        }
        out_.charts.push_back(std::move(req));
    }

    // A chart's `table` option names the caption of the report's table that gives its figures
    // (for the alt text); it becomes the numbered caption ("Table 3: Actions by objective"),
    // and a caption the report does not have is an error at the option.
    void resolve_chart_tables() {
        std::vector<std::string> captions;
        for (const auto& block : out_.doc.blocks)
            if (const auto* t = std::get_if<Table>(&block); t && !t->caption.empty())
                captions.push_back(t->caption);
        for (auto& req : out_.charts) {
            auto opt = req.options.find("table");
            if (opt == req.options.end() || opt->second.empty()) continue;
            const std::string& want = opt->second;
            auto hit = std::find_if(captions.begin(), captions.end(), [&](const std::string& c) {
                auto colon = c.find(": ");
                return c == want || (colon != std::string::npos && c.substr(colon + 2) == want);
            });
            if (hit != captions.end()) {
                opt->second = *hit;
                continue;
            }
            std::string known;
            for (const auto& c : captions) known += (known.empty() ? "'" : ", '") + c + "'";
            sink_.error(req.option_where.count("table") ? req.option_where.at("table") : req.where,
                        "chart option 'table': the report has no table captioned '" + want + "'",
                        {known.empty() ? "the report has no captioned tables; add one with the "
                                         "chart's figures"
                                       : "the report's tables are " + known});
        }
    }

    const TemplateSpec& t_;
    const Value& root_;
    Expander ex_;
    core::DiagnosticSink& sink_;
    ExpandedReport out_;
    int section_count_ = 0;
    std::string section_number_;
    std::string sub_;
    int paragraph_ = 0;
    int sub_paragraph_ = 0;
    int table_count_ = 0;
    int figure_count_ = 0;
    std::vector<Value> loop_values_;
    std::vector<NumberedBlock> numbered_;
};

}  // namespace

std::optional<ExpandedReport> expand_template(const TemplateSpec& tmpl, const Value& root,
                                              core::DiagnosticSink& sink, bool partial) {
    return Builder(tmpl, root, sink).run(partial);
}

}  // namespace engine::templating
