// charts render: the cairo backend — paths with cairo, text with pango on the chart fonts. One
// painter draws onto one cairo context (PDF, PNG or SVG surface alike).
#pragma once

#include <memory>
#include <optional>

#include "charts/render/fonts.h"
#include "charts/render/painter.h"

typedef struct _cairo cairo_t;

namespace charts::render {

class CairoPainter final : public Painter {
  public:
    /// Draws on `cr` (not owned; its current transformation must be set before the painter is
    /// made). Throws std::runtime_error naming a missing font file.
    CairoPainter(cairo_t* cr, const FontPaths& fonts = {});
    ~CairoPainter() override;
    CairoPainter(const CairoPainter&) = delete;
    CairoPainter& operator=(const CairoPainter&) = delete;

    void fill_path(const scene::Path& path) override;
    void stroke_path(const scene::Path& path) override;
    void draw_text(const scene::Text& text) override;
    void push_group(const std::optional<scene::Rect>& clip) override;
    void pop_group() override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace charts::render
