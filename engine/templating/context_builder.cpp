#include "engine/templating/context_builder.h"

#include "engine/core/number_format.h"
#include "engine/core/text.h"
#include "engine/metrics/trajectory.h"
#include "engine/templating/block_sources.h"
#include "engine/templating/cross_refs.h"
#include "engine/templating/expander.h"
#include "engine/templating/figures.h"
#include "engine/templating/format_value.h"
#include "engine/templating/status_context.h"
#include "engine/templating/inline_markup.h"

namespace engine::templating {

namespace {

data::MeasureInfo measure_or_default(const data::Catalog& c, const std::string& id) {
    return c.measure_or_default(id);
}

NumberUnit unit_of(const data::MeasureInfo& m) { return number_unit_of(m); }

Value cell_value(const metrics::Cell& c, const data::MeasureInfo& m) {
    return Value::number(c.value, unit_of(m), m.dp, c.missing);
}

// A gap is missing as "suppressed" when either side is suppressed, else as the reason the
// group (or comparator) has no value.
Value gap_value(const metrics::GapPoint* p, const data::MeasureInfo& m) {
    if (!p) return Value(MissingNumber{data::Missing::Empty, NumberUnit::Ppts});
    if (p->suppressed()) return Value(MissingNumber{data::Missing::Suppressed, NumberUnit::Ppts});
    data::Missing why = !p->group.present() ? p->group.missing : p->comparator.missing;
    return Value::number(p->gap, NumberUnit::Ppts, m.dp, why);
}

// `comparator` is the label the table prints beside it (GapSeries::comparator_label).
std::string target_text(const data::Target& t, const data::MeasureInfo& m,
                        const std::string& comparator) {
    auto num = [&](const core::Exact& v) { return core::format_number(v, {m.dp, false, false, ""}); };
    auto ppts = [&](const core::Exact& v) {
        return core::format_number(v, core::NumberStyle::ppts(m.dp));
    };
    std::string by = " by " + t.period.label();
    switch (t.kind) {
        case data::TargetKind::GapAtMost: return "Gap at most " + num(t.value) + by;
        case data::TargetKind::ValueAtLeast:
            return "At least " + num(t.value) + (m.unit == data::Unit::Percent ? "%" : "") + by;
        case data::TargetKind::AtOrAboveComparator:
            return t.value == 0 ? "In line with " + comparator + by
                                : "Within " + ppts(t.value) + " of " + comparator + by;
        case data::TargetKind::GapNarrowsBy:
            return "Gap narrows by " + ppts(t.value) + " from " + t.baseline->label() + by;
        case data::TargetKind::ImprovesFasterThanComparatorBy:
            return "Gap narrows " + ppts(t.value) + " a year from " + t.baseline->label() + by;
    }
    return "";
}

Value expand_text_tree(const config::TextNode& n, Expander& ex) {
    switch (n.kind) {
        case config::TextNode::Kind::String: {
            std::string s = ex.expand(n.text, n.where);
            // Block scalars end with a newline; narrative paragraphs do not.
            while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
            return Value(Markup{s});
        }
        case config::TextNode::Kind::List: {
            ValueList l;
            for (const auto& item : n.items) l.push_back(expand_text_tree(item, ex));
            return Value(l);
        }
        case config::TextNode::Kind::Map: {
            ValueMap m;
            for (const auto& [k, v] : n.entries) m[k] = expand_text_tree(v, ex);
            return Value(m);
        }
    }
    return Value();
}

ValueMap counts_value(const metrics::StatusCounts& c) {
    ValueMap m;
    for (auto s : metrics::all_action_statuses())
        m[metrics::status_key(s)] = Value(number_of(core::Exact(c.of(s)), NumberUnit::Count, 0));
    m["total"] = Value(number_of(core::Exact(c.total), NumberUnit::Count, 0));
    return m;
}

// Why gaps are suppressed, by kind of rule (so a sentence can give the true reason).
struct SuppressedWhy {
    bool small = false, secondary = false, source = false;
    void add(const metrics::GapPoint* p) {
        if (!p) return;
        for (const metrics::Cell* c : {&p->group, &p->comparator}) {
            using R = metrics::SuppressionReason;
            small = small || c->suppression == R::SmallCohort;
            secondary = secondary || c->suppression == R::Secondary || c->suppression == R::Breakdown;
            source = source || c->suppression == R::Source;
        }
    }
    void put(ValueMap& m, const std::string& prefix) const {
        m[prefix + "small_cohort"] = Value(small);
        m[prefix + "secondary"] = Value(secondary);
        m[prefix + "at_source"] = Value(source);
    }
};

}  // namespace

ValueMap gap_row_value(const metrics::GapRow& row, const data::Catalog& catalog) {
    const auto m = measure_or_default(catalog, row.series.measure);
    const metrics::GapPoint* latest = row.latest_point();
    const metrics::GapPoint* previous = row.previous_point();
    ValueMap v;
    v["measure"] = Value(m.id);
    v["measure_label"] = Value(m.label);
    v["measure_short"] = Value(m.short_label);
    v["group"] = Value(row.series.group);
    v["group_label"] = Value(row.series.group_label(catalog));
    v["comparator"] = Value(row.series.comparator.group);
    v["comparator_label"] = Value(row.series.comparator_label(catalog));
    v["local_authority"] = Value(row.series.comparator.local_authority);
    v["national"] = Value(row.series.comparator.national);
    v["period"] = Value(latest ? latest->period.label() : "");
    v["previous_period"] = Value(previous ? previous->period.label() : "");
    v["value"] = latest ? cell_value(latest->group, m)
                        : Value(MissingNumber{data::Missing::Empty, unit_of(m)});
    v["comparator_value"] = latest ? cell_value(latest->comparator, m)
                                   : Value(MissingNumber{data::Missing::Empty, unit_of(m)});
    v["gap"] = gap_value(latest, m);
    v["previous_gap"] = gap_value(previous, m);
    if (row.change_suppressed)
        v["change"] = Value(MissingNumber{data::Missing::Suppressed, NumberUnit::Ppts});
    else
        v["change"] = Value::number(row.change, NumberUnit::Ppts, m.dp, data::Missing::NotAvailable);
    const metrics::GapPoint* base = row.baseline_point();
    v["baseline"] = Value(base ? base->period.label() : "");
    v["baseline_short"] = Value(base ? base->period.short_label() : "");
    v["baseline_gap"] = gap_value(base, m);
    v["baseline_suppressed"] = Value(base && base->suppressed());
    if (row.change_since_baseline_suppressed)
        v["change_since_baseline"] = Value(MissingNumber{data::Missing::Suppressed, NumberUnit::Ppts});
    else
        v["change_since_baseline"] =
            Value::number(row.change_since_baseline, NumberUnit::Ppts, m.dp, data::Missing::NotAvailable);
    v["direction_since_baseline"] =
        Value(row.direction_since_baseline ? metrics::direction_word(*row.direction_since_baseline) : "");
    v["narrowed_since_baseline"] = Value(row.direction_since_baseline == metrics::Direction::Narrowed);
    v["widened_since_baseline"] = Value(row.direction_since_baseline == metrics::Direction::Widened);
    v["unchanged_since_baseline"] = Value(row.direction_since_baseline == metrics::Direction::Unchanged);
    v["direction"] = Value(row.direction ? metrics::direction_word(*row.direction) : "");
    v["narrowed"] = Value(row.direction == metrics::Direction::Narrowed);
    v["widened"] = Value(row.direction == metrics::Direction::Widened);
    v["unchanged"] = Value(row.direction == metrics::Direction::Unchanged);
    v["suppressed"] = Value(latest && latest->suppressed());
    SuppressedWhy why;
    why.add(latest);
    why.put(v, "suppressed_");
    if (row.target) {
        const auto& t = *row.target;
        v["id"] = Value(t.id);
        v["kind"] = Value(data::target_kind_name(t.kind));
        v["target"] = Value(number_of(t.value, NumberUnit::Plain, m.dp));
        v["target_period"] = Value(t.period.label());
        v["baseline_period"] = Value(t.baseline ? t.baseline->label() : "");
        v["target_text"] = Value(target_text(t, m, row.series.comparator_label(catalog)));
        v["status"] = Value(metrics::status_word(row.result.status));
        v["status_key"] = Value(metrics::status_key(row.result.status));
        v["reason"] = Value(row.result.reason);
        for (auto s : metrics::all_target_statuses())
            v[metrics::status_key(s)] = Value(row.result.status == s);
        // Where the target's straight line stands at the latest period (metrics/trajectory.h).
        const metrics::TrajectoryPoint tp = metrics::trajectory_point(t, row.series);
        v["trajectory"] = Value::number(tp.value,
                                        t.kind == data::TargetKind::ValueAtLeast ? unit_of(m) : NumberUnit::Ppts,
                                        m.dp, tp.missing);
        v["trajectory_period"] = Value(tp.at ? tp.at->label() : "");
    }
    return v;
}

Value build_context(const ContextInputs& in, core::DiagnosticSink& sink) {
    const auto& batch = *in.batch;
    const auto& rep = *in.report;
    const auto& cat = batch.catalog;
    ValueMap root;

    ValueMap report;
    report["id"] = Value(rep.id);
    report["title"] = Value(rep.title);
    report["subtitle"] = Value(rep.subtitle);
    report["author"] = Value(rep.author);
    report["organisation"] = Value(rep.organisation);
    report["classification"] = Value(rep.classification);
    report["source"] = Value(rep.source);
    report["area"] = Value(in.metrics ? in.metrics->area.area : rep.area.name);
    report["area_level"] = Value(in.metrics ? in.metrics->area.level : rep.area.level);
    root["report"] = Value(report);
    root["data_sources"] = data_sources_value(batch, rep, in.metrics, in.view);
    root["batch"] = Value(ValueMap{
        {"name", Value(batch.name)},
        {"at_risk_days", Value(number_of(core::Exact(batch.at_risk_days), NumberUnit::Count, 0))},
        {"min_cohort", Value(number_of(core::Exact(batch.min_cohort), NumberUnit::Count, 0))}});

    ValueMap meeting;
    meeting["to"] = Value(rep.meeting.to);
    meeting["from"] = Value(rep.meeting.from);
    meeting["agenda_item"] = Value(rep.meeting.agenda_item);
    meeting["date"] = rep.meeting.date ? Value(*rep.meeting.date) : Value(in.as_of);
    root["meeting"] = Value(meeting);
    root["as_of"] = Value(in.as_of);

    if (in.metrics) {
        const auto& mx = *in.metrics;
        ValueMap period;
        period["latest"] = Value(mx.latest_period ? mx.latest_period->label() : "");
        period["latest_short"] = Value(mx.latest_period ? mx.latest_period->short_label() : "");
        root["period"] = Value(period);

        ValueList targets;
        // gap.<measure>.<group slug>: the first target row of each pair, and every other
        // figure of the data by name (figures.h).
        FiguresInputs figures;
        figures.catalog = &cat;
        figures.view = in.view;
        figures.area = mx.area;
        figures.fan_out = in.extra.count("entity") > 0;
        std::map<std::string, int> status_counts;
        for (auto s : metrics::all_target_statuses()) status_counts[metrics::status_key(s)] = 0;
        for (const auto& row : mx.rows) {
            ValueMap rv = gap_row_value(row, cat);
            targets.push_back(Value(rv));
            if (row.target) ++status_counts[metrics::status_key(row.result.status)];
            figures.targets.emplace(std::make_pair(core::slugify(row.series.measure), core::slugify(row.series.group)),
                                    std::make_pair(rv, &row));
        }
        root["targets"] = Value(targets);
        if (in.view) root["gap"] = figures_value(std::move(figures));
        ValueMap counts;
        int total = 0;
        for (const auto& [k, n] : status_counts) {
            counts[k] = Value(number_of(core::Exact(n), NumberUnit::Count, 0));
            total += n;
        }
        counts["total"] = Value(number_of(core::Exact(total), NumberUnit::Count, 0));
        root["status_counts"] = Value(counts);

        ValueList actions;
        for (const auto& r : mx.actions.rows) {
            const auto& a = *r.action;
            ValueMap av;
            av["id"] = Value(a.id);
            av["objective"] = Value(std::string(a.objective));
            av["action"] = Value(std::string(a.action));
            av["owner"] = Value(std::string(a.owner));
            av["start"] = a.start ? Value(*a.start) : Value("");
            av["due"] = Value(a.due);
            av["status"] = Value(metrics::status_word(r.status));
            av["status_key"] = Value(metrics::status_key(r.status));
            av["progress"] = Value(std::string(a.progress));
            av["last_updated"] = a.last_updated ? Value(*a.last_updated) : Value("");
            av["days_to_due"] = Value(number_of(core::Exact(r.days_to_due), NumberUnit::Count, 0));
            actions.push_back(Value(av));
        }
        root["actions"] = Value(actions);
        root["action_counts"] = Value(counts_value(mx.actions.overall));
        ValueList objectives;
        for (const auto& [name, c] : mx.actions.by_objective) {
            ValueMap ov = counts_value(c);
            ov["name"] = Value(name);
            objectives.push_back(Value(ov));
        }
        root["objectives"] = Value(objectives);
        ValueMap supp;
        supp["footnote"] = Value(mx.suppression_footnote);
        supp["min_cohort"] = Value(number_of(core::Exact(batch.min_cohort), NumberUnit::Count, 0));
        // Whether every gap of every target row, in every period, is suppressed, and why (a
        // report whose figures are all suppressed says so once instead of drawing empty charts).
        bool all = !mx.rows.empty();
        SuppressedWhy why;
        for (const auto& row : mx.rows) {
            if (row.series.points.empty()) all = false;
            for (const auto& p : row.series.points) {
                if (!p.suppressed()) all = false;
                why.add(&p);
            }
        }
        supp["all_suppressed"] = Value(all);
        why.put(supp, "");
        root["suppression"] = Value(supp);
    }

    if (in.metrics && in.view) root["statuses"] = statuses_value(cat, *in.view, in.metrics->area, sink);

    ValueMap measures;
    for (const auto& id : cat.measure_order) {
        const auto& m = *cat.measure(id);
        measures[core::slugify(id)] = Value(ValueMap{{"id", Value(m.id)},
                                                     {"label", Value(m.label)},
                                                     {"short_label", Value(m.short_label)}});
    }
    root["measures"] = Value(measures);

    ValueList sources;
    for (const auto& s : rep.sources)
        sources.push_back(Value(ValueMap{{"title", Value(s.title)}, {"url", Value(s.url)}}));
    root["sources"] = Value(sources);
    root["figure"] = cross_ref_value(RefKind::Figure);
    root["table"] = cross_ref_value(RefKind::Table);
    for (auto& [k, v] : in.extra) root[k] = v;

    // The report's own strings may name the entity, term and figures ("Setting progress report:
    // {{ entity.name }}"); then the narrative, which may name anything above.
    {
        Value partial(root);
        Expander ex(partial, sink);
        ValueMap r = root["report"].map();
        for (const char* key : {"title", "subtitle", "author", "organisation", "classification", "source"}) {
            const auto* v = std::get_if<std::string>(&r[key].data());
            if (v && v->find("{{") != std::string::npos)
                r[key] = Value(plain_text(ex.expand(*v, rep.where)));
        }
        root["report"] = Value(r);
    }
    Value partial(root);
    Expander ex(partial, sink);
    root["text"] = expand_text_tree(rep.text, ex);
    return Value(root);
}

}  // namespace engine::templating
