#include "engine/data/observation_table.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <utility>

#include "engine/core/diagnostic.h"

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

const Period& ObservationRef::period() const { return block_ ? spilled().period : table_->period_[index_]; }
const std::string& ObservationRef::level() const {
    return table_->levels_[block_ ? table_->setting_level_ : table_->level_[index_]].name;
}
const std::string& ObservationRef::area() const {
    return table_->areas_.name(block_ ? block_->area : table_->area_[index_]);
}
const std::string& ObservationRef::group() const {
    return table_->groups_.name(block_ ? spilled().group : table_->group_[index_]);
}
const std::string& ObservationRef::measure() const {
    return table_->measures_.name(block_ ? spilled().measure : table_->measure_[index_]);
}
Missing ObservationRef::missing() const {
    return static_cast<Missing>(block_ ? spilled().missing : table_->missing_[index_]);
}
bool ObservationRef::has_number() const { return missing() == Missing::None; }
std::optional<double> ObservationRef::cohort() const {
    if (block_) return table_->count(spilled().cohort, ObservationTable::count_key(spilled().seq, false, true));
    return table_->count(table_->cohort_[index_], ObservationTable::count_key(index_, false, false));
}
std::optional<double> ObservationRef::numerator() const {
    if (block_) return table_->count(spilled().numerator, ObservationTable::count_key(spilled().seq, true, true));
    return table_->count(table_->numerator_[index_], ObservationTable::count_key(index_, true, false));
}

ObservationRef::Order ObservationRef::order() const {
    if (block_) return {true, spilled().seq, spilled().resident_before};
    return {false, index_, index_};
}

bool ObservationRef::Order::operator<(const Order& o) const {
    if (spilled == o.spilled) return n < o.n;
    if (!spilled) return n < o.resident_before;  // a resident row before a spilled one
    return resident_before <= o.n;
}

std::uint32_t ObservationTable::count_code(std::optional<double> c, std::uint64_t key) {
    if (!c || std::isnan(*c)) return kNoCount;
    if (*c >= 0 && !std::signbit(*c) && *c < kCountLimit && std::floor(*c) == *c) return static_cast<std::uint32_t>(*c);
    counts_.emplace(key, *c);
    return kOtherCount;
}

std::optional<double> ObservationTable::count(std::uint32_t code, std::uint64_t key) const {
    if (code == kNoCount) return std::nullopt;
    if (code == kOtherCount) return counts_.at(key);
    return static_cast<double>(code);
}

Value ObservationRef::value() const {
    if (has_number())
        return Value::of(block_ ? table_->exact_of(spilled().num, spilled().den) : table_->number(index_));
    return Value::missing_as(missing(), table_->symbols_.name(block_ ? spilled().symbol : table_->symbol_[index_]));
}

core::SourceLocation ObservationRef::where() const {
    if (block_) return table_->where_of(spilled());
    return {table_->files_.name(table_->file_[index_]), static_cast<int>(table_->line_[index_]),
            static_cast<int>(table_->column_[index_])};
}

core::SourceLocation ObservationTable::where_of(const BlockRow& r) const {
    return {files_.name(r.file), static_cast<int>(r.line), static_cast<int>(r.column)};
}

core::SourceLocation ObservationTable::where_of(int duplicate) const {
    if (duplicate == kSpilledDuplicate) return spilled_duplicate_;
    return row(static_cast<std::uint32_t>(duplicate)).where();
}

core::Exact ObservationTable::exact_of(std::int32_t num, std::uint32_t den) const {
    if (den == 0) return big_[static_cast<std::uint32_t>(num)];
    return core::Exact::ratio(num, den);
}

core::Exact ObservationTable::number(std::uint32_t i) const { return exact_of(num_[i], den_[i]); }

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
    if (spill_) {  // most rows may be settings': only the duplicate filter is sized for them all
        load_keys_.reserve(n);
        return;
    }
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
        if (o.level == kSetting) setting_level_ = level;
    }
    const std::size_t measures_before = measures_.size(), groups_before = groups_.size();
    const Id measure = measures_.intern(o.measure);
    const Id group = groups_.intern(o.group);
    const Id area = areas_.intern(o.area);
    if (spill_ && level == setting_level_) {
        const int dup = add_spilled(o, measure, group, area);
        if (dup != -1) return dup;
    } else if (int dup = add_resident(o, measure, group, level, area); dup != -1) {
        return dup;
    }
    measure_group_level_.insert(measure_group_key(measure, group, level));
    // A name interned by this row is new (a duplicate returns before here and adds none).
    if (measures_.size() > measures_before) insert_sorted(sorted_measures_, o.measure);
    if (groups_.size() > groups_before) insert_sorted(sorted_groups_, o.group);
    return -1;
}

void ObservationTable::encode_value(const Observation& o, std::int32_t& num, std::uint32_t& den, std::uint8_t& missing,
                                    std::uint8_t& symbol) {
    const bool has_number = o.value.has_number() && o.value.missing == Missing::None;
    const core::Exact x = has_number ? *o.value.number : core::Exact();
    constexpr core::Int128 kMax = INT32_MAX, kMin = INT32_MIN, kMaxDen = UINT32_MAX;
    if (x.num() >= kMin && x.num() <= kMax && x.den() <= kMaxDen) {
        num = static_cast<std::int32_t>(x.num());
        den = static_cast<std::uint32_t>(x.den());
    } else {
        num = static_cast<std::int32_t>(big_.size());
        den = 0;
        big_.push_back(x);
    }
    missing = static_cast<std::uint8_t>(has_number ? Missing::None : o.value.missing);
    symbol = static_cast<std::uint8_t>(symbols_.intern(has_number ? "" : o.value.symbol));
}

int ObservationTable::add_resident(const Observation& o, Id measure, Id group, std::uint8_t level, Id area) {
    const int period = o.period.sort_key();
    if (auto dup = find_row(measure, group, level, area, period)) return static_cast<int>(*dup);

    const auto row = static_cast<std::uint32_t>(period_.size());
    const auto file = static_cast<std::uint16_t>(files_.intern(o.where.file));
    period_.push_back(o.period);
    measure_.push_back(measure);
    group_.push_back(group);
    area_.push_back(area);
    level_.push_back(level);
    std::int32_t num;
    std::uint32_t den;
    std::uint8_t missing, symbol;
    encode_value(o, num, den, missing, symbol);
    num_.push_back(num);
    den_.push_back(den);
    missing_.push_back(missing);
    symbol_.push_back(symbol);
    cohort_.push_back(count_code(o.cohort, count_key(row, false, false)));
    numerator_.push_back(count_code(o.numerator, count_key(row, true, false)));
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

// ---- rows at level Setting, spilled ------------------------------------------------------------

namespace {

// Pending records are written as runs when they pass this many bytes in all.
constexpr std::size_t kPendingCap = std::size_t{1} << 20;

std::atomic<std::uint64_t> next_uid{1};

// The blocks this thread read back, by (table uid << 32 | area), with the row count each was
// read at (a block read while the table was still loading is read again once it has grown).
struct BlockCache {
    std::unordered_map<std::uint64_t, std::pair<std::uint32_t, std::shared_ptr<AreaBlock>>> blocks;
};
thread_local BlockCache t_blocks;

}  // namespace

ObservationTable::Uid::Uid() : v(next_uid.fetch_add(1, std::memory_order_relaxed)) {}

void ObservationTable::spill_settings(std::size_t spool_limit) {
    spill_ = std::make_shared<core::SpillFile>(spool_limit);
}

void ObservationTable::refill_seen_keys() {
    load_keys_.grow();
    for (Id area = 0; area < dir_.size(); ++area)
        if (dir_[area].rows)
            for (const BlockRow& r : read_rows(area))
                load_keys_.add(key_hash(r.measure, r.group, setting_level_, area, r.period.sort_key()));
}

int ObservationTable::add_spilled(const Observation& o, Id measure, Id group, Id area) {
    if (finished_)
        throw core::EngineError(o.where, "internal error: a setting's row was added after the observations were loaded");
    const int period = o.period.sort_key();
    // Every spilled key is in a Bloom filter: the setting's rows are read back and compared only
    // when the filter says the key may have been seen, so a duplicate is caught here, in a
    // pending buffer or across runs, and a new key costs a few probes.
    const std::uint64_t hash = key_hash(measure, group, setting_level_, area, period);
    if (load_keys_.maybe_seen(hash)) {
        for (const BlockRow& r : read_rows(area))
            if (r.measure == measure && r.group == group && r.period.sort_key() == period) {
                spilled_duplicate_ = where_of(r);
                return kSpilledDuplicate;
            }
    }
    if (load_keys_.full()) refill_seen_keys();
    load_keys_.add(hash);
    const auto seq = static_cast<std::uint32_t>(spilled_rows_);
    BlockRow r;
    r.period = o.period;
    r.measure = measure;
    r.group = group;
    encode_value(o, r.num, r.den, r.missing, r.symbol);
    r.cohort = count_code(o.cohort, count_key(seq, false, true));
    r.numerator = count_code(o.numerator, count_key(seq, true, true));
    r.line = static_cast<std::uint32_t>(std::max(o.where.line, 0));
    r.column = static_cast<std::uint16_t>(std::clamp(o.where.column, 0, 0xFFFF));
    r.file = static_cast<std::uint16_t>(files_.intern(o.where.file));
    r.seq = seq;
    r.resident_before = static_cast<std::uint32_t>(period_.size());

    if (area >= dir_.size()) dir_.resize(area + 1);
    const bool new_area = dir_[area].rows++ == 0;
    ++spilled_rows_;
    pending_[area].push_back(r);
    Level& lv = levels_[setting_level_];
    if (new_area) insert_sorted(lv.areas, o.area);
    add_unique(lv.files, r.file);
    add_unique(spilled_files_[std::uint64_t{measure} << 3 | setting_level_], r.file);
    if (++pending_rows_ * sizeof(BlockRow) >= kPendingCap) flush_pending();
    return -1;
}

void ObservationTable::flush_pending() {
    for (auto& [area, rows] : pending_) {
        const auto id = static_cast<std::uint32_t>(runs_.size());
        runs_.push_back({spill_->append(rows.data(), rows.size() * sizeof(BlockRow)),
                         static_cast<std::uint32_t>(rows.size())});
        DirEntry& d = dir_[area];
        if (d.last_run == kNoRun) d.first_run = id;
        else runs_[d.last_run].next = id;
        d.last_run = id;
    }
    pending_.clear();
    pending_rows_ = 0;
}

void ObservationTable::finish_loading() {
    if (!spill_ || finished_) return;
    flush_pending();
    spill_->finish();
    decltype(pending_)().swap(pending_);
    load_keys_.clear();
    runs_.shrink_to_fit();
    dir_.shrink_to_fit();
    finished_ = true;
}

std::vector<BlockRow> ObservationTable::read_rows(Id area) const {
    std::vector<BlockRow> out;
    if (area >= dir_.size()) return out;
    const DirEntry& d = dir_[area];
    out.resize(d.rows);
    std::size_t at = 0;
    for (std::uint32_t r = d.first_run; r != kNoRun; r = runs_[r].next) {
        spill_->read(runs_[r].offset, out.data() + at, runs_[r].count * sizeof(BlockRow));
        at += runs_[r].count;
    }
    if (auto it = pending_.find(area); it != pending_.end())
        std::copy(it->second.begin(), it->second.end(), out.begin() + static_cast<std::ptrdiff_t>(at));
    return out;
}

std::shared_ptr<AreaBlock> ObservationTable::materialize(Id area) const {
    auto b = std::make_shared<AreaBlock>();
    b->area = area;
    b->rows = read_rows(area);
    b->build();
    return b;
}

const AreaBlock* ObservationTable::cached_block(Id area) const {
    if (area >= dir_.size() || dir_[area].rows == 0) return nullptr;
    auto& [rows, block] = t_blocks.blocks[uid_.v << 32 | area];
    if (!block || rows != dir_[area].rows) {
        block = materialize(area);
        rows = dir_[area].rows;
    }
    return block.get();
}

const AreaBlock* ObservationTable::block_of(std::string_view area) const {
    if (!spill_) return nullptr;
    auto a = areas_.find(area);
    return a ? cached_block(*a) : nullptr;
}

void ObservationTable::release_blocks() { decltype(t_blocks.blocks)().swap(t_blocks.blocks); }

std::optional<ObservationRef> ObservationTable::sibling(const ObservationRef& o, std::string_view group) const {
    auto g = groups_.find(group);
    if (!g) return std::nullopt;
    if (const AreaBlock* b = o.block()) {
        const BlockRow& r = b->rows[o.index()];
        if (auto j = b->find(r.measure, *g, r.period.sort_key())) return ObservationRef(*this, *b, *j);
        return std::nullopt;
    }
    const std::uint32_t i = o.index();
    if (auto j = find_row(measure_[i], *g, level_[i], area_[i], period_[i].sort_key())) return ObservationRef(*this, *j);
    return std::nullopt;
}

void ObservationTable::Rows::iterator::settle() {
    if (!block_ && i_ < t_->period_.size()) return;
    if (block_) {
        if (j_ < block_->rows.size()) return;
        block_.reset();
        ++area_;
        j_ = 0;
    }
    while (area_ < t_->dir_.size() && t_->dir_[area_].rows == 0) ++area_;
    if (area_ < t_->dir_.size()) block_ = t_->materialize(area_);
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
    if (spill_ && *l == setting_level_) {
        const AreaBlock* b = cached_block(*a);
        if (!b) return std::nullopt;
        if (auto r = b->find(*m, *g, period.sort_key())) return ObservationRef(*this, *b, *r);
        return std::nullopt;
    }
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

const AreaBlock::Slice* ObservationTable::spilled_slice(std::string_view measure, std::string_view area) const {
    auto m = measures_.find(measure);
    auto a = areas_.find(area);
    if (!m || !a) return nullptr;
    const AreaBlock* b = cached_block(*a);
    return b ? b->slice(*m) : nullptr;
}

bool ObservationTable::spilled_level(std::string_view level) const {
    return spill_ && setting_level_ < levels_.size() && levels_[setting_level_].name == level;
}

const std::vector<Period>& ObservationTable::periods(std::string_view measure, std::string_view level,
                                                     std::string_view area) const {
    static const std::vector<Period> none;
    if (spilled_level(level)) {
        const AreaBlock::Slice* s = spilled_slice(measure, area);
        return s ? s->periods : none;
    }
    const Slice* s = slice(measure, level, area);
    return s ? slice_periods(*s) : none;
}

std::vector<std::string> ObservationTable::groups_in(std::string_view measure, std::string_view level,
                                                     std::string_view area) const {
    std::vector<std::string> out;
    if (spilled_level(level)) {
        if (const AreaBlock::Slice* s = spilled_slice(measure, area))
            for (Id g : s->groups) out.push_back(groups_.name(g));
        return out;
    }
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
    if (spill_ && *l == setting_level_) {
        if (const AreaBlock* b = cached_block(*a))
            for (const auto& s : b->slices) out.push_back(measures_.name(s.measure));
        return out;
    }
    auto it = places_.find(place_key(*l, *a));
    if (it != places_.end())
        for (Id m : it->second.measures) out.push_back(measures_.name(m));
    return out;
}

std::optional<Period> ObservationTable::latest_period(std::string_view level, std::string_view area) const {
    auto l = level_id(level);
    auto a = areas_.find(area);
    if (!l || !a) return std::nullopt;
    if (spill_ && *l == setting_level_) {
        if (const AreaBlock* b = cached_block(*a)) return b->latest;
        return std::nullopt;
    }
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
    } else if (spill_ && *l == setting_level_) {
        if (!area.empty()) {
            if (const AreaBlock::Slice* s = spilled_slice(measure, area)) ids = s->files;
        } else if (auto m = measures_.find(measure)) {
            if (auto it = spilled_files_.find(std::uint64_t{*m} << 3 | *l); it != spilled_files_.end()) ids = it->second;
        }
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
    // The spilled rows: what stays resident of them is the directory, the runs and (while
    // loading) the pending records and the duplicate index.
    n += cap(dir_) + cap(runs_) + load_keys_.bytes();
    for (const auto& [area, rows] : pending_) n += sizeof(area) + sizeof(rows) + cap(rows);
    for (const auto& [key, files] : spilled_files_) n += sizeof(key) + sizeof(files) + cap(files);
    if (spill_) n += spill_->resident_bytes();
    return n;
}

}  // namespace engine::data
