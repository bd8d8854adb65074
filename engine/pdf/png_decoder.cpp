#include "engine/pdf/png_decoder.h"

#include <png.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <utility>

#include "engine/core/diagnostic.h"

namespace engine::pdf {

namespace {

constexpr std::array<unsigned char, 8> kPngSignature = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A,
                                                        '\n'};
constexpr std::uint64_t kMaxPixels = 40'000'000;  // a logo; keeps memory bounded

[[noreturn]] void png_fail(const std::string& path, const std::string& message) {
    throw core::EngineError(core::SourceLocation{path, 0, 0}, message);
}

// Frees libpng's decoder state on every path out.
struct ImageGuard {
    png_image* image;
    ~ImageGuard() { png_image_free(image); }
};

}  // namespace

DecodedPng decode_png_file(const std::string& path) {
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) png_fail(path, "cannot open image file");
        in.seekg(0, std::ios::end);
        auto size = in.tellg();
        if (size < 0) png_fail(path, "cannot read image file");
        bytes.resize(static_cast<std::size_t>(size));
        in.seekg(0);
        in.read(bytes.data(), size);
        if (!in) png_fail(path, "cannot read image file");
    }
    if (bytes.size() < kPngSignature.size() ||
        std::memcmp(bytes.data(), kPngSignature.data(), kPngSignature.size()) != 0) {
        throw core::EngineError(core::SourceLocation{path, 0, 0},
                                "image file is not a PNG (bad signature)",
                                {"logos must be PNG files"});
    }

    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    ImageGuard guard{&image};
    if (png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()) == 0) {
        png_fail(path, std::string("damaged PNG: ") + image.message);
    }
    if (static_cast<std::uint64_t>(image.width) * image.height > kMaxPixels) {
        png_fail(path, "PNG too large for a logo (" + std::to_string(image.width) + " x " +
                       std::to_string(image.height) + " pixels)");
    }

    DecodedPng out;
    out.width = image.width;
    out.height = image.height;
    out.gray = (image.format & PNG_FORMAT_FLAG_COLOR) == 0;
    const bool has_alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    image.format = out.gray ? (has_alpha ? PNG_FORMAT_GA : PNG_FORMAT_GRAY)
                            : (has_alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB);
    std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(image));
    if (png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr) == 0) {
        png_fail(path, std::string("damaged PNG: ") + image.message);
    }

    if (!has_alpha) {
        out.color = std::move(pixels);
        return out;
    }
    // Split interleaved colour+alpha into the colour image and its soft mask.
    const std::size_t channels = out.gray ? 1 : 3;
    const std::size_t count = std::size_t{out.width} * out.height;
    out.color.resize(count * channels);
    out.alpha.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t* px = &pixels[i * (channels + 1)];
        std::copy(px, px + channels, &out.color[i * channels]);
        out.alpha[i] = px[channels];
    }
    if (std::all_of(out.alpha.begin(), out.alpha.end(), [](std::uint8_t a) { return a == 255; })) {
        out.alpha.clear();  // opaque after all: no soft mask needed
    }
    return out;
}

}  // namespace engine::pdf
