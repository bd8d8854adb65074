#include "engine/data/records.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "engine/core/text.h"
#include "engine/data/csv_columns.h"

namespace engine::data {

namespace {

// Dimensions of the counter table: areas of learning (+ GLD) and periods per records file.
constexpr int kMaxAreas = 16, kMaxPeriods = 32;

// string_view -> small integer, without allocating on lookups.
struct SvHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
class Interner {
public:
    int find(std::string_view s) const {
        auto it = ids_.find(s);
        return it == ids_.end() ? -1 : it->second;
    }
    int intern(std::string_view s) {
        auto it = ids_.find(s);
        if (it != ids_.end()) return it->second;
        int id = static_cast<int>(names_.size());
        names_.emplace_back(s);
        ids_.emplace(names_.back(), id);
        return id;
    }
    const std::string& name(int id) const { return names_[static_cast<std::size_t>(id)]; }
    std::size_t size() const { return names_.size(); }

private:
    std::unordered_map<std::string, int, SvHash, std::equal_to<>> ids_;
    std::vector<std::string> names_;
};

bool ieq(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

struct Condition {
    int column;
    std::vector<std::string> values;
};
struct CompiledGroup {
    std::string name;
    std::vector<Condition> conditions;
};

struct Counts {
    std::uint32_t judged = 0;
    std::uint32_t ok = 0;
};

// A child in one term: which areas were judged and which were at or above expected.
struct ChildTerm {
    std::uint32_t present = 0;
    std::uint32_t ok = 0;
    std::uint32_t groups = 0;
    int setting = -1;
};

}  // namespace

bool load_records(const RecordsSpec& spec, const EntityTable& settings, ObservationTable& into,
                  core::DiagnosticSink& sink, RecordsSummary* summary) {
    std::size_t errors_before = sink.error_count();
    auto file = open_csv(spec.path, sink);
    if (!file->reader || !file->reader->ok()) return false;
    CsvReader& reader = *file->reader;
    CsvColumns cols(reader, sink, "records");
    const int c_child = cols.require({"child_id"});
    const int c_setting = cols.require({"setting_id"});
    const int c_period = cols.require({"time_period"});
    const int c_ident = cols.require({"time_identifier"});
    const int c_area = cols.require({"area_of_learning", "area"});
    const int c_judgement = cols.require({"judgement"});

    // Flag columns named by the groups, and the values the groups mention (the vocabulary).
    std::vector<CompiledGroup> groups;
    std::map<int, std::vector<std::string>> vocab;
    for (const auto& g : spec.groups) {
        CompiledGroup cg{g.name, {}};
        for (const auto& [col, values] : g.conditions) {
            int c = cols.require({col});
            if (c < 0) continue;
            cg.conditions.push_back({c, values});
            auto& v = vocab[c];
            for (const auto& x : values)
                if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
        }
        groups.push_back(std::move(cg));
    }
    cols.allow({"sex", "eal", "send", "funded_two", "disadvantaged", "looked_after",
                "date_of_birth", "term_of_birth", "ethnicity"});
    cols.reject_unknown();
    if (!cols.ok()) return false;
    if (groups.size() > 32) {
        sink.error({spec.path}, "at most 32 groups can be aggregated from records");
        return false;
    }

    Interner children, setting_ids, area_ids;
    std::vector<int> setting_entity;  // interned setting -> index in `settings`
    std::vector<Period> periods;
    std::vector<std::pair<std::string, std::string>> period_text;  // cache of raw cells
    std::vector<int> area_allowed;  // interned area -> allowed (1) / unknown (0)
    std::vector<int> gld_bit;       // interned area -> bit in the GLD mask, or -1
    std::uint32_t gld_full = 0;
    for (std::size_t i = 0; i < spec.gld_areas.size(); ++i) gld_full |= 1u << i;

    std::vector<Counts> counts;  // [setting][group][area][period], grown as ids appear
    std::unordered_map<std::uint64_t, ChildTerm> terms;
    std::vector<std::pair<std::uint64_t, int>> keys;  // (child, period, area) -> line, for duplicates
    std::size_t rows = 0;

    auto counter = [&](int s, int g, int a, int p) -> Counts& {
        // Layout with fixed strides; resized when a dimension grows.
        
        std::size_t idx = ((static_cast<std::size_t>(s) * groups.size() + static_cast<std::size_t>(g)) * kMaxAreas +
                           static_cast<std::size_t>(a)) * kMaxPeriods + static_cast<std::size_t>(p);
        if (idx >= counts.size()) counts.resize(std::max(idx + 1, counts.size() * 2));
        return counts[idx];
    };

    CsvRecord row;
    while (reader.next(row)) {
        ++rows;
        bool ok = true;
        std::string_view child = core::trim(row.fields[static_cast<std::size_t>(c_child)]);
        if (child.empty()) {
            cols.error(row, c_child, "a child id is required here, got an empty cell");
            ok = false;
        }
        // Setting.
        std::string_view sid = core::trim(row.fields[static_cast<std::size_t>(c_setting)]);
        int s = setting_ids.find(sid);
        if (s < 0) {
            s = setting_ids.intern(sid);
            const auto at = settings.index_of(sid);
            setting_entity.push_back(at ? static_cast<int>(*at) : -1);
        }
        if (!settings.empty() && setting_entity[static_cast<std::size_t>(s)] < 0) {
            cols.error(row, c_setting, "unknown setting '" + std::string(sid) + "': it is not in the settings file",
                       {core::valid_values_hint("settings", sid, settings.ids(), 6)});
            ok = false;
        }
        // Period (cached by its raw text).
        std::string_view tp = row.fields[static_cast<std::size_t>(c_period)];
        std::string_view ti = row.fields[static_cast<std::size_t>(c_ident)];
        int p = -1;
        for (std::size_t k = 0; k < period_text.size(); ++k)
            if (period_text[k].first == tp && period_text[k].second == ti) p = static_cast<int>(k);
        if (p < 0) {
            std::string err;
            auto per = parse_period(tp, ti, err);
            if (!per) {
                cols.error(row, err.rfind("unknown time_identifier", 0) == 0 ? c_ident : c_period, err);
                ok = false;
            } else if (period_text.size() < kMaxPeriods) {
                p = static_cast<int>(period_text.size());
                period_text.emplace_back(std::string(tp), std::string(ti));
                periods.push_back(*per);
            } else {
                sink.error(reader.where(row, c_period), "more than " + std::to_string(kMaxPeriods) + " periods in one records file");
                return false;
            }
        }
        // Area of learning.
        std::string_view area = core::trim(row.fields[static_cast<std::size_t>(c_area)]);
        int a = area_ids.find(area);
        if (a < 0) {
            a = area_ids.intern(area);
            bool allowed = spec.areas.empty() ||
                           std::find(spec.areas.begin(), spec.areas.end(), area) != spec.areas.end();
            area_allowed.push_back(allowed ? 1 : 0);
            int bit = -1;
            for (std::size_t k = 0; k < spec.gld_areas.size(); ++k)
                if (spec.gld_areas[k] == area) bit = static_cast<int>(k);
            gld_bit.push_back(bit);
            if (area_ids.size() >= kMaxAreas) {
                sink.error(reader.where(row, c_area), "more than " + std::to_string(kMaxAreas - 1) +
                                                          " areas of learning in one records file");
                return false;
            }
        }
        if (!area_allowed[static_cast<std::size_t>(a)]) {
            cols.error(row, c_area, "unknown area of learning '" + std::string(area) + "'",
                       {core::valid_values_hint("areas", area, spec.areas)});
            ok = false;
        }
        // Judgement.
        std::string_view j = core::trim(row.fields[static_cast<std::size_t>(c_judgement)]);
        int verdict = -1;
        for (const auto& v : spec.at_or_above)
            if (ieq(v, j)) verdict = 1;
        if (verdict < 0)
            for (const auto& v : spec.below)
                if (ieq(v, j)) verdict = 0;
        if (verdict < 0) {
            std::vector<std::string> valid = spec.at_or_above;
            valid.insert(valid.end(), spec.below.begin(), spec.below.end());
            cols.error(row, c_judgement, "unknown judgement '" + std::string(j) + "'",
                       {core::valid_values_hint("judgements", j, valid)});
            ok = false;
        }
        // Groups from flags; every flag value must be one the groups name.
        std::uint32_t mask = 0;
        for (const auto& [c, values] : vocab) {
            std::string_view f = core::trim(row.fields[static_cast<std::size_t>(c)]);
            bool known = false;
            for (const auto& v : values) known |= ieq(v, f);
            if (!known) {
                cols.error(row, c, "unexpected value '" + std::string(f) + "'",
                           {"the groups in data.records name only " + core::quoted_list(values)});
                ok = false;
            }
        }
        for (std::size_t g = 0; g < groups.size(); ++g) {
            bool in = true;
            for (const auto& cond : groups[g].conditions) {
                std::string_view f = core::trim(row.fields[static_cast<std::size_t>(cond.column)]);
                bool match = false;
                for (const auto& v : cond.values) match |= ieq(v, f);
                if (!match) {
                    in = false;
                    break;
                }
            }
            if (in) mask |= 1u << g;
        }
        if (!ok) continue;

        int c = children.intern(child);
        std::uint64_t key = (static_cast<std::uint64_t>(c) << 16) | (static_cast<std::uint64_t>(p) << 8) |
                            static_cast<std::uint64_t>(a);
        keys.emplace_back(key, row.line);
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (!(mask & (1u << g))) continue;
            Counts& k = counter(s, static_cast<int>(g), a, p);
            ++k.judged;
            k.ok += static_cast<std::uint32_t>(verdict);
        }
        int bit = gld_bit[static_cast<std::size_t>(a)];
        if (spec.gld && bit >= 0) {
            ChildTerm& t = terms[(static_cast<std::uint64_t>(c) << 8) | static_cast<std::uint64_t>(p)];
            if (t.setting < 0) {
                t.setting = s;
                t.groups = mask;
            }
            t.present |= 1u << bit;
            if (verdict == 1) t.ok |= 1u << bit;
        }
    }

    // A child, term and area recorded twice.
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 1; i < keys.size(); ++i) {
        if (keys[i].first != keys[i - 1].first) continue;
        int child = static_cast<int>(keys[i].first >> 16);
        int p = static_cast<int>((keys[i].first >> 8) & 0xFF);
        int a = static_cast<int>(keys[i].first & 0xFF);
        sink.error({spec.path, keys[i].second, 1},
                   "duplicate record: child '" + children.name(child) + "', " +
                       periods[static_cast<std::size_t>(p)].label() + ", " + area_ids.name(a) +
                       " already appears on line " + std::to_string(keys[i - 1].second));
    }
    if (sink.error_count() > errors_before) return false;

    // GLD counts from complete child-terms.
    const int gld_area = static_cast<int>(area_ids.size());  // a virtual area after the real ones
    if (spec.gld) {
        for (const auto& [key, t] : terms) {
            if (t.present != gld_full) continue;  // not every GLD area judged: not in the cohort
            int p = static_cast<int>(key & 0xFF);
            for (std::size_t g = 0; g < groups.size(); ++g) {
                if (!(t.groups & (1u << g))) continue;
                Counts& k = counter(t.setting, static_cast<int>(g), gld_area, p);
                ++k.judged;
                k.ok += t.ok == gld_full ? 1 : 0;
            }
        }
    }

    // Roll settings up to local authorities and the project, then emit observations.
    auto want = [&](const char* level) {
        return std::find(spec.levels.begin(), spec.levels.end(), level) != spec.levels.end();
    };
    const int n_areas = static_cast<int>(area_ids.size()) + (spec.gld ? 1 : 0);
    std::size_t emitted = 0;
    auto emit = [&](const std::string& level, const std::string& area_key, int g, int a, int p, Counts k) {
        if (k.judged == 0) return;
        Observation o;
        o.period = periods[static_cast<std::size_t>(p)];
        o.level = level;
        o.area = area_key;
        o.group = groups[static_cast<std::size_t>(g)].name;
        o.measure = a == gld_area && spec.gld ? spec.gld_measure : area_ids.name(a);
        o.value = Value::of(core::Exact::ratio(100 * static_cast<core::Int128>(k.ok), k.judged));
        o.cohort = k.judged;
        o.numerator = k.ok;
        o.where = {spec.path, 0, 0};
        if (into.add(std::move(o)) < 0) ++emitted;
    };
    std::map<std::string, std::vector<int>> by_la;
    for (std::size_t s = 0; s < setting_ids.size(); ++s) {
        int e = setting_entity[s];
        by_la[e >= 0 ? settings.all()[static_cast<std::size_t>(e)].la_name : ""].push_back(static_cast<int>(s));
    }
    for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
        for (int a = 0; a < n_areas; ++a) {
            for (int p = 0; p < static_cast<int>(periods.size()); ++p) {
                Counts project;
                for (const auto& [la, members] : by_la) {
                    Counts total;
                    for (int s : members) {
                        Counts k = counter(s, g, a, p);
                        if (want(kSetting)) emit(kSetting, setting_ids.name(s), g, a, p, k);
                        total.judged += k.judged;
                        total.ok += k.ok;
                    }
                    if (want(kLocalAuthority) && !la.empty()) emit(kLocalAuthority, la, g, a, p, total);
                    project.judged += total.judged;
                    project.ok += total.ok;
                }
                if (want(kProject)) emit(kProject, spec.project_name, g, a, p, project);
            }
        }
    }
    if (summary) *summary = {rows, children.size(), emitted};
    return true;
}

}  // namespace engine::data
