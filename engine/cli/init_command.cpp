#include "engine/cli/init_command.h"

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <system_error>

#include "engine/batch/exit_codes.h"
#include "engine/core/data_dir.h"
#include "engine/core/diagnostic.h"
#include "engine/core/file_io.h"
#include "engine/core/text.h"

namespace engine::cli {

namespace fs = std::filesystem;

namespace {

// Every regular file under `dir`, as paths relative to it, sorted (a fixed order of lines).
std::vector<fs::path> files_under(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files.push_back(fs::relative(e.path(), dir));
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> names_in(const fs::path& data_dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(data_dir / "starters", ec))
        if (e.is_directory() && fs::is_regular_file(data_dir / "templates" / (e.path().filename().string() + ".yaml")))
            names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

std::vector<std::string> starter_names() {
    auto dir = core::find_data_dir();
    return dir ? names_in(*dir) : std::vector<std::string>{};
}

int init_batch(const InitOptions& opt, std::ostream& out, std::ostream& err) {
    auto data_dir = core::find_data_dir();
    if (!data_dir) {
        err << "boardpack: error: init: no templates found; looked in";
        for (const auto& c : core::data_dir_candidates()) err << " " << (c.path / "templates").string();
        err << "\n  hint: install the boardpack package, or set BOARDPACK_DATA_DIR to the folder that "
               "holds templates/ and starters/\n";
        return batch::kExitUsage;
    }
    const std::vector<std::string> names = names_in(*data_dir);
    if (std::find(names.begin(), names.end(), opt.template_name) == names.end()) {
        err << "boardpack: error: init: unknown --template '" << opt.template_name << "'; "
            << core::valid_values_hint("templates", opt.template_name, names) << "\n";
        return batch::kExitUsage;
    }
    const fs::path dir = opt.dir;
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_empty(dir, ec) && !opt.force) {
        err << "boardpack: error: init: " << dir.string() << " is not empty; nothing was written\n"
            << "  hint: name a new folder, or pass --force to replace the starter's files in it\n";
        return batch::kExitUsage;
    }
    const fs::path starter = *data_dir / "starters" / opt.template_name;
    std::vector<std::pair<fs::path, fs::path>> copies;  // from, to
    for (const auto& rel : files_under(starter)) copies.push_back({starter / rel, dir / rel});
    const std::string template_file = opt.template_name + ".yaml";
    copies.push_back({*data_dir / "templates" / template_file, dir / "templates" / template_file});
    try {
        for (const auto& [from, to] : copies) {
            core::write_file_atomically(to, core::read_file(from));
            out << "wrote   " << to.string() << "\n";
        }
    } catch (const core::EngineError& e) {
        err << core::format_diagnostic(e.diagnostic()) << "\n";
        return batch::kExitUsage;
    }
    const std::string batch_file = (dir / "batch.yaml").string();
    out << "starter batch from template '" << opt.template_name << "' (" << data_dir->string()
        << ") written to " << dir.string() << "; next:\n"
        << "  boardpack validate " << batch_file << "\n"
        << "  boardpack run " << batch_file << "\n";
    return batch::kExitOk;
}

}  // namespace engine::cli
