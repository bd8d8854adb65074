#include "engine/batch/input_digest.h"

#include <charconv>
#include <optional>

#include "engine/core/file_io.h"
#include "engine/core/sha256.h"

namespace engine::batch {

namespace {

// Pieces are separated, so that ("ab", "c") and ("a", "bc") hash differently.
void put(core::Sha256& h, std::string_view piece) { h.add(piece).add("\x1f"); }

void put_number(core::Sha256& h, const std::optional<double>& v) {
    if (!v) return put(h, "-");
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, *v);  // shortest form that reads back exactly
    put(h, std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
}

// A running hash per setting and one for rows that belong to no setting.
class RowHashes {
public:
    core::Sha256& of(const std::string& setting) {
        if (setting.empty()) return shared_;
        auto& h = settings_[setting];
        if (!h) h = std::make_unique<core::Sha256>();
        return *h;
    }
    void finish(InputDigest& d) {
        d.shared_rows = shared_.hex();
        for (auto& [id, h] : settings_) d.setting_rows[id] = h->hex();
    }

private:
    core::Sha256 shared_;
    std::map<std::string, std::unique_ptr<core::Sha256>> settings_;
};

void hash_rows(const BatchData& b, InputDigest& d) {
    RowHashes rows;
    for (const auto& o : b.observations.rows()) {
        core::Sha256& h = rows.of(o.level == data::kSetting ? o.area : "");
        put(h, "obs");
        for (const std::string* s : {&o.measure, &o.group, &o.level, &o.area, &o.value.symbol}) put(h, *s);
        put(h, o.period.code() + " " + o.period.label());
        put_number(h, o.value.number);
        put(h, std::to_string(static_cast<int>(o.value.missing)));
        put_number(h, o.cohort);
        put_number(h, o.numerator);
    }
    for (const auto& a : b.actions.actions) {
        core::Sha256& h = rows.of(a.entity);
        put(h, "action");
        for (const std::string* s : {&a.id, &a.entity, &a.objective, &a.action, &a.owner, &a.progress}) put(h, *s);
        put(h, a.start ? core::format_iso(*a.start) : "-");
        put(h, core::format_iso(a.due));
        put(h, a.last_updated ? core::format_iso(*a.last_updated) : "-");
        put(h, std::to_string(static_cast<int>(a.state)) + "/" + std::to_string(static_cast<int>(a.rag)));
    }
    for (const auto& a : b.activities) {
        core::Sha256& h = rows.of(a.setting_id);
        put(h, "activity");
        for (const std::string* s : {&a.setting_id, &a.kind, &a.topic, &a.leader}) put(h, *s);
        put(h, core::format_iso(a.date));
        put_number(h, a.half_days);
        for (const auto* n : {&a.participants, &a.feedback_positive, &a.feedback_total})
            put(h, *n ? std::to_string(**n) : "-");
    }
    rows.finish(d);
}

// Whether a template draws a chart that reads other areas' rows (or whose kind is only known
// once expanded).
bool charts_across_areas(const templating::TemplateSpec& t) {
    for (const auto& s : t.sections)
        for (const auto& blk : s.blocks) {
            auto kind = blk.options.find("kind");
            if (blk.kind != templating::BlockKind::Chart || kind == blk.options.end()) continue;
            const std::string& k = kind->second.text;
            if (k == "distribution" || k == "line" || k.find("{{") != std::string::npos) return true;
        }
    return false;
}

}  // namespace

InputFile hash_file(const std::string& path) {
    InputFile f{path, "", 0};
    try {
        core::MappedFile file(path);
        f.sha256 = core::sha256_hex(file.view());
        f.bytes = file.view().size();
    } catch (const core::EngineError&) {
        f.sha256 = "missing";
    }
    return f;
}

InputDigest digest_inputs(const BatchData& b) {
    const auto& cfg = b.config;
    InputDigest d;
    std::vector<std::string> shared = {cfg.path};
    for (const auto& [path, t] : b.templates) shared.push_back(path);
    for (const auto& f : b.fonts->files().paths) shared.push_back(f);
    for (const auto* s : {&cfg.settings_path, &cfg.targets_path})
        if (!s->empty()) shared.push_back(*s);
    for (const auto& [name, path] : cfg.tables) shared.push_back(path);
    for (const auto& s : cfg.observations)
        if (!s.meta_path.empty()) shared.push_back(s.meta_path);
    std::vector<std::string> per_setting;
    for (const auto& s : cfg.observations) per_setting.push_back(s.path);
    if (cfg.records) per_setting.push_back(cfg.records->path);
    for (const auto* s : {&cfg.actions_path, &cfg.activities_path})
        if (!s->empty()) per_setting.push_back(*s);

    core::Sha256 sh, all;
    put(sh, BOARDPACK_VERSION);
    put(sh, cfg.fingerprint);
    for (const auto& p : shared) {
        d.files.push_back(hash_file(p));
        put(sh, d.files.back().sha256);
    }
    for (const auto& p : per_setting) {
        d.files.push_back(hash_file(p));
        put(all, d.files.back().sha256);
    }
    d.shared = sh.hex();
    d.all_rows = all.hex();
    hash_rows(b, d);
    return d;
}

std::string unit_input_key(const InputDigest& d, const BatchData& b, const Unit& u,
                           const core::Date& as_of, const Term& term) {
    core::Sha256 h;
    put(h, d.shared);
    for (const auto& s : {u.report->fingerprint, u.key, u.output, core::format_iso(as_of), term.slug()}) put(h, s);
    auto tmpl = b.templates.find(u.report->template_path);
    const bool own_rows = u.entity && u.report->for_each == "setting" && tmpl != b.templates.end() &&
                          !charts_across_areas(tmpl->second);
    if (own_rows) {
        put(h, d.shared_rows);
        auto rows = d.setting_rows.find(u.entity->id);
        put(h, rows == d.setting_rows.end() ? "none" : rows->second);
    } else {
        put(h, d.all_rows);
    }
    if (u.entity) {
        put(h, u.entity->name);
        put(h, u.entity->la_name);
        for (const auto& [k, v] : u.entity->attributes) {
            put(h, k);
            put(h, v);
        }
    }
    return h.hex();
}

}  // namespace engine::batch
