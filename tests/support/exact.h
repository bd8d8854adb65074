// tests: exact numbers written as decimal text, so a test reads like the data it stands for.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "engine/core/exact.h"

namespace test {

/// "65.1" → 651/10 exactly. Throws on text that is not a plain decimal (a typo in a test).
inline engine::core::Exact dec(std::string_view text) {
    auto v = engine::core::Exact::parse(text);
    if (!v) throw std::invalid_argument("not a decimal: " + std::string(text));
    return *v;
}

/// n / d exactly.
inline engine::core::Exact frac(long long n, long long d) { return engine::core::Exact::ratio(n, d); }

}  // namespace test
