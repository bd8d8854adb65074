// batch: manifest.json — what a run read (every input with its sha256), what it wrote or
// skipped or failed (with sha256, pages, bytes, seconds and errors), and the key that decides
// whether a unit is up to date for incremental runs.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace engine::batch {

struct InputFile {
    std::string path;
    std::string sha256;
    std::size_t bytes = 0;
};

enum class UnitStatus : std::uint8_t { Written, Skipped, Failed, Valid };
std::string status_name(UnitStatus s);

/// One file a unit wrote (its PDF, its HTML page).
struct OutputFile {
    std::string format;  ///< "pdf" or "html"
    std::string path;    ///< as written
    std::string sha256;
    std::size_t bytes = 0;
};

struct UnitRecord {
    std::string key;     ///< "report-id" or "report-id/entity-id"
    std::string report;
    std::string entity;
    std::string output;  ///< path as written: the first of `files` (the PDF when there is one)
    UnitStatus status = UnitStatus::Failed;
    std::string sha256;  ///< of `output`
    int pages = 0;
    std::size_t bytes = 0;  ///< of `output`
    std::vector<OutputFile> files;  ///< every file of the unit, PDF first
    double seconds = 0;
    std::string input_key;  ///< sha256 of everything that determines the output
    /// Files the unit read that the batch's inputs do not list (a template's logo), each with
    /// its sha256 when read: a change to any of them rebuilds the unit.
    std::vector<InputFile> reads;
    std::vector<std::string> errors;
};

/// A SHA-256 digest as its 32 bytes (the manifest writes it as 64 hex digits).
using Digest = std::array<std::uint8_t, 32>;
/// The bytes of a 64-digit hex digest; all zero when `hex` is not one.
Digest digest_of_hex(std::string_view hex);
/// 64 lower-case hex digits.
std::string hex_of(const Digest& d);

/// What a run keeps of a unit while the other units render, until the manifest is written:
/// only what the unit cannot give again (its key, report, entity and paths are made from the
/// unit then), digests as bytes, the files read and errors only for the few units that have
/// any — 136 bytes a unit, where its UnitRecord holds about 800 in strings
/// (docs/performance.md, "Memory flat in the number of settings").
struct UnitResult {
    struct File {
        Digest sha256{};
        std::size_t bytes = 0;
    };
    /// What only a few units have.
    struct Extra {
        std::vector<InputFile> reads;
        std::vector<std::string> errors;
    };
    bool started = false;  ///< false: never started (--fail-fast)
    UnitStatus status = UnitStatus::Failed;
    std::uint8_t file_count = 0;  ///< files[0, file_count): written or skipped units only
    int pages = 0;
    double seconds = 0;
    Digest input_key{};
    std::array<File, 2> files{};  ///< a unit writes at most a PDF and an HTML page
    std::unique_ptr<const Extra> extra;  ///< null when the unit read no other file and had no error

    const std::vector<InputFile>& reads() const;
    const std::vector<std::string>& errors() const;
};

/// What the run keeps of `r`.
UnitResult compact(const UnitRecord& r);
/// The record again, from what was kept and what the unit gives: its key, report and entity,
/// and its files (format and path, PDF first; the checksums and sizes are filled in here).
UnitRecord expand(const UnitResult& r, std::string key, std::string report, std::string entity,
                  std::vector<OutputFile> files);

struct Manifest {
    std::string engine_version;
    std::string batch;
    std::string as_of;
    std::string as_of_source;
    std::string term;
    std::string started;   ///< wall-clock time of the run (the PDFs never depend on it)
    double seconds = 0;
    int jobs = 1;
    std::string shard;     ///< "k/n" or empty
    int exit_code = 0;
    std::vector<InputFile> inputs;
    /// The units' records, made one at a time as the manifest is written (a run keeps its
    /// units compact, not as records): unit(i) for every i < unit_count.
    std::size_t unit_count = 0;
    std::function<UnitRecord(std::size_t)> unit;

    /// The manifest as JSON (2-space indents, keys sorted), made record by record and handed
    /// to `put` in pieces of about 64 KB: no JSON tree of every unit, and not its whole text,
    /// is ever held (a 5,000-report manifest is 3.2 MB).
    void write_json(const std::function<void(std::string_view)>& put) const;
    /// The same as one string (tests, small batches).
    std::string to_json() const;
};

/// File name of the manifest: "manifest.json", or "manifest-shard-K-of-N.json" for a shard.
std::string manifest_name(int shard_k, int shard_n);

}  // namespace engine::batch
