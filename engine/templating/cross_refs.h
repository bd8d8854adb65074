// templating: cross-references — `{{ figure.<id> }}` and `{{ table.<id> }}` print the number
// of the chart or table block with that `id`, in narrative before or after it. A name
// resolves to a marker at once (the numbers are known only when the whole report is built);
// the expander adds where it was written, and resolve_cross_refs puts the numbers in, or
// reports an unknown id there.
#pragma once

#include <string>
#include <vector>

#include "engine/core/diagnostic.h"
#include "engine/templating/value.h"

namespace engine::templating {

struct ExpandedReport;
class Expander;

enum class RefKind { Figure, Table };

/// The value of `figure` (or `table`): any id gives a marker for it.
Value cross_ref_value(RefKind kind);

/// Adds `where` (the located tag) to each marker `text` got from this expansion.
std::string locate_cross_refs(const std::string& text, Expander& ex, const core::SourceLocation& where);

/// A chart or table block with an `id`, and its number (0: it has no caption, so no number).
struct NumberedBlock {
    RefKind kind = RefKind::Figure;
    std::string id;
    int number = 0;
    core::SourceLocation where;
};

/// Replaces every marker in the report's text with its number. An id no block has, or one
/// without a number, is an error where the reference was written; an id given to two blocks
/// of a kind is an error at the second.
void resolve_cross_refs(ExpandedReport& report, const std::vector<NumberedBlock>& blocks,
                        core::DiagnosticSink& sink);

}  // namespace engine::templating
