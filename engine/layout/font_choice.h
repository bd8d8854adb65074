// layout: the batch's font choice made into files — a brand family found by name through
// fontconfig (batch.fonts.family, searching batch.fonts.dir first), Liberation Sans and DejaVu
// Sans behind it; and which characters of a laid-out report no chosen font has.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/core/diagnostic.h"
#include "engine/layout/fonts.h"
#include "engine/layout/page.h"

namespace engine::layout {

/// The font files of a batch. With no family and no folder: the defaults, unchanged. A folder
/// replaces each default file it holds by name (LiberationSans-Regular.ttf …). A family is
/// matched by fontconfig for regular, bold and italic (its nearest style when it lacks one);
/// it must be a TrueType font (.ttf) under that very name, else an error at `where` naming
/// the installed families closest to it. Errors go to `sink`; nullopt then.
std::optional<FontFiles> resolve_fonts(const std::string& family, const std::string& dir,
                                       const core::SourceLocation& where, core::DiagnosticSink& sink);

/// A character that no chosen font has (it would print as an empty box), with the first text
/// it is in.
struct MissingGlyph {
    char32_t code_point = 0;
    std::string text;
};

/// Every character of `texts` that neither the body face nor its fallbacks have (controls and
/// spaces aside), each once, in order of first appearance.
std::vector<MissingGlyph> missing_glyphs(const std::vector<std::string>& texts, const class Fonts& fonts);

/// The text runs of a laid-out document, in order (what missing_glyphs checks).
std::vector<std::string> document_texts(const Document& doc);

/// "no chosen font has the character '☃' (U+2603), in \"Snow ☃ day\": it prints as an empty box".
std::string missing_glyph_message(const MissingGlyph& g);

}  // namespace engine::layout
