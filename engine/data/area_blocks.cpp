#include "engine/data/area_blocks.h"

#include <algorithm>

namespace engine::data {

// docs/scheduling.md gives the temporary disk a batch needs as 52 bytes a setting's row.
static_assert(sizeof(BlockRow) == 52, "a spilled row's size is in the docs");

namespace {

std::uint32_t slot_hash(std::uint32_t measure, std::uint32_t group, int period) {
    std::uint64_t h = (std::uint64_t{measure} << 40) ^ (std::uint64_t{group} << 20) ^ static_cast<std::uint32_t>(period);
    h *= 0x9E3779B97F4A7C15ull;
    return static_cast<std::uint32_t>(h >> 32);
}

template <class T>
void add_unique(std::vector<T>& v, const T& x) {
    if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

}  // namespace

void AreaBlock::build() {
    std::size_t n = 16;
    while (n < rows.size() * 2) n *= 2;
    slots_.assign(n, 0);
    const std::size_t mask = n - 1;
    slices.clear();
    for (std::uint32_t i = 0; i < rows.size(); ++i) {
        const BlockRow& r = rows[i];
        std::size_t s = slot_hash(r.measure, r.group, r.period.sort_key()) & mask;
        while (slots_[s] != 0) s = (s + 1) & mask;
        slots_[s] = i + 1;
        if (i == 0 || latest < r.period) latest = r.period;
        auto sl = std::find_if(slices.begin(), slices.end(), [&](const Slice& x) { return x.measure == r.measure; });
        if (sl == slices.end()) {
            slices.emplace_back();
            sl = slices.end() - 1;
            sl->measure = r.measure;
        }
        auto p = std::lower_bound(sl->periods.begin(), sl->periods.end(), r.period);
        if (p == sl->periods.end() || !(*p == r.period)) sl->periods.insert(p, r.period);
        add_unique(sl->groups, r.group);
        add_unique(sl->files, r.file);
    }
}

std::optional<std::uint32_t> AreaBlock::find(std::uint32_t measure, std::uint32_t group, int period) const {
    if (slots_.empty()) return std::nullopt;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = slot_hash(measure, group, period) & mask;; s = (s + 1) & mask) {
        const std::uint32_t slot = slots_[s];
        if (slot == 0) return std::nullopt;
        const BlockRow& r = rows[slot - 1];
        if (r.measure == measure && r.group == group && r.period.sort_key() == period) return slot - 1;
    }
}

const AreaBlock::Slice* AreaBlock::slice(std::uint32_t measure) const {
    for (const Slice& s : slices)
        if (s.measure == measure) return &s;
    return nullptr;
}

namespace {

constexpr int kProbes = 7;        // for ten bits a key: about 1 % false positives
constexpr std::size_t kBitsPerKey = 10;

}  // namespace

void SeenKeys::size_for(std::size_t n) {
    std::size_t words = 128;  // 8 Kbit at least
    while (words * 64 < n * kBitsPerKey) words *= 2;
    words_.assign(words, 0);
    capacity_ = words * 64 / kBitsPerKey;
    count_ = 0;
}

void SeenKeys::reserve(std::size_t n) {
    if (count_ == 0 && (words_.empty() || n > capacity_)) size_for(n);
}

void SeenKeys::grow() { size_for(2 * std::max<std::size_t>(capacity_, 1)); }

void SeenKeys::clear() {
    std::vector<std::uint64_t>().swap(words_);
    capacity_ = count_ = 0;
}

bool SeenKeys::maybe_seen(std::uint64_t hash) const {
    if (words_.empty()) return false;
    const std::uint64_t mask = words_.size() * 64 - 1;
    const std::uint64_t step = (hash >> 32 | hash << 32) | 1;  // double hashing
    for (int i = 0; i < kProbes; ++i, hash += step)
        if (!(words_[(hash & mask) >> 6] >> (hash & 63) & 1)) return false;
    return true;
}

void SeenKeys::add(std::uint64_t hash) {
    if (words_.empty()) size_for(0);
    const std::uint64_t mask = words_.size() * 64 - 1;
    const std::uint64_t step = (hash >> 32 | hash << 32) | 1;
    for (int i = 0; i < kProbes; ++i, hash += step) words_[(hash & mask) >> 6] |= std::uint64_t{1} << (hash & 63);
    ++count_;
}

}  // namespace engine::data
