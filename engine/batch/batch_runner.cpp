#include "engine/batch/batch_runner.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include "engine/batch/as_of.h"
#include "engine/batch/batch_data.h"
#include "engine/batch/exit_codes.h"
#include "engine/batch/report_job.h"
#include "engine/core/file_io.h"

namespace engine::batch {

namespace fs = std::filesystem;

namespace {

std::string kib(std::size_t bytes) {
    return std::to_string((bytes + 512) / 1024) + " KB";
}

}  // namespace

int run_batch(const RunOptions& opt, std::ostream& out, std::ostream& err) {
    core::DiagnosticSink sink;
    auto batch = load_batch(opt.config_path, sink);
    if (!batch) {
        err << sink.str();
        err << "boardpack: " << sink.error_count() << " error" << (sink.error_count() == 1 ? "" : "s")
            << " in the batch; nothing was " << (opt.validate_only ? "checked further" : "written")
            << "\n";
        return kExitUsage;
    }
    const char* sde = std::getenv("SOURCE_DATE_EPOCH");
    AsOf as_of = resolve_as_of(opt.as_of, batch->config.as_of, sde ? sde : "");
    const std::string out_dir = opt.out_dir ? *opt.out_dir : batch->config.output_dir;

    int failed = 0, written = 0;
    for (const auto& report : batch->config.reports) {
        auto start = std::chrono::steady_clock::now();
        core::DiagnosticSink rs;
        RenderedReport r = render_report(*batch, report, as_of.date, rs);
        fs::path target = fs::path(out_dir) / report.output;
        if (r.ok && !opt.validate_only) {
            try {
                core::write_file_atomically(target, r.pdf);
            } catch (const core::EngineError& e) {
                rs.add(e.diagnostic());
                r.ok = false;
            }
        }
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!r.ok) {
            ++failed;
            err << rs.str();
            err << "FAILED " << report.id << ": " << rs.error_count() << " error"
                << (rs.error_count() == 1 ? "" : "s") << (opt.validate_only ? "" : "; nothing written")
                << "\n";
            continue;
        }
        if (!rs.diagnostics().empty()) err << rs.str();
        ++written;
        char t[32];
        std::snprintf(t, sizeof t, "%.2f s", secs);
        if (opt.validate_only)
            out << "ok     " << report.id << " (" << r.pages << " pages)\n";
        else
            out << "wrote  " << target.string() << " (" << r.pages << " pages, " << kib(r.pdf.size())
                << ", " << t << ")\n";
    }
    out << (opt.validate_only ? "validated " : "") << written << " of "
        << batch->config.reports.size() << " report" << (batch->config.reports.size() == 1 ? "" : "s")
        << (opt.validate_only ? " valid" : " written") << (failed ? ", " + std::to_string(failed) + " failed" : "")
        << "; as of " << core::format_long(as_of.date) << " (" << as_of.source << ")\n";
    return failed ? kExitReportFailed : kExitOk;
}

}  // namespace engine::batch
