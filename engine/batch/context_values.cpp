#include "engine/batch/context_values.h"

#include <memory>
#include <mutex>

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

namespace {

// `settings`, each part worked out when a template first names it (once, whichever report's
// thread asks first): at 5,000 settings the list is about 4.5 MB of values, and most
// templates name only the count (docs/performance.md, "Memory at 5,000 settings").
class SettingsValue : public templating::LazyMap {
public:
    explicit SettingsValue(const data::EntityTable& settings)
        : settings_(&settings),
          count_(templating::number_of(core::Exact(settings.all().size()), templating::NumberUnit::Count, 0)) {}

    const templating::Value* get(const std::string& key) const override {
        if (key == "count") return &count_;
        if (key == "list") {
            std::call_once(list_once_, [this] {
                templating::ValueList list;
                for (const auto& e : settings_->all()) list.emplace_back(entity_value(e));
                list_ = templating::Value(std::move(list));
            });
            return &list_;
        }
        if (key == "by_la") {
            std::call_once(by_la_once_, [this] {
                std::map<std::string, int> by_la;
                for (const auto& e : settings_->all())
                    if (!e.la_name.empty()) ++by_la[e.la_name];
                templating::ValueList las;
                for (const auto& [la, n] : by_la)
                    las.emplace_back(templating::ValueMap{
                        {"la_name", templating::Value(la)},
                        {"count", templating::Value(templating::number_of(n, templating::NumberUnit::Count, 0))}});
                by_la_ = templating::Value(std::move(las));
            });
            return &by_la_;
        }
        return nullptr;
    }
    std::vector<std::string> hint_keys() const override { return {"by_la", "count", "list"}; }

private:
    const data::EntityTable* settings_;
    templating::Value count_;
    mutable std::once_flag list_once_, by_la_once_;
    mutable templating::Value list_, by_la_;
};

}  // namespace

templating::Value settings_value(const data::EntityTable& settings) {
    return templating::Value(std::shared_ptr<const templating::LazyMap>(std::make_shared<SettingsValue>(settings)));
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
