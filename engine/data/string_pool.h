// data: interned strings — each distinct text stored once and named by a small integer id, so a
// table column of repeated names (levels, areas, groups, measures) is a column of ids.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace engine::data {

class StringPool {
public:
    using Id = std::uint32_t;

    StringPool() = default;
    // The index holds views of the kept strings, so a copy re-points it at its own.
    StringPool(const StringPool& o) : names_(o.names_) { reindex(); }
    StringPool& operator=(const StringPool& o) {
        if (this != &o) {
            names_ = o.names_;
            reindex();
        }
        return *this;
    }
    // A moved deque keeps its elements where they are, so the views stay good.
    StringPool(StringPool&&) noexcept = default;
    StringPool& operator=(StringPool&&) noexcept = default;

    /// The id of `s`, adding it when new (ids count up from 0 in order of first appearance).
    Id intern(std::string_view s) {
        auto it = ids_.find(s);
        if (it != ids_.end()) return it->second;
        const Id id = static_cast<Id>(names_.size());
        const std::string& kept = names_.emplace_back(s);  // a deque: earlier strings never move
        ids_.emplace(std::string_view(kept), id);
        return id;
    }
    /// The id of `s`, or nullopt when the pool has never seen it.
    std::optional<Id> find(std::string_view s) const {
        auto it = ids_.find(s);
        if (it == ids_.end()) return std::nullopt;
        return it->second;
    }
    const std::string& name(Id id) const { return names_[id]; }
    std::size_t size() const { return names_.size(); }

private:
    void reindex() {
        ids_.clear();
        for (std::size_t i = 0; i < names_.size(); ++i) ids_.emplace(std::string_view(names_[i]), static_cast<Id>(i));
    }
    std::deque<std::string> names_;
    std::unordered_map<std::string_view, Id> ids_;
};

}  // namespace engine::data
