// layout: our own line breaker (TECH.md §2: libharu's TextRect and MeasureText cannot be used
// for paginated text). Breaks rich text at spaces, hard-breaks words wider than the line at
// code-point boundaries, and emits runs of one face each, measured with the drawing font.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/layout/font_metrics.h"
#include "engine/layout/page.h"

namespace engine::layout {

/// A span of text in one style, before line breaking.
struct StyledText {
    std::string text;
    FontFace face = FontFace::Regular;  ///< Regular, Bold or Italic
    Rgb color;
    std::string link;  ///< URI, or empty
};

/// A run on a line, with x relative to the line start.
struct LineRun {
    double x = 0;
    double width = 0;
    FontFace face = FontFace::Regular;
    Rgb color;
    std::string text;
    std::string link;
};

struct LineBox {
    std::vector<LineRun> runs;
    double width = 0;  ///< natural width of the line's content
    bool word_continues = false;  ///< the line ends inside a word too wide for a line
};

/// Breaks `spans` into lines no wider than `max_width` at `size` points. A '\n' forces a break.
std::vector<LineBox> break_lines(const std::vector<StyledText>& spans, double size,
                                 double max_width, const Fonts& fonts);

/// A word too wide for its line (a URL, a long compound) in the pieces the line breaker may
/// break it into: after / - _ . ? & =; a web address (with "://", or starting "www.") only
/// after / and .
std::vector<std::string> split_long_word(std::string_view word);

/// Words longer than this many bytes may be broken at split_long_word's points in narrow
/// table columns; shorter ones ("2016/17") are kept whole when columns are fitted.
inline constexpr std::size_t kLongWord = 24;

/// The widest piece a column must hold for `word`: the word itself, or for a long word its
/// longest split_long_word piece.
std::string longest_unbreakable(std::string_view word);

/// Tables shrink their text in steps of this many points, to this floor, before a table whose
/// columns still cannot fit is refused (never printed with broken words).
inline constexpr double kTableSizeStep = 0.5;
inline constexpr double kTableMinSize = 7.0;

/// One table cell's text, for fitting the columns.
struct CellText {
    std::vector<StyledText> spans;
    bool nowrap = false;  ///< kept on one line (status cells, `nowrap` columns)
    bool header = false;  ///< header text wraps at spaces only, whatever the word's length
};

/// A date as reports print it — "17 September 2015", "17 Sep 2015", "September 2015" — which a
/// table keeps on one line like a number.
bool looks_like_date(std::string_view text);

/// What each column of a table needs at one text size, padding included: `min` is its widest
/// piece that must not break (a word, a number, a date; the whole cell when nowrap), `pref`
/// its widest cell set on one line.
struct ColumnNeeds {
    std::vector<double> min, pref;
    double min_total() const;
};

/// Measures the columns of `rows` (each row one cell per column, the header row included).
ColumnNeeds measure_columns(const std::vector<std::vector<CellText>>& rows, std::size_t ncol,
                            double size, double pad_x, const Fonts& fonts);

}  // namespace engine::layout
