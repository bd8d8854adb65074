// Unit tests: brand fonts — a family found by name through fontconfig, the fallback from it
// to Liberation Sans and DejaVu Sans, the located error for a family that is not installed,
// and the warning text for a character no chosen font has.
#include <catch2/catch.hpp>

#include <filesystem>

#include "engine/layout/font_choice.h"
#include "engine/layout/font_metrics.h"
#include "tests/support/temp_dir.h"

using namespace engine;
using layout::FontFace;

namespace {

const core::SourceLocation kAt{"batch.yaml", 7, 13};

std::string file_name(const layout::FontFiles& f, FontFace face) {
    return std::filesystem::path(f.path(face)).filename().string();
}

}  // namespace

TEST_CASE("with no family and no folder the font files are the defaults unchanged", "[layout][fonts]") {
    core::DiagnosticSink sink;
    auto files = layout::resolve_fonts("", "", kAt, sink);
    REQUIRE(files);
    CHECK(files->paths == layout::FontFiles{}.paths);
    CHECK_FALSE(files->branded());
    CHECK(sink.diagnostics().empty());
}

TEST_CASE("a family chosen by name is found by fontconfig as TrueType files for regular bold and italic",
          "[layout][fonts]") {
    core::DiagnosticSink sink;
    auto files = layout::resolve_fonts("DejaVu Serif", "", kAt, sink);
    REQUIRE(files);
    CHECK(files->branded());
    CHECK(file_name(*files, FontFace::Regular) == "DejaVuSerif.ttf");
    CHECK(file_name(*files, FontFace::Bold) == "DejaVuSerif-Bold.ttf");
    CHECK(file_name(*files, FontFace::Italic) == "DejaVuSerif-Italic.ttf");
    // Behind it: Liberation Sans, then DejaVu Sans.
    CHECK(file_name(*files, FontFace::Latin) == "LiberationSans-Regular.ttf");
    CHECK(file_name(*files, FontFace::Symbol) == "DejaVuSans.ttf");
    auto again = layout::resolve_fonts("dejavu serif", "", kAt, sink);  // fontconfig ignores case
    REQUIRE(again);
    CHECK(again->paths == files->paths);
}

TEST_CASE("a brand family falls back to Liberation Sans and then to DejaVu Sans for what it lacks",
          "[layout][fonts]") {
    core::DiagnosticSink sink;
    auto files = layout::resolve_fonts("DejaVu Serif", "", kAt, sink);
    REQUIRE(files);
    const layout::Fonts fonts(*files);
    CHECK(fonts.face_for(U'A', FontFace::Regular) == FontFace::Regular);
    CHECK(fonts.face_for(U'A', FontFace::Bold) == FontFace::Bold);
    // Code points the brand family lacks: the first Liberation Sans has, the first only DejaVu
    // Sans has.
    char32_t latin = 0, symbol = 0;
    for (char32_t cp = 0x21; cp < 0x10000 && (!latin || !symbol); ++cp) {
        if (fonts.face(FontFace::Regular).has(cp)) continue;
        if (!latin && fonts.face(FontFace::Latin).has(cp)) latin = cp;
        else if (!symbol && !fonts.face(FontFace::Latin).has(cp) && fonts.face(FontFace::Symbol).has(cp)) symbol = cp;
    }
    REQUIRE(latin != 0);
    REQUIRE(symbol != 0);
    CHECK(fonts.face_for(latin, FontFace::Regular) == FontFace::Latin);
    CHECK(fonts.face_for(latin, FontFace::Italic) == FontFace::LatinItalic);
    CHECK(fonts.face_for(symbol, FontFace::Regular) == FontFace::Symbol);
    CHECK(fonts.face_for(symbol, FontFace::Bold) == FontFace::SymbolBold);
    // Without a brand family the Latin faces are never chosen.
    const layout::Fonts plain{layout::FontFiles{}};
    for (char32_t cp : {latin, symbol, U'A', U'\u2713'}) CHECK(plain.face_for(cp, FontFace::Regular) != FontFace::Latin);
}

TEST_CASE("a family that is not installed is an error at its key naming the closest installed family",
          "[layout][fonts]") {
    core::DiagnosticSink sink;
    CHECK_FALSE(layout::resolve_fonts("DejaVu Serf", "", kAt, sink));
    REQUIRE(sink.diagnostics().size() == 1);
    const std::string text = core::format_diagnostic(sink.diagnostics().front());
    CHECK(text.find("batch.yaml:7:13: error: font family 'DejaVu Serf' is not installed") != std::string::npos);
    CHECK(text.find("did you mean 'DejaVu Serif'?") != std::string::npos);
}

TEST_CASE("a fonts folder replaces the default files it holds by name", "[layout][fonts]") {
    test::TempDir dir;
    std::filesystem::copy_file("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", dir.path() / "DejaVuSans.ttf");
    core::DiagnosticSink sink;
    auto files = layout::resolve_fonts("", dir.path().string(), kAt, sink);
    REQUIRE(files);
    CHECK(files->path(FontFace::Symbol) == (dir.path() / "DejaVuSans.ttf").string());
    CHECK(files->path(FontFace::Regular) == layout::FontFiles{}.path(FontFace::Regular));
}

TEST_CASE("a character no chosen font has is named with its code point and the text it is in",
          "[layout][fonts]") {
    const layout::Fonts fonts{layout::FontFiles{}};
    auto missing = layout::missing_glyphs({"GLD 65% \u2713 on target", "Snow \u4E2D day", "again \u4E2D"}, fonts);
    REQUIRE(missing.size() == 1);  // ✓ is DejaVu Sans's; 中 is nobody's, named once
    CHECK(missing[0].code_point == U'\u4E2D');
    CHECK(layout::missing_glyph_message(missing[0]) ==
          "no chosen font has the character '\u4E2D' (U+4E2D), in \"Snow \u4E2D day\": it prints as an empty box");
}
