#include "engine/batch/entity_rows.h"

#include <algorithm>
#include <map>
#include <utility>

#include "engine/core/text.h"
#include "engine/data/csv_columns.h"

namespace engine::batch {

namespace {

// The per-setting files and the names their setting column may have.
std::map<std::string, std::vector<std::string>> per_setting_files(const config::BatchConfig& c) {
    std::map<std::string, std::vector<std::string>> files;
    for (const auto& s : c.observations) {
        auto renamed = s.rename.find("setting_id");
        files[s.path] = renamed != s.rename.end() ? std::vector<std::string>{renamed->second}
                                                  : std::vector<std::string>{"setting_id", "school_urn"};
    }
    if (!c.actions_path.empty()) files[c.actions_path] = {"setting_id"};
    if (!c.activities_path.empty()) files[c.activities_path] = {"setting_id"};
    return files;
}

// (first line of the record, its setting column) for every record of a file, in file order.
std::vector<std::pair<int, std::string>> row_settings(const std::string& path,
                                                      const std::vector<std::string>& names) {
    std::vector<std::pair<int, std::string>> rows;
    core::DiagnosticSink scratch;  // the loader has reported the file's problems already
    auto file = data::open_csv(path, scratch);
    if (!file->reader || !file->reader->ok()) return rows;
    const auto& header = file->reader->header();
    std::size_t col = header.size();
    for (const auto& n : names)
        for (std::size_t i = 0; i < header.size() && col == header.size(); ++i)
            if (core::trim(header[i]) == n) col = i;
    if (col == header.size()) return rows;
    data::CsvRecord rec;
    while (file->reader->next(rec))
        rows.emplace_back(rec.line, col < rec.fields.size() ? std::string(core::trim(rec.fields[col])) : "");
    return rows;
}

}  // namespace

std::vector<std::string> entities_of(const config::BatchConfig& config,
                                     const data::EntityTable& settings,
                                     const std::vector<core::Diagnostic>& diagnostics) {
    std::vector<std::string> out(diagnostics.size());
    const auto files = per_setting_files(config);
    std::map<std::string, std::vector<std::pair<int, std::string>>> read;  // by path, lazily
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        const auto& d = diagnostics[i];
        auto f = files.find(d.where.file);
        if (d.severity != core::Severity::Error || f == files.end() || d.where.line <= 1) continue;
        auto it = read.find(f->first);
        if (it == read.end()) it = read.emplace(f->first, row_settings(f->first, f->second)).first;
        const auto& rows = it->second;
        // The record that starts on the diagnostic's line or, for a quoted field spanning lines,
        // the last one that starts before it.
        auto r = std::upper_bound(rows.begin(), rows.end(), d.where.line,
                                  [](int line, const auto& row) { return line < row.first; });
        if (r == rows.begin()) continue;
        const std::string& id = std::prev(r)->second;
        if (!id.empty() && settings.find(id)) out[i] = id;
    }
    return out;
}

}  // namespace engine::batch
