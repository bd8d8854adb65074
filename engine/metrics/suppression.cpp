#include "engine/metrics/suppression.h"

#include <algorithm>
#include <atomic>
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

namespace {
std::atomic<std::uint64_t> next_view_uid{1};
}  // namespace

// The batch-wide part of secondary suppression, once: the partitions that can be complete in a
// slice, the totals and the groups in no partition, matched against the groups of the data.
SuppressedView::Plan SuppressedView::make_plan() const {
    Plan plan;
    // Names are matched without regard to case once, here, against the groups of the data,
    // so the passes over the rows compare exact spellings only.
    const std::vector<std::string>& groups = table_.groups();
    plan.partitions = effective_partitions(rules_.partitions, groups);
    // Only a partition all of whose groups are in the data can be complete in a slice.
    std::set<std::string> accounted;  // groups in some partition
    std::map<std::string, int> complete_memberships;
    for (std::size_t i = 0; i < plan.partitions.size(); ++i) {
        bool all_present = true;
        for (auto& g : plan.partitions[i]) {
            std::string sp = spelled(groups, g);
            all_present = all_present && !sp.empty();
            if (!sp.empty()) g = sp;
            accounted.insert(g);
        }
        if (!all_present) continue;
        plan.led_by[plan.partitions[i].front()].push_back(i);
        for (const auto& g : plan.partitions[i]) ++complete_memberships[g];
    }
    // A group in two such partitions can pass a decision from one to the other.
    plan.overlapping = std::any_of(complete_memberships.begin(), complete_memberships.end(),
                                   [](const auto& kv) { return kv.second > 1; });
    for (const auto& g : groups) {
        if (is_total_group(g, rules_.totals)) plan.totals.push_back(g);
        else if (!accounted.count(g)) plan.loose_groups.push_back(g);
    }
    return plan;
}

namespace {

// Calls fn on every resident row, or on every row of a block, in order.
struct ResidentRows {
    const data::ObservationTable& t;
    template <class Fn>
    void operator()(Fn&& fn) const {
        for (std::uint32_t i = 0; i < t.resident_size(); ++i) fn(t.row(i));
    }
};
struct BlockRows {
    const data::ObservationTable& t;
    const data::AreaBlock& b;
    template <class Fn>
    void operator()(Fn&& fn) const {
        for (std::uint32_t i = 0; i < b.rows.size(); ++i) fn(data::ObservationRef(t, b, i));
    }
};

}  // namespace

// Decisions are made within a slice (one measure, level, area and period), so a set of whole
// slices — the resident rows, or one setting's block — is decided on its own, in row order.
template <class Each>
void SuppressedView::decide_rows(const Each& each, std::map<PendingKey, Pending>* pending) {
    // Primary suppression.
    each([&](const data::ObservationRef& o) {
        auto cohort = o.cohort();
        if (cohort && *cohort < rules_.min_cohort && o.has_number()) decide(o, SuppressionReason::SmallCohort);
    });
    if (!rules_.secondary) return;

    auto hidden = [&](const data::ObservationRef& m) {
        return decision(m) != SuppressionReason::None || m.missing() == data::Missing::Suppressed;
    };
    auto find = [&](const data::ObservationRef& o, const std::string& g) { return table_.sibling(o, g); };

    // Secondary suppression within each partition all of whose groups have a row in the
    // slice: when exactly one member is hidden, hide the visible member with the smallest
    // cohort (first in order on ties). A group can be in more than one partition, so then
    // repeat until nothing changes.
    std::vector<data::ObservationRef> members;
    bool changed = true;
    for (std::size_t pass = 0; changed && (pass == 0 || plan_.overlapping) && pass <= plan_.partitions.size(); ++pass) {
        changed = false;
        each([&](const data::ObservationRef& o) {
            auto led = plan_.led_by.find(o.group());
            if (led == plan_.led_by.end()) return;
            for (std::size_t pi : led->second) {
                const auto& part = plan_.partitions[pi];
                members.clear();
                for (const auto& g : part) {  // a member without a row is not published
                    auto m = g == o.group() ? std::optional(o) : find(o, g);  // o leads: no lookup
                    if (!m) break;
                    members.push_back(*m);
                }
                if (members.size() < part.size()) continue;
                if (std::count_if(members.begin(), members.end(), hidden) != 1) continue;
                std::optional<data::ObservationRef> pick;
                for (const auto& m : members) {
                    if (hidden(m) || !m.has_number()) continue;
                    double c = m.cohort().value_or(1e300);
                    if (!pick || c < pick->cohort().value_or(1e300)) pick = m;
                }
                if (pick) {
                    decide(*pick, SuppressionReason::Secondary);
                    changed = true;
                }
            }
        });
    }

    // Fail closed: in a slice with a total, a hidden group that belongs to no partition could
    // be worked out from the total and whichever groups make up its breakdown. Boardpack
    // cannot tell which those are, so it hides every group that might be one of them (every
    // group not in a partition), and says which partition entry would let it hide less.
    if (plan_.loose_groups.empty()) return;
    const auto& totals = plan_.totals;
    std::vector<data::ObservationRef> loose;  // the slice's groups in no partition
    each([&](const data::ObservationRef& total) {
        auto t = std::find(totals.begin(), totals.end(), total.group());
        if (t == totals.end()) return;
        // A slice with two totals ("Total" and "All pupils") is visited once, at the first.
        if (std::any_of(totals.begin(), t, [&](const std::string& g) { return find(total, g).has_value(); }))
            return;
        loose.clear();
        for (const auto& g : plan_.loose_groups)
            if (auto m = find(total, g)) loose.push_back(*m);
        for (const auto& g : loose) {
            if (!hidden(g) || decision(g) == SuppressionReason::Breakdown) continue;
            std::vector<std::string> siblings;
            for (const auto& sib : loose) {
                if (sib == g) continue;
                siblings.push_back(sib.group());
                if (!hidden(sib)) decide(sib, SuppressionReason::Breakdown);
            }
            if (siblings.empty() || !pending) continue;
            std::sort(siblings.begin(), siblings.end());
            auto& p = (*pending)[{g.group(), siblings}];
            // Named at the first slice in file order (the resident rows are decided first).
            if (p.slices++ == 0 || total.order() < p.first) {
                p.first = total.order();
                p.where = g.where();
                p.total = total.group();
                p.first_slice = g.measure() + ", " + g.area() + ", " + g.period().label();
            }
        }
    });
}

SuppressedView::SuppressedView(const data::ObservationTable& table, SuppressionRules rules)
    : table_(table), rules_(std::move(rules)), uid_(next_view_uid.fetch_add(1, std::memory_order_relaxed)) {
    if (rules_.secondary) plan_ = make_plan();
    std::map<PendingKey, Pending> pending;
    decisions_.assign(table_.resident_size(), SuppressionReason::None);
    decide_rows(ResidentRows{table_}, &pending);
    count_decisions();
    // Each setting's block, read back one at a time: its decisions are counted, then dropped
    // with it, and made again from the block alone when a report reads it (block_marks).
    table_.for_each_block([&](const data::AreaBlock& b) {
        b.marks.assign(b.rows.size(), static_cast<std::uint8_t>(SuppressionReason::None));
        b.marked_by = uid_;
        decide_rows(BlockRows{table_, b}, &pending);
        for (const auto& [reason, k] : block_counts(b)) level_counts_[data::kSetting][reason] += k;
        spilled_suppressed_ += b.marks.size() - static_cast<std::size_t>(std::count(
                                                    b.marks.begin(), b.marks.end(),
                                                    static_cast<std::uint8_t>(SuppressionReason::None)));
    });
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

void SuppressedView::block_marks(const data::AreaBlock& b) const {
    if (b.marked_by == uid_) return;
    b.marks.assign(b.rows.size(), static_cast<std::uint8_t>(SuppressionReason::None));
    b.marked_by = uid_;
    // Writes only the block's marks (the block is this thread's): the view itself is unchanged.
    const_cast<SuppressedView*>(this)->decide_rows(BlockRows{table_, b}, nullptr);
}

SuppressionReason SuppressedView::decision(const data::ObservationRef& o) const {
    if (const data::AreaBlock* b = o.block()) {
        block_marks(*b);
        return static_cast<SuppressionReason>(b->marks[o.index()]);
    }
    return decisions_[o.index()];
}

void SuppressedView::decide(const data::ObservationRef& o, SuppressionReason r) {
    if (const data::AreaBlock* b = o.block()) b->marks[o.index()] = static_cast<std::uint8_t>(r);
    else decisions_[o.index()] = r;
}

std::map<SuppressionReason, std::size_t> SuppressedView::block_counts(const data::AreaBlock& b) const {
    std::map<SuppressionReason, std::size_t> n;
    for (std::uint32_t i = 0; i < b.rows.size(); ++i) {
        const data::ObservationRef o(table_, b, i);
        SuppressionReason r = decision(o);
        if (r == SuppressionReason::None && o.missing() == data::Missing::Suppressed) r = SuppressionReason::Source;
        if (r != SuppressionReason::None) ++n[r];
    }
    return n;
}

void SuppressedView::protect_aggregates(const std::vector<data::AggregateRow>& aggregates) {
    if (aggregates.empty()) return;  // (their rows are resident: load_batch spills no settings then)
    for (const auto& a : aggregates) {
        const data::ObservationRef o = table_.row(a.row);
        if (decision(o) != SuppressionReason::None || !o.has_number()) continue;
        for (std::uint32_t m : a.members) {
            const data::ObservationRef member = table_.row(m);
            if (decision(member) != SuppressionReason::None || member.missing() == data::Missing::Suppressed) {
                decide(o, SuppressionReason::Aggregate);
                break;
            }
        }
    }
    counts_.clear();
    level_counts_.clear();
    count_decisions();
}

void SuppressedView::count_decisions() {
    for (std::uint32_t i = 0; i < table_.resident_size(); ++i) {
        const data::ObservationRef o = table_.row(i);
        SuppressionReason r = decision(o);
        if (r == SuppressionReason::None && o.missing() == data::Missing::Suppressed) r = SuppressionReason::Source;
        if (r == SuppressionReason::None) continue;
        ++counts_[{o.level(), o.area()}][r];
        ++level_counts_[o.level()][r];
    }
}

Cell SuppressedView::cell(const std::string& measure, const std::string& group,
                          const std::string& level, const std::string& area,
                          const data::Period& period) const {
    Cell c;
    const auto o = table_.find(measure, group, level, area, period);
    if (!o) return c;
    c.observation = o;
    c.cohort = o->cohort();
    if (SuppressionReason r = decision(*o); r != SuppressionReason::None) {
        c.suppression = r;
        c.missing = data::Missing::Suppressed;
        return c;
    }
    if (o->missing() == data::Missing::Suppressed) {
        c.suppression = SuppressionReason::Source;
        c.missing = data::Missing::Suppressed;
        return c;
    }
    const data::Value v = o->value();
    c.value = v.number;
    c.missing = v.missing;
    return c;
}

std::string SuppressedView::footnote() const {
    std::map<SuppressionReason, std::size_t> n;
    for (const auto& [level, by_reason] : level_counts_)
        for (const auto& [reason, k] : by_reason) n[reason] += k;
    return footnote_from(std::move(n));
}

std::string SuppressedView::footnote(const std::vector<AreaRef>& areas) const {
    // Looked up per area named (a whole level from its own sum), never a pass over every area.
    // Each suppressed figure counts once, however many of `areas` name its area.
    std::map<SuppressionReason, std::size_t> n;
    auto add = [&](const std::map<SuppressionReason, std::size_t>& by_reason) {
        for (const auto& [reason, k] : by_reason) n[reason] += k;
    };
    std::set<std::string> whole_levels;
    for (const auto& a : areas)
        if (a.second.empty() && whole_levels.insert(a.first).second)
            if (auto it = level_counts_.find(a.first); it != level_counts_.end()) add(it->second);
    std::set<AreaRef> named;
    for (const auto& a : areas)
        if (!a.second.empty() && !whole_levels.count(a.first) && named.insert(a).second) {
            if (auto it = counts_.find(a); it != counts_.end()) add(it->second);
            else if (a.first == data::kSetting)  // a spilled setting: counted from its block
                if (const data::AreaBlock* b = table_.block_of(a.second)) add(block_counts(*b));
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
    if (n[SuppressionReason::Aggregate])
        done.push_back(plural(n[SuppressionReason::Aggregate], "more figure is", "more figures are") +
                       " suppressed because each is made of a suppressed figure of one of its settings, "
                       "which it could reveal");
    if (done.empty()) s += " No figure in this report needed suppressing.";
    else s += " In this report " + core::join(done, "; ") + ".";
    if (!rules_.secondary)
        s += " Secondary suppression is turned off (suppression.secondary: false): a suppressed "
             "figure may be worked out from a total and the other groups.";
    if (!done.empty()) s += " Gaps and changes that use a suppressed figure are suppressed as well.";
    return s;
}

}  // namespace engine::metrics
