// core: SHA-256 digests for the run manifest and incremental builds (Nettle: GnuTLS under qpdf
// loads it anyway, and it uses the CPU's SHA instructions; docs/performance.md).
#pragma once

#include <string>
#include <string_view>

namespace engine::core {

/// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

/// Incremental hashing of several pieces (each length-prefixed, so ("ab","c") != ("a","bc")).
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    Sha256& add(std::string_view piece);
    /// The bytes as they are, with no length before them: a file hashed in steps this way has
    /// the digest sha256_hex gives for it whole.
    Sha256& add_raw(std::string_view bytes);
    std::string hex();

private:
    void* ctx_;
};

}  // namespace engine::core
