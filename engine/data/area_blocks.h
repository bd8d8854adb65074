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

}  // namespace engine::data
