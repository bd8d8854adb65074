// core: the one number type for published figures — an exact rational (a 128-bit numerator
// over a positive 128-bit denominator, always in lowest terms). Decimal text from a CSV
// ("65.1" = 651/10) and numerator ÷ cohort (927 × 100 / 1312) are both held exactly, so gaps,
// changes, trajectory points and every status comparison are exact; rounding happens once, in
// number_format. Doubles exist only at the chart boundary (to_double).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace engine::core {

__extension__ typedef __int128 Int128;

class Exact {
public:
    using Int = Int128;

    constexpr Exact() = default;  ///< zero
    /// Any whole number (counts, years); implicit so that `Exact x = 3` reads naturally.
    Exact(long long n) : num_(n) {}  // NOLINT(google-explicit-constructor)
    Exact(long n) : num_(n) {}       // NOLINT(google-explicit-constructor)
    Exact(int n) : num_(n) {}        // NOLINT(google-explicit-constructor)
    Exact(unsigned long n) : num_(static_cast<Int>(n)) {}       // NOLINT
    Exact(unsigned long long n) : num_(static_cast<Int>(n)) {}  // NOLINT
    Exact(unsigned n) : num_(n) {}                              // NOLINT
    Exact(double) = delete;  ///< no silent binary floating point: use parse or ratio

    /// num / den in lowest terms. Throws std::domain_error when den is 0.
    static Exact ratio(Int num, Int den);
    /// A plain decimal ("45", "-3.25", "+0.5", ".5"); nullopt for anything else (exponents,
    /// thousands separators, units, more than 30 digits).
    static std::optional<Exact> parse(std::string_view text);

    Int num() const { return num_; }
    Int den() const { return den_; }
    int sign() const { return num_ < 0 ? -1 : num_ > 0 ? 1 : 0; }
    bool is_zero() const { return num_ == 0; }
    bool is_whole() const { return den_ == 1; }
    Exact abs() const { return num_ < 0 ? -*this : *this; }
    /// The nearest double, for chart geometry only (never for a printed figure).
    double to_double() const;
    /// The exact decimal expansion when there is one with at most `max_dp` places
    /// (651/10 → "65.1"), else the fraction "2/3"; for messages and tests.
    std::string debug_text(int max_dp = 12) const;

    Exact operator-() const;
    friend Exact operator+(const Exact& a, const Exact& b);
    friend Exact operator-(const Exact& a, const Exact& b);
    friend Exact operator*(const Exact& a, const Exact& b);
    /// Throws std::domain_error on division by zero.
    friend Exact operator/(const Exact& a, const Exact& b);
    Exact& operator+=(const Exact& b) { return *this = *this + b; }
    Exact& operator-=(const Exact& b) { return *this = *this - b; }

    /// Exact three-way comparison that cannot overflow (Euclid on the continued fractions).
    friend int compare(const Exact& a, const Exact& b);
    friend bool operator==(const Exact& a, const Exact& b) {
        return a.num_ == b.num_ && a.den_ == b.den_;
    }
    friend bool operator!=(const Exact& a, const Exact& b) { return !(a == b); }
    friend bool operator<(const Exact& a, const Exact& b) { return compare(a, b) < 0; }
    friend bool operator<=(const Exact& a, const Exact& b) { return compare(a, b) <= 0; }
    friend bool operator>(const Exact& a, const Exact& b) { return compare(a, b) > 0; }
    friend bool operator>=(const Exact& a, const Exact& b) { return compare(a, b) >= 0; }

private:
    Int num_ = 0;
    Int den_ = 1;
};

/// Writes debug_text() (test failure messages, diagnostics); never used for a printed figure.
std::ostream& operator<<(std::ostream& out, const Exact& v);

}  // namespace engine::core
