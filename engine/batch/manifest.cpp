#include "engine/batch/manifest.h"

#include <nlohmann/json.hpp>

#include "engine/core/diagnostic.h"
#include "engine/core/file_io.h"

namespace engine::batch {

using nlohmann::json;

std::string status_name(UnitStatus s) {
    switch (s) {
        case UnitStatus::Written: return "written";
        case UnitStatus::Skipped: return "skipped";
        case UnitStatus::Failed: return "failed";
        case UnitStatus::Valid: return "valid";
    }
    return "";
}

std::string manifest_name(int k, int n) {
    if (n <= 1) return "manifest.json";
    return "manifest-shard-" + std::to_string(k) + "-of-" + std::to_string(n) + ".json";
}

std::string Manifest::to_json() const {
    json j;
    j["boardpack"] = engine_version;
    j["batch"] = batch;
    j["as_of"] = as_of;
    j["as_of_source"] = as_of_source;
    j["term"] = term;
    j["started"] = started;
    j["seconds"] = seconds;
    j["jobs"] = jobs;
    j["shard"] = shard.empty() ? json(nullptr) : json(shard);
    j["exit_code"] = exit_code;
    int written = 0, skipped = 0, failed = 0;
    for (const auto& u : units) {
        written += u.status == UnitStatus::Written;
        skipped += u.status == UnitStatus::Skipped;
        failed += u.status == UnitStatus::Failed;
    }
    j["summary"] = {{"units", units.size()}, {"written", written}, {"skipped", skipped}, {"failed", failed}};
    json in = json::array();
    for (const auto& f : inputs) in.push_back({{"path", f.path}, {"sha256", f.sha256}, {"bytes", f.bytes}});
    j["inputs"] = in;
    json us = json::array();
    for (const auto& u : units) {
        json r = {{"key", u.key},       {"report", u.report}, {"entity", u.entity},
                  {"output", u.output}, {"status", status_name(u.status)},
                  {"input_key", u.input_key}, {"seconds", u.seconds}};
        if (u.status == UnitStatus::Written || u.status == UnitStatus::Skipped) {
            r["sha256"] = u.sha256;
            r["pages"] = u.pages;
            r["bytes"] = u.bytes;
            json files = json::array();
            for (const auto& f : u.files)
                files.push_back({{"format", f.format}, {"path", f.path}, {"sha256", f.sha256}, {"bytes", f.bytes}});
            r["files"] = files;
        }
        if (!u.reads.empty()) {
            json reads = json::array();
            for (const auto& f : u.reads) reads.push_back({{"path", f.path}, {"sha256", f.sha256}});
            r["reads"] = reads;
        }
        if (!u.errors.empty()) r["errors"] = u.errors;
        us.push_back(r);
    }
    j["reports"] = us;
    return j.dump(2) + "\n";
}

std::map<std::string, UnitRecord> read_manifest_units(const std::string& path) {
    std::map<std::string, UnitRecord> out;
    std::string text;
    try {
        text = core::read_file(path);
    } catch (const core::EngineError&) {
        return out;
    }
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("reports") || !j["reports"].is_array()) return out;
    for (const auto& r : j["reports"]) {
        if (!r.is_object()) continue;
        UnitRecord u;
        u.key = r.value("key", "");
        u.output = r.value("output", "");
        std::string st = r.value("status", "");
        u.status = st == "written" ? UnitStatus::Written : st == "skipped" ? UnitStatus::Skipped : UnitStatus::Failed;
        u.sha256 = r.value("sha256", "");
        u.pages = r.value("pages", 0);
        u.bytes = r.value("bytes", std::size_t{0});
        u.input_key = r.value("input_key", "");
        if (r.contains("reads") && r["reads"].is_array())
            for (const auto& f : r["reads"])
                if (f.is_object()) u.reads.push_back({f.value("path", ""), f.value("sha256", ""), 0});
        if (r.contains("files") && r["files"].is_array())
            for (const auto& f : r["files"])
                if (f.is_object())
                    u.files.push_back({f.value("format", ""), f.value("path", ""), f.value("sha256", ""),
                                       f.value("bytes", std::size_t{0})});
        if (!u.key.empty()) out[u.key] = u;
    }
    return out;
}

}  // namespace engine::batch
