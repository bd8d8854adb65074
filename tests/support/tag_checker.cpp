#include "tests/support/tag_checker.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <exception>
#include <functional>
#include <set>
#include <sstream>
#include <utility>

namespace test {

namespace {

// ISO 32000-1 14.8.4 standard structure types.
const std::set<std::string> kStandardTypes = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT",
    "WP", "Figure", "Formula", "Form"};

// Text-showing, path-painting, shading and XObject operators: the marks on a page.
const std::set<std::string> kMarkOperators = {"Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*",
                                              "B", "B*", "b", "b*", "sh", "Do"};

std::string strip(const std::string& name) { return name.empty() || name[0] != '/' ? name : name.substr(1); }

// A structure element as the checks need it.
struct Element {
    std::string type;  // after the role map
    std::vector<int> children;
    bool has_alt = false;
    bool has_scope = false;
    std::string id;
    int objrs = 0;
    QPDFObjGen og;
};

class Checker {
public:
    explicit Checker(const TagCheckOptions& options) : options_(options) {}

    TagCheckReport run(const std::string& path) {
        try {
            pdf_.setSuppressWarnings(true);
            pdf_.processFile(path.c_str());
            pages_ = QPDFPageDocumentHelper(pdf_).getAllPages();
            report_.pages = static_cast<int>(pages_.size());
            QPDFObjectHandle root = pdf_.getRoot();
            QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
            if (!tree.isDictionary()) {
                fail("", "the document has no structure tree (StructTreeRoot) (01-001)");
                return report_;
            }
            QPDFObjectHandle mark_info = root.getKey("/MarkInfo");
            if (!mark_info.isDictionary() || !mark_info.getKey("/Marked").isBool() ||
                !mark_info.getKey("/Marked").getBoolValue())
                fail("", "MarkInfo /Marked is not true (01-002)");
            if (mark_info.isDictionary() && mark_info.getKey("/Suspects").isBool() &&
                mark_info.getKey("/Suspects").getBoolValue())
                fail("", "MarkInfo /Suspects is true (01-007)");
            read_role_map(tree.getKey("/RoleMap"));
            read_parent_tree(tree.getKey("/ParentTree"));
            read_structure(tree);
            check_structure();
            for (std::size_t p = 0; p < pages_.size(); ++p) check_page(static_cast<int>(p));
            for (std::size_t p = 0; p < pages_.size(); ++p)
                check_fonts(static_cast<int>(p), pages_[p].getAttribute("/Resources", false), 0);
            check_annotations();
            if (options_.document_level) check_document_level(root);
        } catch (const std::exception& e) {
            fail("", std::string("cannot read the PDF: ") + e.what());
        }
        return report_;
    }

private:
    void fail(const std::string& where, const std::string& what) {
        if (report_.failures.size() >= 200) return;
        report_.failures.push_back(where.empty() ? what : where + ": " + what);
    }
    static std::string page_name(int p) { return "page " + std::to_string(p + 1); }

    // ---- role map and parent tree ----
    void read_role_map(QPDFObjectHandle map) {
        if (!map.isDictionary()) return;
        for (auto [key, value] : map.ditems()) {
            std::string from = strip(key);
            if (kStandardTypes.count(from)) fail("", "the role map remaps the standard type " + from + " (02-004)");
            if (value.isName()) role_map_[from] = strip(value.getName());
        }
    }
    std::string resolve(std::string type) {
        for (int hops = 0; hops < 32; ++hops) {
            if (kStandardTypes.count(type)) return type;
            auto it = role_map_.find(type);
            if (it == role_map_.end()) break;
            type = it->second;
        }
        return type;
    }

    void read_numbers(QPDFObjectHandle node, std::set<QPDFObjGen>& seen) {
        if (!node.isDictionary()) return;
        if (node.isIndirect() && !seen.insert(node.getObjGen()).second) return;
        QPDFObjectHandle nums = node.getKey("/Nums");
        if (nums.isArray()) {
            for (int i = 0; i + 1 < nums.getArrayNItems(); i += 2) {
                QPDFObjectHandle key = nums.getArrayItem(i);
                if (key.isInteger()) parent_tree_[key.getIntValueAsInt()] = nums.getArrayItem(i + 1);
            }
        }
        QPDFObjectHandle kids = node.getKey("/Kids");
        if (kids.isArray())
            for (auto kid : kids.aitems()) read_numbers(kid, seen);
    }
    void read_parent_tree(QPDFObjectHandle tree) {
        if (!tree.isDictionary()) {
            fail("", "the structure tree has no ParentTree");
            return;
        }
        std::set<QPDFObjGen> seen;
        read_numbers(tree, seen);
    }

    // ---- structure ----
    void read_structure(QPDFObjectHandle root) {
        QPDFObjectHandle k = root.getKey("/K");
        std::vector<QPDFObjectHandle> tops;
        if (k.isArray()) {
            for (auto item : k.aitems()) tops.push_back(item);
        } else if (k.isDictionary()) {
            tops.push_back(k);
        }
        if (tops.empty()) fail("", "the structure tree is empty");
        for (auto& top : tops) roots_.push_back(read_element(top, QPDFObjGen()));
    }

    int read_element(QPDFObjectHandle d, QPDFObjGen page) {
        int index = static_cast<int>(elements_.size());
        elements_.emplace_back();
        if (d.isIndirect()) {
            if (!visited_.insert(d.getObjGen()).second) {
                fail("", "a structure element is reachable twice (a cycle or a shared child)");
                return index;
            }
            element_of_.emplace(d.getObjGen(), index);
            elements_[static_cast<std::size_t>(index)].og = d.getObjGen();
        }
        std::string raw = d.getKey("/S").isName() ? strip(d.getKey("/S").getName()) : "";
        std::string type = resolve(raw);
        if (!kStandardTypes.count(type)) {
            fail("", "structure type '" + raw + "' is not standard and not role-mapped to one (02-001)");
        }
        ++report_.elements[type];
        QPDFObjectHandle pg = d.getKey("/Pg");
        if (pg.isDictionary()) page = pg.getObjGen();
        Element el;
        el.type = type;
        el.og = elements_[static_cast<std::size_t>(index)].og;
        QPDFObjectHandle alt = d.getKey("/Alt"), actual = d.getKey("/ActualText");
        el.has_alt = (alt.isString() && !alt.getUTF8Value().empty()) ||
                     (actual.isString() && !actual.getUTF8Value().empty());
        if (d.getKey("/ID").isString()) el.id = d.getKey("/ID").getStringValue();
        if (type == "Figure") report_.figure_alts.push_back(alt.isString() ? alt.getUTF8Value() : "");
        el.has_scope = has_attribute(d.getKey("/A"), "/Scope") || has_attribute(d.getKey("/A"), "/Headers");
        std::vector<QPDFObjectHandle> kids;
        QPDFObjectHandle k = d.getKey("/K");
        if (k.isArray()) {
            for (auto item : k.aitems()) kids.push_back(item);
        } else if (!k.isNull()) {
            kids.push_back(k);
        }
        for (auto& kid : kids) {
            if (kid.isInteger()) {
                add_mcr(page, kid.getIntValueAsInt(), index);
            } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/MCR")) {
                QPDFObjectHandle kpg = kid.getKey("/Pg");
                add_mcr(kpg.isDictionary() ? kpg.getObjGen() : page,
                        kid.getKey("/MCID").isInteger() ? kid.getKey("/MCID").getIntValueAsInt() : -1, index);
            } else if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR")) {
                ++el.objrs;
                if (kid.getKey("/Obj").isDictionary()) objr_owner_[kid.getKey("/Obj").getObjGen()] = index;
            } else if (kid.isDictionary()) {
                int child = read_element(kid, page);
                el.children.push_back(child);
            }
        }
        elements_[static_cast<std::size_t>(index)] = std::move(el);
        return index;
    }

    static bool has_attribute(QPDFObjectHandle a, const char* key) {
        if (a.isDictionary()) return a.hasKey(key);
        if (a.isArray())
            for (auto item : a.aitems())
                if (item.isDictionary() && item.hasKey(key)) return true;
        return false;
    }

    void add_mcr(QPDFObjGen page, int mcid, int element) {
        if (mcid < 0 || page == QPDFObjGen()) {
            fail("", "a marked-content reference of a " + elements_[static_cast<std::size_t>(element)].type +
                         " names no page or MCID");
            return;
        }
        if (!mcr_owner_.emplace(std::make_pair(page, mcid), element).second)
            fail("", "MCID " + std::to_string(mcid) + " is claimed by two structure elements");
    }

    const Element& el(int i) const { return elements_[static_cast<std::size_t>(i)]; }

    void check_structure() {
        std::vector<int> headings;
        bool plain_h = false;
        std::set<std::string> note_ids;
        std::function<void(int)> walk = [&](int i) {
            const Element& e = el(i);
            const std::string& t = e.type;
            if (t.size() == 2 && t[0] == 'H' && t[1] >= '1' && t[1] <= '6') headings.push_back(t[1] - '0');
            if (t == "H") plain_h = true;
            if (t == "Figure" && !e.has_alt) fail("", "a Figure has no alternate text (/Alt) (13-004)");
            if (t == "Formula" && !e.has_alt) fail("", "a Formula has no alternate text (17-002)");
            if (t == "Table") check_table(i);
            if (t == "TR") {
                for (int c : e.children)
                    if (el(c).type != "TH" && el(c).type != "TD") fail("", "a TR holds a " + el(c).type + ", not TH or TD (09-004)");
            }
            if (t == "TH" && !e.has_scope) fail("", "a TH has no /Scope attribute and the table no /Headers (15-003)");
            if (t == "L") check_list(i);
            if (t == "TOC")
                for (int c : e.children)
                    if (el(c).type != "TOC" && el(c).type != "TOCI") fail("", "a TOC holds a " + el(c).type + " (09-006)");
            if (t == "TOCI") {
                static const std::set<std::string> ok = {"TOC", "Lbl", "Reference", "P", "NonStruct"};
                for (int c : e.children)
                    if (!ok.count(el(c).type)) fail("", "a TOCI holds a " + el(c).type + " (09-006)");
            }
            if (t == "Note") {
                if (e.id.empty()) fail("", "a Note has no /ID (19-003)");
                else if (!note_ids.insert(e.id).second) fail("", "two Notes share the /ID '" + e.id + "' (19-004)");
            }
            if (t == "Link" && e.objrs == 0) fail("", "a Link element owns no link annotation (OBJR) (28-011)");
            for (int c : e.children) {
                if (el(c).type == "TOCI" && t != "TOC") fail("", "a TOCI outside a TOC (09-006)");
                if ((el(c).type == "LI") && t != "L") fail("", "an LI outside an L (09-005)");
                if ((el(c).type == "TR") && t != "Table" && t != "THead" && t != "TBody" && t != "TFoot")
                    fail("", "a TR outside a table (09-004)");
                walk(c);
            }
        };
        for (int r : roots_) walk(r);
        if (!headings.empty() && headings.front() != 1)
            fail("", "the first heading is H" + std::to_string(headings.front()) + ", not H1 (14-002)");
        for (std::size_t i = 1; i < headings.size(); ++i)
            if (headings[i] > headings[i - 1] + 1)
                fail("", "heading H" + std::to_string(headings[i]) + " follows H" +
                             std::to_string(headings[i - 1]) + ": a level is skipped (14-003)");
        if (plain_h && !headings.empty()) fail("", "the document uses both H and H1-H6 (14-007)");
    }

    void check_table(int i) {
        std::vector<int> kids = el(i).children;
        if (!kids.empty() && el(kids.front()).type == "Caption") kids.erase(kids.begin());
        if (!kids.empty() && el(kids.back()).type == "Caption") kids.pop_back();
        int th = 0;
        std::function<void(int)> count_th = [&](int n) {
            if (el(n).type == "TH") ++th;
            for (int c : el(n).children) count_th(c);
        };
        count_th(i);
        if (th == 0) fail("", "a Table has no header cell (TH)");
        bool all_tr = !kids.empty() && std::all_of(kids.begin(), kids.end(), [&](int c) { return el(c).type == "TR"; });
        if (all_tr) return;
        std::size_t a = 0, b = kids.size();
        if (a < b && el(kids[a]).type == "THead") ++a;
        if (a < b && el(kids[b - 1]).type == "TFoot") --b;
        if (a == b) fail("", "a Table has no TR or TBody (09-004)");
        for (std::size_t k = a; k < b; ++k)
            if (el(kids[k]).type != "TBody") fail("", "a Table holds a " + el(kids[k]).type + " where a TBody belongs (09-004)");
        for (int c : kids)
            for (int r : el(c).children)
                if (el(r).type != "TR") fail("", "a " + el(c).type + " holds a " + el(r).type + ", not TR (09-004)");
    }

    void check_list(int i) {
        std::vector<int> kids = el(i).children;
        if (!kids.empty() && el(kids.front()).type == "Caption") kids.erase(kids.begin());
        if (kids.empty()) fail("", "a list (L) has no LI (09-005)");
        for (int li : kids) {
            if (el(li).type == "L") continue;
            if (el(li).type != "LI") {
                fail("", "a list (L) holds a " + el(li).type + " (09-005)");
                continue;
            }
            if (el(li).children.empty()) fail("", "an LI is empty (09-005)");
            for (int c : el(li).children)
                if (el(c).type != "Lbl" && el(c).type != "LBody")
                    fail("", "an LI holds a " + el(c).type + ", not Lbl or LBody (09-005)");
        }
    }

    // ---- content ----
    struct Frame {
        enum Kind { Artifact, Tagged, Other } kind = Other;
    };

    class ContentWalker : public QPDFObjectHandle::ParserCallbacks {
    public:
        ContentWalker(Checker& c, int page, QPDFObjectHandle resources, std::vector<Frame>& stack)
            : c_(c), page_(page), resources_(resources), stack_(stack) {}
        void handleObject(QPDFObjectHandle obj) override {
            if (obj.isInlineImage()) {
                mark("inline image");
                return;
            }
            if (!obj.isOperator()) {
                operands_.push_back(obj);
                return;
            }
            std::string op = obj.getOperatorValue();
            if (op == "BMC" || op == "BDC") {
                begin(op);
            } else if (op == "EMC") {
                if (stack_.empty()) c_.fail(page_name(page_), "EMC without a matching BMC/BDC");
                else stack_.pop_back();
            } else if (kMarkOperators.count(op)) {
                mark(op);
                if (op == "Do") draw_xobject();
            }
            operands_.clear();
        }
        void handleEOF() override {}

    private:
        bool inside(Frame::Kind k) const {
            return std::any_of(stack_.begin(), stack_.end(), [k](const Frame& f) { return f.kind == k; });
        }
        void begin(const std::string& op) {
            Frame f;
            std::string tag = !operands_.empty() && operands_[0].isName() ? operands_[0].getName() : "";
            QPDFObjectHandle props;
            if (op == "BDC" && operands_.size() >= 2) {
                props = operands_[1];
                if (props.isName()) {
                    QPDFObjectHandle named = resources_.isDictionary() ? resources_.getKey("/Properties") : QPDFObjectHandle();
                    props = named.isDictionary() ? named.getKey(props.getName()) : QPDFObjectHandle();
                }
            }
            if (tag == "/Artifact") {
                f.kind = Frame::Artifact;
                if (inside(Frame::Tagged)) c_.fail(page_name(page_), "an artifact inside tagged content (01-003)");
                ++c_.report_.artifact_sequences;
            } else if (props.isDictionary() && props.getKey("/MCID").isInteger()) {
                f.kind = Frame::Tagged;
                if (inside(Frame::Artifact)) c_.fail(page_name(page_), "tagged content inside an artifact (01-004)");
                c_.content_mcid(page_, props.getKey("/MCID").getIntValueAsInt(), strip(tag), form_depth_ > 0);
                ++c_.report_.tagged_sequences;
            }
            stack_.push_back(f);
        }
        void mark(const std::string& what) {
            ++c_.report_.marks;
            if (!inside(Frame::Artifact) && !inside(Frame::Tagged))
                c_.fail(page_name(page_), "'" + what + "' outside tagged content or an artifact (01-005)");
        }
        void draw_xobject() {
            if (operands_.empty() || !operands_.back().isName() || !resources_.isDictionary()) return;
            QPDFObjectHandle xobjects = resources_.getKey("/XObject");
            if (!xobjects.isDictionary()) return;
            QPDFObjectHandle x = xobjects.getKey(operands_.back().getName());
            if (!x.isStream() || !x.getDict().getKey("/Subtype").isNameAndEquals("/Form")) return;
            if (form_depth_ > 8) return;  // a form that draws itself
            QPDFObjectHandle res = x.getDict().getKey("/Resources");
            // The form's own marks are covered by the sequence its Do is in; walk it for
            // what it holds (tagged content in an artifact, stray EMCs).
            std::vector<Frame> inner = stack_;
            ContentWalker walker(c_, page_, res.isDictionary() ? res : resources_, inner);
            walker.form_depth_ = form_depth_ + 1;
            x.parseAsContents(&walker);
            if (inner.size() != stack_.size()) c_.fail(page_name(page_), "a form XObject leaves marked content open");
        }

        Checker& c_;
        int page_;
        QPDFObjectHandle resources_;
        std::vector<Frame>& stack_;
        std::vector<QPDFObjectHandle> operands_;
        int form_depth_ = 0;
    };

    void content_mcid(int page, int mcid, const std::string& tag, bool in_form) {
        std::string where = page_name(page);
        if (in_form) {
            fail(where, "a form XObject holds MCID " + std::to_string(mcid) + " (not supported by this checker)");
            return;
        }
        if (!page_mcids_.insert({page, mcid}).second) {
            fail(where, "MCID " + std::to_string(mcid) + " is used twice");
            return;
        }
        QPDFObjectHandle sp = pages_[static_cast<std::size_t>(page)].getObjectHandle().getKey("/StructParents");
        if (!sp.isInteger()) {
            fail(where, "the page has tagged content but no /StructParents");
            return;
        }
        auto it = parent_tree_.find(sp.getIntValueAsInt());
        QPDFObjectHandle owners = it == parent_tree_.end() ? QPDFObjectHandle() : it->second;
        QPDFObjectHandle owner = owners.isArray() && mcid < owners.getArrayNItems() ? owners.getArrayItem(mcid) : QPDFObjectHandle();
        if (!owner.isDictionary()) {
            fail(where, "MCID " + std::to_string(mcid) + " (" + tag + ") is not in the ParentTree: content tagged but not in the structure tree (01-005)");
            return;
        }
        auto e = element_of_.find(owner.getObjGen());
        auto claimed = mcr_owner_.find({pages_[static_cast<std::size_t>(page)].getObjectHandle().getObjGen(), mcid});
        if (e == element_of_.end() || claimed == mcr_owner_.end() || claimed->second != e->second) {
            fail(where, "MCID " + std::to_string(mcid) + " (" + tag + "): the ParentTree and the structure element's /K disagree");
            return;
        }
        if (el(e->second).type != resolve(tag))
            fail(where, "MCID " + std::to_string(mcid) + " is marked " + tag + " but belongs to a " + el(e->second).type);
    }

    void check_page(int p) {
        std::vector<Frame> stack;
        ContentWalker walker(*this, p, pages_[static_cast<std::size_t>(p)].getAttribute("/Resources", false), stack);
        pages_[static_cast<std::size_t>(p)].parseContents(&walker);
        if (!stack.empty()) fail(page_name(p), "marked content left open at the end of the page");
        // Every MCID the tree claims on this page exists in its content.
        QPDFObjGen og = pages_[static_cast<std::size_t>(p)].getObjectHandle().getObjGen();
        for (const auto& [key, element] : mcr_owner_)
            if (key.first == og && !page_mcids_.count({p, key.second}))
                fail(page_name(p), "the structure tree refers to MCID " + std::to_string(key.second) +
                                       " (" + el(element).type + ") that the page does not have");
    }

    // Fonts of a page and of the forms it draws: embedded, and every code mappable to Unicode.
    void check_fonts(int p, QPDFObjectHandle resources, int depth) {
        if (!resources.isDictionary() || depth > 8) return;
        QPDFObjectHandle fonts = resources.getKey("/Font");
        if (fonts.isDictionary()) {
            for (auto [name, font] : fonts.ditems()) {
                if (!font.isDictionary() || (font.isIndirect() && !fonts_seen_.insert(font.getObjGen()).second)) continue;
                const std::string what = "font " + name + " (" +
                                         (font.getKey("/BaseFont").isName() ? strip(font.getKey("/BaseFont").getName()) : "?") + ")";
                const bool type0 = font.getKey("/Subtype").isNameAndEquals("/Type0");
                if (!font.hasKey("/ToUnicode")) {
                    QPDFObjectHandle enc = font.getKey("/Encoding");
                    bool simple = !type0 && (enc.isNameAndEquals("/WinAnsiEncoding") ||
                                             enc.isNameAndEquals("/MacRomanEncoding") ||
                                             enc.isNameAndEquals("/MacExpertEncoding"));
                    if (!simple) fail(page_name(p), what + " has no ToUnicode map: its text cannot be read (10-001)");
                }
                if (font.getKey("/Subtype").isNameAndEquals("/Type3")) continue;
                QPDFObjectHandle desc = font.getKey("/FontDescriptor");
                if (type0) {
                    QPDFObjectHandle d = font.getKey("/DescendantFonts");
                    if (d.isArray() && d.getArrayNItems() > 0) desc = d.getArrayItem(0).getKey("/FontDescriptor");
                }
                if (!desc.isDictionary() || !(desc.hasKey("/FontFile") || desc.hasKey("/FontFile2") || desc.hasKey("/FontFile3")))
                    fail(page_name(p), what + " is not embedded (PDF/UA 7.21.4.1)");
            }
        }
        QPDFObjectHandle xobjects = resources.getKey("/XObject");
        if (!xobjects.isDictionary()) return;
        for (auto [name, x] : xobjects.ditems())
            if (x.isStream() && x.getDict().getKey("/Subtype").isNameAndEquals("/Form"))
                check_fonts(p, x.getDict().getKey("/Resources"), depth + 1);
    }

    void check_annotations() {
        for (std::size_t p = 0; p < pages_.size(); ++p) {
            QPDFObjectHandle page = pages_[p].getObjectHandle();
            QPDFObjectHandle annots = page.getKey("/Annots");
            if (!annots.isArray()) continue;
            if (options_.document_level && annots.getArrayNItems() > 0 && !page.getKey("/Tabs").isNameAndEquals("/S"))
                fail(page_name(static_cast<int>(p)), "a page with annotations has no /Tabs /S (28-008)");
            for (auto a : annots.aitems()) {
                if (!a.isDictionary() || a.getKey("/Subtype").isNameAndEquals("/Widget") ||
                    a.getKey("/Subtype").isNameAndEquals("/Popup"))
                    continue;
                const bool link = a.getKey("/Subtype").isNameAndEquals("/Link");
                QPDFObjectHandle contents = a.getKey("/Contents");
                if (!contents.isString() || contents.getUTF8Value().empty())
                    fail(page_name(static_cast<int>(p)), std::string(link ? "a link" : "an") + " annotation has no /Contents (28-004)");
                QPDFObjectHandle sp = a.getKey("/StructParent");
                auto it = sp.isInteger() ? parent_tree_.find(sp.getIntValueAsInt()) : parent_tree_.end();
                auto owner = a.isIndirect() ? objr_owner_.find(a.getObjGen()) : objr_owner_.end();
                if (it == parent_tree_.end() || owner == objr_owner_.end() ||
                    !it->second.isDictionary() || element_of_[it->second.getObjGen()] != owner->second) {
                    fail(page_name(static_cast<int>(p)), std::string(link ? "a link" : "an") +
                                                            " annotation is not in the structure tree (no /StructParent and OBJR) (28-011)");
                } else if (link && el(owner->second).type != "Link") {
                    fail(page_name(static_cast<int>(p)), "a link annotation belongs to a " + el(owner->second).type + ", not a Link (28-011)");
                }
            }
        }
    }

    void check_document_level(QPDFObjectHandle root) {
        QPDFObjectHandle lang = root.getKey("/Lang");
        if (!lang.isString() || lang.getUTF8Value().empty()) fail("", "the catalog has no /Lang (11-001)");
        QPDFObjectHandle vp = root.getKey("/ViewerPreferences");
        QPDFObjectHandle ddt = vp.isDictionary() ? vp.getKey("/DisplayDocTitle") : QPDFObjectHandle();
        if (!ddt.isBool()) fail("", "ViewerPreferences has no /DisplayDocTitle (07-001)");
        else if (!ddt.getBoolValue()) fail("", "ViewerPreferences /DisplayDocTitle is false (07-002)");
        QPDFObjectHandle md = root.getKey("/Metadata");
        if (!md.isStream()) {
            fail("", "the catalog has no XMP metadata stream (06-001)");
            return;
        }
        std::shared_ptr<Buffer> b = md.getStreamData(qpdf_dl_generalized);
        std::string xmp(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
        if (xmp.find("pdfuaid:part") == std::string::npos) fail("", "the XMP metadata has no PDF/UA identifier (06-002)");
        if (xmp.find("dc:title") == std::string::npos) fail("", "the XMP metadata has no dc:title (06-003)");
    }

    TagCheckOptions options_;
    TagCheckReport report_;
    QPDF pdf_;
    std::vector<QPDFPageObjectHelper> pages_;
    std::map<std::string, std::string> role_map_;
    std::map<int, QPDFObjectHandle> parent_tree_;
    std::vector<Element> elements_;
    std::vector<int> roots_;
    std::set<QPDFObjGen> visited_;
    std::map<QPDFObjGen, int> element_of_;
    std::map<std::pair<QPDFObjGen, int>, int> mcr_owner_;  // (page, MCID) -> element
    std::map<QPDFObjGen, int> objr_owner_;                 // annotation -> element
    std::set<std::pair<int, int>> page_mcids_;             // (page index, MCID) in content
    std::set<QPDFObjGen> fonts_seen_;
};

}  // namespace

TagCheckReport check_tagged_pdf(const std::string& path, const TagCheckOptions& options) {
    return Checker(options).run(path);
}

std::string describe(const TagCheckReport& r) {
    std::ostringstream out;
    for (const auto& f : r.failures) out << f << '\n';
    out << (r.ok() ? "ok" : "FAILED") << ": " << r.pages << " page(s), " << r.marks << " mark(s), "
        << r.tagged_sequences << " tagged and " << r.artifact_sequences << " artifact sequence(s), ";
    int total = 0;
    for (const auto& [type, n] : r.elements) total += n;
    out << total << " structure element(s)";
    if (!r.failures.empty()) out << ", " << r.failures.size() << " failure(s)";
    out << '\n';
    return out.str();
}

}  // namespace test
