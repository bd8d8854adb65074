// templating: the values placeholders resolve to — text, typed numbers (with their unit and
// display precision), missing numbers (with their reason), dates, booleans, lists and maps.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/core/civil_date.h"
#include "engine/data/value.h"

namespace engine::templating {

/// How a number is shown by default and by the unit filters.
enum class NumberUnit { Plain, Percent, Ppts, Count };

struct Number {
    core::Exact value;  ///< exact; formatted once, by core::format_number
    NumberUnit unit = NumberUnit::Plain;
    int dp = 1;
    // Display flags set by filters; the number is formatted once, when printed.
    bool plus_sign = false;          ///< "+1.2" (signed)
    bool thousands = false;          ///< "12,345" (thousands; counts have it by default)
    std::optional<std::string> suffix;  ///< overrides the unit's suffix (ppts, pct, num)
    std::string suffix_one;  ///< the suffix when the number shows as 1 or −1 (" ppt"); "" = same
};

inline Number number_of(core::Exact value, NumberUnit unit, int dp) {
    Number n;
    n.value = value;
    n.unit = unit;
    n.dp = dp;
    return n;
}

struct MissingNumber {
    data::Missing why = data::Missing::Empty;
    NumberUnit unit = NumberUnit::Plain;
};

/// Text that is already inline markup (expanded narrative): inserted without escaping.
struct Markup {
    std::string text;
};

class Value;
using ValueList = std::vector<Value>;
using ValueMap = std::map<std::string, Value>;

/// A map whose entries are worked out when first named (figures.h: every measure × group ×
/// area × period of the data, far too many to build up front). get() returns an address that
/// stays valid while the map lives; hint_keys() are the names offered by "did you mean"
/// lists over the whole context (a few), all_keys() every name get() accepts (for the hint
/// when a name under this map is wrong), why_not() a reason a name is refused, if it has one.
class LazyMap {
public:
    virtual ~LazyMap() = default;
    virtual const Value* get(const std::string& key) const = 0;
    virtual std::vector<std::string> hint_keys() const = 0;
    virtual std::vector<std::string> all_keys() const { return hint_keys(); }
    virtual std::string why_not(const std::string& key) const {
        (void)key;
        return "";
    }
};

class Value {
public:
    using Data = std::variant<std::monostate, bool, std::string, Number, MissingNumber, core::Date,
                              std::shared_ptr<const ValueList>, std::shared_ptr<const ValueMap>,
                              Markup, std::shared_ptr<const LazyMap>>;

    Value() = default;
    Value(bool b) : data_(b) {}
    Value(std::string s) : data_(std::move(s)) {}
    Value(const char* s) : data_(std::string(s)) {}
    Value(Number n) : data_(n) {}
    Value(MissingNumber m) : data_(m) {}
    Value(core::Date d) : data_(d) {}
    Value(Markup m) : data_(std::move(m)) {}
    Value(ValueList l) : data_(std::make_shared<const ValueList>(std::move(l))) {}
    Value(ValueMap m) : data_(std::make_shared<const ValueMap>(std::move(m))) {}
    Value(std::shared_ptr<const LazyMap> m) : data_(std::move(m)) {}

    /// A number, or a missing number when `v` has no value.
    static Value number(std::optional<core::Exact> v, NumberUnit unit, int dp,
                        data::Missing why = data::Missing::Empty);

    bool is_null() const { return std::holds_alternative<std::monostate>(data_); }
    bool is_list() const { return std::holds_alternative<std::shared_ptr<const ValueList>>(data_); }
    bool is_map() const { return std::holds_alternative<std::shared_ptr<const ValueMap>>(data_); }
    const ValueList& list() const { return *std::get<std::shared_ptr<const ValueList>>(data_); }
    const ValueMap& map() const { return *std::get<std::shared_ptr<const ValueMap>>(data_); }
    /// The lazy map, or nullptr.
    const LazyMap* lazy() const {
        const auto* p = std::get_if<std::shared_ptr<const LazyMap>>(&data_);
        return p ? p->get() : nullptr;
    }
    const Data& data() const { return data_; }

    /// Child by key (maps and lazy maps); nullptr when absent.
    const Value* get(const std::string& key) const;
    /// Truthiness for sections and `if:`: false, empty text, missing numbers, empty lists and
    /// null are false.
    bool truthy() const;
    /// "a map", "a list", "text" … for messages.
    std::string kind_name() const;

private:
    Data data_;
};

}  // namespace engine::templating
