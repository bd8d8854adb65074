#include "engine/batch/batch_runner.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <ostream>
#include <sstream>
#include <thread>

#include "engine/batch/as_of.h"
#include "engine/batch/batch_data.h"
#include "engine/batch/chart_export.h"
#include "engine/batch/exit_codes.h"
#include "engine/batch/fan_out.h"
#include "engine/batch/manifest.h"
#include "engine/batch/output_lock.h"
#include "engine/batch/report_job.h"
#include "engine/batch/terms.h"
#include "engine/core/file_io.h"
#include "engine/core/sha256.h"

namespace engine::batch {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string kib(std::size_t bytes) { return std::to_string((bytes + 512) / 1024) + " KB"; }

std::string pages_text(int n) { return std::to_string(n) + (n == 1 ? " page" : " pages"); }

std::string seconds_text(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f s", s);
    return buf;
}

std::string utc_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// Everything a run needs besides the units: the loaded batch, dates, inputs and paths.
struct Prepared {
    std::unique_ptr<BatchData> batch;
    AsOf as_of;
    Term term;
    std::string out_dir;
    std::vector<Unit> units;  // this shard's units, in batch order
    std::vector<InputFile> inputs;
    std::string inputs_key;   // hash over every input file
};

InputFile hash_input(const std::string& path) {
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

// Loads and checks everything; prints problems. nullopt -> exit 2.
std::optional<Prepared> prepare(const RunOptions& opt, std::ostream& err) {
    core::DiagnosticSink sink;
    Prepared p;
    p.batch = load_batch(opt.config_path, sink);
    if (!p.batch) {
        err << sink.str() << "boardpack: " << sink.error_count() << " error"
            << (sink.error_count() == 1 ? "" : "s") << " in the batch; nothing was "
            << (opt.validate_only ? "checked further" : "written") << "\n";
        return std::nullopt;
    }
    const auto& cfg = p.batch->config;
    const char* sde = std::getenv("SOURCE_DATE_EPOCH");
    std::optional<Term> term;
    if (!opt.term.empty() && opt.term != "current") {
        std::string error;
        term = parse_term(cfg.terms, opt.term, error);
        if (!term) {
            err << "boardpack: error: --term: " << error << "\n";
            return std::nullopt;
        }
    }
    // A named term without a date means "as at the end of that term".
    std::optional<core::Date> cli_date = opt.as_of;
    if (term && !cli_date) cli_date = term->end;
    p.as_of = resolve_as_of(cli_date, cfg.as_of, sde ? sde : "");
    if (term && !opt.as_of) p.as_of.source = "--term " + opt.term;
    p.term = term ? *term : term_containing(cfg.terms, p.as_of.date);
    p.out_dir = opt.out_dir ? *opt.out_dir : cfg.output_dir;

    auto units = expand_units(*p.batch, p.term, p.as_of.date, sink);
    if (sink.has_errors()) {
        err << sink.str() << "boardpack: " << sink.error_count() << " error"
            << (sink.error_count() == 1 ? "" : "s") << " in the batch; nothing was written\n";
        return std::nullopt;
    }
    if (!sink.diagnostics().empty()) err << sink.str();
    for (auto& u : units)
        if (in_shard(u, opt.shard_k, opt.shard_n)) p.units.push_back(std::move(u));

    // Inputs, hashed once: the batch file, templates, data files and fonts.
    std::vector<std::string> paths = {cfg.path};
    for (const auto& [path, t] : p.batch->templates) paths.push_back(path);
    for (const auto& s : cfg.observations) {
        paths.push_back(s.path);
        if (!s.meta_path.empty()) paths.push_back(s.meta_path);
    }
    for (const auto* s : {&cfg.settings_path, &cfg.targets_path, &cfg.actions_path, &cfg.activities_path})
        if (!s->empty()) paths.push_back(*s);
    if (cfg.records) paths.push_back(cfg.records->path);
    for (const auto& f : p.batch->fonts->files().paths) paths.push_back(f);
    core::Sha256 all;
    all.add(BOARDPACK_VERSION).add(cfg.fingerprint);
    for (const auto& path : paths) {
        p.inputs.push_back(hash_input(path));
        all.add(p.inputs.back().sha256);
    }
    p.inputs_key = all.hex();
    return p;
}

// The key that decides whether a unit's output is up to date.
std::string unit_key(const Prepared& p, const Unit& u) {
    core::Sha256 h;
    h.add(p.inputs_key).add(u.report->fingerprint).add(u.key).add(u.output);
    h.add(core::format_iso(p.as_of.date)).add(p.term.slug());
    if (u.entity) {
        h.add(u.entity->name).add(u.entity->la_name);
        for (const auto& [k, v] : u.entity->attributes) h.add(k).add(v);
    }
    return h.hex();
}

// The output lock's file name: shards of one batch write different files, so each has its own.
std::string lock_name(const RunOptions& opt) {
    return opt.shard_n > 1 ? ".boardpack-shard-" + std::to_string(opt.shard_k) + "-of-" +
                                 std::to_string(opt.shard_n) + ".lock"
                           : ".boardpack.lock";
}

// Calls work(i) for every i < n on `jobs` threads (0: one per core, never more than n), units
// taken in order; no new unit starts once `stop` is set. Returns the number of threads used.
int for_each_unit(std::size_t n, int jobs, const std::atomic<bool>& stop,
                  const std::function<void(std::size_t)>& work) {
    if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    jobs = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(jobs), std::max<std::size_t>(n, 1)));
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; !stop && (i = next++) < n;) work(i);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < jobs; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    return jobs;
}

// Progress: one updating line on a terminal, one plain line per unit otherwise.
class Progress {
public:
    Progress(std::ostream& out, std::ostream& err, bool line, std::size_t total)
        : out_(out), err_(err), line_(line), total_(total), start_(Clock::now()) {}

    void report(const UnitRecord& r, const std::string& diagnostics, bool validate) {
        std::lock_guard<std::mutex> lock(mu_);
        ++done_;
        if (r.status == UnitStatus::Failed) ++failed_;
        if (!diagnostics.empty()) {
            if (line_) err_ << "\r\x1b[K";
            err_ << diagnostics;
        }
        if (r.status == UnitStatus::Failed) {
            if (line_) err_ << "\r\x1b[K";
            err_ << "FAILED " << r.key << ": " << r.errors.size() << " error"
                 << (r.errors.size() == 1 ? "" : "s") << (validate ? "" : "; nothing written") << "\n";
        }
        if (line_) {
            double el = std::chrono::duration<double>(Clock::now() - start_).count();
            double eta = done_ ? el / static_cast<double>(done_) * static_cast<double>(total_ - done_) : 0;
            err_ << "\r\x1b[K[" << done_ << "/" << total_ << "] " << failed_ << " failed, "
                 << "ETA " << static_cast<int>(eta + 0.5) << " s" << std::flush;
            return;
        }
        switch (r.status) {
            case UnitStatus::Written:
                out_ << "wrote   " << r.output << " (" << pages_text(r.pages) << ", " << kib(r.bytes) << ", "
                     << seconds_text(r.seconds) << ")\n";
                break;
            case UnitStatus::Skipped: out_ << "skipped " << r.output << " (up to date)\n"; break;
            case UnitStatus::Valid: out_ << "ok      " << r.key << " (" << pages_text(r.pages) << ")\n"; break;
            case UnitStatus::Failed: break;
        }
        out_ << std::flush;
    }
    void finish() {
        if (line_ && done_ > 0) err_ << "\r\x1b[K" << std::flush;
    }

private:
    std::ostream& out_;
    std::ostream& err_;
    bool line_;
    std::size_t total_, done_ = 0, failed_ = 0;
    Clock::time_point start_;
    std::mutex mu_;
};

void print_summary(std::ostream& out, const std::vector<UnitRecord>& records, const Prepared& p,
                   bool validate) {
    struct Row {
        int units = 0, written = 0, skipped = 0, failed = 0;
    };
    std::map<std::string, Row> by_report;
    std::vector<std::string> order;
    Row total;
    for (const auto& r : records) {
        if (!by_report.count(r.report)) order.push_back(r.report);
        Row& row = by_report[r.report];
        for (Row* x : {&row, &total}) {
            ++x->units;
            x->written += r.status == UnitStatus::Written || r.status == UnitStatus::Valid;
            x->skipped += r.status == UnitStatus::Skipped;
            x->failed += r.status == UnitStatus::Failed;
        }
    }
    if (records.size() > 1) {
        std::size_t w = 6;
        for (const auto& o : order) w = std::max(w, o.size());
        auto line = [&](const std::string& name, const Row& r) {
            char buf[256];
            std::snprintf(buf, sizeof buf, "  %-*s %6d %8d %8d %7d\n", static_cast<int>(w), name.c_str(),
                          r.units, r.written, r.skipped, r.failed);
            out << buf;
        };
        char head[256];
        std::snprintf(head, sizeof head, "  %-*s %6s %8s %8s %7s\n", static_cast<int>(w), "report",
                      "units", validate ? "valid" : "written", "skipped", "failed");
        out << head;
        for (const auto& o : order) line(o, by_report[o]);
        if (order.size() > 1) line("total", total);
    }
    out << (validate ? "validated " : "") << total.written << " of " << records.size() << " report"
        << (records.size() == 1 ? "" : "s") << (validate ? " valid" : " written");
    if (total.skipped) out << ", " << total.skipped << " up to date";
    if (total.failed) out << ", " << total.failed << " failed";
    out << "; as of " << core::format_long(p.as_of.date) << " (" << p.as_of.source << "), "
        << p.term.label() << "\n";
    if (total.failed) {
        out << "failed:\n";
        for (const auto& r : records)
            if (r.status == UnitStatus::Failed)
                out << "  " << r.key << ": " << (r.errors.empty() ? "unknown error" : r.errors.front()) << "\n";
    }
}

}  // namespace

int run_batch(const RunOptions& opt, std::ostream& out, std::ostream& err) {
    auto started = Clock::now();
    std::string started_utc = utc_now();
    auto prepared = prepare(opt, err);
    if (!prepared) return kExitUsage;
    Prepared& p = *prepared;

    std::unique_ptr<OutputLock> lock;
    std::map<std::string, UnitRecord> previous;
    const std::string manifest_path = (fs::path(p.out_dir) / manifest_name(opt.shard_k, opt.shard_n)).string();
    if (!opt.validate_only) {
        try {
            lock = std::make_unique<OutputLock>(p.out_dir, lock_name(opt));
        } catch (const core::EngineError& e) {
            err << core::format_diagnostic(e.diagnostic()) << "\n";
            return kExitUsage;
        }
        core::remove_atomic_temp_files(p.out_dir);  // leftovers of a killed run
        if (!opt.force) previous = read_manifest_units(manifest_path);
    }

    const std::size_t n = p.units.size();
    std::vector<UnitRecord> records(n);
    bool line = opt.progress == RunOptions::Progress::Line ||
                (opt.progress == RunOptions::Progress::Auto && ::isatty(STDERR_FILENO));
    Progress progress(out, err, line, n);
    std::atomic<bool> stop{false};

    auto work = [&](std::size_t i) {
        const Unit& u = p.units[i];
        UnitRecord& r = records[i];
        auto t0 = Clock::now();
        r.key = u.key;
        r.report = u.report->id;
        r.entity = u.entity ? u.entity->id : "";
        fs::path target = fs::path(p.out_dir) / u.output;
        r.output = target.string();
        r.input_key = unit_key(p, u);
        core::DiagnosticSink sink;

        auto prev = previous.find(r.output);
        if (prev != previous.end() && prev->second.input_key == r.input_key &&
            (prev->second.status == UnitStatus::Written || prev->second.status == UnitStatus::Skipped)) {
            std::error_code ec;
            if (fs::exists(target, ec)) {
                try {
                    if (core::sha256_hex(core::MappedFile(target).view()) == prev->second.sha256) {
                        r.status = UnitStatus::Skipped;
                        r.sha256 = prev->second.sha256;
                        r.pages = prev->second.pages;
                        r.bytes = prev->second.bytes;
                        r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
                        progress.report(r, "", false);
                        return;
                    }
                } catch (const core::EngineError&) {
                }
            }
        }

        RenderedReport rr = render_report(*p.batch, u, p.as_of.date, p.term, sink);
        if (rr.ok && !opt.validate_only) {
            try {
                core::write_file_atomically(target, rr.pdf);
            } catch (const core::EngineError& e) {
                sink.add(e.diagnostic());
                rr.ok = false;
            }
        }
        r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        if (rr.ok) {
            r.status = opt.validate_only ? UnitStatus::Valid : UnitStatus::Written;
            r.sha256 = core::sha256_hex(rr.pdf);
            r.pages = rr.pages;
            r.bytes = rr.pdf.size();
        } else {
            r.status = UnitStatus::Failed;
            for (const auto& d : sink.diagnostics())
                if (d.severity == core::Severity::Error) r.errors.push_back(core::format_diagnostic(d));
            if (r.errors.empty()) r.errors.push_back("failed without a message");
            if (opt.fail_fast) stop = true;
        }
        progress.report(r, sink.str(), opt.validate_only);
    };
    const int jobs = for_each_unit(n, opt.jobs, stop, work);
    progress.finish();

    // Units never started because of --fail-fast.
    std::vector<UnitRecord> done;
    std::size_t not_started = 0;
    for (auto& r : records) {
        if (r.key.empty()) ++not_started;
        else done.push_back(std::move(r));
    }
    bool failed = false;
    for (const auto& r : done) failed |= r.status == UnitStatus::Failed;
    int code = failed ? kExitReportFailed : kExitOk;
    print_summary(out, done, p, opt.validate_only);
    if (not_started) out << not_started << " report" << (not_started == 1 ? "" : "s") << " not started (--fail-fast)\n";

    if (!opt.validate_only) {
        Manifest m;
        m.engine_version = BOARDPACK_VERSION;
        m.batch = opt.config_path;
        m.as_of = core::format_iso(p.as_of.date);
        m.as_of_source = p.as_of.source;
        m.term = p.term.slug();
        m.started = started_utc;
        m.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        m.jobs = jobs;
        if (opt.shard_n > 1) m.shard = std::to_string(opt.shard_k) + "/" + std::to_string(opt.shard_n);
        m.exit_code = code;
        m.inputs = p.inputs;
        m.units = done;
        try {
            core::write_file_atomically(manifest_path, m.to_json());
        } catch (const core::EngineError& e) {
            err << core::format_diagnostic(e.diagnostic()) << "\n";
        }
    }
    return code;
}

int list_batch(const RunOptions& opt, std::ostream& out, std::ostream& err) {
    auto prepared = prepare(opt, err);
    if (!prepared) return kExitUsage;
    Prepared& p = *prepared;
    auto previous = read_manifest_units((fs::path(p.out_dir) / manifest_name(opt.shard_k, opt.shard_n)).string());
    std::size_t up_to_date = 0;
    for (const auto& u : p.units) {
        std::string target = (fs::path(p.out_dir) / u.output).string();
        auto prev = previous.find(target);
        std::error_code ec;
        bool fresh = !opt.force && prev != previous.end() && prev->second.input_key == unit_key(p, u) &&
                     fs::exists(target, ec);
        up_to_date += fresh;
        out << (fresh ? "up to date  " : "to build    ") << u.key << "  ->  " << target << "\n";
    }
    out << p.units.size() << " report" << (p.units.size() == 1 ? "" : "s") << ", " << up_to_date
        << " up to date; as of " << core::format_long(p.as_of.date) << " (" << p.as_of.source << "), "
        << p.term.label() << (opt.shard_n > 1 ? ", shard " + std::to_string(opt.shard_k) + "/" + std::to_string(opt.shard_n) : "")
        << "\n";
    return kExitOk;
}

int export_charts(const RunOptions& opt, const ChartExportOptions& charts, std::ostream& out,
                  std::ostream& err) {
    auto prepared = prepare(opt, err);
    if (!prepared) return kExitUsage;
    Prepared& p = *prepared;
    // --out names the charts folder itself; by default it is "charts" in the output folder.
    const fs::path root = opt.out_dir ? fs::path(p.out_dir) : fs::path(p.out_dir) / "charts";
    std::unique_ptr<OutputLock> lock;
    try {
        lock = std::make_unique<OutputLock>(root.string(), lock_name(opt));
    } catch (const core::EngineError& e) {
        err << core::format_diagnostic(e.diagnostic()) << "\n";
        return kExitUsage;
    }
    core::remove_atomic_temp_files(root);  // leftovers of a killed export

    struct Outcome {
        bool started = false, failed = false;
        std::size_t charts = 0;
        std::string error;  // the first one
    };
    const std::size_t n = p.units.size();
    std::vector<Outcome> outcomes(n);
    std::atomic<bool> stop{false};
    std::mutex print;
    const char* size_unit = charts.format == ChartFormat::Png ? " px, " : " pt, ";
    for_each_unit(n, opt.jobs, stop, [&](std::size_t i) {
        const Unit& u = p.units[i];
        Outcome& o = outcomes[i];
        o.started = true;
        core::DiagnosticSink sink;
        ReportCharts rc = build_report_charts(*p.batch, u, p.as_of.date, p.term, sink);
        std::vector<WrittenChart> written;
        if (rc.ok) {
            try {
                written = write_unit_charts(unit_chart_folder(root, u.output), rc, charts);
            } catch (const core::EngineError& e) {
                sink.add(e.diagnostic());
                rc.ok = false;
            } catch (const std::exception& e) {
                sink.error(u.report->where, std::string("could not draw a chart: ") + e.what());
                rc.ok = false;
            }
        }
        std::lock_guard<std::mutex> guard(print);
        err << sink.str();
        if (!rc.ok) {
            o.failed = true;
            for (const auto& d : sink.diagnostics())
                if (d.severity == core::Severity::Error && o.error.empty()) o.error = core::format_diagnostic(d);
            if (o.error.empty()) o.error = "failed without a message";
            err << "FAILED " << u.key << ": " << sink.error_count() << " error"
                << (sink.error_count() == 1 ? "" : "s") << "\n";
            if (opt.fail_fast) stop = true;
            return;
        }
        o.charts = written.size();
        for (const auto& w : written)
            out << "wrote   " << w.path << " (" << w.width << " x " << w.height << size_unit
                << kib(w.bytes) << ")\n";
        if (written.empty()) out << "no charts in " << u.key << "\n";
        out << std::flush;
    });

    std::size_t total = 0, failed = 0, not_started = 0;
    for (const auto& o : outcomes) {
        total += o.charts;
        failed += o.failed;
        not_started += !o.started;
    }
    out << total << " chart" << (total == 1 ? "" : "s") << " written to " << root.string() << " from "
        << n - not_started - failed << " of " << n << " report" << (n == 1 ? "" : "s");
    if (failed) out << ", " << failed << " failed";
    out << "; as of " << core::format_long(p.as_of.date) << " (" << p.as_of.source << "), "
        << p.term.label() << "\n";
    if (failed) {
        out << "failed:\n";
        for (std::size_t i = 0; i < n; ++i)
            if (outcomes[i].failed) out << "  " << p.units[i].key << ": " << outcomes[i].error << "\n";
    }
    if (not_started) out << not_started << " report" << (not_started == 1 ? "" : "s") << " not started (--fail-fast)\n";
    return failed ? kExitReportFailed : kExitOk;
}

}  // namespace engine::batch
