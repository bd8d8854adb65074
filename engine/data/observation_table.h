// data: the observation store — rows held column-wise, with levels, areas, groups, measures,
// files and symbols interned, a hashed index by (measure, group, level, area, period), and the
// per-key lists reports ask for (periods of a slice, areas of a level, a slice's groups)
// kept up to date as rows are added. Every read a report makes is O(1) or O(log n) in the
// number of rows; nothing scans the table. A row's source location is a file id and a line,
// made into a SourceLocation only when asked for.
#pragma once

#include <atomic>
#include <climits>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/core/exact.h"
#include "engine/core/source_location.h"
#include "engine/core/spill_file.h"
#include "engine/data/area_blocks.h"
#include "engine/data/huge_pages.h"
#include "engine/data/period.h"
#include "engine/data/string_pool.h"
#include "engine/data/value.h"

namespace engine::data {

/// Geographic levels (EES names; "Setting" is our name for an early-years setting or school).
inline constexpr const char* kNational = "National";
inline constexpr const char* kLocalAuthority = "Local authority";
inline constexpr const char* kSetting = "Setting";
inline constexpr const char* kProject = "Project";

/// A row as a loader (or a test) gives it to ObservationTable::add. The table keeps none of
/// its strings: they are interned.
struct Observation {
    Period period;
    std::string level;    ///< geographic level, canonical spelling
    std::string area;     ///< the area's key at that level: "England", la_name, setting_id …
    std::string group;    ///< characteristic: "FSM", "Not FSM", "Total" …
    std::string measure;  ///< measure id
    Value value;
    std::optional<double> cohort;     ///< denominator (children), when known
    std::optional<double> numerator;  ///< children meeting the measure, when known
    core::SourceLocation where;
};

class ObservationTable;

/// One row of an ObservationTable, read in place: a table and a row number, cheap to copy.
/// Valid while the table lives; the strings it hands out are the table's interned ones. A row
/// at level Setting of a table that spills them (spill_settings) is a row of its setting's
/// block instead, valid until ObservationTable::release_blocks() on the thread that read it.
class ObservationRef {
public:
    ObservationRef(const ObservationTable& table, std::uint32_t index) : table_(&table), index_(index) {}
    ObservationRef(const ObservationTable& table, const AreaBlock& block, std::uint32_t index)
        : table_(&table), block_(&block), index_(index) {}

    /// The row number among the resident rows, or among its block's rows (block()).
    std::uint32_t index() const { return index_; }
    const AreaBlock* block() const { return block_; }
    /// The row's place in the order rows were added (file order), resident or not: `a.order()
    /// < b.order()` when a was added first. Stays meaningful after a block is freed.
    struct Order {
        bool spilled;
        std::uint32_t n;                ///< the resident row number, or the spilled row's seq
        std::uint32_t resident_before;  ///< resident rows added before it
        bool operator<(const Order& o) const;
    };
    Order order() const;
    const Period& period() const;
    const std::string& level() const;
    const std::string& area() const;
    const std::string& group() const;
    const std::string& measure() const;
    /// The value as published: the exact number, or the missing value with its symbol.
    Value value() const;
    Missing missing() const;
    bool has_number() const;
    std::optional<double> cohort() const;
    std::optional<double> numerator() const;
    /// Where the row is (file, line, column), built now.
    core::SourceLocation where() const;

    bool operator==(const ObservationRef& o) const {
        return table_ == o.table_ && block_ == o.block_ && index_ == o.index_;
    }
    bool operator!=(const ObservationRef& o) const { return !(*this == o); }

private:
    const BlockRow& spilled() const { return block_->rows[index_]; }
    const ObservationTable* table_;
    const AreaBlock* block_ = nullptr;
    std::uint32_t index_;
};

class ObservationTable {
public:
    using Id = StringPool::Id;

    /// Adds a row; returns the index of an existing row with the same key instead (a
    /// duplicate, which is not added; kSpilledDuplicate when that row is a spilled one), or -1
    /// when added. where_of(the result) names the existing row.
    int add(const Observation& o);
    static constexpr int kSpilledDuplicate = INT32_MAX;
    /// Where the row a duplicate returned by add() repeats is.
    core::SourceLocation where_of(int duplicate) const;

    /// From now on, rows at level Setting are kept per setting ("blocks") in a spill file
    /// (memory up to `spool_limit` bytes, then an unlinked temporary file in $TMPDIR) rather
    /// than in the resident columns; queries at that level read the setting's block back into a
    /// per-thread cache. Call before the first row. load_batch does, unless a fan-out over a
    /// settings column needs every row by number (data::AggregateRow).
    void spill_settings(std::size_t spool_limit = core::SpillFile::kDefaultSpool);
    bool spills_settings() const { return spill_ != nullptr; }
    /// After the last row: the pending blocks are written, the spill file finished (reads may
    /// then come from any thread) and the loading's duplicate index freed. Rows added later
    /// at level Setting are an error (EngineError).
    void finish_loading();
    /// Frees the blocks this thread read back (of every table). The report job calls it after
    /// each unit; ObservationRefs to block rows read on this thread are then invalid.
    static void release_blocks();
    /// Calls `fn(block)` for every setting's block in turn, each read back and then freed. With
    /// a walk of the resident rows (row(i) for i below resident_size()), it walks every row:
    /// it counts as one full pass (full_passes()).
    template <class Fn>
    void for_each_block(Fn&& fn) const {
        passes_.count();
        for (std::uint32_t a = 0; a < dir_.size(); ++a)
            if (dir_[a].rows > 0) {
                const auto b = materialize(a);
                fn(*b);
            }
    }
    /// The block of a setting, read back into this thread's cache; nullptr when it has none.
    const AreaBlock* block_of(std::string_view area) const;
    /// The row of `o`'s slice (its measure, level, area and period) for `group`. O(1).
    std::optional<ObservationRef> sibling(const ObservationRef& o, std::string_view group) const;
    /// Rows in the resident columns (all rows unless spill_settings).
    std::size_t resident_size() const { return period_.size(); }

    /// The row with this key, or nullopt. O(1).
    std::optional<ObservationRef> find(std::string_view measure, std::string_view group, std::string_view level,
                                       std::string_view area, const Period& period) const;
    /// Periods with any row for this measure/level/area, ascending. O(1).
    const std::vector<Period>& periods(std::string_view measure, std::string_view level,
                                       std::string_view area) const;
    /// Groups with a row for this measure/level/area, in order of first appearance. O(1).
    std::vector<std::string> groups_in(std::string_view measure, std::string_view level,
                                       std::string_view area) const;
    /// True when any area at `level` has a row of `measure` for `group`. O(1).
    bool has_rows(std::string_view measure, std::string_view group, std::string_view level) const;
    /// Measures with a row at this level and area, in order of first appearance. O(1).
    std::vector<std::string> measures_at(std::string_view level, std::string_view area) const;
    /// The latest period of any row at this level and area. O(1).
    std::optional<Period> latest_period(std::string_view level, std::string_view area) const;
    /// Files with a row at `level` (and in `area`, and of `measure`, when not empty), sorted.
    /// O(areas at the level) when `area` is empty: for messages, not for reports' figures.
    std::vector<std::string> files_of(std::string_view level, std::string_view area = "",
                                      std::string_view measure = "") const;

    /// Every measure, group, and area at a level, sorted; kept as rows are added.
    const std::vector<std::string>& measures() const { return sorted_measures_; }
    const std::vector<std::string>& groups() const { return sorted_groups_; }
    const std::vector<std::string>& areas(std::string_view level) const;
    /// O(log areas).
    bool has_area(std::string_view level, std::string_view area) const;

    std::size_t size() const { return period_.size() + spilled_rows_; }
    bool empty() const { return size() == 0; }
    /// A resident row by number (i < resident_size()).
    ObservationRef row(std::uint32_t i) const { return {*this, i}; }

    /// The rows in the order they were added: `for (ObservationRef o : table.rows())`. When
    /// settings are spilled, the resident rows come first, then each setting's block in turn
    /// (its rows in file order), one block read back at a time: a row handed out is valid
    /// until the iterator moves to the next block.
    class Rows {
    public:
        class iterator {
        public:
            iterator(const ObservationTable* t, std::uint32_t i) : t_(t), i_(i) { settle(); }
            iterator(const ObservationTable* t, std::uint32_t i, bool /*end*/)
                : t_(t), i_(i), area_(static_cast<std::uint32_t>(t->dir_.size())) {}
            ObservationRef operator*() const {
                return block_ ? ObservationRef(*t_, *block_, j_) : ObservationRef(*t_, i_);
            }
            iterator& operator++() {
                if (block_) ++j_;
                else ++i_;
                settle();
                return *this;
            }
            bool operator!=(const iterator& o) const { return i_ != o.i_ || area_ != o.area_ || j_ != o.j_; }

        private:
            void settle();  ///< past the resident rows: on the next row of a block, or at the end
            const ObservationTable* t_;
            std::uint32_t i_;
            std::uint32_t area_ = 0, j_ = 0;
            std::shared_ptr<const AreaBlock> block_;
        };
        explicit Rows(const ObservationTable& t) : t_(&t) {}
        iterator begin() const {
            t_->passes_.count();
            return {t_, 0};
        }
        iterator end() const { return iterator(t_, static_cast<std::uint32_t>(t_->period_.size()), true); }
        std::size_t size() const { return t_->size(); }

    private:
        const ObservationTable* t_;
    };
    Rows rows() const { return Rows(*this); }
    /// How many times the rows were walked from the start (rows().begin()). Loading and
    /// disclosure control walk them once per batch; a report never does — the store's tests
    /// hold every report to that.
    std::uint64_t full_passes() const { return passes_.n.load(std::memory_order_relaxed); }

    /// Keeps each distinct list of periods, groups or files of a slice once, shared by every
    /// (measure, level, area) that has it (most settings have the same periods and groups), so
    /// that a slice holds three ids rather than three lists. load_batch calls it when the data
    /// are read; rows added after it still go in (their slices get lists of their own again).
    void share_lists();

    /// Makes room for `n` rows in all (a hint: the table still grows past it).
    void reserve(std::size_t n);

    /// Bytes held by the columns and indexes (capacity, not size) — for the benchmarks' notes
    /// and the store's tests.
    std::size_t bytes() const;

private:
    friend class ObservationRef;

    /// (measure, level, area): the periods and groups that have rows, and the files they are in;
    /// each list its own while rows are added, then one of the shared lists (share_lists).
    static constexpr std::uint32_t kOwnList = ~std::uint32_t{0};
    struct Slice {
        std::vector<Period> periods;  // ascending
        std::vector<Id> groups;       // first appearance
        std::vector<std::uint16_t> files;
        std::uint32_t shared_periods = kOwnList, shared_groups = kOwnList, shared_files = kOwnList;
    };
    template <class T>
    static const std::vector<T>& list_of(const std::vector<T>& own, std::uint32_t shared,
                                         const std::vector<std::vector<T>>& lists) {
        return shared == kOwnList ? own : lists[shared];
    }
    const std::vector<Period>& slice_periods(const Slice& s) const { return list_of(s.periods, s.shared_periods, period_lists_); }
    const std::vector<Id>& slice_groups(const Slice& s) const { return list_of(s.groups, s.shared_groups, group_lists_); }
    const std::vector<std::uint16_t>& slice_files(const Slice& s) const { return list_of(s.files, s.shared_files, file_lists_); }
    void unshare(Slice& s);
    /// (level, area): the measures there and the latest period.
    struct Place {
        std::vector<Id> measures;
        Period latest;
    };
    /// A level: its areas (sorted names) and the files with rows at it.
    struct Level {
        std::string name;
        std::vector<std::string> areas;
        std::vector<std::uint16_t> files;
    };

    static std::uint64_t slice_key(Id measure, std::uint8_t level, Id area) {
        return (static_cast<std::uint64_t>(area) << 32) | (static_cast<std::uint64_t>(measure) << 3) | level;
    }
    std::optional<std::uint8_t> level_id(std::string_view level) const;
    std::uint64_t row_hash(std::uint32_t i) const;
    static std::uint64_t key_hash(Id measure, Id group, std::uint8_t level, Id area, int period);
    std::optional<std::uint32_t> find_row(Id measure, Id group, std::uint8_t level, Id area, int period) const;
    void rebuild_index(std::size_t slots);  ///< a power of two, at least 4/3 of the rows
    void place_in_index(std::uint32_t row);
    const Slice* slice(std::string_view measure, std::string_view level, std::string_view area) const;

    // Interned names.
    StringPool measures_, groups_, areas_, files_, symbols_;
    std::vector<Level> levels_;  // a handful; index = level id

    // The columns, one entry per row.
    std::vector<Period> period_;
    std::vector<Id> measure_, group_, area_;
    std::vector<std::uint8_t> level_;
    // The exact value as num_/den_ in lowest terms (0/1 when missing): 8 bytes, not the 32 of
    // a core::Exact (a CSV figure such as 61.25 or 1234567 is 245/4 or 1234567/1). A value
    // beyond 32 bits has den_ 0 and num_ its index in big_.
    std::vector<std::int32_t> num_;
    std::vector<std::uint32_t> den_;
    std::vector<core::Exact> big_;
    core::Exact number(std::uint32_t i) const;
    std::vector<std::uint8_t> missing_;  // a Missing
    std::vector<std::uint8_t> symbol_;  // into symbols_ (as written: "c", ":" …)
    // Counts as whole numbers below kCountLimit (4 bytes a row each, not a double's 8);
    // kNoCount when unknown, kOtherCount for any other number (a fraction, a negative or a
    // huge count), which counts_ holds by row number.
    static constexpr std::uint32_t kNoCount = 0xFFFFFFFF, kOtherCount = 0xFFFFFFFE, kCountLimit = kOtherCount;
    std::vector<std::uint32_t> cohort_, numerator_;
    // (row << 1 | numerator) -> the count; a spilled row's key has the top bit set and its seq.
    std::unordered_map<std::uint64_t, double> counts_;
    static std::uint64_t count_key(std::uint32_t row, bool numerator, bool spilled) {
        return (std::uint64_t{spilled} << 63) | (std::uint64_t{row} << 1) | numerator;
    }
    std::uint32_t count_code(std::optional<double> c, std::uint64_t key);
    std::optional<double> count(std::uint32_t code, std::uint64_t key) const;
    core::Exact exact_of(std::int32_t num, std::uint32_t den) const;
    std::vector<std::uint16_t> file_;
    std::vector<std::uint32_t> line_;
    std::vector<std::uint16_t> column_;

    // Open-addressing index (linear probing) of row numbers by key, at most three quarters
    // full: each slot is the key hash's top half and the row number (kEmpty = free).
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
    std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> slots_;

    std::vector<Slice> slices_;
    std::vector<std::vector<Period>> period_lists_;  // shared lists (share_lists)
    std::vector<std::vector<Id>> group_lists_;
    std::vector<std::vector<std::uint16_t>> file_lists_;
    std::unordered_map<std::uint64_t, std::uint32_t> slice_of_;  // slice_key -> slices_
    std::unordered_map<std::uint64_t, Place> places_;            // (area << 3 | level)
    std::unordered_set<std::uint64_t> measure_group_level_;      // has_rows
    std::vector<std::string> sorted_measures_, sorted_groups_;

    /// A counter reports on several threads may bump at once; copied by value with the table.
    struct Passes {
        mutable std::atomic<std::uint64_t> n{0};
        Passes() = default;
        Passes(const Passes& o) : n(o.n.load()) {}
        Passes& operator=(const Passes& o) {
            n = o.n.load();
            return *this;
        }
        void count() const { n.fetch_add(1, std::memory_order_relaxed); }
    };
    Passes passes_;

    // ---- rows at level Setting, spilled (spill_settings) ----
    static constexpr std::uint32_t kNoRun = ~std::uint32_t{0};
    /// A setting's place in the spill file: its runs (records written together), in order.
    struct DirEntry {
        std::uint32_t rows = 0;
        std::uint32_t first_run = kNoRun, last_run = kNoRun;
    };
    struct Run {
        std::uint64_t offset;
        std::uint32_t count;
        std::uint32_t next = kNoRun;
    };
    std::shared_ptr<core::SpillFile> spill_;  // shared by copies: only read once finished
    std::vector<DirEntry> dir_;                // by area id (areas at other levels have no rows)
    std::vector<Run> runs_;
    std::size_t spilled_rows_ = 0;
    std::uint8_t setting_level_ = 0xFF;
    bool finished_ = false;
    // While loading: each setting's records not yet written, and a Bloom filter of the spilled
    // rows' key hashes (about ten bits a row) to find duplicates; both gone once finished.
    std::unordered_map<Id, std::vector<BlockRow>> pending_;
    std::size_t pending_rows_ = 0;
    SeenKeys load_keys_;
    core::SourceLocation spilled_duplicate_;  // the row the last kSpilledDuplicate repeats
    // (measure << 3 | level) -> the files with spilled rows of it: files_of(level, "", measure).
    std::unordered_map<std::uint64_t, std::vector<std::uint16_t>> spilled_files_;
    /// A number no other table (or copy) has: the per-thread caches' key.
    struct Uid {
        std::uint64_t v;
        Uid();
        Uid(const Uid&) : Uid() {}
        Uid& operator=(const Uid&) {
            v = Uid().v;
            return *this;
        }
    };
    Uid uid_;

    int add_resident(const Observation& o, Id measure, Id group, std::uint8_t level, Id area);
    int add_spilled(const Observation& o, Id measure, Id group, Id area);
    void encode_value(const Observation& o, std::int32_t& num, std::uint32_t& den, std::uint8_t& missing,
                      std::uint8_t& symbol);
    void refill_seen_keys();  ///< a larger filter, with every spilled key so far
    void flush_pending();
    std::vector<BlockRow> read_rows(Id area) const;  ///< the runs and the pending records, in order
    std::shared_ptr<AreaBlock> materialize(Id area) const;
    const AreaBlock* cached_block(Id area) const;
    bool spilled_level(std::string_view level) const;
    const AreaBlock::Slice* spilled_slice(std::string_view measure, std::string_view area) const;
    core::SourceLocation where_of(const BlockRow& r) const;
};

}  // namespace engine::data
