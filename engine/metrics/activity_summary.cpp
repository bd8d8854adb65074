#include "engine/metrics/activity_summary.h"

#include <map>
#include <set>

namespace engine::metrics {

std::optional<core::Exact> ActivityTotals::positive_pct() const {
    if (feedback_total <= 0) return std::nullopt;
    return core::Exact::ratio(100 * static_cast<core::Int128>(feedback_positive), feedback_total);
}

namespace {
struct Acc {
    ActivityTotals t;
    std::set<std::string> settings;
    void add(const data::Activity& a) {
        ++t.sessions;
        t.half_days += a.half_days;
        t.participants += a.participants.value_or(0);
        if (a.feedback_total) {
            t.feedback_total += *a.feedback_total;
            t.feedback_positive += a.feedback_positive.value_or(0);
        }
        settings.insert(a.setting_id);
    }
    ActivityTotals done(const std::string& name) {
        t.name = name;
        t.settings = static_cast<int>(settings.size());
        return t;
    }
};
}  // namespace

ActivitySummary summarise_activities(const std::vector<data::Activity>& activities,
                                     const data::EntityTable& settings,
                                     const std::string& setting_id) {
    Acc total;
    std::map<std::string, Acc> kinds, leaders, las;
    for (const auto& a : activities) {
        if (!setting_id.empty() && a.setting_id != setting_id) continue;
        total.add(a);
        kinds[a.kind].add(a);
        if (!a.leader.empty()) leaders[a.leader].add(a);
        const data::Entity* e = settings.find(a.setting_id);
        if (e && !e->la_name.empty()) las[e->la_name].add(a);
    }
    ActivitySummary s;
    s.total = total.done("");
    for (const auto& k : data::activity_kind_names())
        if (auto it = kinds.find(k); it != kinds.end()) s.by_kind.push_back(it->second.done(k));
    for (auto& [name, acc] : leaders) s.by_leader.push_back(acc.done(name));
    for (auto& [name, acc] : las) s.by_la.push_back(acc.done(name));
    return s;
}

}  // namespace engine::metrics
