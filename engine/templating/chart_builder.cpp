#include "engine/templating/chart_builder.h"

#include <algorithm>
#include <set>

#include "charts/charts.h"
#include "engine/core/text.h"
#include "engine/metrics/coverage.h"
#include "engine/metrics/custom_status.h"
#include "engine/metrics/gap_series.h"
#include "engine/metrics/status.h"
#include "engine/templating/status_context.h"

namespace engine::templating {

namespace cm = charts::model;
namespace pal = charts::model::palette;

namespace {

struct KindOptions {
    const char* kind;
    std::vector<std::string> options;
};
const std::vector<KindOptions>& kinds() {
    static const std::vector<KindOptions> k = {
        {"gap_trend", {"measure", "group", "comparator", "national", "subtitle"}},
        {"gap_bars", {"group", "measures", "subtitle"}},
        {"grouped_bars", {"measures", "groups", "period", "periods", "subtitle"}},
        {"status_bars", {"status", "subtitle"}},
        {"action_status", {"subtitle", "rows"}},
        {"distribution", {"measure", "group", "comparator", "level", "highlight", "period", "subtitle"}},
        {"line", {"measure", "group", "areas", "level", "national", "target", "subtitle"}},
    };
    return k;
}
const std::vector<std::string> kCommon = {"kind", "title", "source", "note", "alt", "table", "data_table"};

class Maker {
public:
    Maker(const ChartRequest& r, const ChartContext& c, core::DiagnosticSink& s)
        : req_(r), ctx_(c), sink_(s) {}

    std::optional<cm::ChartSpec> run() {
        std::string kind = opt("kind", "", true);
        const KindOptions* ko = nullptr;
        for (const auto& k : kinds())
            if (kind == k.kind) ko = &k;
        if (!ko) {
            if (!kind.empty())
                sink_.error(where("kind"), "unknown chart kind '" + kind + "'",
                            {core::valid_values_hint("kinds", kind, chart_kind_names())});
            return std::nullopt;
        }
        std::size_t errors_before = sink_.error_count();
        std::optional<cm::ChartSpec> spec;
        if (kind == "gap_trend") spec = gap_trend();
        else if (kind == "gap_bars") spec = gap_bars();
        else if (kind == "grouped_bars") spec = grouped_bars();
        else if (kind == "action_status") spec = action_status();
        else if (kind == "distribution") spec = distribution();
        else if (kind == "status_bars") spec = status_bars();
        else spec = line();
        // Options the kind does not know.
        std::vector<std::string> valid = kCommon;
        valid.insert(valid.end(), ko->options.begin(), ko->options.end());
        for (const auto& [k, v] : req_.options)
            if (std::find(valid.begin(), valid.end(), k) == valid.end())
                sink_.error(where(k), "unknown option '" + k + "' for a '" + kind + "' chart",
                            {core::valid_values_hint("options", k, valid)});
        if (sink_.error_count() > errors_before) return std::nullopt;
        return spec;
    }

private:
    core::SourceLocation where(const std::string& key) const {
        auto it = req_.option_where.find(key);
        return it == req_.option_where.end() ? req_.where : it->second;
    }
    std::string opt(const std::string& key, const std::string& fallback = "", bool required = false) {
        auto it = req_.options.find(key);
        if (it == req_.options.end() || it->second.empty()) {
            if (required) sink_.error(req_.where, "a chart needs '" + key + "'");
            return fallback;
        }
        return it->second;
    }
    bool flag(const std::string& key) {
        std::string v = core::to_lower_ascii(opt(key, "false"));
        if (v != "true" && v != "false") sink_.error(where(key), "'" + key + "' must be true or false");
        return v == "true";
    }
    std::vector<std::string> list(const std::string& key) {
        std::vector<std::string> out;
        for (auto& part : core::split(opt(key), ','))
            if (!core::trim(part).empty()) out.emplace_back(core::trim(part));
        return out;
    }

    data::MeasureInfo measure(const std::string& key) {
        std::string id = opt(key, "", true);
        if (const auto* m = ctx_.catalog->measure(id)) return *m;
        const auto& known = ctx_.view->table().measures();
        if (!id.empty() && std::find(known.begin(), known.end(), id) == known.end())
            sink_.error(where(key), "unknown measure '" + id + "'",
                        {core::valid_values_hint("measures", id, known)});
        data::MeasureInfo m;
        m.id = m.label = m.short_label = id;
        return m;
    }
    std::string group(const std::string& key, const std::string& fallback = "") {
        std::string g = opt(key, fallback, fallback.empty());
        const auto& known = ctx_.view->table().groups();
        if (!g.empty() && std::find(known.begin(), known.end(), g) == known.end())
            sink_.error(where(key), "unknown group '" + g + "'",
                        {core::valid_values_hint("groups", g, known)});
        return g;
    }
    data::ComparatorRef comparator(const std::string& group_id) {
        std::string c = opt("comparator", "", true);
        if (core::iequals_ascii(c, "National")) return {true, false, group_id};
        if (core::iequals_ascii(c, "LA") || core::iequals_ascii(c, "Local authority")) return {false, true, group_id};
        if (core::starts_with(core::to_lower_ascii(c), "national:"))
            return {true, false, std::string(core::trim(std::string_view(c).substr(9)))};
        const auto& known = ctx_.view->table().groups();
        if (!c.empty() && std::find(known.begin(), known.end(), c) == known.end())
            sink_.error(where("comparator"), "unknown comparator '" + c + "'",
                        {core::valid_values_hint("groups", c, known), "or 'National' or 'LA'"});
        return {false, false, c};
    }
    // Nothing silent: a series whose group matches no row of the measure at its level (in
    // `area`, or in any area when empty) is the author's error at the option that names it,
    // not a line quietly missing from the chart. Unknown groups and measures are reported by
    // group() and measure().
    void require_rows(const std::string& key, const std::string& measure, const std::string& g,
                      const std::string& level, const std::string& area = "") {
        const auto& known = ctx_.view->table().groups();
        if (g.empty() || std::find(known.begin(), known.end(), g) == known.end()) return;
        const auto& measures = ctx_.view->table().measures();  // an unknown measure is reported by measure()
        if (std::find(measures.begin(), measures.end(), measure) == measures.end()) return;
        if (auto u = metrics::unmatched_rows(ctx_.view->table(), measure, g, level, area))
            sink_.error(where(key), u->message, u->hints);
    }
    std::string england() const {
        const auto& nat = ctx_.view->table().areas(data::kNational);
        return nat.empty() ? "England" : nat.front();
    }
    void require_series(const std::string& measure, const std::string& g, const data::ComparatorRef& comp,
                        const std::string& level) {
        require_rows("group", measure, g, level);
        if (comp.national) require_rows("comparator", measure, comp.group, data::kNational, england());
        else if (comp.local_authority) require_rows("comparator", measure, comp.group, data::kLocalAuthority);
        else require_rows("comparator", measure, comp.group, level);
    }

    std::string place() const { return ctx_.area_label.empty() ? ctx_.area.area : ctx_.area_label; }
    std::string label_of(const data::ComparatorRef& c) const {
        return metrics::comparator_label(*ctx_.catalog, c, ctx_.area);
    }

    cm::ChartText text(const std::string& default_subtitle) {
        cm::ChartText t;
        std::string title = opt("title");
        if (title == "finding") t.finding_title = true;
        else t.title = title;
        t.subtitle = opt("subtitle", default_subtitle);
        t.source = opt("source");
        t.note = opt("note");
        t.alt_text = opt("alt");
        t.table = opt("table");
        if (req_.words_outside) {  // the report prints them as the figure's caption and source
            t.title.clear();
            t.finding_title = false;
            t.subtitle.clear();
            t.source.clear();
        }
        if (ctx_.plain_words) t.plain_words = *ctx_.plain_words;
        return t;
    }
    // A measure's value axis: its unit's suffix, its dp for value labels and alt text (the
    // tables' dp: one number format per measure), and a rating scale's steps with their words.
    static cm::ValueAxis axis_for(const data::MeasureInfo& m, const std::string& label) {
        cm::ValueAxis a;
        a.label = label;
        a.unit = data::unit_suffix(m.unit);
        a.decimals = m.dp;
        if (m.scale)
            for (int v = m.scale->min; v <= m.scale->max; ++v)
                a.steps.emplace_back(static_cast<double>(v), m.scale->label_of(v));
        return a;
    }
    // The axis title of one measure: "GLD (%)", "Leadership (1–4)", "Coaching (days)".
    static std::string axis_title(const data::MeasureInfo& m) {
        if (m.unit == data::Unit::Percent) return m.label + " (%)";
        if (m.scale) return m.label + " (" + std::to_string(m.scale->min) + "\xE2\x80\x93" + std::to_string(m.scale->max) + ")";
        if (m.unit == data::Unit::Days) return m.label + " (days)";
        return m.label;
    }
    // The axis title of several measures of one unit: "Rating (1–4)", "Number", "Days".
    static std::string unit_title(const data::MeasureInfo& m) {
        if (m.scale) return "Rating (" + std::to_string(m.scale->min) + "\xE2\x80\x93" + std::to_string(m.scale->max) + ")";
        switch (m.unit) {
            case data::Unit::Percent: return "Children at the expected level (%)";
            case data::Unit::Count: return "Number";
            case data::Unit::Days: return "Days";
            case data::Unit::Score: return "Score";
            case data::Unit::Number: return "Value";
        }
        return "";
    }
    data::MeasureInfo info_of(const std::string& id) const { return ctx_.catalog->measure_or_default(id); }
    // Measures drawn on one axis must share its unit (and scale); the axis shows the largest
    // dp among them. An error at `key` names the first that differs.
    std::optional<data::MeasureInfo> shared_unit(const std::vector<std::string>& ids, const std::string& key) {
        if (ids.empty()) return std::nullopt;
        data::MeasureInfo first = info_of(ids.front());
        for (const auto& id : ids) {
            const data::MeasureInfo m = info_of(id);
            const bool same_scale = m.scale.has_value() == first.scale.has_value() &&
                                    (!m.scale || (m.scale->min == first.scale->min && m.scale->max == first.scale->max));
            if (m.unit != first.unit || !same_scale) {
                sink_.error(where(key), "a chart draws its measures on one axis, but '" + first.id + "' is " +
                                            data::unit_name(first.unit) + (first.scale ? " on a scale" : "") + " and '" +
                                            m.id + "' is " + data::unit_name(m.unit) + (m.scale ? " on a scale" : ""),
                            {"chart measures of one unit together, or give them the same 'unit' and 'scale' under 'measures'"});
                return std::nullopt;
            }
            first.dp = std::max(first.dp, m.dp);
        }
        return first;
    }
    // The chart boundary: exact figures become doubles for geometry only. Labels drawn from
    // them round like the tables because the nearest double of an exact figure reads back as
    // that figure at 15 significant digits (docs/metrics.md).
    static cm::Value chart_value(const std::optional<core::Exact>& v) {
        if (!v) return std::nullopt;
        return v->to_double();
    }
    static cm::Value value_of(const metrics::Cell& c) { return chart_value(c.value); }
    // The symbol the report's tables show for an absent cell ("" when it has a value).
    static std::string symbol_of(const metrics::Cell& c) {
        if (c.present()) return "";
        return data::display_symbol(c.suppressed() ? data::Missing::Suppressed : c.missing);
    }
    // The symbol of an absent gap, as the tables show it (see context_builder's gap_value).
    static std::string gap_symbol(const metrics::GapPoint* p) {
        if (!p) return data::display_symbol(data::Missing::Empty);
        if (p->suppressed()) return data::display_symbol(data::Missing::Suppressed);
        return symbol_of(!p->group.present() ? p->group : p->comparator);
    }
    // ", 2016/17 to 2018/19" for a subtitle; ", 2018/19" for one period (never "2018/19 to
    // 2018/19"); "" for none.
    static std::string span_of(const std::vector<std::string>& periods) {
        if (periods.empty()) return "";
        if (periods.front() == periods.back()) return ", " + periods.front();
        return ", " + periods.front() + " to " + periods.back();
    }
    static void push(cm::Series& s, const metrics::Cell& c) {
        s.values.push_back(value_of(c));
        s.symbols.push_back(symbol_of(c));
    }

    cm::ChartSpec gap_trend() {
        cm::GapTrendSpec s;
        auto m = measure("measure");
        std::string g = group("group");
        auto comp = comparator(g);
        auto series = metrics::build_gap_series(*ctx_.view, *ctx_.catalog, m.id, g, comp, ctx_.area);
        require_series(m.id, g, comp, ctx_.area.level);
        if (flag("national") && !comp.national) require_rows("national", m.id, g, data::kNational, england());
        s.measure = m.short_label;
        s.measure_phrase = m.phrase;
        s.group = {ctx_.catalog->group_label(g), pal::kTwoSeries[0], {}, cm::MarkerShape::Circle, false};
        s.comparator = {label_of(comp), pal::kTwoSeries[1], {}, cm::MarkerShape::Square, false};
        for (const auto& p : series.points) {
            s.periods.push_back(p.period.short_label());
            push(s.group, p.group);
            push(s.comparator, p.comparator);
        }
        if (flag("national") && !comp.national) {
            cm::Series ref{ctx_.catalog->group_label(g) + " (England)", pal::kFocusOther, {},
                           cm::MarkerShape::None, true};
            const auto& nat_area = ctx_.view->table().areas(data::kNational);
            for (const auto& p : series.points) {
                push(ref, ctx_.view->cell(m.id, g, data::kNational, nat_area.empty() ? "England" : nat_area.front(), p.period));
            }
            s.reference = ref;
        }
        s.y = axis_for(m, axis_title(m));
        s.text = text(m.label + ": " + ctx_.catalog->group_label(g) + " and " + label_of(comp) + ", " +
                      place() + span_of(s.periods));
        return s;
    }

    cm::ChartSpec gap_bars() {
        cm::GapTargetBarsSpec s;
        std::string only_group = opt("group");
        auto measures = list("measures");
        int dp = 0;  // gaps print at their measure's dp, as in the tables
        for (const auto& row : ctx_.metrics->rows) {
            if (!row.target) continue;
            if (!only_group.empty() && row.series.group != only_group) continue;
            if (!measures.empty() &&
                std::find(measures.begin(), measures.end(), row.series.measure) == measures.end())
                continue;
            const auto* mi = ctx_.catalog->measure(row.series.measure);
            cm::GapTargetRow r;
            r.label = (mi ? mi->short_label : row.series.measure) + " \xE2\x80\x93 " +
                      ctx_.catalog->group_label(row.series.group);
            const auto* latest = row.latest_point();
            if (latest && !latest->suppressed()) r.gap = chart_value(latest->gap);
            if (!r.gap) r.gap_symbol = gap_symbol(latest);
            r.target = target_gap(row);
            r.status = status_category(metrics::status_word(row.result.status));
            s.rows.push_back(r);
            dp = std::max(dp, mi ? mi->dp : 1);
        }
        s.x.label = "Gap (percentage points)";
        s.x.decimals = dp;
        s.text = text("Latest gap and the gap the target needs now, by measure and group, " + place());
        return s;
    }

    // The gap a target asks for at the judged period, in gap units.
    static cm::Value target_gap(const metrics::GapRow& row) {
        const auto& t = *row.target;
        const auto& r = row.result;
        switch (t.kind) {
            case data::TargetKind::GapAtMost:
            case data::TargetKind::AtOrAboveComparator: return chart_value(r.required);
            case data::TargetKind::GapNarrowsBy:
            case data::TargetKind::ImprovesFasterThanComparatorBy: {
                if (!t.baseline) return std::nullopt;
                const auto* base = row.series.at(*t.baseline);
                if (!base || !base->gap || !r.required || !r.judged) return std::nullopt;
                // required is the narrowing needed from the baseline to the judged period.
                return chart_value(*base->gap - *r.required);
            }
            case data::TargetKind::ValueAtLeast: return std::nullopt;
        }
        return std::nullopt;
    }

    // The periods a chart names (`period`, `periods`: "2018/19, 2019/20"), each one the data
    // have for one of `measures` in the report's area; an unknown one is an error at the option.
    std::vector<data::Period> named_periods(const std::string& key, const std::vector<std::string>& measures) {
        std::vector<data::Period> known;
        for (const auto& m : measures)
            for (const auto& p : ctx_.view->table().periods(m, ctx_.area.level, ctx_.area.area))
                if (std::find(known.begin(), known.end(), p) == known.end()) known.push_back(p);
        std::sort(known.begin(), known.end());
        std::vector<data::Period> out;
        for (const auto& text : list(key)) {
            if (auto p = metrics::period_named(known, text)) {
                out.push_back(*p);
                continue;
            }
            std::vector<std::string> labels;
            for (const auto& p : known) labels.push_back(p.label());
            sink_.error(where(key), "'" + key + "' names period '" + text + "', which the chart's measures have no rows for in " + place(),
                        {core::valid_values_hint("periods", text, labels)});
        }
        return out;
    }

    cm::ChartSpec grouped_bars() {
        cm::GroupedBarsSpec s;
        auto measures = list("measures");
        if (measures.empty()) measures = ctx_.catalog->measure_order;
        auto groups = list("groups");
        if (groups.empty()) sink_.error(req_.where, "a grouped_bars chart needs 'groups'");
        const auto& known_groups = ctx_.view->table().groups();
        for (const auto& g : groups)
            if (std::find(known_groups.begin(), known_groups.end(), g) == known_groups.end())
                sink_.error(where("groups"), "unknown group '" + g + "'",
                            {core::valid_values_hint("groups", g, known_groups)});
        std::optional<data::Period> period = ctx_.metrics->latest_period;
        if (auto named = named_periods("period", measures); !named.empty()) period = named.front();
        // `periods`: one bar per period (of one group), e.g. a rating at two dates.
        const auto periods = named_periods("periods", measures);
        if (!periods.empty() && groups.size() > 1)
            sink_.error(where("groups"), "a grouped_bars chart with 'periods' shows one group, got " +
                                             std::to_string(groups.size()),
                        {"draw one chart per group, or leave out 'periods' to compare groups"});
        for (const auto& m : measures) {
            const auto* mi = ctx_.catalog->measure(m);
            s.categories.push_back(mi ? mi->short_label : m);
        }
        auto bars = [&](const std::string& name, std::size_t i, const std::string& g,
                        const std::optional<data::Period>& p) {
            cm::Series ser{name, pal::categorical(i), {}, cm::MarkerShape::Square, false};
            for (const auto& m : measures) {
                metrics::Cell c;
                if (p) c = ctx_.view->cell(m, g, ctx_.area.level, ctx_.area.area, *p);
                push(ser, c);
            }
            s.groups.push_back(ser);
        };
        if (!periods.empty() && !groups.empty()) {
            for (std::size_t pi = 0; pi < periods.size(); ++pi) bars(periods[pi].label(), pi, groups.front(), periods[pi]);
            s.groups_are_periods = true;
        } else {
            for (std::size_t gi = 0; gi < groups.size(); ++gi)
                bars(ctx_.catalog->group_label(groups[gi]), gi, groups[gi], period);
        }
        const auto unit = shared_unit(measures, "measures");
        if (!unit || unit->unit == data::Unit::Percent)
            s.y = cm::ValueAxis::percent(unit_title(unit.value_or(data::MeasureInfo{})), unit ? unit->dp : 1);
        else
            s.y = axis_for(*unit, measures.size() == 1 ? axis_title(*unit) : unit_title(*unit));
        std::string when = !periods.empty() ? (groups.empty() ? "" : ", " + ctx_.catalog->group_label(groups.front()))
                                            : (period ? ", " + period->label() : "");
        s.text = text((periods.empty() ? "Latest values by measure and group, " : "Values by measure and period, ") +
                      place() + when);
        return s;
    }

    // A category of a status word: a batch's own vocabulary first, else the built-in words.
    cm::Category category_of(const std::string& word) const {
        if (auto c = custom_category(*ctx_.catalog, word)) return *c;
        return status_category(word);
    }

    // One bar per row of a batch's status rule: the value rated, coloured by its word (with
    // the word and its symbol), and for a comparison a marker at the earlier value.
    cm::ChartSpec status_bars() {
        cm::GapTargetBarsSpec s;
        const std::string name = opt("status", "", true);
        const data::StatusVocabulary* voc = nullptr;
        std::vector<std::string> names;
        for (const auto& v : ctx_.catalog->statuses) {
            names.push_back(v.name);
            if (v.name == name) voc = &v;
        }
        if (!voc) {
            if (!name.empty())
                sink_.error(where("status"), "unknown status '" + name + "'",
                            {names.empty() ? "declare it under 'statuses' in the batch file"
                                           : core::valid_values_hint("statuses", name, names)});
            return s;
        }
        // The rule's own errors are the context's to report (at the batch file's rule).
        core::DiagnosticSink rule_errors;
        const auto rows = metrics::compute_custom_status(*ctx_.view, *ctx_.catalog, *voc, ctx_.area, rule_errors);
        const bool compare = voc->rule.kind == data::StatusRuleKind::Compare;
        for (const auto& r : rows) {
            const data::MeasureInfo m = info_of(r.measure);
            cm::GapTargetRow row;
            row.label = m.short_label + (voc->rule.groups.size() > 1 ? " \xE2\x80\x93 " + ctx_.catalog->group_label(r.group) : "");
            row.gap = value_of(r.to_cell);
            if (!row.gap) row.gap_symbol = symbol_of(r.to_cell);
            if (compare) row.target = value_of(r.from_cell);
            row.status = category_of(status_word_of(r));
            s.rows.push_back(row);
        }
        const auto unit = shared_unit(voc->rule.measures, "status");
        if (unit) s.x = axis_for(*unit, voc->rule.measures.size() == 1 ? axis_title(*unit) : unit_title(*unit));
        const bool rating = unit && unit->unit == data::Unit::Score;
        s.value_noun = rating ? "rating" : "figure";
        s.value_noun_plural = rating ? "ratings" : "figures";
        const std::string from = !rows.empty() && rows.front().from ? rows.front().from->label() : "";
        const std::string to = !rows.empty() && rows.front().to ? rows.front().to->label() : "";
        s.target_label = from.empty() ? "Target" : from;
        s.text = text((unit ? (voc->rule.measures.size() == 1 ? unit->label : unit_title(*unit)) : std::string("Values")) +
                      ", " + place() + (compare && !from.empty() ? ", " + to + " against " + from : to.empty() ? "" : ", " + to));
        return s;
    }

    cm::ChartSpec action_status() {
        cm::ActionStatusSpec s;
        const auto& statuses = metrics::all_action_statuses();
        for (auto st : statuses) s.statuses.push_back(status_category(metrics::status_word(st)));
        const auto& summary = ctx_.metrics->actions;
        std::string rows = opt("rows", "objectives");
        if (rows != "objectives" && rows != "total")
            sink_.error(where("rows"), "'rows' must be 'objectives' or 'total', got '" + rows + "'");
        if (rows == "total") {
            cm::ActionStatusRow all{"All actions", {}};
            for (auto st : statuses) all.counts.push_back(summary.overall.of(st));
            s.rows.push_back(all);
            s.text = text("Actions by status");
            return s;
        }
        for (const auto& [objective, counts] : summary.by_objective) {
            cm::ActionStatusRow row{objective, {}};
            for (auto st : statuses) row.counts.push_back(counts.of(st));
            s.rows.push_back(row);
        }
        cm::ActionStatusRow all{"All actions", {}};
        for (auto st : statuses) all.counts.push_back(summary.overall.of(st));
        s.rows.push_back(all);
        s.last_row_is_total = true;
        s.text = text("Actions by status, per objective");
        return s;
    }

    cm::ChartSpec distribution() {
        cm::DistributionSpec s;
        auto m = measure("measure");
        std::string g = group("group");
        auto comp = comparator(g);
        std::string level = opt("level", data::kSetting);
        std::string highlight = opt("highlight");
        std::optional<data::Period> period = ctx_.metrics->latest_period;
        require_series(m.id, g, comp, level);
        for (const auto& area : ctx_.view->table().areas(level)) {
            auto series = metrics::build_gap_series(*ctx_.view, *ctx_.catalog, m.id, g, comp, {level, area, ""});
            const metrics::GapPoint* p = period ? series.at(*period) : series.latest();
            cm::DistributionPoint dp{area, std::nullopt};
            if (p && !p->suppressed()) dp.value = chart_value(p->gap);
            if (!dp.value) dp.symbol = gap_symbol(p);
            if (area == highlight) s.highlight = s.points.size();
            s.points.push_back(dp);
        }
        s.y.label = "Gap (percentage points)";
        s.y.include_zero = true;
        s.y.decimals = m.dp;
        s.entity_noun = level == data::kSetting ? "settings" : "areas";
        s.entity_noun_one = level == data::kSetting ? "setting" : "area";
        s.measure = m.short_label;
        s.median_label = "Median";
        s.text = text(m.label + ": gap between " + ctx_.catalog->group_label(g) + " and " +
                      label_of(comp) + " in each " + (level == data::kSetting ? "setting" : "area") +
                      (period ? ", " + period->label() : ""));
        return s;
    }

    cm::ChartSpec line() {
        cm::LineChartSpec s;
        auto m = measure("measure");
        std::string g = group("group", "Total");
        std::string level = opt("level", data::kLocalAuthority);
        auto areas = list("areas");
        for (const auto& a : areas) require_rows("areas", m.id, g, level, a);
        if (areas.empty()) {
            require_rows("group", m.id, g, level);
            areas = ctx_.view->table().areas(level);
        }
        if (flag("national")) require_rows("national", m.id, g, data::kNational, england());
        std::vector<data::Period> periods;
        for (const auto& a : areas)
            for (const auto& p : ctx_.view->table().periods(m.id, level, a))
                if (std::find(periods.begin(), periods.end(), p) == periods.end()) periods.push_back(p);
        std::sort(periods.begin(), periods.end());
        for (const auto& p : periods) s.periods.push_back(p.short_label());
        std::size_t i = 0;
        for (const auto& a : areas) {
            cm::Series ser{a, pal::categorical(i++), {}, cm::MarkerShape::Circle, false};
            for (const auto& p : periods) push(ser, ctx_.view->cell(m.id, g, level, a, p));
            s.series.push_back(ser);
        }
        if (flag("national")) {
            const auto& nat = ctx_.view->table().areas(data::kNational);
            cm::Series ser{"England", pal::kDarkGrey, {}, cm::MarkerShape::None, true};
            for (const auto& p : periods)
                push(ser, ctx_.view->cell(m.id, g, data::kNational, nat.empty() ? "England" : nat.front(), p));
            s.series.push_back(ser);
        }
        std::string target = opt("target");
        if (!target.empty()) {
            auto t = data::parse_decimal(target);
            if (!t) {
                sink_.error(where("target"), "'target' must be a number, got '" + target + "'");
            } else {
                cm::Series ts{"Target", pal::kStatusBlack, {}, cm::MarkerShape::None, true};
                for (std::size_t k = 0; k < periods.size(); ++k) ts.values.push_back(t->to_double());
                s.target = ts;
            }
        }
        s.measure = m.short_label;
        s.y = axis_for(m, axis_title(m));
        s.text = text(m.label + ", " + ctx_.catalog->group_label(g) + span_of(s.periods));
        return s;
    }

    const ChartRequest& req_;
    const ChartContext& ctx_;
    core::DiagnosticSink& sink_;
};

}  // namespace

const std::vector<std::string>& chart_kind_names() {
    static const std::vector<std::string> v = [] {
        std::vector<std::string> out;
        for (const auto& k : kinds()) out.emplace_back(k.kind);
        return out;
    }();
    return v;
}

cm::Category status_category(const std::string& word) {
    std::string w = core::to_lower_ascii(word);
    cm::Category c;
    c.label = word;
    if (w == "achieved" || w == "complete") c = {word, pal::kStatusGreen, pal::kWhite, cm::MarkerShape::Circle};
    else if (w == "on target" || w == "on track") c = {word, pal::kStatusBlue, pal::kWhite, cm::MarkerShape::Triangle};
    else if (w == "not on target" || w == "at risk") c = {word, pal::kStatusYellow, pal::kStatusBlack, cm::MarkerShape::Diamond};
    else if (w == "not achieved" || w == "overdue") c = {word, pal::kStatusRed, pal::kWhite, cm::MarkerShape::TriangleDown};
    else if (w == "no data") c = {word, pal::kStatusLightGrey, pal::kStatusBlack, cm::MarkerShape::Square};
    else c = {word, pal::kStatusMidGrey, pal::kStatusBlack, cm::MarkerShape::Square};
    return c;
}

std::optional<cm::ChartSpec> make_chart_spec(const ChartRequest& req, const ChartContext& ctx,
                                             core::DiagnosticSink& sink) {
    auto spec = Maker(req, ctx, sink).run();
    // Data the chart cannot be drawn from (no period with data for this area, say) is the
    // author's problem at the chart block, not an internal error.
    if (spec) {
        if (auto problem = charts::compose::check_chart_spec(*spec)) {
            sink.error(req.where, "this chart cannot be drawn: " + *problem,
                       {"check that the data have this measure and group for " +
                           (ctx.area_label.empty() ? std::string("the report's area") : "'" + ctx.area_label + "'")});
            return std::nullopt;
        }
    }
    return spec;
}

void check_chart_options(const ChartRequest& req, const ChartContext& ctx, core::DiagnosticSink& sink) {
    Maker(req, ctx, sink).run();
}

std::optional<std::string> chart_data_problem(const ChartRequest& req, const ChartContext& ctx) {
    core::DiagnosticSink scratch;  // option errors are reported when the chart is built
    auto spec = Maker(req, ctx, scratch).run();
    if (!spec) return std::nullopt;
    return charts::compose::check_chart_spec(*spec);
}

std::optional<std::string> chart_figures_absent(const ChartRequest& req, const ChartContext& ctx) {
    core::DiagnosticSink scratch;
    auto spec = Maker(req, ctx, scratch).run();
    if (!spec || charts::compose::check_chart_spec(*spec)) return std::nullopt;
    return charts::compose::nothing_to_draw(*spec);
}

std::optional<std::vector<charts::scene::Scene>> build_chart_scenes(
    const std::vector<ChartRequest>& requests, const std::vector<ChartSlot>& slots,
    const ChartContext& ctx, core::DiagnosticSink& sink) {
    std::size_t errors_before = sink.error_count();
    std::vector<cm::ChartSpec> specs;
    for (const auto& r : requests) {
        auto s = make_chart_spec(r, ctx, sink);
        if (s) specs.push_back(std::move(*s));
    }
    if (sink.error_count() > errors_before) return std::nullopt;
    charts::render::PangoTextMeasure measure(ctx.fonts ? *ctx.fonts : charts::render::FontPaths{});
    std::vector<charts::scene::Scene> scenes;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        ChartSlot slot = i < slots.size() ? slots[i] : ChartSlot{480, 220};
        scenes.push_back(charts::build_chart(specs[i], {slot.width, slot.height}, measure));
    }
    return scenes;
}

std::optional<BuiltCharts> build_charts(const std::vector<ChartRequest>& requests,
                                        const std::vector<ChartSlot>& slots,
                                        const ChartContext& ctx, core::DiagnosticSink& sink) {
    auto scenes = build_chart_scenes(requests, slots, ctx, sink);
    if (!scenes) return std::nullopt;
    BuiltCharts out;
    std::vector<const charts::scene::Scene*> ptrs;
    for (const auto& s : *scenes) {
        out.alt_texts.push_back(s.alt_text);
        ptrs.push_back(&s);
    }
    out.pdf = charts::render_pdf(ptrs);
    return out;
}

}  // namespace engine::templating
