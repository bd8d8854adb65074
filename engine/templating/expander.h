// templating: expands placeholders in template strings — {{ name.path | filter }}, sections
// {{#x}}…{{/x}}, inverted sections {{^x}}…{{/x}} and loops over lists — with kainjow mustache
// doing the parsing and our strict context doing the lookups. A name that does not resolve is
// an error at the template's file, line and column, with the nearest valid names as a hint.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/core/diagnostic.h"
#include "engine/templating/value.h"

namespace engine::templating {

class Expander {
public:
    /// `root` must outlive the expander. Errors go to `sink`.
    Expander(const Value& root, core::DiagnosticSink& sink);

    /// Expands `text`, whose YAML node starts at `where`. `scopes` are extra values searched
    /// before the root, innermost last (e.g. the current item of a for_each). Returns the text
    /// with every placeholder replaced; on errors reports them and returns what it could.
    /// Every expanded string is inline markup (**bold**, *italic*, [link](url)) written by the
    /// template's author: the values placeholders insert are escaped (\*, \[ …) so data such as
    /// "5A*–C" stays literal. `raw` turns escaping off (chart options, paths).
    std::string expand(const std::string& text, const core::SourceLocation& where,
                       const std::vector<const Value*>& scopes = {}, bool raw = false);

    /// Resolves a dotted path ("targets", "gap.ks2.fsm") against the scopes, then the root.
    const Value* resolve(const std::string& path, const std::vector<const Value*>& scopes) const;

    /// Resolves a path and reports it at `where` when absent.
    const Value* require(const std::string& path, const core::SourceLocation& where,
                         const std::vector<const Value*>& scopes);

    /// Every dotted name reachable from the scopes and the root (for hints), depth-limited.
    std::vector<std::string> known_names(const std::vector<const Value*>& scopes) const;

    /// The hints for a name that does not resolve: "did you mean …?" (the nearest names, or
    /// under a lazy map the nearest of the names it accepts at the part it refused) and why
    /// a lazy map refused it.
    std::vector<std::string> hints(const std::string& path, const std::vector<const Value*>& scopes) const;

    /// Locates `needle` in the source file at or after `where` (exact line:col of a tag).
    core::SourceLocation locate(const core::SourceLocation& where, const std::string& needle);

    core::DiagnosticSink& sink() { return sink_; }

    /// Tables print missing numbers as their symbol ("c"), narrative as words ("suppressed").
    void set_missing_as_symbol(bool on) { missing_as_symbol_ = on; }
    bool missing_as_symbol() const { return missing_as_symbol_; }
    bool escaping() const { return escape_; }

private:
    const Value& root_;
    core::DiagnosticSink& sink_;
    std::map<std::string, std::string> files_;  // source texts, for locating tags
    bool missing_as_symbol_ = false;
    bool escape_ = true;
};

}  // namespace engine::templating
