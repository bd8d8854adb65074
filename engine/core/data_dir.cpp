#include "engine/core/data_dir.h"

#include <cstdlib>
#include <system_error>

namespace engine::core {

namespace fs = std::filesystem;

std::vector<DataDirCandidate> data_dir_candidates() {
    std::vector<DataDirCandidate> c;
    if (const char* env = std::getenv("BOARDPACK_DATA_DIR"); env && *env)
        c.push_back({env, "BOARDPACK_DATA_DIR"});
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) c.push_back({(exe.parent_path() / BOARDPACK_BIN_TO_DATA / "boardpack").lexically_normal(),
                          "beside the binary"});
    c.push_back({BOARDPACK_SOURCE_DIR, "the source tree"});
    c.push_back({BOARDPACK_INSTALL_DATA_DIR, "the install prefix"});
    return c;
}

std::optional<fs::path> find_data_dir() {
    for (const auto& c : data_dir_candidates()) {
        std::error_code ec;
        if (fs::is_directory(c.path / "templates", ec)) return c.path;
    }
    return std::nullopt;
}

}  // namespace engine::core
