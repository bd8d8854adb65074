// data: the rows of one setting kept outside the observation store's resident columns — a
// fixed-size record a row (ids into the store's string pools, the exact value, the counts as
// codes, the place in the file), written to a spill file while loading, and an area's records
// read back and indexed ("materialized") when a report or a full walk asks for them.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/data/period.h"

namespace engine::data {

/// A row at level Setting as it is spilled: its area and level are its block's.
struct BlockRow {
    Period period;
    std::uint32_t measure = 0, group = 0;  ///< ids in the store's pools
    std::int32_t num = 0;                  ///< the exact value num/den (den 0: num indexes the big values)
    std::uint32_t den = 1;
    std::uint32_t cohort = 0, numerator = 0;  ///< count codes, as the store's columns hold them
    std::uint32_t line = 0;
    std::uint32_t seq = 0;              ///< the row's place among the rows at level Setting, for counts_
    std::uint32_t resident_before = 0;  ///< resident rows added before it: rows in file order across both
    std::uint16_t file = 0, column = 0;
    std::uint8_t missing = 0, symbol = 0;
};

/// One setting's rows, read back: in the order they were added, with a small index by
/// (measure, group, period) and the per-measure lists the store's queries answer from.
struct AreaBlock {
    struct Slice {
        std::uint32_t measure = 0;
        std::vector<Period> periods;  // ascending
        std::vector<std::uint32_t> groups;       // first appearance
        std::vector<std::uint16_t> files;        // first appearance
    };

    std::uint32_t area = 0;
    std::vector<BlockRow> rows;
    std::vector<Slice> slices;  ///< one per measure, in order of first appearance
    Period latest;              ///< the latest period of any row (rows is never empty)

    /// Marks a reader may keep beside the rows (disclosure decisions), with whose they are.
    mutable std::vector<std::uint8_t> marks;
    mutable std::uint64_t marked_by = 0;

    /// Builds the index and the lists from `rows`.
    void build();
    std::optional<std::uint32_t> find(std::uint32_t measure, std::uint32_t group, int period) const;
    const Slice* slice(std::uint32_t measure) const;

private:
    std::vector<std::uint32_t> slots_;  // row + 1; 0 is free; a power of two, under half full
};

/// The keys of the rows spilled so far, while loading, as a Bloom filter of their 64-bit
/// hashes: about ten bits a row (a false "seen" one time in a hundred, which only makes the
/// store read the setting's rows back and compare them exactly), where a table of the hashes
/// took 32 bits a row and more.
class SeenKeys {
public:
    /// Room for about `n` keys (a hint): the filter is made larger and filled again from
    /// `all_keys` when more are added than it was sized for.
    void reserve(std::size_t n);
    bool maybe_seen(std::uint64_t hash) const;
    void add(std::uint64_t hash);
    /// Past the keys it was sized for: the caller makes it larger (grow) and adds every key again.
    bool full() const { return count_ >= capacity_; }
    void grow();
    void clear();
    std::size_t bytes() const { return blocks_.capacity() * sizeof(Block); }

    /// A cache line of the filter: every bit of a key is in one.
    struct alignas(64) Block {
        std::uint64_t words[8];
    };

private:
    void size_for(std::size_t n);
    std::vector<Block> blocks_;  // a power of two of them
    std::size_t capacity_ = 0, count_ = 0;
};

}  // namespace engine::data
