// pdf: the sRGB profile that every PDF's output intent embeds unless the batch names its own
// (batch.icc_profile).
#pragma once

#include <string>

namespace engine::pdf {

/// Little CMS's built-in sRGB IEC61966-2.1 display profile (ICC v4.3, parametric tone curves,
/// about 600 bytes), described as "sRGB IEC61966-2.1" and dated 2000-01-01 so that it is the
/// same bytes in every run. Made once per process; safe to call from several threads.
///
/// Why this profile and not a profile file: a profile whose tone curves are tables (like
/// icc-profiles-free's sRGB.icc, 6,922 bytes) makes readers built on poppler build a colour
/// transform for every graphics state they start, which is slow (`pdfinfo -struct-text` of a
/// 2-page setting summary: 2.1 s against 0.45 s with this one; docs/accessibility.md).
const std::string& builtin_srgb_profile();

}  // namespace engine::pdf
