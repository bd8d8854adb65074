// layout: the logical structure of a laid-out report — the tagged-PDF structure tree the
// layout builds beside its pages (headings, paragraphs, lists, tables, figures, links, the
// contents), and the tag every page item carries: the element it belongs to, or the kind of
// artifact it is (running header and footer, rules, fills). The pdf stage writes both out.
#pragma once

#include <string>
#include <vector>

namespace engine::layout {

/// Standard structure types of ISO 32000-1 (14.8.4) that reports use; no role map needed.
enum class StructType {
    Document, Div, H1, H2, H3, H4, H5, H6, P, L, LI, Lbl, LBody, Table, THead, TBody, TR, TH,
    TD, Caption, Note, Figure, Link, TOC, TOCI, Reference, BlockQuote,
};

/// The PDF name of a structure type, without the slash ("H1", "TBody").
inline const char* struct_type_name(StructType type) {
    switch (type) {
        case StructType::Document: return "Document";
        case StructType::Div: return "Div";
        case StructType::H1: return "H1";
        case StructType::H2: return "H2";
        case StructType::H3: return "H3";
        case StructType::H4: return "H4";
        case StructType::H5: return "H5";
        case StructType::H6: return "H6";
        case StructType::P: return "P";
        case StructType::L: return "L";
        case StructType::LI: return "LI";
        case StructType::Lbl: return "Lbl";
        case StructType::LBody: return "LBody";
        case StructType::Table: return "Table";
        case StructType::THead: return "THead";
        case StructType::TBody: return "TBody";
        case StructType::TR: return "TR";
        case StructType::TH: return "TH";
        case StructType::TD: return "TD";
        case StructType::Caption: return "Caption";
        case StructType::Note: return "Note";
        case StructType::Figure: return "Figure";
        case StructType::Link: return "Link";
        case StructType::TOC: return "TOC";
        case StructType::TOCI: return "TOCI";
        case StructType::Reference: return "Reference";
        case StructType::BlockQuote: return "BlockQuote";
    }
    return "NonStruct";
}


enum class HeaderScope { None, Column, Row };

struct StructElement {
    StructType type = StructType::Document;
    int parent = -1;      ///< index of the parent element; -1 only for the Document root
    std::string alt;      ///< a Figure's /Alt; a Link's description (its annotations' /Contents)
    HeaderScope scope = HeaderScope::None;  ///< for TH
    int column_span = 1;  ///< for TH/TD spanning columns
    std::string id;       ///< /ID (a Note must have a unique one)
};

/// Element 0 is always the Document root. Elements are created in reading order.
class StructureTree {
public:
    StructureTree() { elements_.push_back({}); }
    int add(StructType type, int parent) {
        elements_.push_back({type, parent, {}, HeaderScope::None, 1, {}});
        return static_cast<int>(elements_.size()) - 1;
    }
    StructElement& operator[](int i) { return elements_[static_cast<std::size_t>(i)]; }
    const StructElement& operator[](int i) const { return elements_[static_cast<std::size_t>(i)]; }
    int size() const { return static_cast<int>(elements_.size()); }
    const std::vector<StructElement>& elements() const { return elements_; }

private:
    std::vector<StructElement> elements_;
};

/// What an artifact is (ISO 32000-1 14.8.2.2): a running header or footer (page numbers and the
/// protective marking included), other pagination (a table header repeated on a continuation
/// page), or layout (rules, fills, backgrounds, dot leaders, the logo).
enum class Artifact { None, Header, Footer, Pagination, Layout };

/// Where a page item belongs: a structure element, or an artifact. An item with neither is
/// untagged, which the pdf stage refuses when the document has a structure tree.
struct Tag {
    int element = -1;
    Artifact artifact = Artifact::None;

    static Tag of(int element_index) { return {element_index, Artifact::None}; }
    static Tag as(Artifact kind) { return {-1, kind}; }
    bool tagged() const { return element >= 0 || artifact != Artifact::None; }
    bool operator==(const Tag&) const = default;
};

}  // namespace engine::layout
