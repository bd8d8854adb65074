// batch: manifest.json — what a run read (every input with its sha256), what it wrote or
// skipped or failed (with sha256, pages, bytes, seconds and errors), and the key that decides
// whether a unit is up to date for incremental runs.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace engine::batch {

struct InputFile {
    std::string path;
    std::string sha256;
    std::size_t bytes = 0;
};

enum class UnitStatus { Written, Skipped, Failed, Valid };
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
    std::vector<UnitRecord> units;

    std::string to_json() const;
};

/// The previous run's records by unit key ("report-id/entity-id"), so that the same batch run
/// by another spelling of its path finds them; empty when there is no (readable) manifest.
std::map<std::string, UnitRecord> read_manifest_units(const std::string& path);

/// File name of the manifest: "manifest.json", or "manifest-shard-K-of-N.json" for a shard.
std::string manifest_name(int shard_k, int shard_n);

}  // namespace engine::batch
