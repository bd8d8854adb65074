// pdf: PNG files -> 8-bit pixels, decoded with libpng's simplified API, which reports errors
// instead of aborting. libharu's own PNG loader lets libpng abort() the process on a damaged
// file (e.g. a truncated IDAT), so libharu only ever receives raw pixels from here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace engine::pdf {

struct DecodedPng {
    unsigned width = 0;
    unsigned height = 0;
    bool gray = false;                ///< 1 colour channel, else 3 (RGB)
    std::vector<std::uint8_t> color;  ///< rows top to bottom, 8 bits per channel
    std::vector<std::uint8_t> alpha;  ///< one byte per pixel; empty when fully opaque
};

/// Decodes a whole PNG file. Throws EngineError naming the file when it cannot be read, is not
/// a PNG, is damaged, or is unreasonably large for a logo.
DecodedPng decode_png_file(const std::string& path);

}  // namespace engine::pdf
