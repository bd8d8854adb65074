#include "engine/batch/input_digest.h"

#include <charconv>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string_view>

#include "engine/batch/report_job.h"
#include "engine/core/file_io.h"
#include "engine/core/sha256.h"

namespace engine::batch {

namespace {

// Pieces are separated, so that ("ab", "c") and ("a", "bc") hash differently.
void put(core::Sha256& h, std::string_view piece) { h.add(piece).add("\x1f"); }

// One row's fields, joined with separators and hashed in one piece (a million rows hash in a
// fraction of a second).
class Row {
public:
    Row& operator<<(std::string_view piece) {
        text_.append(piece).push_back('\x1f');
        return *this;
    }
    Row& operator<<(const std::optional<double>& v) {
        if (!v) return *this << "-";
        char buf[64];
        auto r = std::to_chars(buf, buf + sizeof buf, *v);  // shortest form that reads back exactly
        return *this << std::string_view(buf, static_cast<std::size_t>(r.ptr - buf));
    }
    // An exact value as numerator/denominator: every distinct value hashes differently.
    Row& operator<<(const std::optional<core::Exact>& v) {
        if (!v) return *this << "-";
        constexpr core::Int128 kMax = static_cast<core::Int128>(INT64_MAX);
        if (v->num() > kMax || -v->num() > kMax || v->den() > kMax) return *this << v->debug_text(0);
        char buf[48];
        auto r = std::to_chars(buf, buf + 20, static_cast<long long>(v->num()));
        *r.ptr++ = '/';
        r = std::to_chars(r.ptr, buf + sizeof buf, static_cast<long long>(v->den()));
        return *this << std::string_view(buf, static_cast<std::size_t>(r.ptr - buf));
    }
    Row& operator<<(int v) { return *this << std::string_view(std::to_string(v)); }
    void into(core::Sha256& h) {
        h.add(text_);
        text_.clear();
    }

private:
    std::string text_;
};

// A running hash per setting of the settings table (by its place there) and one for rows that
// belong to no setting; rows of a setting the table lacks go to a hash no unit reads (their
// files are in every other unit's key whole).
class RowHashes {
public:
    explicit RowHashes(const data::EntityTable& settings) : settings_(settings), hashes_(settings.all().size()) {}
    core::Sha256& of(std::string_view setting) {
        if (setting.empty()) return shared_;
        if (setting != last_) {  // rows come a setting at a time
            last_ = setting;
            last_index_ = settings_.index_of(setting).value_or(hashes_.size());
        }
        if (last_index_ == hashes_.size()) return unread_;
        auto& h = hashes_[last_index_];
        if (!h) h = std::make_unique<core::Sha256>();
        return *h;
    }
    void finish(InputDigest& d) {
        d.shared_rows = shared_.hex();
        d.setting_rows.assign(hashes_.size(), Digest{});
        d.has_rows.assign(hashes_.size(), false);
        for (std::size_t i = 0; i < hashes_.size(); ++i)
            if (hashes_[i]) {
                d.setting_rows[i] = digest_of_hex(hashes_[i]->hex());
                d.has_rows[i] = true;
            }
    }

private:
    const data::EntityTable& settings_;
    core::Sha256 shared_, unread_;
    std::vector<std::unique_ptr<core::Sha256>> hashes_;
    std::string last_;
    std::size_t last_index_ = 0;
};

void hash_rows(const BatchData& b, InputDigest& d) {
    RowHashes rows(b.settings);
    Row row;
    auto date = [](const std::optional<core::Date>& x) { return x ? core::format_iso(*x) : std::string("-"); };
    for (data::ObservationRef o : b.observations.rows()) {
        const data::Value v = o.value();
        row << "obs" << o.measure() << o.group() << o.level() << o.area() << o.period().code() << o.period().label()
            << v.number << static_cast<int>(v.missing) << v.symbol << o.cohort() << o.numerator();
        row.into(rows.of(o.level() == data::kSetting ? o.area() : ""));
    }
    b.actions.for_each([&](const data::Action& a) {
        row << "action" << a.id << a.entity << a.objective << a.action << a.owner << a.progress << date(a.start)
            << date(a.due) << date(a.last_updated) << static_cast<int>(a.state) << static_cast<int>(a.rag);
        row.into(rows.of(a.entity));
    });
    for (const auto& a : b.activities) {
        auto count = [](const std::optional<int>& n) { return n ? std::to_string(*n) : std::string("-"); };
        row << "activity" << a.setting_id << a.kind << a.topic << a.leader << date(a.date)
            << std::optional<core::Exact>(a.half_days) << count(a.participants) << count(a.feedback_positive)
            << count(a.feedback_total);
        row.into(rows.of(a.setting_id));
    }
    rows.finish(d);
}

}  // namespace

InputFile hash_file(const std::string& path) {
    InputFile f{path, "", 0};
    try {
        // Hashed in steps, each step's pages handed back once hashed: a 44 MB data file
        // mapped whole stayed resident, a third of a 5,000-setting run's peak memory
        // (docs/performance.md, "Memory at 5,000 settings").
        constexpr std::size_t kStep = std::size_t{4} << 20;
        core::MappedFile file(path);
        const std::string_view bytes = file.view();
        core::Sha256 h;
        for (std::size_t at = 0; at < bytes.size(); at += kStep) {
            h.add_raw(bytes.substr(at, kStep));
            file.release(at, at + kStep);
        }
        f.sha256 = h.hex();
        f.bytes = bytes.size();
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

    // A file named twice (the body and Latin faces are the same Liberation Sans files unless a
    // brand family is set) is listed twice but read and hashed once.
    std::map<std::string, InputFile> hashed;
    auto hash_once = [&hashed](const std::string& p) -> const InputFile& {
        auto it = hashed.find(p);
        return it != hashed.end() ? it->second : hashed.emplace(p, hash_file(p)).first->second;
    };
    core::Sha256 sh, all;
    put(sh, BOARDPACK_VERSION);
    put(sh, cfg.fingerprint);
    for (const auto& p : shared) {
        d.files.push_back(hash_once(p));
        put(sh, d.files.back().sha256);
    }
    for (const auto& p : per_setting) {
        d.files.push_back(hash_once(p));
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
    for (const auto& s : {u.report->fingerprint, u.key(), unit_output(u, term, as_of), core::format_iso(as_of), term.slug()})
        put(h, s);
    const bool own_rows = u.entity && u.report->for_each == "setting" && !reads_every_area(b, u);
    if (own_rows) {
        put(h, d.shared_rows);
        const std::size_t i = b.settings.index_of(u.entity->id).value_or(d.has_rows.size());
        put(h, i < d.has_rows.size() && d.has_rows[i] ? hex_of(d.setting_rows[i]) : std::string("none"));
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
