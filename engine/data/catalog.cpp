#include "engine/data/catalog.h"

namespace engine::data {

const MeasureInfo* Catalog::measure(const std::string& id) const {
    auto it = measures.find(id);
    return it == measures.end() ? nullptr : &it->second;
}

std::string Catalog::group_label(const std::string& id) const {
    auto it = groups.find(id);
    return it == groups.end() || it->second.label.empty() ? id : it->second.label;
}

}  // namespace engine::data
