// charts render: scenes out as files in memory — one multi-page PDF for all the charts of a
// report (vector, fonts shared, deterministic), and standalone PNG for authors (SVG: svg_painter.h).
#pragma once

#include <string>
#include <vector>

#include "charts/render/fonts.h"
#include "charts/scene/scene.h"

namespace charts::render {

/// One in-memory PDF with page i sized to scenes[i] (points) and scene i drawn on it. No
/// creation date, so the same scenes always give the same bytes. Pages are transparent (for
/// placing as form XObjects). No scenes give "". Throws std::runtime_error on a cairo failure or
/// a missing font file. Safe to call from several threads at once.
std::string render_pdf(const std::vector<const scene::Scene*>& scenes, const FontPaths& fonts = {});

/// A PNG of `scene` at `dpi` on a white background: round(width/72*dpi) × round(height/72*dpi)
/// pixels, with the dpi recorded (pHYs) so office programs place it at its size in points.
/// Throws std::invalid_argument for a non-positive dpi, std::runtime_error on failure.
std::string render_png(const scene::Scene& scene, double dpi, const FontPaths& fonts = {});

}  // namespace charts::render
