#include "engine/batch/context_values.h"

namespace engine::batch {

templating::Value entity_value(const data::Entity& e, const std::vector<const data::Entity*>& members) {
    templating::ValueMap m;
    m["id"] = templating::Value(e.id);
    m["name"] = templating::Value(e.name);
    m["la_name"] = templating::Value(e.la_name);
    for (const auto& [k, v] : e.attributes) m.emplace(k, templating::Value(v));
    if (!members.empty()) {
        templating::ValueList list;
        for (const data::Entity* s : members) list.emplace_back(entity_value(*s));
        templating::ValueMap settings;
        settings.emplace("count", templating::Value(templating::number_of(
                                      core::Exact(members.size()), templating::NumberUnit::Count, 0)));
        settings.emplace("list", templating::Value(std::move(list)));
        m["settings"] = templating::Value(std::move(settings));
    }
    return templating::Value(m);
}

templating::Value term_value(const Term& t) {
    templating::ValueMap m;
    m["name"] = templating::Value(t.name);
    m["slug"] = templating::Value(t.slug());
    m["label"] = templating::Value(t.label());
    m["start"] = templating::Value(t.start);
    m["end"] = templating::Value(t.end);
    return templating::Value(m);
}

templating::Value settings_value(const data::EntityTable& settings) {
    using templating::Value;
    templating::ValueList list;
    std::map<std::string, int> by_la;
    for (const auto& e : settings.all()) {
        list.emplace_back(entity_value(e));
        if (!e.la_name.empty()) ++by_la[e.la_name];
    }
    templating::ValueList las;
    for (const auto& [la, n] : by_la)
        las.emplace_back(templating::ValueMap{
            {"la_name", Value(la)}, {"count", Value(templating::number_of(n, templating::NumberUnit::Count, 0))}});
    templating::ValueMap m;
    m.emplace("count", Value(templating::number_of(core::Exact(settings.all().size()),
                                                    templating::NumberUnit::Count, 0)));
    m.emplace("list", Value(std::move(list)));
    m.emplace("by_la", Value(std::move(las)));
    return Value(std::move(m));
}

templating::Value activity_value(const metrics::ActivitySummary& s) {
    using templating::Value;
    using templating::NumberUnit;
    // One format per column: days (and half days) print with a decimal in every row when any
    // row has a half, so "Days" never mixes 60 with 50.5.
    bool halves = false, half_days_halves = false;
    for (const auto* list : {&s.by_kind, &s.by_leader, &s.by_la})
        for (const auto& t : *list) {
            halves = halves || !(t.half_days / 2).is_whole();
            half_days_halves = half_days_halves || !t.half_days.is_whole();
        }
    halves = halves || !(s.total.half_days / 2).is_whole();
    half_days_halves = half_days_halves || !s.total.half_days.is_whole();
    const int days_dp = halves ? 1 : 0, half_days_dp = half_days_halves ? 1 : 0;
    auto totals = [&](const metrics::ActivityTotals& t) {
        templating::ValueMap m;
        m.emplace("name", Value(t.name));
        m.emplace("sessions", Value(templating::number_of(t.sessions, NumberUnit::Count, 0)));
        m.emplace("half_days", Value(templating::number_of(t.half_days, NumberUnit::Count, half_days_dp)));
        m.emplace("days", Value(templating::number_of(t.half_days / 2, NumberUnit::Count, days_dp)));
        m.emplace("participants", Value(templating::number_of(t.participants, NumberUnit::Count, 0)));
        m.emplace("feedback_positive", Value(templating::number_of(t.feedback_positive, NumberUnit::Count, 0)));
        m.emplace("feedback_total", Value(templating::number_of(t.feedback_total, NumberUnit::Count, 0)));
        m.emplace("settings", Value(templating::number_of(t.settings, NumberUnit::Count, 0)));
        m.emplace("positive_pct", Value::number(t.positive_pct(), NumberUnit::Percent, 0, data::Missing::NotAvailable));
        return Value(std::move(m));
    };
    auto list = [&](const std::vector<metrics::ActivityTotals>& v) {
        templating::ValueList l;
        for (const auto& t : v) l.push_back(totals(t));
        return Value(std::move(l));
    };
    templating::ValueMap m;
    m.emplace("total", totals(s.total));
    m.emplace("by_kind", list(s.by_kind));
    m.emplace("by_leader", list(s.by_leader));
    m.emplace("by_la", list(s.by_la));
    return Value(std::move(m));
}

templating::Value tables_value(
    const std::map<std::string, std::vector<std::vector<std::pair<std::string, std::string>>>>& tables) {
    templating::ValueMap out;
    for (const auto& [name, rows] : tables) {
        templating::ValueList list;
        for (const auto& row : rows) {
            templating::ValueMap m;
            for (const auto& [k, v] : row) m.emplace(k, templating::Value(v));
            list.emplace_back(std::move(m));
        }
        out.emplace(name, std::move(list));
    }
    return templating::Value(std::move(out));
}

}  // namespace engine::batch
