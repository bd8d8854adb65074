#include "engine/templating/figures.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "engine/core/text.h"
#include "engine/metrics/gap.h"

namespace engine::templating {

namespace {

using data::Missing;

// Levels searched for an area named after `in.`, in this order.
const char* const kLevels[] = {data::kLocalAuthority, data::kSetting, "Regional", data::kProject,
                               data::kNational};

// The fields of every figure row (docs/templates.md); target rows add the target's own.
const std::vector<std::string>& figure_fields() {
    static const std::vector<std::string> v = {
        "measure", "measure_label", "measure_short", "group", "group_label", "area", "area_level",
        "comparator", "comparator_label", "comparator_area", "period", "period_short",
        "previous_period", "value", "previous_value", "value_change", "comparator_value",
        "previous_comparator_value", "gap", "previous_gap", "change", "direction", "narrowed",
        "widened", "unchanged", "suppressed", "periods"};
    return v;
}
const char* const kQualifiers[] = {"vs", "in", "at", "from"};

struct State {
    FiguresInputs in;
    mutable std::once_flag areas_once;
    mutable std::map<std::string, std::vector<std::pair<std::string, std::string>>> areas_by_slug;

    const data::ObservationTable& table() const { return in.view->table(); }
    data::MeasureInfo measure(const std::string& id) const {
        if (const auto* m = in.catalog->measure(id)) return *m;
        data::MeasureInfo m;
        m.id = m.label = m.short_label = id;
        return m;
    }
    std::string national_area() const {
        const auto& nat = table().areas(data::kNational);
        return nat.empty() ? "England" : nat.front();
    }
    const std::map<std::string, std::vector<std::pair<std::string, std::string>>>& areas() const {
        std::call_once(areas_once, [&] {
            for (const char* level : kLevels)
                for (const auto& a : table().areas(level))
                    areas_by_slug[core::slugify(a)].emplace_back(level, a);
        });
        return areas_by_slug;
    }
    std::vector<std::string> measures() const {
        std::vector<std::string> out = in.catalog->measure_order;
        for (const auto& m : table().measures())
            if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
        return out;
    }
    bool has_group(const std::string& measure, const std::string& group) const {
        for (const char* level : kLevels)
            if (table().has_rows(measure, group, level)) return true;
        return false;
    }
    std::vector<std::string> groups_of(const std::string& measure) const {
        std::vector<std::string> out;
        for (const auto& g : table().groups())
            if (has_group(measure, g)) out.push_back(g);
        return out;
    }
};
using StatePtr = std::shared_ptr<const State>;

enum class Where { SameArea, National, LocalAuthority, Project };

struct ComparatorSpec {
    std::string group;
    Where where = Where::SameArea;
};

struct FigureSpec {
    std::string measure, group;
    std::string level, area;
    std::optional<ComparatorSpec> comparator;
    std::string at, from;  // period keys as written; empty: the defaults
    const ValueMap* target_fields = nullptr;  // an unqualified target row only
    std::optional<data::Period> baseline;  // a target's baseline_period, kept by qualifiers
    std::string path;  // "gap.gld.fsm.vs.not_fsm", for messages
};

// Children made on first use and kept, so the addresses get() hands out stay valid.
class CachingMap : public LazyMap {
protected:
    const Value* cached(const std::string& key, const std::function<std::optional<Value>()>& make) const {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = cache_.find(key); it != cache_.end()) return it->second.get();
        auto v = make();
        if (!v) return nullptr;
        return cache_.emplace(key, std::make_unique<Value>(std::move(*v))).first->second.get();
    }

private:
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::unique_ptr<Value>> cache_;
};

bool period_matches(const data::Period& p, const std::string& key) {
    return key == period_key(p) || key == core::slugify(p.short_label()) || key == p.code();
}

std::optional<std::pair<std::string, std::string>> comparator_place(const State& st, const FigureSpec& s,
                                                                    std::string& why) {
    const ComparatorSpec& c = *s.comparator;
    switch (c.where) {
        case Where::SameArea: return std::make_pair(s.level, s.area);
        case Where::National: return std::make_pair(std::string(data::kNational), st.national_area());
        case Where::Project: {
            const auto& p = st.table().areas(data::kProject);
            if (p.empty()) {
                why = "the data have no Project rows to compare with";
                return std::nullopt;
            }
            return std::make_pair(std::string(data::kProject), p.front());
        }
        case Where::LocalAuthority:
            if (s.level == data::kLocalAuthority) return std::make_pair(s.level, s.area);
            if (s.level == st.in.area.level && s.area == st.in.area.area && !st.in.area.la_name.empty())
                return std::make_pair(std::string(data::kLocalAuthority), st.in.area.la_name);
            why = "'" + s.area + "' has no local authority to compare with: 'la' is the local "
                  "authority of the setting a report is about";
            return std::nullopt;
    }
    return std::nullopt;
}

NumberUnit figure_unit_of(const data::MeasureInfo& m) {
    return m.unit == data::Unit::Percent ? NumberUnit::Percent
           : m.unit == data::Unit::Number ? NumberUnit::Count
                                          : NumberUnit::Plain;
}

// later − earlier, or missing: suppressed when either side is, else the first side's reason.
Value difference(const Value& later, const Value& earlier, int dp) {
    const auto* a = std::get_if<Number>(&later.data());
    const auto* b = std::get_if<Number>(&earlier.data());
    if (a && b) return Value(number_of(a->value - b->value, NumberUnit::Ppts, dp));
    const auto* ma = std::get_if<MissingNumber>(&later.data());
    const auto* mb = std::get_if<MissingNumber>(&earlier.data());
    if ((ma && ma->why == Missing::Suppressed) || (mb && mb->why == Missing::Suppressed))
        return Value(MissingNumber{Missing::Suppressed, NumberUnit::Ppts});
    Missing why = ma ? ma->why : mb ? mb->why : Missing::NotAvailable;
    if (why == Missing::None) why = Missing::NotAvailable;
    return Value(MissingNumber{why, NumberUnit::Ppts});
}

class Figure {
public:
    Figure(const State& st, const FigureSpec& s) : st_(st), s_(s), m_(st.measure(s.measure)) {}

    std::optional<ValueMap> build(std::string& why) {
        const auto& t = st_.table();
        periods_ = t.periods(s_.measure, s_.level, s_.area);
        // A fan-out unit's own area may lack what other units have: its figures are then
        // not recorded, not an error.
        const bool lenient = st_.in.fan_out && s_.level == st_.in.area.level && s_.area == st_.in.area.area;
        if (periods_.empty() && !lenient) {
            why = "'" + s_.area + "' (" + s_.level + ") has no rows for " + s_.measure;
            return std::nullopt;
        }
        if (!lenient && !has(t.groups_in(s_.measure, s_.level, s_.area), s_.group)) {
            why = "'" + s_.area + "' has no rows of group '" + s_.group + "' for " + s_.measure +
                  "; its groups are " + core::quoted_list(t.groups_in(s_.measure, s_.level, s_.area));
            return std::nullopt;
        }
        std::vector<data::Period> candidates = periods_;
        if (s_.comparator) {
            auto place = comparator_place(st_, s_, why);
            if (!place) return std::nullopt;
            std::tie(clevel_, carea_) = *place;
            auto groups = t.groups_in(s_.measure, clevel_, carea_);
            if (!(lenient && carea_ == s_.area) && !has(groups, s_.comparator->group)) {
                why = "'" + carea_ + "' has no rows of group '" + s_.comparator->group + "' for " +
                      s_.measure + " to compare with" +
                      (groups.empty() ? std::string() : "; its groups are " + core::quoted_list(groups));
                return std::nullopt;
            }
            for (const auto& p : t.periods(s_.measure, clevel_, carea_))
                if (std::find(candidates.begin(), candidates.end(), p) == candidates.end())
                    candidates.push_back(p);
            std::sort(candidates.begin(), candidates.end());
        }
        auto at = resolve(s_.at.empty() ? "latest" : s_.at, candidates, why);
        if (!why.empty()) return std::nullopt;
        std::optional<data::Period> from;
        if (!s_.from.empty()) {
            from = resolve(s_.from, candidates, why);
            if (!why.empty()) return std::nullopt;
        } else if (at) {
            for (const auto& p : periods_)
                if (p < *at) from = p;
        }
        return fields(at, from);
    }

    // The slice's periods with the comparator's, for hints.
    static std::vector<std::string> period_keys(const State& st, const FigureSpec& s) {
        std::vector<std::string> out = {"latest", "previous", "first", "baseline"};
        for (const auto& p : st.table().periods(s.measure, s.level, s.area)) out.push_back(period_key(p));
        return out;
    }

private:
    static bool has(const std::vector<std::string>& v, const std::string& x) {
        return std::find(v.begin(), v.end(), x) != v.end();
    }
    bool group_row(const data::Period& p) const {
        return st_.table().find(s_.measure, s_.group, s_.level, s_.area, p).has_value();
    }
    std::optional<data::Period> resolve(const std::string& key, const std::vector<data::Period>& candidates,
                                        std::string& why) const {
        std::optional<data::Period> latest, first;
        for (const auto& p : periods_)
            if (group_row(p)) {
                if (!first) first = p;
                latest = p;
            }
        if (key == "latest") return latest;
        if (key == "first") return first;
        if (key == "previous") {
            std::optional<data::Period> prev;
            for (const auto& p : periods_)
                if (latest && p < *latest) prev = p;
            return prev;
        }
        if (key == "baseline") return s_.baseline ? s_.baseline : first;
        for (const auto& p : candidates)
            if (period_matches(p, key)) return p;
        std::vector<std::string> known;
        for (const auto& p : candidates) known.push_back(p.label());
        why = "no period '" + key + "' for " + s_.measure + " in '" + s_.area + "'" +
              (known.empty() ? std::string() : "; its periods are " + core::quoted_list(known));
        return std::nullopt;
    }

    Value value_at(const std::optional<data::Period>& p, bool comparator) const {
        if (!p) return Value(MissingNumber{Missing::NotAvailable, figure_unit_of(m_)});
        const metrics::Cell c = comparator ? st_.in.view->cell(s_.measure, s_.comparator->group, clevel_, carea_, *p)
                                           : st_.in.view->cell(s_.measure, s_.group, s_.level, s_.area, *p);
        return Value::number(c.value, figure_unit_of(m_), m_.dp, c.missing);
    }
    // comparator − group (the measure's polarity), or missing as the first side that is.
    Value gap_at(const std::optional<data::Period>& p) const {
        const Value g = value_at(p, false), c = value_at(p, true);
        const auto* gn = std::get_if<Number>(&g.data());
        const auto* cn = std::get_if<Number>(&c.data());
        if (gn && cn) return Value(number_of(metrics::gap_between(gn->value, cn->value, m_.polarity), NumberUnit::Ppts, m_.dp));
        // Either side missing: the gap is missing for the same reason (suppressed first).
        Value d = difference(g, c, m_.dp);
        return d;
    }

    ValueMap fields(const std::optional<data::Period>& at, const std::optional<data::Period>& from) const {
        ValueMap v;
        if (s_.target_fields) v = *s_.target_fields;
        auto put = [&](const std::string& k, Value x) { v.emplace(k, std::move(x)); };
        put("measure", Value(m_.id));
        put("measure_label", Value(m_.label));
        put("measure_short", Value(m_.short_label));
        put("group", Value(s_.group));
        put("group_label", Value(st_.in.catalog->group_label(s_.group)));
        put("area", Value(s_.area));
        put("area_level", Value(s_.level));
        put("period", Value(at ? at->label() : ""));
        put("period_short", Value(at ? at->short_label() : ""));
        put("previous_period", Value(from ? from->label() : ""));
        const Value value = value_at(at, false), previous = value_at(from, false);
        put("value", value);
        put("previous_value", previous);
        put("value_change", difference(value, previous, m_.dp));
        const metrics::Cell latest = at ? st_.in.view->cell(s_.measure, s_.group, s_.level, s_.area, *at) : metrics::Cell{};
        bool suppressed = latest.suppressed();
        ValueList periods;
        if (s_.comparator) {
            std::string label = st_.in.catalog->group_label(s_.comparator->group);
            if (carea_ != s_.area) label += " (" + carea_ + ")";
            put("comparator", Value(s_.comparator->group));
            put("comparator_label", Value(label));
            put("comparator_area", Value(carea_));
            put("comparator_value", value_at(at, true));
            put("previous_comparator_value", value_at(from, true));
            const Value gap = gap_at(at), previous_gap = gap_at(from);
            put("gap", gap);
            put("previous_gap", previous_gap);
            const Value change = difference(gap, previous_gap, m_.dp);
            put("change", change);
            std::string direction;
            if (const auto* n = std::get_if<Number>(&change.data()))
                direction = metrics::direction_word(metrics::direction_of(n->value, m_.dp));
            put("direction", Value(direction));
            put("narrowed", Value(direction == "narrowed"));
            put("widened", Value(direction == "widened"));
            put("unchanged", Value(direction == "unchanged"));
            if (at) suppressed = suppressed || st_.in.view->cell(s_.measure, s_.comparator->group, clevel_, carea_, *at).suppressed();
        }
        put("suppressed", Value(suppressed));
        std::optional<data::Period> prev;
        for (const auto& p : periods_) {
            ValueMap row;
            row["period"] = Value(p.label());
            row["period_short"] = Value(p.short_label());
            row["value"] = value_at(p, false);
            row["value_change"] = prev ? difference(row["value"], value_at(prev, false), m_.dp)
                                       : Value(MissingNumber{Missing::NotAvailable, NumberUnit::Ppts});
            if (s_.comparator) {
                row["comparator_value"] = value_at(p, true);
                row["gap"] = gap_at(p);
                row["change"] = prev ? difference(row["gap"], gap_at(prev), m_.dp)
                                     : Value(MissingNumber{Missing::NotAvailable, NumberUnit::Ppts});
            }
            periods.push_back(Value(std::move(row)));
            prev = p;
        }
        put("periods", Value(std::move(periods)));
        return v;
    }

    const State& st_;
    const FigureSpec& s_;
    const data::MeasureInfo m_;
    std::vector<data::Period> periods_;
    std::string clevel_, carea_;
};

enum class Qualifier { Vs, In, At, From };

class FigureNode : public CachingMap {
public:
    FigureNode(StatePtr st, FigureSpec s) : st_(std::move(st)), s_(std::move(s)) {}

    const Value* get(const std::string& key) const override;
    std::vector<std::string> hint_keys() const override {
        std::vector<std::string> out(std::begin(kQualifiers), std::end(kQualifiers));
        if (s_.target_fields)
            for (const auto& [k, v] : *s_.target_fields) out.push_back(k);
        for (const auto& f : figure_fields())
            if (s_.comparator || !is_comparator_field(f)) out.push_back(f);
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }
    std::string why_not(const std::string& key) const override {
        std::string why;
        fields(why);
        if (!why.empty()) return why;
        if (!s_.comparator && is_comparator_field(key))
            return "'" + s_.path + "' has no comparator (it is no target's row): name one, e.g. '" +
                   s_.path + ".vs.<group>." + key + "' or '" + s_.path + ".vs.england." + key + "'";
        return "";
    }

private:
    static bool is_comparator_field(const std::string& f) {
        static const std::vector<std::string> v = {
            "comparator", "comparator_label", "comparator_area", "comparator_value",
            "previous_comparator_value", "gap", "previous_gap", "change", "direction",
            "narrowed", "widened", "unchanged"};
        return std::find(v.begin(), v.end(), f) != v.end();
    }
    const Value* fields(std::string& why) const {
        std::call_once(once_, [&] {
            auto v = Figure(*st_, s_).build(failure_);
            if (v) {
                fields_ = Value(std::move(*v));
            } else if (s_.target_fields) {
                // A target's row always has its fields (the report says why it has no data).
                fields_ = Value(*s_.target_fields);
                failure_.clear();
            }
        });
        why = failure_;
        return failure_.empty() ? &fields_ : nullptr;
    }

    StatePtr st_;
    FigureSpec s_;
    mutable std::once_flag once_;
    mutable Value fields_;
    mutable std::string failure_;
};

class QualifierNode : public CachingMap {
public:
    QualifierNode(StatePtr st, FigureSpec s, Qualifier q) : st_(std::move(st)), s_(std::move(s)), q_(q) {}

    const Value* get(const std::string& key) const override {
        return cached(key, [&]() -> std::optional<Value> {
            std::string why;
            auto spec = apply(key, why);
            if (!spec) return std::nullopt;
            return Value(std::shared_ptr<const LazyMap>(std::make_shared<FigureNode>(st_, std::move(*spec))));
        });
    }
    std::vector<std::string> hint_keys() const override {
        switch (q_) {
            case Qualifier::Vs: {
                std::vector<std::string> out = {"england", "la", "project"};
                for (const auto& g : st_->groups_of(s_.measure)) out.push_back(core::slugify(g));
                return out;
            }
            case Qualifier::In: return {"england", "la", "project"};
            case Qualifier::At:
            case Qualifier::From: return Figure::period_keys(*st_, s_);
        }
        return {};
    }
    std::vector<std::string> all_keys() const override {
        if (q_ == Qualifier::In) {
            std::vector<std::string> out = hint_keys();
            out.push_back("national");
            for (const auto& [slug, places] : st_->areas()) out.push_back(slug);
            return out;
        }
        if (q_ == Qualifier::Vs) {
            std::vector<std::string> out = hint_keys();
            out.push_back("national");
            for (const auto& g : st_->groups_of(s_.measure))
                for (const char* where : {"england_", "national_", "la_", "project_"})
                    out.push_back(where + core::slugify(g));
            return out;
        }
        return hint_keys();
    }
    std::string why_not(const std::string& key) const override {
        std::string why;
        apply(key, why);
        return why;
    }

private:
    std::optional<std::string> group_named(const std::string& slug) const {
        for (const auto& g : st_->groups_of(s_.measure))
            if (core::slugify(g) == slug) return g;
        return std::nullopt;
    }

    std::optional<FigureSpec> apply(const std::string& key, std::string& why) const {
        FigureSpec s = s_;
        s.target_fields = nullptr;
        s.path += std::string(".") + kQualifiers[static_cast<int>(q_)] + "." + key;
        switch (q_) {
            case Qualifier::Vs: {
                if (auto g = group_named(key)) {
                    s.comparator = ComparatorSpec{*g, Where::SameArea};
                    return s;
                }
                struct Prefix { const char* name; Where where; };
                for (const Prefix& p : {Prefix{"england", Where::National}, Prefix{"national", Where::National},
                                        Prefix{"la", Where::LocalAuthority}, Prefix{"project", Where::Project}}) {
                    const std::string name = p.name;
                    if (key == name) {
                        s.comparator = ComparatorSpec{s.group, p.where};
                        return s;
                    }
                    if (key.rfind(name + "_", 0) == 0)
                        if (auto g = group_named(key.substr(name.size() + 1))) {
                            s.comparator = ComparatorSpec{*g, p.where};
                            return s;
                        }
                }
                why = "'" + key + "' is no group of " + s_.measure +
                      " nor england, la or project (optionally followed by _<group>)";
                return std::nullopt;
            }
            case Qualifier::In: {
                if (key == "england" || key == "national") {
                    s.level = data::kNational;
                    s.area = st_->national_area();
                    return s;
                }
                if (key == "project") {
                    const auto& p = st_->table().areas(data::kProject);
                    if (p.empty()) {
                        why = "the data have no Project rows";
                        return std::nullopt;
                    }
                    s.level = data::kProject;
                    s.area = p.front();
                    return s;
                }
                if (key == "la") {
                    const auto& a = st_->in.area;
                    if (a.level == data::kLocalAuthority) {
                        s.level = a.level;
                        s.area = a.area;
                        return s;
                    }
                    if (a.la_name.empty()) {
                        why = "'la' is the local authority of the setting (or the local authority) a "
                              "report is about, and this report's area '" + a.area + "' has none";
                        return std::nullopt;
                    }
                    s.level = data::kLocalAuthority;
                    s.area = a.la_name;
                    return s;
                }
                const auto& areas = st_->areas();
                auto it = areas.find(key);
                if (it == areas.end()) {
                    why = "no area of the data is named '" + key + "'";
                    return std::nullopt;
                }
                if (it->second.size() > 1) {
                    std::vector<std::string> levels;
                    for (const auto& [level, area] : it->second) levels.push_back(level);
                    why = "'" + key + "' names areas at several levels (" + core::quoted_list(levels) + ")";
                    return std::nullopt;
                }
                s.level = it->second.front().first;
                s.area = it->second.front().second;
                return s;
            }
            case Qualifier::At:
            case Qualifier::From: {
                (q_ == Qualifier::At ? s.at : s.from) = key;
                // Refuse a period the figure does not have now, so the hint can list them.
                Figure f(*st_, s);
                std::string err;
                f.build(err);
                if (err.rfind("no period '", 0) == 0) {
                    why = err;
                    return std::nullopt;
                }
                return s;
            }
        }
        return std::nullopt;
    }

    StatePtr st_;
    FigureSpec s_;
    Qualifier q_;
};

const Value* FigureNode::get(const std::string& key) const {
    for (int i = 0; i < 4; ++i)
        if (key == kQualifiers[i])
            return cached(key, [&]() -> std::optional<Value> {
                return Value(std::shared_ptr<const LazyMap>(
                    std::make_shared<QualifierNode>(st_, s_, static_cast<Qualifier>(i))));
            });
    std::string why;
    const Value* f = fields(why);
    return f ? f->get(key) : nullptr;
}

class MeasureNode : public CachingMap {
public:
    MeasureNode(StatePtr st, std::string measure) : st_(std::move(st)), measure_(std::move(measure)) {}

    const Value* get(const std::string& key) const override {
        return cached(key, [&]() -> std::optional<Value> {
            for (const auto& g : st_->groups_of(measure_)) {
                if (core::slugify(g) != key) continue;
                FigureSpec s;
                s.measure = measure_;
                s.group = g;
                s.level = st_->in.area.level;
                s.area = st_->in.area.area;
                s.path = "gap." + core::slugify(measure_) + "." + key;
                auto t = st_->in.targets.find({core::slugify(measure_), key});
                if (t != st_->in.targets.end()) {
                    const metrics::GapRow* row = t->second.second;
                    s.target_fields = &t->second.first;
                    if (row->target) s.baseline = row->target->baseline;
                    const auto& c = row->series.comparator;
                    s.comparator = ComparatorSpec{c.group, c.national ? Where::National
                                                           : c.local_authority ? Where::LocalAuthority
                                                                               : Where::SameArea};
                }
                return Value(std::shared_ptr<const LazyMap>(std::make_shared<FigureNode>(st_, std::move(s))));
            }
            return std::nullopt;
        });
    }
    std::vector<std::string> hint_keys() const override {
        std::vector<std::string> out;
        for (const auto& g : st_->groups_of(measure_)) out.push_back(core::slugify(g));
        return out;
    }
    std::string why_not(const std::string& key) const override {
        return "'" + key + "' is no group with rows of " + measure_;
    }

private:
    StatePtr st_;
    std::string measure_;
};

class RootNode : public CachingMap {
public:
    explicit RootNode(StatePtr st) : st_(std::move(st)) {}

    const Value* get(const std::string& key) const override {
        return cached(key, [&]() -> std::optional<Value> {
            for (const auto& m : st_->measures())
                if (core::slugify(m) == key)
                    return Value(std::shared_ptr<const LazyMap>(std::make_shared<MeasureNode>(st_, m)));
            return std::nullopt;
        });
    }
    std::vector<std::string> hint_keys() const override {
        std::vector<std::string> out;
        for (const auto& m : st_->measures()) out.push_back(core::slugify(m));
        return out;
    }

private:
    StatePtr st_;
};

}  // namespace

std::string period_key(const data::Period& p) { return core::slugify(p.label()); }

Value figures_value(FiguresInputs in) {
    auto st = std::make_shared<State>();
    st->in = std::move(in);
    return Value(std::shared_ptr<const LazyMap>(std::make_shared<RootNode>(st)));
}

}  // namespace engine::templating
