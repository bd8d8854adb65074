// templating: the series_table block — one row per figure row (figures.h: any measure, group,
// area and comparator), one column per period, each cell the row's value, gap or change at
// that period, symbols kept ("c", "x"); optionally a last column with the change from the
// first period to the last. The result is an ordinary Table of the document tree, so the
// PDF tags it and the HTML page writes it exactly as every other table.
#pragma once

#include <vector>

#include "engine/templating/doc_tree.h"
#include "engine/templating/template_spec.h"
#include "engine/templating/value.h"

namespace engine::templating {

class Expander;

/// The table of a series_table block, without its caption (the caller numbers it). Names
/// that do not resolve are errors at the row's `figure`.
Table build_series_table(const BlockSpec& block, Expander& ex, const std::vector<const Value*>& scopes);

}  // namespace engine::templating
