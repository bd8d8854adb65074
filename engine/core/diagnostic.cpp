#include "engine/core/diagnostic.h"

#include "engine/core/text.h"

#include <utility>

namespace engine::core {

std::string SourceLocation::str() const {
    std::string s = file;
    if (line > 0) {
        s += ':' + std::to_string(line);
        if (column > 0) s += ':' + std::to_string(column);
    }
    return s;
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string s;
    std::string where = d.where.str();
    if (!where.empty()) s += where + ": ";
    switch (d.severity) {
        case Severity::Error: s += "error: "; break;
        case Severity::Warning: s += "warning: "; break;
        case Severity::Note: s += "note: "; break;
    }
    // A message quotes the bad value; a huge one (a 50 MB cell) is cut here whatever the caller
    // did, so stderr stays readable.
    constexpr std::size_t kMaxShown = 2000;
    s += excerpt(d.message, kMaxShown);
    for (const auto& h : d.hints) s += "\n  hint: " + excerpt(h, kMaxShown);
    return s;
}

void DiagnosticSink::add(Diagnostic d) {
    if (d.severity == Severity::Error) {
        ++error_count_;
        if (error_count_ > max_stored_) {
            ++dropped_;
            return;
        }
    }
    items_.push_back(std::move(d));
}

void DiagnosticSink::error(SourceLocation where, std::string message,
                           std::vector<std::string> hints) {
    add({Severity::Error, std::move(where), std::move(message), std::move(hints)});
}

void DiagnosticSink::warning(SourceLocation where, std::string message,
                             std::vector<std::string> hints) {
    add({Severity::Warning, std::move(where), std::move(message), std::move(hints)});
}

void DiagnosticSink::append(const DiagnosticSink& other) {
    for (const auto& d : other.items_) add(d);
    error_count_ += other.dropped_;
    dropped_ += other.dropped_;
}

std::vector<Diagnostic> DiagnosticSink::take() {
    std::vector<Diagnostic> out;
    out.swap(items_);
    error_count_ = dropped_ = 0;
    return out;
}

std::string DiagnosticSink::str() const {
    std::string s;
    for (const auto& d : items_) s += format_diagnostic(d) + '\n';
    if (dropped_ > 0) {
        s += "note: " + std::to_string(dropped_) + " more error" + (dropped_ == 1 ? "" : "s") +
             " not shown\n";
    }
    return s;
}

EngineError::EngineError(Diagnostic d)
    : std::runtime_error(format_diagnostic(d)), diagnostic_(std::move(d)) {}

EngineError::EngineError(SourceLocation where, std::string message, std::vector<std::string> hints)
    : EngineError(Diagnostic{Severity::Error, std::move(where), std::move(message),
                             std::move(hints)}) {}

}  // namespace engine::core
