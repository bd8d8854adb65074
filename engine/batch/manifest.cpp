#include "engine/batch/manifest.h"

#include <algorithm>

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

Digest digest_of_hex(std::string_view hex) {
    Digest d{};
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (hex.size() != 2 * d.size()) return d;
    Digest out{};
    for (std::size_t i = 0; i < d.size(); ++i) {
        const int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return d;
        out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return out;
}

std::string hex_of(const Digest& d) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s(2 * d.size(), '0');
    for (std::size_t i = 0; i < d.size(); ++i) {
        s[2 * i] = kDigits[d[i] >> 4];
        s[2 * i + 1] = kDigits[d[i] & 15];
    }
    return s;
}

UnitResult compact(const UnitRecord& r) {
    UnitResult c;
    c.started = true;
    c.status = r.status;
    c.pages = r.pages;
    c.seconds = r.seconds;
    c.input_key = digest_of_hex(r.input_key);
    c.file_count = static_cast<std::uint8_t>(std::min(r.files.size(), c.files.size()));
    for (std::size_t i = 0; i < c.file_count; ++i) c.files[i] = {digest_of_hex(r.files[i].sha256), r.files[i].bytes};
    if (!r.reads.empty() || !r.errors.empty()) c.extra = std::make_unique<const UnitResult::Extra>(UnitResult::Extra{r.reads, r.errors});
    return c;
}

const std::vector<InputFile>& UnitResult::reads() const {
    static const std::vector<InputFile> none;
    return extra ? extra->reads : none;
}

const std::vector<std::string>& UnitResult::errors() const {
    static const std::vector<std::string> none;
    return extra ? extra->errors : none;
}

UnitRecord expand(const UnitResult& c, std::string key, std::string report, std::string entity,
                  std::vector<OutputFile> files) {
    UnitRecord r;
    r.key = std::move(key);
    r.report = std::move(report);
    r.entity = std::move(entity);
    r.output = files.empty() ? "" : files.front().path;
    r.status = c.status;
    r.pages = c.pages;
    r.seconds = c.seconds;
    r.input_key = hex_of(c.input_key);
    if (c.file_count > 0) {
        files.resize(std::min<std::size_t>(files.size(), c.file_count));
        for (std::size_t i = 0; i < files.size(); ++i) {
            files[i].sha256 = hex_of(c.files[i].sha256);
            files[i].bytes = c.files[i].bytes;
        }
        r.sha256 = files.front().sha256;
        r.bytes = files.front().bytes;
        r.files = std::move(files);
    }
    r.reads = c.reads();
    r.errors = c.errors();
    return r;
}

namespace {

json record_json(const UnitRecord& u) {
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
    return r;
}

// `v` as dump(2) writes it `depth` levels down: every line after the first indented.
void append_indented(std::string& out, const json& v, int depth) {
    const std::string text = v.dump(2);
    const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
    for (char ch : text) {
        out += ch;
        if (ch == '\n') out += indent;
    }
}

}  // namespace

void Manifest::write_json(const std::function<void(std::string_view)>& put) const {
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
    for (std::size_t i = 0; i < unit_count; ++i) {
        const UnitStatus s = unit(i).status;
        written += s == UnitStatus::Written;
        skipped += s == UnitStatus::Skipped;
        failed += s == UnitStatus::Failed;
    }
    j["summary"] = {{"units", unit_count}, {"written", written}, {"skipped", skipped}, {"failed", failed}};
    json in = json::array();
    for (const auto& f : inputs) in.push_back({{"path", f.path}, {"sha256", f.sha256}, {"bytes", f.bytes}});
    j["inputs"] = in;
    j["reports"] = nullptr;  // its place among the sorted keys; written record by record below
    // What j.dump(2) would give with every record in "reports", handed to `put` about 64 KB at
    // a time: neither a JSON tree nor the text of every record is ever held.
    constexpr std::size_t kPiece = std::size_t{64} << 10;
    std::string out = "{";
    out.reserve(kPiece + 4096);
    bool first = true;
    for (const auto& [key, value] : j.items()) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        out += json(key).dump() + ": ";
        if (key != "reports") {
            append_indented(out, value, 1);
        } else if (unit_count == 0) {
            out += "[]";
        } else {
            out += "[";
            for (std::size_t i = 0; i < unit_count; ++i) {
                out += i ? ",\n    " : "\n    ";
                append_indented(out, record_json(unit(i)), 2);
                if (out.size() >= kPiece) {
                    put(out);
                    out.clear();
                }
            }
            out += "\n  ]";
        }
    }
    out += "\n}\n";
    put(out);
}

std::string Manifest::to_json() const {
    std::string text;
    write_json([&](std::string_view piece) { text += piece; });
    return text;
}

}  // namespace engine::batch
