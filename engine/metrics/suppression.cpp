#include "engine/metrics/suppression.h"

#include <algorithm>
#include <set>

#include "engine/core/text.h"

namespace engine::metrics {

namespace {

using Partition = std::vector<std::string>;

/// Breakdowns of DfE / EES statistics whose groups add up to the total.
const std::vector<Partition>& known_breakdowns() {
    static const std::vector<Partition> v = {
        {"FSM eligible", "Not known to be FSM eligible"},
        {"FSM", "Not FSM"},
        {"Disadvantaged", "Not disadvantaged"},
        {"Disadvantaged", "Disadvantaged all other"},
        {"Disadvantaged", "All other pupils"},
        {"LAC", "non-LAC"},
        {"Looked after", "Not looked after"},
        {"CLA", "Not CLA"},
        {"SEN support", "EHC plan", "No SEN"},
        {"SEN support", "EHCP", "No SEN"},
        {"SEN support", "EHC plan", "No identified SEN"},
        {"SEN support", "SEN statement", "No SEN"},
        {"SEN support", "Statement or EHC plan", "No SEN"},
        {"SEN", "No SEN"},
        {"Any SEN", "No SEN"},
        {"Boys", "Girls"},
        {"Male", "Female"},
        {"First language known or believed to be English",
         "First language known or believed to be other than English", "Unclassified"},
    };
    return v;
}

bool contains_ci(const std::vector<std::string>& v, const std::string& s) {
    return std::any_of(v.begin(), v.end(), [&](const std::string& x) { return core::iequals_ascii(x, s); });
}

/// The group as the table spells it, or "" when the table has no such group.
std::string spelled(const std::vector<std::string>& groups, const std::string& name) {
    for (const auto& g : groups)
        if (core::iequals_ascii(g, name)) return g;
    return "";
}

bool same_partition(const Partition& a, const Partition& b) {
    if (a.size() != b.size()) return false;
    return std::all_of(a.begin(), a.end(), [&](const std::string& g) { return contains_ci(b, g); });
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

bool is_total_group(const std::string& group, const std::vector<std::string>& extra) {
    static const std::vector<std::string> names = {"Total", "All pupils", "All children", "All",
                                                   "All schools", "All settings"};
    return contains_ci(names, group) || contains_ci(extra, group);
}

std::vector<std::vector<std::string>> effective_partitions(
    const std::vector<std::vector<std::string>>& configured,
    const std::vector<std::string>& groups) {
    auto out = configured;
    auto add = [&](Partition p) {
        for (const auto& q : out)
            if (same_partition(p, q)) return;
        out.push_back(std::move(p));
    };
    // Known breakdowns with at least one group in the data, spelled as the data spells them:
    // a group whose complement is known but absent cannot be worked out from the total.
    for (const auto& known : known_breakdowns()) {
        Partition p;
        bool any = false;
        for (const auto& g : known) {
            std::string s = spelled(groups, g);
            any = any || !s.empty();
            p.push_back(s.empty() ? g : s);
        }
        if (any) add(std::move(p));
    }
    // Pairs by name.
    for (const auto& g : groups) {
        if (is_total_group(g)) continue;
        for (const std::string& other : {"Not " + g, "Non-" + g, "Non " + g, g + " all other",
                                         "Not known to be " + g}) {
            std::string s = spelled(groups, other);
            if (!s.empty()) add({g, s});
        }
    }
    return out;
}

SuppressedView::SuppressedView(const data::ObservationTable& table, SuppressionRules rules)
    : table_(table), rules_(std::move(rules)) {
    // Primary suppression.
    for (const auto& o : table_.rows()) {
        if (o.cohort && *o.cohort < rules_.min_cohort && o.value.has_number())
            decisions_[&o] = SuppressionReason::SmallCohort;
    }
    if (!rules_.secondary) {
        count_decisions();
        return;
    }

    auto hidden = [&](const data::Observation* m) {
        return decisions_.count(m) > 0 || m->value.missing == data::Missing::Suppressed;
    };
    // Names are matched without regard to case once, here, against the groups of the data,
    // so the passes over the rows below compare exact spellings only.
    const std::vector<std::string> groups = table_.groups();
    auto partitions = effective_partitions(rules_.partitions, groups);
    // Only a partition all of whose groups are in the data can be complete in a slice.
    std::map<std::string, std::vector<std::size_t>> led_by;  // group -> such partitions it comes first in
    std::set<std::string> accounted;                         // groups in some partition
    std::map<std::string, int> complete_memberships;
    for (std::size_t i = 0; i < partitions.size(); ++i) {
        bool all_present = true;
        for (auto& g : partitions[i]) {
            std::string sp = spelled(groups, g);
            all_present = all_present && !sp.empty();
            if (!sp.empty()) g = sp;
            accounted.insert(g);
        }
        if (!all_present) continue;
        led_by[partitions[i].front()].push_back(i);
        for (const auto& g : partitions[i]) ++complete_memberships[g];
    }
    // A group in two such partitions can pass a decision from one to the other.
    bool overlapping = std::any_of(complete_memberships.begin(), complete_memberships.end(),
                                   [](const auto& kv) { return kv.second > 1; });
    std::vector<std::string> totals, loose_groups;  // as the data spells them
    for (const auto& g : groups) {
        if (is_total_group(g, rules_.totals)) totals.push_back(g);
        else if (!accounted.count(g)) loose_groups.push_back(g);
    }
    auto find = [&](const data::Observation& o, const std::string& g) {
        return table_.find(o.measure, g, o.level, o.area, o.period);
    };

    // Secondary suppression within each partition all of whose groups have a row in the
    // slice (one measure, level, area and period): when exactly one member is hidden, hide
    // the visible member with the smallest cohort (first in order on ties). A group can be in
    // more than one partition, so then repeat until nothing changes.
    std::vector<const data::Observation*> members;
    bool changed = true;
    for (std::size_t pass = 0; changed && (pass == 0 || overlapping) && pass <= partitions.size(); ++pass) {
        changed = false;
        for (const auto& o : table_.rows()) {
            auto led = led_by.find(o.group);
            if (led == led_by.end()) continue;
            for (std::size_t pi : led->second) {
                const auto& part = partitions[pi];
                members.clear();
                for (const auto& g : part) {  // a member without a row is not published
                    const auto* m = find(o, g);
                    if (!m) break;
                    members.push_back(m);
                }
                if (members.size() < part.size()) continue;
                if (std::count_if(members.begin(), members.end(), hidden) != 1) continue;
                const data::Observation* pick = nullptr;
                for (auto* m : members) {
                    if (hidden(m) || !m->value.has_number()) continue;
                    double c = m->cohort.value_or(1e300);
                    if (!pick || c < pick->cohort.value_or(1e300)) pick = m;
                }
                if (pick) {
                    decisions_[pick] = SuppressionReason::Secondary;
                    changed = true;
                }
            }
        }
    }

    // Fail closed: in a slice with a total, a hidden group that belongs to no partition could
    // be worked out from the total and whichever groups make up its breakdown. Boardpack
    // cannot tell which those are, so it hides every group that might be one of them (every
    // group not in a partition), and says which partition entry would let it hide less.
    struct Pending {
        core::SourceLocation where;
        std::string total;
        std::string first_slice;
        std::size_t slices = 0;
    };
    std::map<std::pair<std::string, std::vector<std::string>>, Pending> pending;
    std::vector<const data::Observation*> loose;  // the slice's groups in no partition
    if (!loose_groups.empty()) {
        for (const auto& total : table_.rows()) {
            auto t = std::find(totals.begin(), totals.end(), total.group);
            if (t == totals.end()) continue;
            // A slice with two totals ("Total" and "All pupils") is visited once, at the first.
            if (std::any_of(totals.begin(), t, [&](const std::string& g) { return find(total, g) != nullptr; }))
                continue;
            loose.clear();
            for (const auto& g : loose_groups)
                if (const auto* m = find(total, g)) loose.push_back(m);
            for (auto* g : loose) {
                auto it = decisions_.find(g);
                bool by_breakdown = it != decisions_.end() && it->second == SuppressionReason::Breakdown;
                if (!hidden(g) || by_breakdown) continue;
                std::vector<std::string> siblings;
                for (auto* sib : loose) {
                    if (sib == g) continue;
                    siblings.push_back(sib->group);
                    if (!hidden(sib)) decisions_[sib] = SuppressionReason::Breakdown;
                }
                if (siblings.empty()) continue;
                std::sort(siblings.begin(), siblings.end());
                auto& p = pending[{g->group, siblings}];
                if (p.slices++ == 0) {
                    p.where = g->where;
                    p.total = total.group;
                    p.first_slice = g->measure + ", " + g->area + ", " + g->period.label();
                }
            }
        }
    }
    count_decisions();
    for (const auto& [key, p] : pending) {
        const auto& [group, siblings] = key;
        std::string more = p.slices > 1 ? " (and in " + plural(p.slices - 1, "other breakdown", "other breakdowns") + ")" : "";
        warnings_.push_back(
            {core::Severity::Warning, p.where,
             "group '" + group + "' is suppressed in " + p.first_slice + more +
                 ", and boardpack cannot name the groups that make up '" + p.total +
                 "' with it, so it also suppresses " + core::quoted_list(siblings) +
                 " there, to keep it from being worked out from the total",
             {"list the groups that add up to '" + p.total + "' in batch.suppression.partitions, e.g. "
              "partitions: [[" + group + ", Not " + group + "]], and only what is needed is suppressed"}});
    }
}

void SuppressedView::count_decisions() {
    for (const auto& o : table_.rows()) {
        auto it = decisions_.find(&o);
        if (it != decisions_.end()) ++counts_[{o.level, o.area}][it->second];
        else if (o.value.missing == data::Missing::Suppressed) ++counts_[{o.level, o.area}][SuppressionReason::Source];
    }
}

Cell SuppressedView::cell(const std::string& measure, const std::string& group,
                          const std::string& level, const std::string& area,
                          const data::Period& period) const {
    Cell c;
    const data::Observation* o = table_.find(measure, group, level, area, period);
    if (!o) return c;
    c.observation = o;
    c.cohort = o->cohort;
    auto it = decisions_.find(o);
    if (it != decisions_.end()) {
        c.suppression = it->second;
        c.missing = data::Missing::Suppressed;
        return c;
    }
    if (o->value.missing == data::Missing::Suppressed) {
        c.suppression = SuppressionReason::Source;
        c.missing = data::Missing::Suppressed;
        return c;
    }
    c.value = o->value.number;
    c.missing = o->value.missing;
    return c;
}

std::string SuppressedView::footnote() const {
    std::map<SuppressionReason, std::size_t> n;
    for (const auto& [area, by_reason] : counts_)
        for (const auto& [reason, k] : by_reason) n[reason] += k;
    return footnote_from(std::move(n));
}

std::string SuppressedView::footnote(const std::vector<AreaRef>& areas) const {
    std::map<SuppressionReason, std::size_t> n;
    for (const auto& [area, by_reason] : counts_) {
        bool shown = std::any_of(areas.begin(), areas.end(), [&](const AreaRef& a) {
            return a.first == area.first && (a.second.empty() || a.second == area.second);
        });
        if (shown)
            for (const auto& [reason, k] : by_reason) n[reason] += k;
    }
    return footnote_from(std::move(n));
}

std::string SuppressedView::footnote_from(std::map<SuppressionReason, std::size_t> n) const {
    std::string s = "Figures for groups of fewer than " + std::to_string(rules_.min_cohort) +
                    " children are suppressed and shown as c.";
    std::vector<std::string> done;
    if (n[SuppressionReason::SmallCohort])
        done.push_back(plural(n[SuppressionReason::SmallCohort], "figure is", "figures are") +
                       " suppressed for that reason");
    if (n[SuppressionReason::Source])
        done.push_back(plural(n[SuppressionReason::Source], "figure was", "figures were") +
                       " already suppressed in the data");
    if (n[SuppressionReason::Secondary])
        done.push_back(plural(n[SuppressionReason::Secondary], "more figure is", "more figures are") +
                       " suppressed so that a suppressed figure cannot be worked out from the total "
                       "and the other groups of its breakdown");
    if (n[SuppressionReason::Breakdown])
        done.push_back(plural(n[SuppressionReason::Breakdown], "more figure is", "more figures are") +
                       " suppressed because a suppressed group's breakdown is not known, so every "
                       "group that could make up the total with it is suppressed too");
    if (done.empty()) s += " No figure in this report needed suppressing.";
    else s += " In this report " + core::join(done, "; ") + ".";
    if (!rules_.secondary)
        s += " Secondary suppression is turned off (suppression.secondary: false): a suppressed "
             "figure may be worked out from a total and the other groups.";
    if (!done.empty()) s += " Gaps and changes that use a suppressed figure are suppressed as well.";
    return s;
}

}  // namespace engine::metrics
