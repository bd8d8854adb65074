// pdf: the structure tree of a tagged PDF, written in the libqpdf finishing pass from the
// layout's StructureTree and what each page's content stream holds (the MCIDs and link
// annotations PageMarker recorded): StructTreeRoot, one StructElem per element, the
// ParentTree, /StructParents on pages, and /StructParent and /Contents on link annotations.
#pragma once

#include <vector>

#include "engine/pdf/marked_content.h"

class QPDF;
class QPDFPageObjectHelper;

namespace engine::layout {
class StructureTree;
}

namespace engine::pdf {

/// Writes the tree into `pdf`. `refs[p]` lists page p's tagged content in reading order. An
/// element's children come in the order their content is drawn; an element with no content
/// (an empty table cell) keeps its place after its preceding sibling. Does nothing for a tree
/// with only the root. Throws EngineError when a ref names a page or annotation that does not
/// exist.
void write_structure_tree(QPDF& pdf, std::vector<QPDFPageObjectHelper>& pages,
                          const layout::StructureTree& tree,
                          const std::vector<std::vector<ContentRef>>& refs);

}  // namespace engine::pdf
