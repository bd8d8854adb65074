#include "charts/render/cairo_painter.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include "charts/render/font_context.h"

namespace charts::render {

struct CairoPainter::Impl {
    cairo_t* cr = nullptr;
    detail::FontContext* fonts = nullptr;
    PangoContext* context = nullptr;
    PangoLayout* layout = nullptr;
};

CairoPainter::CairoPainter(cairo_t* cr, const FontPaths& fonts) : impl_(std::make_unique<Impl>()) {
    impl_->cr = cr;
    impl_->fonts = &detail::FontContext::for_thread(fonts);
    impl_->context = impl_->fonts->new_context();
    pango_cairo_update_context(cr, impl_->context);
    impl_->layout = pango_layout_new(impl_->context);
    pango_layout_context_changed(impl_->layout);
}

CairoPainter::~CairoPainter() {
    if (impl_->layout) g_object_unref(impl_->layout);
    if (impl_->context) g_object_unref(impl_->context);
}

namespace {

void trace(cairo_t* cr, const scene::Path& p) {
    cairo_new_path(cr);
    for (const scene::PathCmd& c : p.cmds) {
        switch (c.op) {
            case scene::PathOp::MoveTo:
                cairo_move_to(cr, c.pts[0].x, c.pts[0].y);
                break;
            case scene::PathOp::LineTo:
                cairo_line_to(cr, c.pts[0].x, c.pts[0].y);
                break;
            case scene::PathOp::CurveTo:
                cairo_curve_to(cr, c.pts[0].x, c.pts[0].y, c.pts[1].x, c.pts[1].y, c.pts[2].x,
                               c.pts[2].y);
                break;
            case scene::PathOp::Close:
                cairo_close_path(cr);
                break;
        }
    }
}

void set_colour(cairo_t* cr, const scene::Color& c, double opacity) {
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * opacity);
}

}  // namespace

void CairoPainter::fill_path(const scene::Path& path) {
    cairo_t* cr = impl_->cr;
    trace(cr, path);
    set_colour(cr, *path.fill, path.opacity);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_fill(cr);
}

void CairoPainter::stroke_path(const scene::Path& path) {
    cairo_t* cr = impl_->cr;
    trace(cr, path);
    set_colour(cr, *path.stroke, path.opacity);
    cairo_set_line_width(cr, path.line_width);
    cairo_set_dash(cr, path.dash.empty() ? nullptr : path.dash.data(),
                   static_cast<int>(path.dash.size()), 0.0);
    switch (path.cap) {
        case scene::LineCap::Butt:
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
            break;
        case scene::LineCap::Round:
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
            break;
        case scene::LineCap::Square:
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
            break;
    }
    switch (path.join) {
        case scene::LineJoin::Miter:
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
            break;
        case scene::LineJoin::Round:
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
            break;
        case scene::LineJoin::Bevel:
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL);
            break;
    }
    cairo_stroke(cr);
}

void CairoPainter::draw_text(const scene::Text& text) {
    cairo_t* cr = impl_->cr;
    PangoLayout* layout = impl_->layout;
    const double x = detail::lay_out_anchored(layout, *impl_->fonts, text);
    const double baseline = static_cast<double>(pango_layout_get_baseline(layout)) / PANGO_SCALE;
    set_colour(cr, text.color, 1.0);
    cairo_move_to(cr, x, text.pos.y - baseline);
    pango_cairo_show_layout(cr, layout);
    cairo_new_path(cr);
}

void CairoPainter::push_group(const std::optional<scene::Rect>& clip) {
    cairo_t* cr = impl_->cr;
    cairo_save(cr);
    if (clip) {
        cairo_new_path(cr);
        cairo_rectangle(cr, clip->x, clip->y, clip->width, clip->height);
        cairo_clip(cr);
    }
}

void CairoPainter::pop_group() { cairo_restore(impl_->cr); }

}  // namespace charts::render
