#include "engine/templating/format_value.h"


#include "engine/core/number_format.h"
#include "engine/core/text.h"

namespace engine::templating {

namespace {

std::string text_of(const Number& n) {
    core::NumberStyle st{n.dp, n.thousands || n.unit == NumberUnit::Count, n.plus_sign,
                         n.unit == NumberUnit::Percent ? "%" : ""};
    if (n.suffix) st.suffix = *n.suffix;
    st.suffix_one = n.suffix_one;
    return core::format_number(n.value, st);
}

// A number already turned into text by a filter keeps printing as that text.
std::string capitalize(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

}  // namespace

NumberUnit number_unit_of(const data::MeasureInfo& m) {
    switch (m.unit) {
        case data::Unit::Percent: return NumberUnit::Percent;
        case data::Unit::Number:
        case data::Unit::Count:
        case data::Unit::Days: return NumberUnit::Count;
        case data::Unit::Score: return NumberUnit::Plain;
    }
    return NumberUnit::Plain;
}

const std::vector<std::string>& filter_names() {
    static const std::vector<std::string> v = {
        "ppts", "pct", "num", "signed", "abs", "dp0", "dp1", "dp2", "int", "thousands",
        "date", "short_date", "iso", "month_year", "upper", "lower", "capitalize", "list",
        "count", "symbol", "plural", "agree"};
    return v;
}

std::optional<std::string> render_value(const Value& v, std::string& error) {
    return std::visit(
        [&](const auto& x) -> std::optional<std::string> {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>) return std::string();
            else if constexpr (std::is_same_v<T, bool>) return std::string(x ? "yes" : "no");
            else if constexpr (std::is_same_v<T, std::string>) return x;
            else if constexpr (std::is_same_v<T, Number>) return text_of(x);
            else if constexpr (std::is_same_v<T, MissingNumber>) return data::missing_words(x.why);
            else if constexpr (std::is_same_v<T, core::Date>) return core::format_long(x);
            else if constexpr (std::is_same_v<T, Markup>) return x.text;
            else if constexpr (std::is_same_v<T, std::shared_ptr<const ValueList>>) {
                error = "is a list: repeat it with {{#name}}…{{/name}}, or join it with '| list'";
                return std::nullopt;
            } else {
                error = "is a map: name one of its fields, e.g. {{ name.field }}";
                return std::nullopt;
            }
        },
        v.data());
}

namespace {

struct WordForms {
    std::string one, many;
    std::optional<std::string> none;  ///< the whole text for zero ("no settings"), if given
};

// "plural: child, children" → child / children; "plural: action" → action / actions;
// "plural: setting(s)", "child(ren)" → the word with and without its ending; a third form is
// printed instead of the number and word for zero: "plural: setting, settings, no settings".
std::optional<WordForms> word_forms(const std::string& args) {
    auto parts = core::split(args, ',');
    WordForms w;
    w.one = std::string(core::trim(parts[0]));
    if (w.one.empty() || parts.size() > 3) return std::nullopt;
    if (parts.size() == 1 && w.one.size() > 2 && w.one.back() == ')' && w.one.find('(') != std::string::npos) {
        const std::size_t open = w.one.find('(');
        w.many = w.one.substr(0, open) + w.one.substr(open + 1, w.one.size() - open - 2);
        w.one = w.one.substr(0, open);
        if (w.one.empty() || w.many == w.one) return std::nullopt;
        return w;
    }
    w.many = parts.size() >= 2 ? std::string(core::trim(parts[1])) : w.one + "s";
    if (w.many.empty()) return std::nullopt;
    if (parts.size() == 3) w.none = std::string(core::trim(parts[2]));
    return w;
}

}  // namespace

std::optional<Value> apply_filter(const Value& v, const std::string& filter, std::string& error) {
    // A filter may take arguments after a colon: "plural: child, children".
    const std::size_t colon = filter.find(':');
    const std::string f(core::trim(std::string_view(filter).substr(0, colon)));
    const std::string args =
        colon == std::string::npos ? "" : std::string(core::trim(filter.substr(colon + 1)));
    const auto& d = v.data();
    const Number* n = std::get_if<Number>(&d);
    const MissingNumber* m = std::get_if<MissingNumber>(&d);
    const core::Date* date = std::get_if<core::Date>(&d);

    auto numeric = [&](auto fn) -> std::optional<Value> {
        if (n) return fn(*n);
        if (m) return v;  // a missing number stays missing whatever the filter
        error = "filter '" + f + "' needs a number, got " + v.kind_name();
        return std::nullopt;
    };
    auto textual = [&](auto fn) -> std::optional<Value> {
        std::string err;
        auto s = render_value(v, err);
        if (!s) {
            error = "filter '" + f + "' needs text, but the value " + err;
            return std::nullopt;
        }
        return Value(fn(*s));
    };

    if (f == "plural" || f == "agree") {
        auto forms = word_forms(args);
        if (!forms) {
            error = "filter '" + f + "' needs the word, e.g. '" + f +
                    (f == "plural" ? ": action', '" + f + ": child, children', '" + f + ": setting(s)' or '" + f +
                                         ": setting, settings, no settings'"
                                   : ": was, were'");
            return std::nullopt;
        }
        // A list counts its items: {{ settings.list | plural: setting }}.
        const Value counted = v.is_list() ? Value(number_of(core::Exact(v.list().size()), NumberUnit::Count, 0)) : v;
        const Number* cn = std::get_if<Number>(&counted.data());
        if (!cn) {
            if (m) return v;  // a missing number stays missing
            error = "filter '" + f + "' needs a number or a list, got " + v.kind_name();
            return std::nullopt;
        }
        Number x = *cn;
        const std::string& word = core::displays_as_one(x.value, x.dp) ? forms->one : forms->many;
        if (f == "agree") return Value(word);
        if (forms->none && core::rounds_to_zero(x.value, x.dp)) return Value(*forms->none);
        return Value(text_of(x) + " " + word);
    }
    if (!args.empty()) {
        error = "filter '" + f + "' takes no arguments, got '" + args + "'";
        return std::nullopt;
    }
    if (f == "ppts" || f == "pct" || f == "num") {
        std::string sfx = f == "ppts" ? " ppts" : f == "pct" ? "%" : "";
        return numeric([&](Number x) -> Value {
            x.suffix = sfx;
            x.suffix_one = f == "ppts" ? " ppt" : "";  // "1 ppt", "−1 ppt"
            return Value(x);
        });
    }
    if (f == "signed") return numeric([](Number x) -> Value { x.plus_sign = true; return Value(x); });
    if (f == "abs") return numeric([](Number x) -> Value { x.value = x.value.abs(); return Value(x); });
    if (f == "dp0" || f == "dp1" || f == "dp2") {
        int dp = f[2] - '0';
        return numeric([dp](Number x) -> Value { x.dp = dp; return Value(x); });
    }
    if (f == "int") return numeric([](Number x) -> Value { x.dp = 0; return Value(x); });
    if (f == "thousands") return numeric([](Number x) -> Value { x.thousands = true; return Value(x); });
    if (f == "symbol") {
        if (m) return Value(data::display_symbol(m->why));
        if (n) return v;
        error = "filter 'symbol' needs a number, got " + v.kind_name();
        return std::nullopt;
    }
    if (f == "date" || f == "short_date" || f == "iso" || f == "month_year") {
        if (!date) {
            error = "filter '" + f + "' needs a date, got " + v.kind_name();
            return std::nullopt;
        }
        if (f == "date") return Value(core::format_long(*date));
        if (f == "short_date") return Value(core::format_short(*date));
        if (f == "iso") return Value(core::format_iso(*date));
        return Value(core::format_month_year(*date));
    }
    if (f == "upper") {
        return textual([](std::string s) {
            for (char& c : s)
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            return s;
        });
    }
    if (f == "lower") return textual([](std::string s) { return core::to_lower_ascii(s); });
    if (f == "capitalize") return textual([](std::string s) { return capitalize(std::move(s)); });
    if (f == "count") {
        if (!v.is_list()) {
            error = "filter 'count' needs a list, got " + v.kind_name();
            return std::nullopt;
        }
        return Value(number_of(core::Exact(v.list().size()), NumberUnit::Count, 0));
    }
    if (f == "list") {
        if (!v.is_list()) {
            error = "filter 'list' needs a list, got " + v.kind_name();
            return std::nullopt;
        }
        std::vector<std::string> parts;
        for (const auto& item : v.list()) {
            std::string err;
            auto s = render_value(item, err);
            if (!s) {
                error = "filter 'list' needs a list of printable values; an item " + err;
                return std::nullopt;
            }
            parts.push_back(*s);
        }
        std::string out;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i) out += i + 1 == parts.size() ? " and " : ", ";
            out += parts[i];
        }
        return Value(out);
    }
    error = "unknown filter '" + f + "'";
    return std::nullopt;
}

}  // namespace engine::templating
