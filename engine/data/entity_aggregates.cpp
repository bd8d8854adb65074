#include "engine/data/entity_aggregates.h"

#include <cmath>
#include <tuple>

namespace engine::data {

namespace {

// A count held as a double, as a whole number when it is one (cohorts and numerators are).
std::optional<core::Exact> whole(std::optional<double> d) {
    if (!d || !(*d >= 0) || *d > 9.0e15 || std::floor(*d) != *d) return std::nullopt;
    return core::Exact(static_cast<long long>(*d));
}

// The aggregate of one value × measure × group × period from its members' rows.
Observation aggregate(const ObservationTable& table, Unit unit, const std::vector<std::uint32_t>& members) {
    Observation o;
    const ObservationRef first = table.row(members.front());
    o.period = first.period();
    o.group = first.group();
    o.measure = first.measure();
    o.where = first.where();
    bool any_c = false, all_numbers = true;
    bool cohorts = true, numerators = true;
    core::Exact sum, weighted, cohort_sum, numerator_sum;
    for (std::uint32_t i : members) {
        const ObservationRef m = table.row(i);
        const Value v = m.value();
        if (!v.number) {
            all_numbers = false;
            any_c = any_c || v.missing == Missing::Suppressed;
            continue;
        }
        sum += *v.number;
        auto c = whole(m.cohort());
        auto n = whole(m.numerator());
        cohorts = cohorts && c && *c > 0;
        numerators = numerators && n;
        if (c) {
            cohort_sum += *c;
            weighted += *v.number * *c;
        }
        if (n) numerator_sum += *n;
    }
    if (!all_numbers) {
        o.value = any_c ? Value::missing_as(Missing::Suppressed, "c") : Value::missing_as(Missing::NotAvailable, "x");
        return o;
    }
    if (cohorts) o.cohort = cohort_sum.to_double();  // a sum of whole numbers: exact
    if (cohorts && numerators)
        o.numerator = numerator_sum.to_double();
    if (unit == Unit::Number) o.value = Value::of(sum);
    else if (unit == Unit::Percent && cohorts && numerators) o.value = Value::of(numerator_sum * 100 / cohort_sum);
    else if (cohorts) o.value = Value::of(weighted / cohort_sum);
    else o.value = Value::of(sum / core::Exact(static_cast<long long>(members.size())));
    return o;
}

}  // namespace

std::map<std::string, std::vector<const Entity*>> settings_by_value(const EntityTable& settings,
                                                                   const std::string& column) {
    std::map<std::string, std::vector<const Entity*>> out;
    for (const auto& e : settings.all()) {
        std::string v = e.get(column);
        if (!v.empty()) out[v].push_back(&e);
    }
    return out;
}

std::vector<AggregateRow> add_aggregates(ObservationTable& table, const Catalog& catalog,
                                         const std::string& column,
                                         const std::map<std::string, std::vector<const Entity*>>& groups) {
    std::vector<AggregateRow> out;
    for (const auto& [value, settings] : groups) {
        // (measure, group, period) -> the member rows, in settings-file order.
        std::map<std::tuple<std::string, std::string, int>, std::vector<std::uint32_t>> keys;
        std::map<int, Period> periods;
        for (const Entity* e : settings)
            for (const auto& measure : table.measures_at(kSetting, e->id))
                for (const auto& group : table.groups_in(measure, kSetting, e->id))
                    for (const auto& period : table.periods(measure, kSetting, e->id))
                        if (auto row = table.find(measure, group, kSetting, e->id, period))
                            keys[{measure, group, period.sort_key()}].push_back(row->index());
        for (const auto& [key, members] : keys) {
            const MeasureInfo* info = catalog.measure(std::get<0>(key));
            Observation o = aggregate(table, info ? info->unit : Unit::Percent, members);
            o.level = column;
            o.area = value;
            if (table.add(o) == -1)
                out.push_back({static_cast<std::uint32_t>(table.size() - 1), members});
        }
    }
    return out;
}

}  // namespace engine::data
