#include "charts/render/export.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string_view>

#include "charts/render/cairo_painter.h"
#include "charts/render/render_scene.h"

namespace charts::render {

namespace {

// cairo calls this from C: it must not throw.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    try {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    } catch (...) {
        return CAIRO_STATUS_WRITE_ERROR;
    }
}

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("cairo: ") + what + ": " +
                                 cairo_status_to_string(status));
}

void check_size(const scene::Scene& s) {
    if (!(s.width > 0.0) || !(s.height > 0.0) || !std::isfinite(s.width) ||
        !std::isfinite(s.height))
        throw std::invalid_argument("chart scene has no size");
}

std::uint32_t crc32(std::string_view bytes) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : bytes) {
        c ^= b;
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

void put_be32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFFu);
}

// cairo writes no resolution, and Word and LibreOffice then assume 96 dpi and paste a 300-dpi
// chart at about three times its size. A pHYs chunk right after IHDR (signature 8 bytes +
// IHDR 25) states the dpi, so the picture arrives at the chart's size in points.
void add_png_resolution(std::string& png, double dpi) {
    constexpr std::size_t kAfterIhdr = 33;
    if (png.size() < kAfterIhdr || png.compare(12, 4, "IHDR") != 0) return;
    const auto per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    std::string body = "pHYs";
    put_be32(body, per_metre);
    put_be32(body, per_metre);
    body += '\x01';  // unit: metre
    std::string chunk;
    put_be32(chunk, 9);
    chunk += body;
    put_be32(chunk, crc32(body));
    png.insert(kAfterIhdr, chunk);
}

}  // namespace

std::string render_pdf(const std::vector<const scene::Scene*>& scenes, const FontPaths& fonts) {
    if (scenes.empty()) return "";
    for (const scene::Scene* s : scenes) check_size(*s);
    std::string out;
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_to_string, &out, scenes[0]->width,
                                                           scenes[0]->height));
    check(cairo_surface_status(surface.get()), "creating the PDF surface");
    // cairo stamps the wall clock otherwise (and ignores SOURCE_DATE_EPOCH).
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "");
    ContextPtr cr(cairo_create(surface.get()));
    check(cairo_status(cr.get()), "creating the PDF context");
    {
        CairoPainter painter(cr.get(), fonts);
        for (const scene::Scene* s : scenes) {
            cairo_pdf_surface_set_size(surface.get(), s->width, s->height);
            render_scene(*s, painter);
            cairo_show_page(cr.get());
        }
    }
    check(cairo_status(cr.get()), "drawing the PDF");
    cr.reset();
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "writing the PDF");
    return out;
}

std::string render_png(const scene::Scene& scene, double dpi, const FontPaths& fonts) {
    if (!(dpi > 0.0) || !std::isfinite(dpi))
        throw std::invalid_argument("PNG dpi must be positive");
    check_size(scene);
    const double scale = dpi / 72.0;
    const long w = std::lround(scene.width * scale);
    const long h = std::lround(scene.height * scale);
    if (w < 1 || h < 1 || w > 32767 || h > 32767)
        throw std::invalid_argument("PNG size out of range: " + std::to_string(w) + " x " +
                                    std::to_string(h) + " px");
    SurfacePtr surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(w), static_cast<int>(h)));
    check(cairo_surface_status(surface.get()), "creating the image");
    ContextPtr cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1.0, 1.0, 1.0);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), scale, scale);
    {
        CairoPainter painter(cr.get(), fonts);
        render_scene(scene, painter);
    }
    check(cairo_status(cr.get()), "drawing the PNG");
    cr.reset();
    cairo_surface_flush(surface.get());
    std::string out;
    check(cairo_surface_write_to_png_stream(surface.get(), append_to_string, &out),
          "writing the PNG");
    add_png_resolution(out, dpi);
    return out;
}

}  // namespace charts::render
