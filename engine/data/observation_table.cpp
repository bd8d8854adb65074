#include "engine/data/observation_table.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <utility>

namespace engine::data {

namespace {

std::uint64_t mix(std::uint64_t h) {  // splitmix64's finaliser
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBull;
    return h ^ (h >> 31);
}

// Ids are packed into 64-bit keys: measures and areas below 2^32, groups below 2^29 and at
// most 8 levels — far beyond any file (a row number is 32 bits too).
std::uint64_t place_key(std::uint8_t level, std::uint32_t area) {
    return (static_cast<std::uint64_t>(area) << 3) | level;
}
std::uint64_t measure_group_key(std::uint32_t measure, std::uint32_t group, std::uint8_t level) {
    return (static_cast<std::uint64_t>(measure) << 32) | (static_cast<std::uint64_t>(group) << 3) | level;
}

template <class T>
void add_unique(std::vector<T>& v, const T& x) {
    if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

void insert_sorted(std::vector<std::string>& v, const std::string& s) {
    auto it = std::lower_bound(v.begin(), v.end(), s);
    if (it == v.end() || *it != s) v.insert(it, s);
}

}  // namespace

// ---- rows -------------------------------------------------------------------------------------

const Period& ObservationRef::period() const { return table_->period_[index_]; }
const std::string& ObservationRef::level() const { return table_->levels_[table_->level_[index_]].name; }
const std::string& ObservationRef::area() const { return table_->areas_.name(table_->area_[index_]); }
const std::string& ObservationRef::group() const { return table_->groups_.name(table_->group_[index_]); }
const std::string& ObservationRef::measure() const { return table_->measures_.name(table_->measure_[index_]); }
Missing ObservationRef::missing() const { return static_cast<Missing>(table_->missing_[index_]); }
bool ObservationRef::has_number() const { return missing() == Missing::None; }
std::optional<double> ObservationRef::cohort() const { return table_->count(table_->cohort_, index_, false); }
std::optional<double> ObservationRef::numerator() const { return table_->count(table_->numerator_, index_, true); }

std::uint32_t ObservationTable::count_code(std::optional<double> c, std::uint32_t row, bool numerator) {
    if (!c || std::isnan(*c)) return kNoCount;
    if (*c >= 0 && !std::signbit(*c) && *c < kCountLimit && std::floor(*c) == *c) return static_cast<std::uint32_t>(*c);
    counts_.emplace(std::uint64_t{row} << 1 | numerator, *c);
    return kOtherCount;
}

std::optional<double> ObservationTable::count(const std::vector<std::uint32_t>& column, std::uint32_t row,
                                              bool numerator) const {
    const std::uint32_t c = column[row];
    if (c == kNoCount) return std::nullopt;
    if (c == kOtherCount) return counts_.at(std::uint64_t{row} << 1 | numerator);
    return static_cast<double>(c);
}

Value ObservationRef::value() const {
    if (has_number()) return Value::of(table_->number(index_));
    return Value::missing_as(missing(), table_->symbols_.name(table_->symbol_[index_]));
}

core::SourceLocation ObservationRef::where() const {
    return {table_->files_.name(table_->file_[index_]), static_cast<int>(table_->line_[index_]),
            static_cast<int>(table_->column_[index_])};
}

core::Exact ObservationTable::number(std::uint32_t i) const {
    if (den_[i] == 0) return big_[static_cast<std::uint32_t>(num_[i])];
    return core::Exact::ratio(num_[i], den_[i]);
}

// ---- adding -----------------------------------------------------------------------------------

std::uint64_t ObservationTable::key_hash(Id measure, Id group, std::uint8_t level, Id area, int period) {
    std::uint64_t h = mix(measure_group_key(measure, group, level));
    h = mix(h ^ (static_cast<std::uint64_t>(area) << 32 | static_cast<std::uint32_t>(period)));
    return h;
}

std::uint64_t ObservationTable::row_hash(std::uint32_t i) const {
    return key_hash(measure_[i], group_[i], level_[i], area_[i], period_[i].sort_key());
}

// A slot holds the key hash's top 32 bits beside the row number, so a probe reads the row's
// columns only when the hashes agree (almost always the row sought): one cache miss a lookup.
std::optional<std::uint32_t> ObservationTable::find_row(Id measure, Id group, std::uint8_t level, Id area,
                                                        int period) const {
    if (slots_.empty()) return std::nullopt;
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t h = key_hash(measure, group, level, area, period);
    const std::uint64_t tag = h >> 32;
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
        const std::uint64_t slot = slots_[s];
        if (slot == kEmpty) return std::nullopt;
        if (slot >> 32 != tag) continue;
        const auto r = static_cast<std::uint32_t>(slot);
        if (measure_[r] == measure && group_[r] == group && level_[r] == level && area_[r] == area &&
            period_[r].sort_key() == period)
            return r;
    }
}

void ObservationTable::place_in_index(std::uint32_t row) {
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t h = row_hash(row);
    std::size_t s = h & mask;
    while (slots_[s] != kEmpty) s = (s + 1) & mask;
    slots_[s] = (h >> 32 << 32) | row;
}

void ObservationTable::rebuild_index(std::size_t n) {
    slots_.assign(n, kEmpty);
    for (std::uint32_t r = 0; r < period_.size(); ++r) place_in_index(r);
}

void ObservationTable::reserve(std::size_t n) {
    for (auto* v : {&measure_, &group_, &area_}) v->reserve(n);
    period_.reserve(n);
    level_.reserve(n);
    num_.reserve(n);
    den_.reserve(n);
    missing_.reserve(n);
    symbol_.reserve(n);
    cohort_.reserve(n);
    numerator_.reserve(n);
    file_.reserve(n);
    line_.reserve(n);
    column_.reserve(n);
    std::size_t want = 64;
    while (want * 3 < n * 4) want *= 2;  // at most three quarters full
    if (want > slots_.size()) rebuild_index(want);
}

int ObservationTable::add(const Observation& o) {
    std::uint8_t level;
    if (auto l = level_id(o.level)) {
        level = *l;
    } else {
        level = static_cast<std::uint8_t>(levels_.size());
        levels_.push_back({o.level, {}, {}});
    }
    const std::size_t measures_before = measures_.size(), groups_before = groups_.size();
    const Id measure = measures_.intern(o.measure);
    const Id group = groups_.intern(o.group);
    const Id area = areas_.intern(o.area);
    const int period = o.period.sort_key();
    if (auto dup = find_row(measure, group, level, area, period)) return static_cast<int>(*dup);

    const auto row = static_cast<std::uint32_t>(period_.size());
    const auto file = static_cast<std::uint16_t>(files_.intern(o.where.file));
    period_.push_back(o.period);
    measure_.push_back(measure);
    group_.push_back(group);
    area_.push_back(area);
    level_.push_back(level);
    const bool has_number = o.value.has_number() && o.value.missing == Missing::None;
    const core::Exact x = has_number ? *o.value.number : core::Exact();
    constexpr core::Int128 kMax = INT32_MAX, kMin = INT32_MIN, kMaxDen = UINT32_MAX;
    if (x.num() >= kMin && x.num() <= kMax && x.den() <= kMaxDen) {
        num_.push_back(static_cast<std::int32_t>(x.num()));
        den_.push_back(static_cast<std::uint32_t>(x.den()));
    } else {
        num_.push_back(static_cast<std::int32_t>(big_.size()));
        den_.push_back(0);
        big_.push_back(x);
    }
    missing_.push_back(static_cast<std::uint8_t>(has_number ? Missing::None : o.value.missing));
    symbol_.push_back(static_cast<std::uint8_t>(symbols_.intern(has_number ? "" : o.value.symbol)));
    cohort_.push_back(count_code(o.cohort, row, false));
    numerator_.push_back(count_code(o.numerator, row, true));
    file_.push_back(file);
    line_.push_back(static_cast<std::uint32_t>(std::max(o.where.line, 0)));
    column_.push_back(static_cast<std::uint16_t>(std::clamp(o.where.column, 0, 0xFFFF)));

    if (4 * (std::size_t{row} + 1) > 3 * slots_.size())
        rebuild_index(std::max<std::size_t>(slots_.size() * 2, 64));
    else
        place_in_index(row);

    // The per-key lists.
    auto [sit, new_slice] = slice_of_.try_emplace(slice_key(measure, level, area),
                                                  static_cast<std::uint32_t>(slices_.size()));
    if (new_slice) slices_.emplace_back();
    Slice& sl = slices_[sit->second];
    unshare(sl);
    auto p = std::lower_bound(sl.periods.begin(), sl.periods.end(), o.period);
    if (p == sl.periods.end() || !(*p == o.period)) sl.periods.insert(p, o.period);
    add_unique(sl.groups, group);
    add_unique(sl.files, file);

    auto [pit, new_place] = places_.try_emplace(place_key(level, area));
    Place& pl = pit->second;
    if (new_place || pl.latest < o.period) pl.latest = o.period;
    add_unique(pl.measures, measure);
    Level& lv = levels_[level];
    if (new_place) insert_sorted(lv.areas, o.area);
    add_unique(lv.files, file);

    measure_group_level_.insert(measure_group_key(measure, group, level));
    // A name interned by this row is new (a duplicate returns before here and adds none).
    if (measures_.size() > measures_before) insert_sorted(sorted_measures_, o.measure);
    if (groups_.size() > groups_before) insert_sorted(sorted_groups_, o.group);
    return -1;
}

namespace {

// Moves `own` into `lists` (or finds the same list there), leaving it empty; its id in `shared`.
template <class T>
void share(std::vector<T>& own, std::uint32_t& shared, std::vector<std::vector<T>>& lists,
           std::map<std::vector<T>, std::uint32_t>& ids) {
    auto [it, fresh] = ids.try_emplace(own, static_cast<std::uint32_t>(lists.size()));
    if (fresh) {
        lists.push_back(std::move(own));
        lists.back().shrink_to_fit();
    }
    shared = it->second;
    std::vector<T>().swap(own);
}

template <class T>
std::map<std::vector<T>, std::uint32_t> ids_of(const std::vector<std::vector<T>>& lists) {
    std::map<std::vector<T>, std::uint32_t> ids;
    for (std::size_t i = 0; i < lists.size(); ++i) ids.emplace(lists[i], static_cast<std::uint32_t>(i));
    return ids;
}

}  // namespace

void ObservationTable::unshare(Slice& s) {
    if (s.shared_periods != kOwnList) s.periods = period_lists_[std::exchange(s.shared_periods, kOwnList)];
    if (s.shared_groups != kOwnList) s.groups = group_lists_[std::exchange(s.shared_groups, kOwnList)];
    if (s.shared_files != kOwnList) s.files = file_lists_[std::exchange(s.shared_files, kOwnList)];
}

void ObservationTable::share_lists() {
    auto periods = ids_of(period_lists_);
    auto groups = ids_of(group_lists_);
    auto files = ids_of(file_lists_);
    for (Slice& s : slices_) {
        if (s.shared_periods == kOwnList) share(s.periods, s.shared_periods, period_lists_, periods);
        if (s.shared_groups == kOwnList) share(s.groups, s.shared_groups, group_lists_, groups);
        if (s.shared_files == kOwnList) share(s.files, s.shared_files, file_lists_, files);
    }
}

// ---- reading ----------------------------------------------------------------------------------

std::optional<std::uint8_t> ObservationTable::level_id(std::string_view level) const {
    for (std::size_t i = 0; i < levels_.size(); ++i)
        if (levels_[i].name == level) return static_cast<std::uint8_t>(i);
    return std::nullopt;
}

std::optional<ObservationRef> ObservationTable::find(std::string_view measure, std::string_view group,
                                                     std::string_view level, std::string_view area,
                                                     const Period& period) const {
    auto l = level_id(level);
    auto m = measures_.find(measure);
    auto g = groups_.find(group);
    auto a = areas_.find(area);
    if (!l || !m || !g || !a) return std::nullopt;
    if (auto r = find_row(*m, *g, *l, *a, period.sort_key())) return ObservationRef(*this, *r);
    return std::nullopt;
}

const ObservationTable::Slice* ObservationTable::slice(std::string_view measure, std::string_view level,
                                                       std::string_view area) const {
    auto l = level_id(level);
    auto m = measures_.find(measure);
    auto a = areas_.find(area);
    if (!l || !m || !a) return nullptr;
    auto it = slice_of_.find(slice_key(*m, *l, *a));
    return it == slice_of_.end() ? nullptr : &slices_[it->second];
}

const std::vector<Period>& ObservationTable::periods(std::string_view measure, std::string_view level,
                                                     std::string_view area) const {
    static const std::vector<Period> none;
    const Slice* s = slice(measure, level, area);
    return s ? slice_periods(*s) : none;
}

std::vector<std::string> ObservationTable::groups_in(std::string_view measure, std::string_view level,
                                                     std::string_view area) const {
    std::vector<std::string> out;
    if (const Slice* s = slice(measure, level, area))
        for (Id g : slice_groups(*s)) out.push_back(groups_.name(g));
    return out;
}

bool ObservationTable::has_rows(std::string_view measure, std::string_view group, std::string_view level) const {
    auto l = level_id(level);
    auto m = measures_.find(measure);
    auto g = groups_.find(group);
    return l && m && g && measure_group_level_.count(measure_group_key(*m, *g, *l)) > 0;
}

std::vector<std::string> ObservationTable::measures_at(std::string_view level, std::string_view area) const {
    std::vector<std::string> out;
    auto l = level_id(level);
    auto a = areas_.find(area);
    if (!l || !a) return out;
    auto it = places_.find(place_key(*l, *a));
    if (it != places_.end())
        for (Id m : it->second.measures) out.push_back(measures_.name(m));
    return out;
}

std::optional<Period> ObservationTable::latest_period(std::string_view level, std::string_view area) const {
    auto l = level_id(level);
    auto a = areas_.find(area);
    if (!l || !a) return std::nullopt;
    auto it = places_.find(place_key(*l, *a));
    if (it == places_.end()) return std::nullopt;
    return it->second.latest;
}

std::vector<std::string> ObservationTable::files_of(std::string_view level, std::string_view area,
                                                    std::string_view measure) const {
    std::vector<std::uint16_t> ids;
    auto l = level_id(level);
    if (!l) return {};
    if (measure.empty()) {
        ids = levels_[*l].files;
    } else if (!area.empty()) {
        if (const Slice* s = slice(measure, level, area)) ids = slice_files(*s);
    } else {
        for (const auto& a : levels_[*l].areas)
            if (const Slice* s = slice(measure, level, a))
                for (auto f : slice_files(*s)) add_unique(ids, f);
    }
    std::vector<std::string> out;
    for (auto f : ids) out.push_back(files_.name(f));
    std::sort(out.begin(), out.end());
    return out;
}

const std::vector<std::string>& ObservationTable::areas(std::string_view level) const {
    static const std::vector<std::string> none;
    auto l = level_id(level);
    return l ? levels_[*l].areas : none;
}

bool ObservationTable::has_area(std::string_view level, std::string_view area) const {
    const auto& v = areas(level);
    return std::binary_search(v.begin(), v.end(), area, std::less<>());
}

std::size_t ObservationTable::bytes() const {
    auto cap = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
    std::size_t n = cap(period_) + cap(measure_) + cap(group_) + cap(area_) + cap(level_) + cap(num_) + cap(den_) + cap(big_) +
                    cap(missing_) + cap(symbol_) + cap(cohort_) + cap(numerator_) + cap(file_) + cap(line_) +
                    cap(column_) + cap(slots_) + counts_.size() * (sizeof(std::uint64_t) + sizeof(double));
    for (const auto& s : slices_) n += sizeof(Slice) + cap(s.periods) + cap(s.groups) + cap(s.files);
    for (const auto& l : period_lists_) n += sizeof(l) + cap(l);
    for (const auto& l : group_lists_) n += sizeof(l) + cap(l);
    for (const auto& l : file_lists_) n += sizeof(l) + cap(l);
    return n;
}

}  // namespace engine::data
