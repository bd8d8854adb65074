// pdf: marked content in libharu's page content streams — libharu 2.3.0 has no BDC/EMC, so
// the pdf stage writes them into the page's stream itself (through libharu's installed
// internal headers), one sequence per run of page items with the same tag, and records which
// structure element owns each MCID and each link annotation for the structure tree.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

#include "engine/layout/structure.h"

namespace engine::pdf {

/// One piece of a page's tagged content, in drawing (= reading) order: marked content `mcid`
/// or the page's annotation number `annotation` (its index in /Annots), owned by `element`.
struct ContentRef {
    int element = 0;
    int mcid = -1;
    int annotation = -1;
};

/// Decides, item by item, where marked-content sequences begin and end on one page.
class PageMarker {
public:
    explicit PageMarker(const layout::StructureTree& tree) : tree_(tree) {}

    /// Operators to write before an item tagged `tag` is drawn: nothing when it continues the
    /// open sequence, else "EMC" for the open one and "/Type <</MCID n>> BDC" (or an Artifact
    /// BDC) for the new one. Throws EngineError naming `what` for an untagged item or an
    /// element that does not exist.
    std::string enter(const layout::Tag& tag, const char* what);
    /// Records the page's next link annotation as owned by `tag`'s Link element.
    void annotation(const layout::Tag& tag);
    /// "EMC" when a sequence is open, else nothing.
    std::string finish();

    const std::vector<ContentRef>& refs() const { return refs_; }

private:
    const layout::StructureTree& tree_;
    std::vector<ContentRef> refs_;
    layout::Tag open_;
    bool is_open_ = false;
    int next_mcid_ = 0;
    int next_annotation_ = 0;
};

/// Appends raw operators to a libharu page's content stream. Only outside text and path
/// objects (libharu's page-description mode); returns false when libharu is in another mode
/// or the write fails.
bool write_page_operators(HPDF_Page page, const std::string& operators);

}  // namespace engine::pdf
