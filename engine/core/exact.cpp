#include "engine/core/exact.h"

#include <cstdint>
#include <numeric>
#include <ostream>
#include <stdexcept>
#include <utility>

#include "engine/core/diagnostic.h"

namespace engine::core {

namespace {

using Int = Exact::Int;

[[noreturn]] void overflow() {
    // Realistic figures stay far inside 128 bits (docs/metrics.md); this is a loud stop, never
    // a quiet wrong number.
    throw EngineError(SourceLocation{}, "exact arithmetic overflowed 128 bits",
                      {"a figure's denominator grew beyond 10^38; please report the data that "
                       "caused it"});
}

Int mul(Int a, Int b) {
    Int r;
    if (__builtin_mul_overflow(a, b, &r)) overflow();
    return r;
}
Int add(Int a, Int b) {
    Int r;
    if (__builtin_add_overflow(a, b, &r)) overflow();
    return r;
}

Int abs_int(Int a) { return a < 0 ? -a : a; }

Int gcd(Int a, Int b) {
    a = abs_int(a);
    b = abs_int(b);
    // Figures from CSVs fit in 64 bits: Euclid there avoids the slow 128-bit division.
    constexpr Int kMax64 = static_cast<Int>(UINT64_MAX);
    if (a <= kMax64 && b <= kMax64)
        return std::gcd(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
    while (b != 0) {
        Int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

// Floor division for b > 0.
Int floor_div(Int a, Int b) {
    Int q = a / b;
    if ((a % b != 0) && (a < 0)) --q;
    return q;
}

std::string int_text(Int v) {
    if (v == 0) return "0";
    bool neg = v < 0;
    std::string s;
    while (v != 0) {
        int d = static_cast<int>(v % 10);
        s.insert(s.begin(), static_cast<char>('0' + (d < 0 ? -d : d)));
        v /= 10;
    }
    return neg ? "-" + s : s;
}

}  // namespace

Exact Exact::ratio(Int num, Int den) {
    if (den == 0) throw std::domain_error("Exact::ratio: zero denominator");
    if (den < 0) {
        num = mul(num, -1);
        den = mul(den, -1);
    }
    Exact e;
    if (den == 1) {  // a whole number (a count, a figure without decimals): nothing to reduce
        e.num_ = num;
        return e;
    }
    Int g = gcd(num, den);
    if (g > 1) {
        num /= g;
        den /= g;
    }
    e.num_ = num;
    e.den_ = den;
    return e;
}

namespace {

/// n / d in lowest terms where d is a power of ten: the only factors the two can share are
/// twos and fives, so a few halvings and divisions by five do what Euclid would.
std::pair<std::int64_t, std::int64_t> reduce_decimal(std::int64_t n, std::int64_t d) {
    if (n == 0) return {0, 1};
    while (d % 2 == 0 && n % 2 == 0) {
        n /= 2;
        d /= 2;
    }
    while (d % 5 == 0 && n % 5 == 0) {
        n /= 5;
        d /= 5;
    }
    return {n, d};
}

}  // namespace

std::optional<Exact> Exact::parse(std::string_view s) {
    if (s.empty()) return std::nullopt;
    std::size_t i = 0;
    bool neg = false;
    if (s[0] == '-' || s[0] == '+') {
        neg = s[0] == '-';
        i = 1;
    }
    bool digits = false, dot = false;
    // Fast path: a figure of at most 18 characters has at most 18 digits, which 64 bits hold
    // (nearly every figure of a data file).
    if (s.size() <= 18) {
        std::int64_t num = 0, den = 1;
        for (; i < s.size(); ++i) {
            const char c = s[i];
            if (c >= '0' && c <= '9') {
                digits = true;
                num = num * 10 + (c - '0');
                if (dot) den *= 10;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return std::nullopt;
            }
        }
        if (!digits) return std::nullopt;
        auto [n, d] = reduce_decimal(neg ? -num : num, den);
        Exact e;
        e.num_ = n;
        e.den_ = d;
        return e;
    }
    Int num = 0, den = 1;
    int count = 0;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            digits = true;
            if (num != 0 || c != '0') ++count;
            if (count > 30) return std::nullopt;
            num = num * 10 + (c - '0');
            if (dot) {
                if (den > static_cast<Int>(1000000000000000000LL) * 1000000000000LL)
                    return std::nullopt;
                den *= 10;
            }
        } else if (c == '.' && !dot) {
            dot = true;
        } else {
            return std::nullopt;
        }
    }
    if (!digits) return std::nullopt;
    return ratio(neg ? -num : num, den);
}

double Exact::to_double() const {
    // Whole part and remainder separately, so large numerators keep their precision.
    Int q = floor_div(num_, den_);
    Int r = num_ - q * den_;
    return static_cast<double>(q) + static_cast<double>(r) / static_cast<double>(den_);
}

std::string Exact::debug_text(int max_dp) const {
    Int p10 = 1;
    for (int places = 0; places <= max_dp; ++places, p10 *= 10) {
        if (p10 % den_ != 0) continue;
        std::string digits = int_text(abs_int(num_ * (p10 / den_)));
        if (places > 0) {
            while (static_cast<int>(digits.size()) <= places) digits.insert(digits.begin(), '0');
            digits.insert(digits.end() - places, '.');
        }
        return (num_ < 0 ? "-" : "") + digits;
    }
    return int_text(num_) + "/" + int_text(den_);
}

Exact Exact::operator-() const {
    Exact e;
    e.num_ = mul(num_, -1);
    e.den_ = den_;
    return e;
}

Exact operator+(const Exact& a, const Exact& b) {
    if (a.den_ == b.den_) return Exact::ratio(add(a.num_, b.num_), a.den_);
    Int g = gcd(a.den_, b.den_);
    Int bd = b.den_ / g;
    return Exact::ratio(add(mul(a.num_, bd), mul(b.num_, a.den_ / g)), mul(a.den_, bd));
}

Exact operator-(const Exact& a, const Exact& b) { return a + (-b); }

Exact operator*(const Exact& a, const Exact& b) {
    // Cross-reduce first so intermediate products stay small.
    Int g1 = gcd(a.num_, b.den_), g2 = gcd(b.num_, a.den_);
    if (g1 == 0) g1 = 1;
    if (g2 == 0) g2 = 1;
    return Exact::ratio(mul(a.num_ / g1, b.num_ / g2), mul(a.den_ / g2, b.den_ / g1));
}

Exact operator/(const Exact& a, const Exact& b) {
    if (b.num_ == 0) throw std::domain_error("Exact: division by zero");
    Exact inv;
    inv.num_ = b.num_ < 0 ? -b.den_ : b.den_;
    inv.den_ = abs_int(b.num_);
    return a * inv;
}

int compare(const Exact& x, const Exact& y) {
    // Compare a/b with c/d (b, d > 0) by their continued fractions: no products, no overflow.
    Int a = x.num_, b = x.den_, c = y.num_, d = y.den_;
    if (b == d) return a < c ? -1 : a > c ? 1 : 0;
    // Fast path: when all four fit in 64 bits the cross products fit in 128, each one a single
    // widening multiplication.
    auto fits64 = [](Int v) { return v == static_cast<Int>(static_cast<std::int64_t>(v)); };
    if (fits64(a) && fits64(b) && fits64(c) && fits64(d)) {
        auto wide = [](Int p, Int q) {
            return static_cast<Int>(static_cast<std::int64_t>(p)) * static_cast<std::int64_t>(q);
        };
        const Int l = wide(a, d), r = wide(c, b);
        return l < r ? -1 : l > r ? 1 : 0;
    }
    int flip = 1;
    for (;;) {
        Int qa = floor_div(a, b), qc = floor_div(c, d);
        if (qa != qc) return (qa < qc ? -1 : 1) * flip;
        Int ra = a - qa * b, rc = c - qc * d;  // 0 <= ra < b, 0 <= rc < d
        if (ra == 0 || rc == 0) {
            if (ra == rc) return 0;
            return (ra == 0 ? -1 : 1) * flip;
        }
        // ra/b < rc/d  ⇔  b/ra > d/rc
        a = b;
        b = ra;
        c = d;
        d = rc;
        flip = -flip;
    }
}

std::ostream& operator<<(std::ostream& out, const Exact& v) { return out << v.debug_text(); }

}  // namespace engine::core
