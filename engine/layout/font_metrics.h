// layout: measuring text with the fonts that will draw it. Widths come from each TrueType
// file's advance widths (FreeType, unscaled), truncated to 1/1000 em exactly as libharu does,
// so measured and drawn text agree. Coverage tells which face draws each code point: the body
// family first (Liberation Sans or the brand family), then Liberation Sans, then DejaVu Sans. Loaded once, then shared read-only by threads.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/layout/fonts.h"

namespace engine::layout {

/// Metrics of one TrueType face, in 1/1000 em.
class FaceMetrics {
public:
    /// Loads a .ttf file. Throws core::EngineError naming the file when it cannot be read.
    static std::unique_ptr<FaceMetrics> load(const std::string& path);

    bool has(char32_t cp) const { return find(cp) >= 0; }
    /// Advance width of a code point (the face's missing-glyph width when not covered).
    int advance(char32_t cp) const;
    int ascent() const { return ascent_; }
    int descent() const { return descent_; }  ///< negative
    int cap_height() const { return cap_height_; }
    const std::string& path() const { return path_; }

private:
    /// The width of a covered code point, -1 when the face lacks it.
    int find(char32_t cp) const;

    std::string path_;
    // The covered code points in ascending order (as the cmap yields them) and their widths,
    // read in one pass at load: a few thousand per face, so no node per code point (the
    // hash map this replaced cost about 1 ms of a cold run); Latin-1 looked up directly.
    std::vector<char32_t> code_points_;
    std::vector<int> widths_;
    std::array<int, 256> latin1_{};
    int missing_width_ = 0;
    int ascent_ = 0, descent_ = 0, cap_height_ = 0;
};

/// A run of text in one face.
struct FaceRun {
    FontFace face;
    std::string text;
    double width = 0;  ///< at the size asked for
};

/// The report fonts: every face of FontFiles, measured the same way libharu draws them.
class Fonts {
public:
    /// Loads all faces; throws core::EngineError naming a missing file.
    explicit Fonts(const FontFiles& files);

    const FontFiles& files() const { return files_; }
    const FaceMetrics& face(FontFace f) const { return *faces_[static_cast<std::size_t>(f)]; }

    /// The face that draws `cp` when `preferred` is asked for (the symbol fallback when the
    /// preferred face lacks it).
    FontFace face_for(char32_t cp, FontFace preferred) const;

    /// Splits UTF-8 text into runs per face, with widths at `size` points.
    std::vector<FaceRun> runs(std::string_view text, FontFace preferred, double size) const;

    /// Width in points of text at `size`, with fallback.
    double width(std::string_view text, FontFace preferred, double size) const;

    /// Ascent and descent (positive) in points for the body face.
    double ascent(double size) const { return face(FontFace::Regular).ascent() * size / 1000.0; }
    double descent(double size) const { return -face(FontFace::Regular).descent() * size / 1000.0; }

private:
    FontFiles files_;
    std::array<std::shared_ptr<const FaceMetrics>, kFontFaceCount> faces_;  // shared when files repeat
};

}  // namespace engine::layout
