#include "engine/pdf/structure_tree.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <string>

#include "engine/core/diagnostic.h"
#include "engine/layout/structure.h"

namespace engine::pdf {

namespace {

using layout::StructType;

// A child of a structure element: another element, or content on a page.
struct Kid {
    int element = -1;  // >= 0: a child element
    int page = -1;
    int mcid = -1;        // marked content on `page`
    int annotation = -1;  // or an annotation of `page` (an OBJR)
};

class TreeBuilder {
public:
    TreeBuilder(const layout::StructureTree& tree)
        : tree_(tree), kids_(static_cast<std::size_t>(tree.size())),
          attached_(static_cast<std::size_t>(tree.size()), false) {
        attached_[0] = true;
    }

    void add(int page, const ContentRef& ref) {
        attach(ref.element);
        kids_[idx(ref.element)].push_back({-1, page, ref.mcid, ref.annotation});
    }

    // Elements without content keep their place after the previous sibling that has one.
    void attach_empty() {
        for (int e = 1; e < tree_.size(); ++e)
            if (!attached_[idx(e)]) attach(e, /*by_sibling=*/true);
    }

    const std::vector<Kid>& kids(int e) const { return kids_[idx(e)]; }

private:
    static std::size_t idx(int e) { return static_cast<std::size_t>(e); }

    void attach(int e, bool by_sibling = false) {
        if (attached_[idx(e)]) return;
        int parent = tree_[e].parent;
        if (parent < 0 || parent >= e) {
            throw core::EngineError({}, "structure element " + std::to_string(e) +
                                            " has no parent before it");
        }
        attach(parent, by_sibling);
        auto& siblings = kids_[idx(parent)];
        auto at = siblings.end();
        if (by_sibling) {
            at = siblings.begin();
            for (auto k = siblings.begin(); k != siblings.end(); ++k)
                if (k->element >= 0 && k->element < e) at = k + 1;
        }
        siblings.insert(at, Kid{e, -1, -1, -1});
        attached_[idx(e)] = true;
    }

    const layout::StructureTree& tree_;
    std::vector<std::vector<Kid>> kids_;
    std::vector<bool> attached_;
};

QPDFObjectHandle name(const std::string& n) { return QPDFObjectHandle::newName("/" + n); }

QPDFObjectHandle table_attributes(const layout::StructElement& el) {
    if (el.scope == layout::HeaderScope::None && el.column_span <= 1) return {};
    QPDFObjectHandle a = QPDFObjectHandle::newDictionary();
    a.replaceKey("/O", name("Table"));
    if (el.scope != layout::HeaderScope::None)
        a.replaceKey("/Scope", name(el.scope == layout::HeaderScope::Column ? "Column" : "Row"));
    if (el.column_span > 1) a.replaceKey("/ColSpan", QPDFObjectHandle::newInteger(el.column_span));
    return a;
}

}  // namespace

void write_structure_tree(QPDF& pdf, std::vector<QPDFPageObjectHelper>& pages,
                          const layout::StructureTree& tree,
                          const std::vector<std::vector<ContentRef>>& refs) {
    if (tree.size() <= 1) return;
    TreeBuilder builder(tree);
    for (std::size_t p = 0; p < refs.size(); ++p)
        for (const auto& r : refs[p]) builder.add(static_cast<int>(p), r);
    builder.attach_empty();

    std::vector<QPDFObjectHandle> elems;
    for (int e = 0; e < tree.size(); ++e)
        elems.push_back(pdf.makeIndirectObject(QPDFObjectHandle::newDictionary()));
    QPDFObjectHandle root = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());

    auto annotation = [&](int page, int index) {
        QPDFObjectHandle annots =
            pages[static_cast<std::size_t>(page)].getObjectHandle().getKey("/Annots");
        if (!annots.isArray() || index >= annots.getArrayNItems()) {
            throw core::EngineError({}, "page " + std::to_string(page + 1) + " has no link annotation " +
                                            std::to_string(index + 1));
        }
        return annots.getArrayItem(index);
    };

    // ParentTree: page p's MCIDs under key p, then one key per annotation.
    QPDFObjectHandle nums = QPDFObjectHandle::newArray();
    int next_key = static_cast<int>(pages.size());
    std::vector<std::pair<int, QPDFObjectHandle>> annotation_keys;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        QPDFObjectHandle owners = QPDFObjectHandle::newArray();
        if (p < refs.size()) {
            for (const auto& r : refs[p]) {
                if (r.mcid >= 0) {
                    owners.appendItem(elems[static_cast<std::size_t>(r.element)]);
                } else {
                    QPDFObjectHandle annot = annotation(static_cast<int>(p), r.annotation);
                    annot.replaceKey("/StructParent", QPDFObjectHandle::newInteger(next_key));
                    const std::string& text = tree[r.element].alt;
                    if (!text.empty()) annot.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(text));
                    annotation_keys.emplace_back(next_key++, elems[static_cast<std::size_t>(r.element)]);
                }
            }
        }
        pages[p].getObjectHandle().replaceKey("/StructParents",
                                              QPDFObjectHandle::newInteger(static_cast<int>(p)));
        nums.appendItem(QPDFObjectHandle::newInteger(static_cast<int>(p)));
        nums.appendItem(owners);
    }
    for (auto& [key, elem] : annotation_keys) {
        nums.appendItem(QPDFObjectHandle::newInteger(key));
        nums.appendItem(elem);
    }

    for (int e = 0; e < tree.size(); ++e) {
        const layout::StructElement& el = tree[e];
        QPDFObjectHandle d = elems[static_cast<std::size_t>(e)];
        d.replaceKey("/Type", name("StructElem"));
        d.replaceKey("/S", name(layout::struct_type_name(el.type)));
        d.replaceKey("/P", e == 0 ? root : elems[static_cast<std::size_t>(el.parent)]);
        const auto& kids = builder.kids(e);
        int pg = -1;
        for (const auto& k : kids)
            if (k.element < 0) {
                pg = k.page;
                break;
            }
        if (pg >= 0) d.replaceKey("/Pg", pages[static_cast<std::size_t>(pg)].getObjectHandle());
        QPDFObjectHandle k_array = QPDFObjectHandle::newArray();
        for (const auto& k : kids) {
            if (k.element >= 0) {
                k_array.appendItem(elems[static_cast<std::size_t>(k.element)]);
            } else if (k.mcid >= 0 && k.page == pg) {
                k_array.appendItem(QPDFObjectHandle::newInteger(k.mcid));
            } else {
                QPDFObjectHandle ref = QPDFObjectHandle::newDictionary();
                QPDFObjectHandle page = pages[static_cast<std::size_t>(k.page)].getObjectHandle();
                if (k.mcid >= 0) {
                    ref.replaceKey("/Type", name("MCR"));
                    ref.replaceKey("/Pg", page);
                    ref.replaceKey("/MCID", QPDFObjectHandle::newInteger(k.mcid));
                } else {
                    ref.replaceKey("/Type", name("OBJR"));
                    ref.replaceKey("/Pg", page);
                    ref.replaceKey("/Obj", annotation(k.page, k.annotation));
                }
                k_array.appendItem(ref);
            }
        }
        d.replaceKey("/K", k_array);
        if (el.type == StructType::Figure) d.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(el.alt));
        if (!el.id.empty()) d.replaceKey("/ID", QPDFObjectHandle::newString(el.id));
        if (QPDFObjectHandle a = table_attributes(el); a.isInitialized()) d.replaceKey("/A", a);
    }

    QPDFObjectHandle parent_tree = QPDFObjectHandle::newDictionary();
    parent_tree.replaceKey("/Nums", nums);
    root.replaceKey("/Type", name("StructTreeRoot"));
    root.replaceKey("/K", elems[0]);
    root.replaceKey("/ParentTree", pdf.makeIndirectObject(parent_tree));
    root.replaceKey("/ParentTreeNextKey", QPDFObjectHandle::newInteger(next_key));
    QPDFObjectHandle catalog = pdf.getRoot();
    catalog.replaceKey("/StructTreeRoot", root);
    if (!catalog.hasKey("/MarkInfo")) {
        QPDFObjectHandle mark_info = QPDFObjectHandle::newDictionary();
        mark_info.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
        catalog.replaceKey("/MarkInfo", mark_info);
    }
}

}  // namespace engine::pdf
