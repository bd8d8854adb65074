// core: the one error shape of the engine — Diagnostic (with a SourceLocation and hints),
// DiagnosticSink to collect many of them, EngineError to stop when going on makes no sense.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/core/source_location.h"

namespace engine::core {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLocation where;
    std::string message;
    std::vector<std::string> hints;
};

/// "path:line:col: error: message" followed by one "  hint: ..." line per hint,
/// the form compilers use and editors already parse. No trailing newline.
std::string format_diagnostic(const Diagnostic& d);

/// Collects diagnostics so that validators can keep going and report every problem in one run.
/// After `max_stored` errors further errors are counted but not stored (see `dropped()`).
/// Not thread-safe: give each report its own sink.
class DiagnosticSink {
public:
    explicit DiagnosticSink(std::size_t max_stored = 100) : max_stored_(max_stored) {}

    void add(Diagnostic d);
    void error(SourceLocation where, std::string message, std::vector<std::string> hints = {});
    void warning(SourceLocation where, std::string message, std::vector<std::string> hints = {});

    bool has_errors() const { return error_count_ > 0; }
    std::size_t error_count() const { return error_count_; }
    /// Errors counted beyond the cap and not stored.
    std::size_t dropped() const { return dropped_; }
    const std::vector<Diagnostic>& diagnostics() const { return items_; }
    /// Moves every diagnostic of `other` into this sink (respecting the cap).
    void append(const DiagnosticSink& other);
    /// Moves the stored diagnostics out and starts afresh (no errors counted, none dropped):
    /// a loader's worker hands a block's diagnostics to the thread that reports them in order.
    std::vector<Diagnostic> take();

    /// All stored diagnostics formatted, one per line, plus a line for dropped ones.
    std::string str() const;

private:
    std::size_t max_stored_;
    std::size_t error_count_ = 0;
    std::size_t dropped_ = 0;
    std::vector<Diagnostic> items_;
};

/// Thrown only when going on makes no sense (unreadable file, a C library failure).
/// Carries one Diagnostic; what() is its formatted text.
class EngineError : public std::runtime_error {
public:
    explicit EngineError(Diagnostic d);
    EngineError(SourceLocation where, std::string message, std::vector<std::string> hints = {});
    const Diagnostic& diagnostic() const { return diagnostic_; }

private:
    Diagnostic diagnostic_;
};

}  // namespace engine::core
