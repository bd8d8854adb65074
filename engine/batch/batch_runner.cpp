#include "engine/batch/batch_runner.h"

#include <malloc.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <mutex>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "engine/batch/as_of.h"
#include "engine/batch/batch_data.h"
#include "engine/batch/chart_export.h"
#include "engine/batch/exit_codes.h"
#include "engine/batch/fan_out.h"
#include "engine/batch/input_digest.h"
#include "engine/batch/manifest.h"
#include "engine/batch/output_lock.h"
#include "engine/batch/previous_run.h"
#include "engine/batch/report_job.h"
#include "engine/batch/terms.h"
#include "engine/core/deferred_sync.h"
#include "engine/core/file_io.h"
#include "engine/core/sha256.h"
#include "engine/core/text.h"

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
    InputDigest inputs;
    std::set<std::string> printed;  // warnings printed once for the batch, not again per unit
};

// Prints every problem found — with the errors held for single settings, which are problems
// of this batch too — and says nothing was written.
void print_stop(std::ostream& err, const core::DiagnosticSink& sink, const BatchData* batch, bool validate) {
    std::size_t errors = sink.error_count();
    err << sink.str();
    if (batch)
        for (const auto& [id, ds] : batch->entity_errors)
            for (const auto& d : ds) {
                err << core::format_diagnostic(d) << "\n";
                ++errors;
            }
    err << "boardpack: " << errors << " error" << (errors == 1 ? "" : "s") << " in the batch; nothing was "
        << (validate ? "checked further" : "written") << "\n";
}

// The unit's diagnostics, less the warnings already printed for the whole batch.
std::string unprinted(const core::DiagnosticSink& sink, const std::set<std::string>& printed) {
    std::string out;
    for (const auto& d : sink.diagnostics()) {
        std::string text = core::format_diagnostic(d);
        if (d.severity == core::Severity::Error || !printed.count(text)) out += text + "\n";
    }
    return out;
}

// Loads and checks everything — the batch file, every data file, every template and its
// placeholders — and prints every problem found. nullopt -> exit 2. `digest`: hash the inputs
// too, for the commands that compare them with the last run (run, list).
std::optional<Prepared> prepare(const RunOptions& opt, std::ostream& err, bool digest) {
    core::DiagnosticSink sink;
    Prepared p;
    p.batch = load_batch(opt.config_path, sink);
    if (!p.batch) {
        print_stop(err, sink, nullptr, opt.validate_only);
        return std::nullopt;
    }
    const auto& cfg = p.batch->config;
    const char* sde = std::getenv("SOURCE_DATE_EPOCH");
    std::optional<Term> term;
    if (!opt.term.empty() && opt.term != "current") {
        std::string error;
        term = parse_term(cfg.terms, opt.term, error);
        if (!term) {
            err << sink.str() << "boardpack: error: --term: " << error << "\n";
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
    // An error on one setting's rows stops only the reports that read them, if any report
    // does not; otherwise it stops the batch like any other data error.
    hold_entity_errors(*p.batch, sink, [&](const std::string& id) {
        const data::Entity* e = p.batch->settings.find(id);
        for (const auto& u : units)
            if (!reads_entity(*p.batch, u, e)) return true;
        return false;
    });
    check_templates(*p.batch, units, p.as_of.date, p.term, sink);
    if (sink.has_errors()) {
        print_stop(err, sink, p.batch.get(), opt.validate_only);
        return std::nullopt;
    }
    if (!sink.diagnostics().empty()) err << sink.str();
    for (const auto& d : sink.diagnostics()) p.printed.insert(core::format_diagnostic(d));
    for (auto& u : units)
        if (in_shard(u, opt.shard_k, opt.shard_n)) p.units.push_back(std::move(u));
    p.units.shrink_to_fit();  // kept for the whole run: no room for units that will never come
    if (digest) p.inputs = digest_inputs(*p.batch);
    // What loading freed goes back to the OS: the worker threads allocate from arenas of their
    // own, so the main arena's free pages would stay resident for nothing.
    ::malloc_trim(0);
    return p;
}

// The formats a unit is written in: --format, else the report's own.
config::OutputFormats formats_of(const RunOptions& opt, const Unit& u) {
    return opt.formats ? *opt.formats : u.report->formats;
}

// The files of a unit, PDF first: the PDF at the unit's path, the HTML page beside it.
std::vector<OutputFile> unit_files(const RunOptions& opt, const Prepared& p, const Unit& u) {
    const config::OutputFormats f = formats_of(opt, u);
    const std::string output = unit_output(u, p.term, p.as_of.date);
    std::vector<OutputFile> files;
    if (f.pdf) files.push_back({"pdf", (fs::path(p.out_dir) / output).string(), "", 0});
    if (f.html) files.push_back({"html", (fs::path(p.out_dir) / html_output(output)).string(), "", 0});
    return files;
}

// Whether every file of a unit is still the one the previous run recorded (by format and
// content: the same folder may be named by another spelling of its path).
bool files_unchanged(const std::vector<OutputFile>& files, const PreviousUnit& prev) {
    if (prev.result.file_count != files.size()) return false;
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::error_code ec;
        if (!prev.file_is(i, files[i].format) || !fs::exists(files[i].path, ec)) return false;
        try {
            if (core::sha256_hex(core::MappedFile(files[i].path).view()) != hex_of(prev.result.files[i].sha256)) return false;
        } catch (const core::EngineError&) {
            return false;
        }
    }
    return true;
}

// The key that decides whether a unit's output is up to date: its inputs and its formats.
std::string unit_key(const RunOptions& opt, const Prepared& p, const Unit& u) {
    const config::OutputFormats f = formats_of(opt, u);
    core::Sha256 h;
    h.add(unit_input_key(p.inputs, *p.batch, u, p.as_of.date, p.term));
    h.add(f.pdf ? "pdf" : "").add(f.html ? "html" : "");
    return h.hex();
}

// Whether every file a unit read last time still has the content it had then.
bool reads_unchanged(const std::vector<InputFile>& reads) {
    for (const auto& f : reads)
        if (hash_file(f.path).sha256 != f.sha256) return false;
    return true;
}

// Whether the previous run's files of `u` are still what a run would write now.
bool up_to_date(const RunOptions& opt, const Prepared& p, const Unit& u,
                const PreviousRun& previous, const PreviousUnit*& found) {
    const PreviousUnit* prev = previous.find(u.key());
    if (!prev || hex_of(prev->result.input_key) != unit_key(opt, p, u) ||
        (prev->result.status != UnitStatus::Written && prev->result.status != UnitStatus::Skipped) ||
        !reads_unchanged(prev->result.reads()) || !files_unchanged(unit_files(opt, p, u), *prev))
        return false;
    found = prev;
    return true;
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
                for (const auto& f : r.files) {
                    out_ << "wrote   " << f.path << " (";
                    if (f.format == "pdf") out_ << pages_text(r.pages) << ", ";
                    out_ << kib(f.bytes) << ", " << seconds_text(r.seconds) << ")\n";
                }
                break;
            case UnitStatus::Skipped:
                for (const auto& f : r.files) out_ << "skipped " << f.path << " (up to date)\n";
                break;
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

void print_summary(std::ostream& out, const std::vector<Unit>& units, const std::vector<UnitResult>& results,
                   const Prepared& p, bool validate) {
    struct Row {
        int units = 0, written = 0, skipped = 0, failed = 0;
    };
    std::map<std::string, Row> by_report;
    std::vector<std::string> order;
    Row total;
    std::size_t count = 0;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const UnitResult& r = results[i];
        if (!r.started) continue;
        ++count;
        const std::string& report = units[i].report->id;
        if (!by_report.count(report)) order.push_back(report);
        Row& row = by_report[report];
        for (Row* x : {&row, &total}) {
            ++x->units;
            x->written += r.status == UnitStatus::Written || r.status == UnitStatus::Valid;
            x->skipped += r.status == UnitStatus::Skipped;
            x->failed += r.status == UnitStatus::Failed;
        }
    }
    if (count > 1) {
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
    out << (validate ? "validated " : "") << total.written << " of " << count << " report"
        << (count == 1 ? "" : "s") << (validate ? " valid" : " written");
    if (total.skipped) out << ", " << total.skipped << " up to date";
    if (total.failed) out << ", " << total.failed << " failed";
    out << "; as of " << core::format_long(p.as_of.date) << " (" << p.as_of.source << "), "
        << p.term.label() << "\n";
    if (total.failed) {
        out << "failed:\n";
        for (std::size_t i = 0; i < units.size(); ++i)
            if (results[i].started && results[i].status == UnitStatus::Failed)
                out << "  " << units[i].key() << ": "
                    << (results[i].errors().empty() ? "unknown error" : results[i].errors().front()) << "\n";
    }
}

}  // namespace

int run_batch(const RunOptions& opt, std::ostream& out, std::ostream& err) {
    auto started = Clock::now();
    std::string started_utc = utc_now();
    auto prepared = prepare(opt, err, !opt.validate_only);
    if (!prepared) return kExitUsage;
    Prepared& p = *prepared;

    std::unique_ptr<OutputLock> lock;
    std::optional<core::SpaceReserve> reserve;
    PreviousRun previous;
    const std::string manifest_path = (fs::path(p.out_dir) / manifest_name(opt.shard_k, opt.shard_n)).string();
    if (!opt.validate_only) {
        try {
            lock = std::make_unique<OutputLock>(p.out_dir, opt.shard_k, opt.shard_n);
        } catch (const core::EngineError& e) {
            err << core::format_diagnostic(e.diagnostic()) << "\n";
            return kExitUsage;
        }
        core::remove_atomic_temp_files(p.out_dir);  // leftovers of a killed run
        // Room for the manifest, however full the disk gets while the reports are written.
        reserve.emplace(fs::path(p.out_dir) / (".boardpack-reserve-" + manifest_name(opt.shard_k, opt.shard_n)),
                        16384 + 2048 * p.units.size());  // about 4 times what a unit takes
        if (!opt.force) previous = PreviousRun::read(manifest_path);
    }

    const std::size_t n = p.units.size();
    // Kept compact while the units render: a unit's record is made again from it and its
    // result when the manifest is written.
    std::vector<UnitResult> results(n);
    bool line = opt.progress == RunOptions::Progress::Line ||
                (opt.progress == RunOptions::Progress::Auto && ::isatty(STDERR_FILENO));
    Progress progress(out, err, line, n);
    std::atomic<bool> stop{false};
    core::DeferredSync written;  // the reports' files, made durable before the manifest

    auto work = [&](std::size_t i) {
        const Unit& u = p.units[i];
        UnitRecord r;
        auto t0 = Clock::now();
        r.key = u.key();
        r.report = u.report->id;
        r.entity = u.entity ? u.entity->id : "";
        std::vector<OutputFile> files = unit_files(opt, p, u);
        r.output = files.front().path;
        r.input_key = unit_key(opt, p, u);
        core::DiagnosticSink sink;

        const PreviousUnit* prev = nullptr;
        if (up_to_date(opt, p, u, previous, prev)) {
            r.status = UnitStatus::Skipped;
            r.files = files;
            for (std::size_t k = 0; k < files.size(); ++k) {
                r.files[k].sha256 = hex_of(prev->result.files[k].sha256);
                r.files[k].bytes = prev->result.files[k].bytes;
            }
            r.sha256 = r.files.front().sha256;
            r.pages = prev->result.pages;
            r.bytes = r.files.front().bytes;
            r.reads = prev->result.reads();
            r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
            progress.report(r, "", false);
            results[i] = compact(r);
            return;
        }

        RenderedReport rr = render_report(*p.batch, u, p.as_of.date, p.term, formats_of(opt, u), sink);
        for (auto& f : files) {
            const std::string& bytes = f.format == "pdf" ? rr.pdf : rr.html;
            f.sha256 = core::sha256_hex(bytes);
            f.bytes = bytes.size();
        }
        if (rr.ok && !opt.validate_only) {
            try {
                // Flushed to disk once for the whole run, below: a flush per file made every
                // unit wait on the disk (docs/performance.md, "Parallel runs").
                for (const auto& f : files) {
                    check_output_folders(p.out_dir, f.path, p.batch->config.allow_symlinked_folders);
                    written.add(f.path, core::write_file_atomically(f.path, f.format == "pdf" ? rr.pdf : rr.html,
                                                                    core::Sync::Later));
                }
            } catch (const core::EngineError& e) {
                sink.add(e.diagnostic());
                rr.ok = false;
            }
        }
        r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        if (rr.ok) {
            r.status = opt.validate_only ? UnitStatus::Valid : UnitStatus::Written;
            r.files = files;
            r.sha256 = files.front().sha256;
            r.pages = rr.pages;
            r.bytes = files.front().bytes;
            for (const auto& f : rr.files_read) {
                std::error_code ec;
                fs::path abs = fs::absolute(f, ec);
                r.reads.push_back(hash_file((ec ? fs::path(f) : abs.lexically_normal()).string()));
            }
        } else {
            r.status = UnitStatus::Failed;
            for (const auto& d : sink.diagnostics())
                if (d.severity == core::Severity::Error) r.errors.push_back(core::format_diagnostic(d));
            if (r.errors.empty()) r.errors.push_back("failed without a message");
            if (opt.fail_fast) stop = true;
        }
        progress.report(r, unprinted(sink, p.printed), opt.validate_only);
        results[i] = compact(r);
    };
    const int jobs = for_each_unit(n, opt.jobs, stop, work);
    progress.finish();

    // Units never started because of --fail-fast.
    std::size_t not_started = 0;
    bool failed = false;
    for (const auto& r : results) {
        not_started += !r.started;
        failed |= r.started && r.status == UnitStatus::Failed;
    }
    int code = failed ? kExitReportFailed : kExitOk;
    print_summary(out, p.units, results, p, opt.validate_only);
    if (not_started) out << not_started << " report" << (not_started == 1 ? "" : "s") << " not started (--fail-fast)\n";

    release_report_data(*p.batch);  // what is left needs none of it
    if (!opt.validate_only) {
        // The reports reach the disk before the manifest that vouches for them.
        try {
            written.sync(p.out_dir);
        } catch (const core::EngineError& e) {
            err << core::format_diagnostic(e.diagnostic()) << "\n";
            code = kExitReportFailed;
        }
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
        m.inputs = p.inputs.files;
        // Files found while rendering (logos) are inputs too, each listed once.
        std::set<std::string> listed;
        for (const auto& f : m.inputs) listed.insert(f.path);
        std::vector<std::size_t> done;  // the units started, in batch order
        for (std::size_t i = 0; i < n; ++i) {
            if (!results[i].started) continue;
            done.push_back(i);
            for (const auto& f : results[i].reads())
                if (listed.insert(f.path).second) m.inputs.push_back(hash_file(f.path));
        }
        m.unit_count = done.size();
        m.unit = [&](std::size_t k) {
            const Unit& u = p.units[done[k]];
            return expand(results[done[k]], u.key(), u.report->id, u.entity ? u.entity->id : "", unit_files(opt, p, u));
        };
        reserve.reset();  // give the held space back for the manifest
        try {
            core::AtomicFile file(manifest_path);
            m.write_json([&](std::string_view piece) { file.write(piece); });
            file.commit();
        } catch (const core::EngineError& e) {
            err << core::format_diagnostic(e.diagnostic()) << "\n";
        }
    }
    return code;
}

int list_batch(const RunOptions& opt, std::ostream& out, std::ostream& err) {
    auto prepared = prepare(opt, err, true);
    if (!prepared) return kExitUsage;
    Prepared& p = *prepared;
    const PreviousRun previous = PreviousRun::read((fs::path(p.out_dir) / manifest_name(opt.shard_k, opt.shard_n)).string());
    std::size_t fresh_units = 0;
    nlohmann::json reports = nlohmann::json::array();
    for (const auto& u : p.units) {
        const std::vector<OutputFile> files = unit_files(opt, p, u);
        const PreviousUnit* prev = nullptr;
        bool fresh = !opt.force && up_to_date(opt, p, u, previous, prev);
        fresh_units += fresh;
        std::vector<std::string> targets;
        nlohmann::json listed = nlohmann::json::array();
        for (const auto& f : files) {
            targets.push_back(f.path);
            listed.push_back({{"format", f.format}, {"path", f.path}});
        }
        if (opt.json) reports.push_back({{"key", u.key()}, {"up_to_date", fresh}, {"files", listed}});
        else out << (fresh ? "up to date  " : "to build    ") << u.key() << "  ->  " << core::join(targets, ", ") << "\n";
    }
    if (opt.json) {
        nlohmann::json doc = {{"as_of", core::format_iso(p.as_of.date)}, {"as_of_source", p.as_of.source},
                              {"term", p.term.slug()}, {"shard", std::to_string(opt.shard_k) + "/" + std::to_string(opt.shard_n)},
                              {"summary", {{"units", p.units.size()}, {"up_to_date", fresh_units}}},
                              {"reports", reports}};
        out << doc.dump(2) << "\n";
        return kExitOk;
    }
    out << p.units.size() << " report" << (p.units.size() == 1 ? "" : "s") << ", " << fresh_units
        << " up to date; as of " << core::format_long(p.as_of.date) << " (" << p.as_of.source << "), "
        << p.term.label() << (opt.shard_n > 1 ? ", shard " + std::to_string(opt.shard_k) + "/" + std::to_string(opt.shard_n) : "")
        << "\n";
    return kExitOk;
}

int export_charts(const RunOptions& opt, const ChartExportOptions& charts, std::ostream& out,
                  std::ostream& err) {
    auto prepared = prepare(opt, err, false);
    if (!prepared) return kExitUsage;
    Prepared& p = *prepared;
    // --out names the charts folder itself; by default it is "charts" in the output folder.
    const fs::path root = opt.out_dir ? fs::path(p.out_dir) : fs::path(p.out_dir) / "charts";
    std::unique_ptr<OutputLock> lock;
    try {
        lock = std::make_unique<OutputLock>(root.string(), opt.shard_k, opt.shard_n);
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
    core::DeferredSync durable;  // every chart file, made durable once at the end
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
                // The same output-folder safety as run's: no writing through a symlinked folder.
                const fs::path folder = unit_chart_folder(root, unit_output(u, p.term, p.as_of.date));
                check_output_folders(root.string(), (folder / "chart").string(),
                                     p.batch->config.allow_symlinked_folders);
                written = write_unit_charts(durable, folder, rc, charts);
            } catch (const core::EngineError& e) {
                sink.add(e.diagnostic());
                rc.ok = false;
            } catch (const std::exception& e) {
                sink.error(u.report->where, std::string("could not draw a chart: ") + e.what());
                rc.ok = false;
            }
        }
        std::lock_guard<std::mutex> guard(print);
        err << unprinted(sink, p.printed);
        if (!rc.ok) {
            o.failed = true;
            for (const auto& d : sink.diagnostics())
                if (d.severity == core::Severity::Error && o.error.empty()) o.error = core::format_diagnostic(d);
            if (o.error.empty()) o.error = "failed without a message";
            err << "FAILED " << u.key() << ": " << sink.error_count() << " error"
                << (sink.error_count() == 1 ? "" : "s") << "\n";
            if (opt.fail_fast) stop = true;
            return;
        }
        o.charts = written.size();
        for (const auto& w : written)
            out << "wrote   " << w.path << " (" << w.width << " x " << w.height << size_unit
                << kib(w.bytes) << ")\n";
        if (written.empty()) out << "no charts in " << u.key() << "\n";
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
            if (outcomes[i].failed) out << "  " << p.units[i].key() << ": " << outcomes[i].error << "\n";
    }
    if (not_started) out << not_started << " report" << (not_started == 1 ? "" : "s") << " not started (--fail-fast)\n";
    try {
        durable.sync(root);
    } catch (const core::EngineError& e) {
        err << core::format_diagnostic(e.diagnostic()) << "\n";
        failed = std::max<std::size_t>(failed, 1);
    }
    return failed ? kExitReportFailed : kExitOk;
}

}  // namespace engine::batch
