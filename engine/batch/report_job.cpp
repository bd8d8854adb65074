#include "engine/batch/report_job.h"

#include "engine/batch/context_values.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <set>

#include "charts/compose/values_table.h"
#include "charts/render/pdf_painter.h"
#include "charts/render/svg_painter.h"
#include "engine/core/file_io.h"
#include "engine/html/html_writer.h"
#include "engine/layout/font_choice.h"
#include "engine/layout/report_layout.h"
#include "engine/metrics/report_metrics.h"
#include "engine/pdf/pdf_writer.h"
#include "engine/templating/chart_builder.h"
#include "engine/templating/chart_table.h"
#include "engine/templating/context_builder.h"
#include "engine/templating/figure_words.h"
#include "engine/templating/report_builder.h"

namespace engine::batch {

namespace {

// A report up to the drawing: its pages laid out and its charts built at their slots' sizes.
// The PDF and the chart export both start here, so an exported chart is the one in the PDF.
struct Composed {
    templating::DocTree doc;  // what the layout laid out; the HTML page is written from it
    layout::LaidOutReport laid;
    std::vector<charts::scene::Scene> scenes;  // one per chart, in report order
    std::vector<std::string> kinds;            // each chart's kind
    std::string logo;                          // the logo file the PDF embeds, if any
};

// The unit's metrics and template context (the root every placeholder is looked up in).
struct Context {
    data::ActionList actions;  // the unit's own, read from the plan (ReportMetrics points into it)
    metrics::MetricsInputs in;
    metrics::ReportMetrics mx;
    templating::Value root;
};

// The activities a unit's summary counts: a setting's own, or every one.
const std::vector<data::Activity>& activities_of(const BatchData& b, const std::string& setting_id) {
    static const std::vector<data::Activity> none;
    if (setting_id.empty()) return b.activities;
    auto it = b.activities_by_setting.find(setting_id);
    return it == b.activities_by_setting.end() ? none : it->second;
}

std::unique_ptr<Context> context_of(const BatchData& b, const Unit& unit, const core::Date& as_of,
                                    const Term& term, core::DiagnosticSink& sink) {
    const config::ReportConfig& r = *unit.report;
    auto c = std::make_unique<Context>();
    metrics::MetricsInputs& in = c->in;
    in.view = b.view.get();
    in.catalog = &b.config.catalog;
    in.targets = b.has_targets ? &b.targets : nullptr;
    if (b.has_actions) {
        c->actions = b.actions.read(unit.action_entity());
        in.actions = &c->actions;
    }
    const config::AreaRef area = unit.area();
    in.area = {area.level, area.name, unit.entity ? unit.entity->la_name : ""};
    in.as_of = as_of;
    in.at_risk_days = b.config.at_risk_days;
    c->mx = metrics::compute_report_metrics(in);

    templating::ContextInputs ci;
    ci.batch = &b.config;
    ci.report = &r;
    ci.metrics = &c->mx;
    ci.view = b.view.get();
    ci.as_of = as_of;
    ci.extra["term"] = term_value(term);
    ci.extra["settings"] = b.settings_context;
    ci.extra["activity_summary"] = activity_value(
        metrics::summarise_activities(activities_of(b, unit.action_entity()), b.settings, unit.action_entity()));
    ci.extra["tables"] = b.tables_context;
    if (unit.entity) ci.extra["entity"] = entity_value(*unit.entity, unit.members());
    c->root = templating::build_context(ci, sink);
    return c;
}

// What the charts of a unit are built from; the area is named as readers know it (a setting's
// name, not its id).
templating::ChartContext chart_context(const BatchData& b, const Context& c, const Unit& unit) {
    return {&b.config.catalog, b.view.get(), &c.mx, c.in.area, &b.targets,
            unit.entity ? unit.entity->name : c.in.area.area, &b.config.abbreviations, &b.chart_fonts};
}

// Errors on rows of a setting this unit reads: the unit fails with them.
bool entity_data_failed(const BatchData& b, const Unit& unit, core::DiagnosticSink& sink) {
    bool failed = false;
    for (const auto& [id, errors] : b.entity_errors) {
        const data::Entity* e = b.settings.find(id);
        if (!reads_entity(b, unit, e)) continue;
        for (const auto& d : errors) sink.add(d);
        // Say why another setting's row stops this report.
        if (!unit.entity || unit.entity->id != id)
            sink.add({core::Severity::Note, unit.report->where,
                      "report '" + unit.report->id + "' reads the rows of setting '" + id + "' (" + e->name +
                          ") as well, so it is not written while they have errors",
                      {}});
        failed = true;
    }
    return failed;
}

templating::Paragraph small_paragraph(const std::string& text) {
    templating::Paragraph p;
    p.style = templating::ParagraphStyle::Small;
    p.text = {{text, false, false, ""}};
    return p;
}

// A chart whose every figure is suppressed or missing is replaced by a one-line statement
// saying so (an empty plot with an axis from 0 to 1 tells a reader nothing), in any report.
// In a fan-out unit, so is a chart with no data to draw for this entity, instead of failing the
// unit: another setting's data may well have it. Other problems of the chart are still errors.
// A replaced chart's `data_table` keeps its number and caption and says the same.
void state_empty_charts(templating::ExpandedReport& rep, const templating::ChartContext& cc,
                        const std::string& area_label, bool fan_out) {
    std::vector<int> renumber(rep.charts.size(), -1);
    std::vector<templating::ChartRequest> kept;
    std::vector<std::string> statements(rep.charts.size());
    std::vector<std::pair<std::size_t, std::string>> dropped_tables;
    for (std::size_t i = 0; i < rep.charts.size(); ++i) {
        std::optional<std::string> problem;
        if (fan_out) problem = templating::chart_data_problem(rep.charts[i], cc);
        if (problem) {
            statements[i] = "No chart: there are no data to draw it from for " + area_label + " (" +
                            *problem + ").";
        } else if (auto absent = templating::chart_figures_absent(rep.charts[i], cc)) {
            statements[i] = "No chart: " + *absent + " for " + area_label + ".";
        }
        if (!statements[i].empty()) {
            if (rep.charts[i].data_table >= 0)
                dropped_tables.emplace_back(static_cast<std::size_t>(rep.charts[i].data_table),
                                            statements[i]);
            continue;
        }
        renumber[i] = static_cast<int>(kept.size());
        kept.push_back(rep.charts[i]);
        kept.back().index = renumber[i];
    }
    if (kept.size() == rep.charts.size()) return;
    for (auto& block : rep.doc.blocks) {
        auto* c = std::get_if<templating::ChartBlock>(&block);
        if (!c || c->chart < 0 || static_cast<std::size_t>(c->chart) >= renumber.size()) continue;
        const std::size_t i = static_cast<std::size_t>(c->chart);
        if (renumber[i] >= 0) {
            c->chart = renumber[i];
            continue;
        }
        // Name the chart by its caption, else by its title ("finding" is not a title).
        std::string name = c->caption;
        if (name.empty()) {
            auto t = rep.charts[i].options.find("title");
            if (t != rep.charts[i].options.end() && t->second != "finding") name = t->second;
        }
        block = small_paragraph((name.empty() ? "" : name + ". ") + statements[i]);
    }
    for (const auto& [t, statement] : dropped_tables) {
        auto* table = t < rep.doc.blocks.size() ? std::get_if<templating::Table>(&rep.doc.blocks[t]) : nullptr;
        if (!table) continue;
        rep.doc.blocks[t] = small_paragraph((table->caption.empty() ? "" : table->caption + ". ") +
                                            "No table: " + statement.substr(std::string("No chart: ").size()));
    }
    rep.charts = std::move(kept);
}

// Charts with `data_table: true` have an empty, numbered table after them: fill it with the
// figures of the chart's spec (the same spec the chart is built from).
bool fill_data_tables(templating::ExpandedReport& report, const templating::ChartContext& cc,
                      core::DiagnosticSink& sink) {
    for (const auto& req : report.charts) {
        if (req.data_table < 0) continue;
        auto spec = templating::make_chart_spec(req, cc, sink);
        if (!spec) return false;
        auto& block = report.doc.blocks.at(static_cast<std::size_t>(req.data_table));
        auto& table = std::get<templating::Table>(block);
        std::string source = std::move(table.source);
        table = templating::chart_table(*spec, table.caption);
        table.source = std::move(source);
    }
    return true;
}

// A character no chosen font has prints as an empty box: a warning for each, naming it, its
// code point and the text it is in (body text first, then the charts').
void warn_missing_glyphs(const BatchData& b, const Unit& unit, const Composed& c, core::DiagnosticSink& sink) {
    std::vector<std::string> texts = layout::document_texts(c.laid.document);
    for (const auto& scene : c.scenes)
        for (const auto* t : charts::scene::collect_texts(scene)) texts.push_back(t->text);
    for (const auto& g : layout::missing_glyphs(texts, *b.fonts))
        sink.warning(unit.report->where, "report '" + unit.key() + "': " + layout::missing_glyph_message(g),
                     {b.fonts->files().branded()
                          ? "choose a batch.fonts.family that has it, or write the text without it"
                          : "write the text without it, or choose a batch.fonts.family that has it"});
}

// `words_in_charts`: the charts also draw their title, subtitle and source themselves (for
// `boardpack charts`, whose pictures stand alone); a report prints them around its figures.
std::optional<Composed> compose(const BatchData& b, const Unit& unit, const core::Date& as_of,
                                const Term& term, core::DiagnosticSink& sink,
                                bool words_in_charts = false) {
    const config::ReportConfig& r = *unit.report;
    auto tmpl = b.templates.find(r.template_path);
    if (tmpl == b.templates.end()) {
        sink.error(r.where, "template '" + r.template_path + "' was not loaded");
        return std::nullopt;
    }
    if (entity_data_failed(b, unit, sink)) return std::nullopt;
    auto ctx = context_of(b, unit, as_of, term, sink);
    if (ctx && !ctx->mx.problems.empty()) {
        for (const auto& d : ctx->mx.problems) sink.add(d);
        return std::nullopt;
    }
    if (sink.has_errors()) return std::nullopt;
    auto expanded = templating::expand_template(tmpl->second, ctx->root, sink);
    if (!expanded) return std::nullopt;
    const templating::ChartContext cc = chart_context(b, *ctx, unit);
    state_empty_charts(*expanded, cc, cc.area_label, unit.entity != nullptr);

    if (!fill_data_tables(*expanded, cc, sink)) return std::nullopt;
    if (!templating::set_figure_words(*expanded, cc, sink)) return std::nullopt;

    Composed out;
    // A logo's path is relative to the template.
    std::string& logo = expanded->doc.style.logo;
    if (!logo.empty() && std::filesystem::path(logo).is_relative())
        logo = (std::filesystem::path(r.template_path).parent_path() / logo).string();
    out.logo = logo;
    // Lay out once to learn each chart's slot size, then build the charts at exactly that size.
    const int n_charts = static_cast<int>(expanded->charts.size());
    out.laid = layout::layout_report(expanded->doc, *b.fonts, n_charts);
    if (!out.laid.errors.empty()) {
        for (const auto& d : out.laid.errors) sink.add(d);
        return std::nullopt;
    }
    out.doc = std::move(expanded->doc);
    if (n_charts > 0) {
        std::vector<templating::ChartSlot> slots;
        for (const auto& s : out.laid.chart_sizes) slots.push_back({s.width, s.height});
        if (words_in_charts)  // the same title and subtitle as the page prints
            for (const auto& block : out.doc.blocks)
                if (const auto* c = std::get_if<templating::ChartBlock>(&block);
                    c && c->chart >= 0 && static_cast<std::size_t>(c->chart) < expanded->charts.size()) {
                    auto& req = expanded->charts[static_cast<std::size_t>(c->chart)];
                    const auto colon = c->caption.find(": ");
                    req.options["title"] = colon == std::string::npos ? std::string() : c->caption.substr(colon + 2);
                    req.options["subtitle"] = c->subtitle;
                    req.words_outside = false;
                }
        auto scenes = templating::build_chart_scenes(expanded->charts, slots, cc, sink);
        if (!scenes) return std::nullopt;
        out.scenes = std::move(*scenes);
        std::vector<std::string> alt_texts;
        for (const auto& scene : out.scenes) alt_texts.push_back(scene.alt_text);
        layout::set_figure_alt_texts(out.laid.document, alt_texts);
        for (const auto& req : expanded->charts) {
            auto kind = req.options.find("kind");
            out.kinds.push_back(kind == req.options.end() ? "chart" : kind->second);
        }
    }
    warn_missing_glyphs(b, unit, out, sink);
    return out;
}

// Chart `index` of a report as an inline <svg role="img"> element for its HTML page, drawn by
// the SVG painter from the scene the PDF draws, in its fonts; ids numbered by the chart so none
// repeats.
std::string inline_svg(const charts::scene::Scene& scene, std::size_t index, const std::string& font_family) {
    charts::render::SvgOptions options;
    options.id_prefix = "chart" + std::to_string(index + 1);
    options.standalone = false;
    options.font_family = font_family;
    return charts::render::render_scene_svg(scene, options);
}

std::string html_page(const BatchData& b, const Composed& c) {
    html::HtmlInputs in;
    in.language = report_language(b.config);
    in.font_family = b.fonts->files().family;
    for (const auto& scene : c.scenes) {
        in.chart_svgs.push_back(inline_svg(scene, in.chart_svgs.size(), in.font_family));
        in.chart_alt_texts.push_back(scene.alt_text);
        in.chart_values.push_back(scene.values);
        in.chart_csv_urls.push_back(scene.values.rows.empty()
                                        ? std::string()
                                        : charts::compose::csv_data_url(charts::compose::values_csv(scene.values)));
    }
    if (!c.doc.style.logo.empty()) in.logo_png = core::read_file(c.doc.style.logo);
    return html::write_html(c.doc, in);
}

RenderedReport render(const BatchData& b, const Unit& unit, const core::Date& as_of,
                      const Term& term, const config::OutputFormats& formats,
                      core::DiagnosticSink& sink) {
    RenderedReport out;
    auto composed = compose(b, unit, as_of, term, sink);
    if (!composed) return out;
    if (formats.pdf) {
        std::vector<const charts::scene::Scene*> scenes;
        for (const auto& s : composed->scenes) scenes.push_back(&s);
        const auto chart_forms = charts::render::render_pdf_charts(scenes, b.chart_fonts);
        out.pdf = pdf::write_pdf(composed->laid.document, chart_forms, b.fonts->files(), b.document_level);
    }
    if (formats.html) out.html = html_page(b, *composed);
    out.pages = static_cast<int>(composed->laid.document.pages.size());
    out.charts = static_cast<int>(composed->scenes.size());
    if (!composed->logo.empty()) out.files_read.push_back(composed->logo);
    out.ok = true;
    return out;
}

// Runs one unit's work, turning EngineError and other exceptions into diagnostics.
template <typename Result, typename Work>
Result guarded(const Unit& unit, core::DiagnosticSink& sink, const char* doing, Work&& work) {
    try {
        return work();
    } catch (const core::EngineError& e) {
        sink.add(e.diagnostic());
    } catch (const std::exception& e) {
        sink.error(unit.report->where, std::string("internal error while ") + doing + ": " + e.what());
    }
    return {};
}

// While data files have errors some rows are missing, so a placeholder under a name made from
// the data's rows ("gap.ks2.fsm": one per target; "tables.quotes") may name data that did not
// load: it is checked again once the data are sound. Every other unknown name is reported.
bool may_be_missing_data(const core::Diagnostic& d) {
    for (const char* prefix : {"unknown placeholder '", "unknown name '"}) {
        const std::string p = prefix;
        if (d.message.rfind(p, 0) != 0) continue;
        for (const char* root : {"gap.", "tables."})
            if (d.message.compare(p.size(), std::strlen(root), root) == 0) return true;
    }
    return false;
}

}  // namespace

bool reads_every_area(const BatchData& b, const Unit& unit) {
    if (!unit.entity) return true;
    auto tmpl = b.templates.find(unit.report->template_path);
    if (tmpl == b.templates.end()) return true;
    for (const auto& s : tmpl->second.sections)
        for (const auto& blk : s.blocks) {
            auto kind = blk.options.find("kind");
            if (blk.kind != templating::BlockKind::Chart || kind == blk.options.end()) continue;
            const std::string& k = kind->second.text;
            if (k == "distribution" || k == "line" || k.find("{{") != std::string::npos) return true;
        }
    return false;
}

bool reads_entity(const BatchData& b, const Unit& unit, const data::Entity* e) {
    if (!e) return false;
    if (reads_every_area(b, unit)) return true;
    if (unit.report->for_each == "setting") return unit.entity->id == e->id;
    if (const auto& members = unit.members(); !members.empty())  // a fan-out over a column: its value's settings
        return std::find(members.begin(), members.end(), e) != members.end();
    return unit.entity->la_name == e->la_name;  // a local-authority fan-out: its settings
}

namespace {
// The settings' rows a unit read back (ObservationTable's per-thread blocks) are freed when the
// unit is done, however it ends: nothing it returns refers to them.
struct BlocksReleased {
    BlocksReleased() = default;
    BlocksReleased(const BlocksReleased&) = delete;
    BlocksReleased& operator=(const BlocksReleased&) = delete;
    ~BlocksReleased() { data::ObservationTable::release_blocks(); }
};
}  // namespace

void check_templates(const BatchData& b, const std::vector<Unit>& units, const core::Date& as_of,
                     const Term& term, core::DiagnosticSink& sink) {
    const BlocksReleased released;
    std::set<const config::ReportConfig*> checked;
    for (const auto& u : units) {
        if (checked.count(u.report)) continue;
        // The first unit whose own data are sound; a report whose every unit has bad rows
        // fails anyway and is checked with its first.
        const Unit* probe = &u;
        for (const auto& v : units) {
            if (v.report != u.report) continue;
            core::DiagnosticSink scratch;
            if (!entity_data_failed(b, v, scratch)) {
                probe = &v;
                break;
            }
        }
        checked.insert(u.report);
        auto tmpl = b.templates.find(u.report->template_path);
        if (tmpl == b.templates.end()) continue;  // its loading error is reported already
        core::DiagnosticSink found;
        try {
            auto ctx = context_of(b, *probe, as_of, term, found);
            auto expanded = templating::expand_template(tmpl->second, ctx->root, found, true);
            const templating::ChartContext cc = chart_context(b, *ctx, *probe);
            if (expanded)
                for (const auto& chart : expanded->charts) templating::check_chart_options(chart, cc, found);
        } catch (const core::EngineError& e) {
            found.add(e.diagnostic());
        } catch (const std::exception& e) {
            found.error(u.report->where, std::string("internal error while checking the template: ") + e.what());
        }
        for (const auto& d : found.diagnostics())
            if (b.data_sound || !may_be_missing_data(d)) sink.add(d);
    }
}

RenderedReport render_report(const BatchData& b, const Unit& unit, const core::Date& as_of,
                             const Term& term, const config::OutputFormats& formats,
                             core::DiagnosticSink& sink) {
    const BlocksReleased released;
    return guarded<RenderedReport>(unit, sink, "rendering",
                                   [&] { return render(b, unit, as_of, term, formats, sink); });
}

// batch.language (BCP 47, default en-GB): the PDF's /Lang and the HTML page's lang.
std::string report_language(const config::BatchConfig& config) { return config.language; }

ReportCharts build_report_charts(const BatchData& b, const Unit& unit, const core::Date& as_of,
                                 const Term& term, core::DiagnosticSink& sink) {
    const BlocksReleased released;
    return guarded<ReportCharts>(unit, sink, "building the charts", [&] {
        ReportCharts out;
        auto composed = compose(b, unit, as_of, term, sink, true);
        if (!composed) return out;
        out.scenes = std::move(composed->scenes);
        out.kinds = std::move(composed->kinds);
        out.fonts = b.chart_fonts;
        out.ok = true;
        return out;
    });
}

}  // namespace engine::batch
