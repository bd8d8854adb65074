#include "engine/templating/value.h"

namespace engine::templating {

Value Value::number(std::optional<core::Exact> v, NumberUnit unit, int dp, data::Missing why) {
    if (v) return Value(number_of(*v, unit, dp));
    return Value(MissingNumber{why, unit});
}

const Value* Value::get(const std::string& key) const {
    if (const LazyMap* l = lazy()) return l->get(key);
    if (!is_map()) return nullptr;
    const auto& m = map();
    auto it = m.find(key);
    return it == m.end() ? nullptr : &it->second;
}

bool Value::truthy() const {
    return std::visit(
        [](const auto& v) -> bool {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return false;
            else if constexpr (std::is_same_v<T, bool>) return v;
            else if constexpr (std::is_same_v<T, std::string>) return !v.empty();
            else if constexpr (std::is_same_v<T, MissingNumber>) return false;
            else if constexpr (std::is_same_v<T, std::shared_ptr<const ValueList>>) return !v->empty();
            else if constexpr (std::is_same_v<T, Markup>) return !v.text.empty();
            else return true;
        },
        data_);
}

std::string Value::kind_name() const {
    switch (data_.index()) {
        case 0: return "nothing";
        case 1: return "true/false";
        case 2: return "text";
        case 3: return "a number";
        case 4: return "a missing number";
        case 5: return "a date";
        case 6: return "a list";
        case 8: return "text";
        default: return "a map";
    }
}

}  // namespace engine::templating
