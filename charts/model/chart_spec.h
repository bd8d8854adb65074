// charts model: what to draw — one plain struct per chart kind, filled by the engine from
// metrics and template options. No geometry here; charts::compose turns a spec into a scene.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "charts/model/palette.h"

namespace charts::model {

/// A value that may be absent: nullopt means missing or suppressed. Charts draw it as a break
/// (lines) or a "c" label (bars), never as zero.
using Value = std::optional<double>;

/// The symbol a chart shows for an absent value when its spec names none.
inline const char* const kSuppressedSymbol = "c";

/// `symbol`, or "c" when it is empty: how an absent value is written in labels and tables.
inline std::string absent_symbol(const std::string& symbol) {
    return symbol.empty() ? std::string(kSuppressedSymbol) : symbol;
}

/// The words around every chart (Analysis Function: a headline title stating the finding, a
/// statistical subtitle, then source and notes in a caption).
struct ChartText {
    std::string title;     ///< headline, bold, left-aligned; empty = none
    std::string subtitle;  ///< measure, population, place, period
    std::string source;    ///< caption line, e.g. "Source: DfE KS2 attainment, 2019"
    std::string note;      ///< caption line after the source
    /// When true and the chart kind can state one, the title is the generated finding
    /// ("The KS2 gap narrowed by 2.1 ppts since 2012/13"); otherwise `title` is used.
    bool finding_title = false;
    /// Overrides the generated alt text when not empty (templates can supply their own).
    std::string alt_text;
    /// The caption of the report's table that gives the chart's figures, or "": the alt text
    /// then ends "The table ‘…’ gives the figures." when it cannot list them all.
    std::string table;
    /// Abbreviations the alt text spells out, on top of (and overriding) the built-in table
    /// of charts/compose/plain_words.h, e.g. {"HWB", "Health and Wellbeing Board"}.
    std::vector<std::pair<std::string, std::string>> plain_words;
};

enum class MarkerShape { Circle, Square, Triangle, Diamond, TriangleDown, None };

/// The marker of the i-th series when a chart has more than three (a second cue beside colour,
/// for greyscale prints and colour-blind readers): circle, square, triangle, diamond, down
/// triangle, then round again.
constexpr MarkerShape series_marker(std::size_t i) {
    constexpr MarkerShape kShapes[] = {MarkerShape::Circle, MarkerShape::Square, MarkerShape::Triangle,
                                       MarkerShape::Diamond, MarkerShape::TriangleDown};
    return kShapes[i % 5];
}

/// A status (or any other class) as the caller wants it shown: the word, its colour, the text
/// colour that reads on that colour, and a marker shape. Charts know nothing of the engine's
/// status enums; colour is never the only signal, so the word is always drawn too.
struct Category {
    std::string label;                         ///< "On target", "At risk" …
    Color fill = palette::kStatusMidGrey;      ///< bar / segment colour
    Color text_on_fill = palette::kText;       ///< text drawn on `fill`
    MarkerShape marker = MarkerShape::Square;  ///< shape shown next to the word
};

/// One line (or one set of bars) with a value per period / category.
struct Series {
    std::string name;  ///< direct label / legend text, e.g. "Disadvantaged"
    Color color = palette::kDarkBlue;
    std::vector<Value> values;  ///< one per period (or category); nullopt = break
    MarkerShape marker = MarkerShape::Circle;
    bool dashed = false;  ///< e.g. a national reference line
    /// Per value, the symbol of an absent one as the report's tables show it ("c" suppressed,
    /// "x" not available, "z" …); shorter than `values` or "" means "c".
    std::vector<std::string> symbols = {};

    /// The symbol for value i when it is absent (see `symbols`).
    std::string symbol_at(std::size_t i) const {
        return absent_symbol(i < symbols.size() ? symbols[i] : std::string());
    }
};

/// A numeric axis.
struct ValueAxis {
    std::string label;  ///< axis title, drawn above the axis (vertical) or below it (horizontal)
    std::string unit;   ///< suffix for tick and value labels, e.g. "%"; may be empty
    std::optional<double> min;  ///< fixed lower end; nullopt = from the data (nice ticks)
    std::optional<double> max;  ///< fixed upper end; nullopt = from the data (nice ticks)
    int decimals = 0;           ///< decimals in value labels and alt text
    bool include_zero = false;  ///< auto range always reaches 0 (bars always do)
    /// A rating scale's steps, lowest first, each with its word (1 "Beginning" … 4 "Mature"):
    /// when given, the ticks are exactly these values, labelled with the words, the axis ends
    /// at the last step, and value labels and alt text name the word of a whole step.
    std::vector<std::pair<double, std::string>> steps = {};

    /// The word of the step v is on ("" when v is no step, or there are no steps).
    std::string step_label(double v) const {
        for (const auto& [value, word] : steps)
            if (value == v) return word;
        return "";
    }

    /// A fixed 0–100 percentage axis.
    static ValueAxis percent(std::string axis_label, int dp = 0) {
        ValueAxis a;
        a.label = std::move(axis_label);
        a.unit = "%";
        a.min = 0.0;
        a.max = 100.0;
        a.decimals = dp;
        return a;
    }
};

inline const char* const kDefaultSuppressedNote =
    "Breaks in a line are values that are suppressed (small numbers) or not available.";

/// (a) Gap trend: a group and its comparator over periods, the gap between them shaded,
/// optionally a national/reference line and a target line or trajectory.
struct GapTrendSpec {
    ChartText text;
    std::string measure;               ///< short name for alt text and findings, e.g. "KS2 RWM"
    /// What the gap is in, for the generated title ("The gap in <phrase> narrowed …"), e.g.
    /// "parents taking part"; empty = `measure`.
    std::string measure_phrase;
    std::vector<std::string> periods;  ///< x labels in order, e.g. "2011/12"
    Series group;                      ///< e.g. "Disadvantaged" (dark blue)
    Series comparator;                 ///< e.g. "Not disadvantaged"
    std::optional<Series> reference;   ///< e.g. "England", usually grey and dashed
    /// Target in the units of the y axis (one value per period, nullopt where none). Several
    /// values draw a dashed trajectory; a single value draws a target marker.
    std::optional<Series> target;
    bool shade_gap = true;          ///< shade between group and comparator where both exist
    ValueAxis y;                    ///< unit "%" gives labels like "47%"
    std::string gap_unit = "ppts";  ///< unit of the gap in words ("ppts" becomes "ppt" for 1)
    std::string suppressed_note = kDefaultSuppressedNote;  ///< caption when any value is absent
    bool label_values = true;  ///< direct labels with the last value instead of a legend
};

/// One measure's row in a gap-against-target bar chart.
struct GapTargetRow {
    std::string label;  ///< measure, e.g. "KS2 reading, writing and maths"
    Value gap;          ///< nullopt = absent: `gap_symbol` is drawn at 0
    Value target;       ///< target gap: a marker line crossing the bar; nullopt = none
    Category status;    ///< bar colour, and the status word printed at the bar end
    std::string gap_symbol = {};  ///< the symbol of an absent gap ("" = "c")
};

/// (b) Gap against target by measure: horizontal bars coloured by status, a target marker,
/// and the status word on every row.
struct GapTargetBarsSpec {
    ChartText text;
    std::vector<GapTargetRow> rows;
    ValueAxis x;  ///< label e.g. "Gap (percentage points)"; starts at 0 unless a gap is negative
    std::string gap_unit = "ppts";        ///< used in alt text
    std::string target_label = "Target";  ///< key entry for the marker line
    /// What a row's value is, for alt text: "gap" (against a target), or e.g. "rating" for
    /// bars of a status rule, whose marker is the earlier value (`target_label` its period).
    std::string value_noun = "gap";
    std::string value_noun_plural = "gaps";
};

/// (c) Latest values for groups across categories (e.g. measures): vertical grouped bars.
struct GroupedBarsSpec {
    ChartText text;
    std::vector<std::string> categories;  ///< x groups, e.g. measures
    std::vector<Series> groups;           ///< one bar per category each; values per category
    ValueAxis y;                          ///< bars always start at 0
    bool value_labels = true;             ///< value (or "c") above each bar
    /// The groups are periods (a rating at two dates): alt text says what rose and fell
    /// between them rather than which group is below the other.
    bool groups_are_periods = false;
};

/// One row of the action status chart.
struct ActionStatusRow {
    std::string label;        ///< objective, or "All actions"
    std::vector<int> counts;  ///< one per status, in ActionStatusSpec::statuses order
};

/// (d) Action-plan status: a 100%-stacked horizontal bar per row, counts in the segments, a
/// key "<status> (<count>)".
struct ActionStatusSpec {
    ChartText text;
    std::vector<Category> statuses;  ///< in reporting order, e.g. Complete, On track, At risk …
    std::vector<ActionStatusRow> rows;
    /// The last row is the total ("All actions"): it is set apart and the key counts come from
    /// it. Otherwise the key counts are the sums over all rows.
    bool last_row_is_total = false;
    std::string item_noun = "actions";  ///< alt text and findings: "5 of 12 actions …"
    std::string item_noun_one = "action";  ///< the same for a count of one: "1 of 1 action"
};

/// One entity (e.g. a setting) in a distribution.
struct DistributionPoint {
    std::string label;  ///< shown only for the highlighted entity
    Value value;        ///< nullopt = suppressed: counted in a note, not drawn
    std::string symbol = {};  ///< the symbol of an absent value in the values table ("" = "c")
};

/// (e) Distribution across entities: a sorted dot plot, one entity optionally highlighted, the
/// median marked and labelled.
struct DistributionSpec {
    ChartText text;
    std::vector<DistributionPoint> points;
    std::optional<std::size_t> highlight;  ///< index into `points`
    ValueAxis y;                           ///< the value axis (vertical), e.g. the gap
    std::string value_name = "gap";        ///< alt text: "the gap in 48 settings"
    std::string measure;                   ///< short name for alt text, e.g. "GLD"; may be empty
    std::string value_unit = "ppts";       ///< alt text unit, e.g. "ppts"
    std::string entity_noun = "settings";  ///< plural noun, for the axis and notes
    std::string entity_noun_one = "setting";  ///< singular, for a count of one ("1 setting")
    std::string median_label = "Median";   ///< e.g. "Project median"
};

/// (f) Several series over periods with direct labels (e.g. GLD by area against England),
/// optionally a target line.
struct LineChartSpec {
    ChartText text;
    std::string measure;  ///< short name for alt text, e.g. "GLD"
    std::vector<std::string> periods;
    std::vector<Series> series;
    std::optional<Series> target;  ///< as in GapTrendSpec
    ValueAxis y;
    std::string suppressed_note = kDefaultSuppressedNote;
    bool label_values = true;  ///< direct labels with the last value instead of a legend
};

using ChartSpec = std::variant<GapTrendSpec, GapTargetBarsSpec, GroupedBarsSpec, ActionStatusSpec,
                               DistributionSpec, LineChartSpec>;

/// The kind's name, for messages: "gap trend", "gap against target", "grouped bars",
/// "action status", "distribution", "line chart".
const char* chart_kind_name(const ChartSpec& spec);

}  // namespace charts::model
