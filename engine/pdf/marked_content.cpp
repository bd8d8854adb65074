#include "engine/pdf/marked_content.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "engine/core/diagnostic.h"

namespace engine::pdf {

namespace {

const char* artifact_properties(layout::Artifact kind) {
    switch (kind) {
        case layout::Artifact::Header: return "<</Type /Pagination /Subtype /Header>>";
        case layout::Artifact::Footer: return "<</Type /Pagination /Subtype /Footer>>";
        case layout::Artifact::Pagination: return "<</Type /Pagination>>";
        case layout::Artifact::Layout:
        case layout::Artifact::None: break;
    }
    return "<</Type /Layout>>";
}

}  // namespace

std::string PageMarker::enter(const layout::Tag& tag, const char* what) {
    if (!tag.tagged()) {
        throw core::EngineError({}, std::string("a ") + what +
                                        " belongs to no structure element and is no artifact");
    }
    if (tag.element >= tree_.size()) {
        throw core::EngineError({}, std::string("a ") + what + " refers to structure element " +
                                        std::to_string(tag.element) + " of " +
                                        std::to_string(tree_.size()));
    }
    if (is_open_ && tag == open_) return {};
    std::string ops = finish();
    if (tag.element >= 0) {
        int mcid = next_mcid_++;
        refs_.push_back({tag.element, mcid, -1});
        ops += std::string("/") + layout::struct_type_name(tree_[tag.element].type) +
               " <</MCID " + std::to_string(mcid) + ">> BDC\n";
    } else {
        ops += std::string("/Artifact ") + artifact_properties(tag.artifact) + " BDC\n";
    }
    open_ = tag;
    is_open_ = true;
    return ops;
}

void PageMarker::annotation(const layout::Tag& tag) {
    if (tag.element < 0 || tag.element >= tree_.size()) {
        throw core::EngineError({}, "a link annotation belongs to no Link element");
    }
    refs_.push_back({tag.element, -1, next_annotation_++});
}

std::string PageMarker::finish() {
    if (!is_open_) return {};
    is_open_ = false;
    return "EMC\n";
}

bool write_page_operators(HPDF_Page page, const std::string& operators) {
    if (operators.empty()) return true;
    if (page == nullptr || page->attr == nullptr) return false;
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    if (attr->gmode != HPDF_GMODE_PAGE_DESCRIPTION || attr->stream == nullptr) return false;
    return HPDF_Stream_WriteStr(attr->stream, operators.c_str()) == HPDF_OK;
}

}  // namespace engine::pdf
