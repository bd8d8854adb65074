#include "engine/batch/previous_run.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "engine/core/diagnostic.h"
#include "engine/core/file_io.h"

namespace engine::batch {

namespace {

using nlohmann::json;

std::string_view format_of(const std::string& name) {
    if (name == "pdf") return "pdf";
    if (name == "html") return "html";
    return {};
}

// One record of the manifest's "reports" (manifest.cpp writes them) as a PreviousUnit.
PreviousUnit unit_of(const json& r) {
    UnitRecord u;
    std::string st = r.value("status", "");
    u.status = st == "written" ? UnitStatus::Written : st == "skipped" ? UnitStatus::Skipped : UnitStatus::Failed;
    u.pages = r.value("pages", 0);
    u.input_key = r.value("input_key", "");
    if (r.contains("reads") && r["reads"].is_array())
        for (const auto& f : r["reads"])
            if (f.is_object()) u.reads.push_back({f.value("path", ""), f.value("sha256", ""), 0});
    if (r.contains("files") && r["files"].is_array())
        for (const auto& f : r["files"])
            if (f.is_object())
                u.files.push_back({f.value("format", ""), "", f.value("sha256", ""), f.value("bytes", std::size_t{0})});
    PreviousUnit p;
    for (std::size_t i = 0; i < std::min(u.files.size(), p.formats.size()); ++i) p.formats[i] = format_of(u.files[i].format);
    // A record of more files than a unit writes matches no unit (up_to_date compares counts).
    if (u.files.size() > p.formats.size()) u.files.clear();
    p.result = compact(u);
    return p;
}

}  // namespace

PreviousRun PreviousRun::read(const std::string& path) {
    PreviousRun out;
    core::MappedFile file;  // a missing or unreadable manifest is no previous run
    try {
        file = core::MappedFile(path);
    } catch (const core::EngineError&) {
        return out;
    }
    const std::string_view text = file.view();
    // Each record is made into a unit as soon as it is read, then dropped from the tree.
    bool in_reports = false;
    auto keep = [&](int depth, json::parse_event_t event, json& parsed) {
        if (depth == 1 && event == json::parse_event_t::key) in_reports = parsed == "reports";
        if (depth == 2 && event == json::parse_event_t::object_end && in_reports) {
            if (parsed.is_object() && parsed.contains("key") && parsed["key"].is_string()) {
                std::string key = parsed["key"].get<std::string>();
                if (!key.empty()) out.units_.insert_or_assign(std::move(key), unit_of(parsed));
            }
            return false;
        }
        return true;
    };
    const json root = json::parse(text.begin(), text.end(), keep, /*allow_exceptions=*/false);
    if (root.is_discarded() || !root.is_object()) out.units_.clear();  // not a manifest: build everything
    return out;
}

const PreviousUnit* PreviousRun::find(const std::string& key) const {
    auto it = units_.find(key);
    return it == units_.end() ? nullptr : &it->second;
}

}  // namespace engine::batch
