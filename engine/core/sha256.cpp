#include "engine/core/sha256.h"

#include <nettle/sha2.h>

#include <cstdint>

namespace engine::core {

namespace {
std::string to_hex(const unsigned char* d, unsigned n) {
    static const char* kHex = "0123456789abcdef";
    std::string s;
    s.reserve(n * 2);
    for (unsigned i = 0; i < n; ++i) {
        s += kHex[d[i] >> 4];
        s += kHex[d[i] & 0xF];
    }
    return s;
}
sha256_ctx* ctx_of(void* p) { return static_cast<sha256_ctx*>(p); }
}  // namespace

std::string sha256_hex(std::string_view bytes) {
    Sha256 h;
    return h.add_raw(bytes).hex();
}

Sha256::Sha256() : ctx_(new sha256_ctx) { sha256_init(ctx_of(ctx_)); }

Sha256::~Sha256() { delete ctx_of(ctx_); }

Sha256& Sha256::add(std::string_view piece) {
    std::uint64_t len = piece.size();
    unsigned char prefix[8];
    for (int i = 0; i < 8; ++i) prefix[i] = static_cast<unsigned char>(len >> (8 * i));
    sha256_update(ctx_of(ctx_), sizeof prefix, prefix);
    return add_raw(piece);
}

Sha256& Sha256::add_raw(std::string_view bytes) {
    sha256_update(ctx_of(ctx_), bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
    return *this;
}

std::string Sha256::hex() {
    unsigned char md[SHA256_DIGEST_SIZE];
    sha256_digest(ctx_of(ctx_), sizeof md, md);
    return to_hex(md, sizeof md);
}

}  // namespace engine::core
