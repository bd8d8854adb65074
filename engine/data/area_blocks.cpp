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
constexpr std::size_t kBlockBits = sizeof(SeenKeys::Block) * 8;

// A key's bits all lie in one 64-byte block (the hash's low bits choose it), so a lookup or an
// insertion costs one cache miss where seven probes across the whole filter cost seven; the
// price is a slightly higher false-positive rate (about 1.2 % rather than 0.8 %), which only
// means an exact comparison more often. The bits within the block come from a remix of the
// hash, nine bits each.
template <class Visit>
bool for_each_bit(std::uint64_t hash, std::size_t blocks, Visit visit) {
    const std::size_t block = hash & (blocks - 1);
    std::uint64_t bits = (hash >> 32 | hash << 32) * 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < kProbes; ++i, bits >>= 9) {
        const unsigned bit = static_cast<unsigned>(bits) & (kBlockBits - 1);
        if (!visit(block, bit >> 6, std::uint64_t{1} << (bit & 63))) return false;
    }
    return true;
}

}  // namespace

void SeenKeys::size_for(std::size_t n) {
    std::size_t blocks = 16;  // 8 Kbit at least
    while (blocks * kBlockBits < n * kBitsPerKey) blocks *= 2;
    blocks_.assign(blocks, Block{});
    capacity_ = blocks * kBlockBits / kBitsPerKey;
    count_ = 0;
}

void SeenKeys::reserve(std::size_t n) {
    if (count_ == 0 && (blocks_.empty() || n > capacity_)) size_for(n);
}

void SeenKeys::grow() { size_for(2 * std::max<std::size_t>(capacity_, 1)); }

void SeenKeys::clear() {
    std::vector<Block>().swap(blocks_);
    capacity_ = count_ = 0;
}

bool SeenKeys::maybe_seen(std::uint64_t hash) const {
    if (blocks_.empty()) return false;
    return for_each_bit(hash, blocks_.size(), [&](std::size_t b, unsigned w, std::uint64_t m) { return (blocks_[b].words[w] & m) != 0; });
}

void SeenKeys::add(std::uint64_t hash) {
    if (blocks_.empty()) size_for(0);
    for_each_bit(hash, blocks_.size(), [&](std::size_t b, unsigned w, std::uint64_t m) {
        blocks_[b].words[w] |= m;
        return true;
    });
    ++count_;
}

}  // namespace engine::data
