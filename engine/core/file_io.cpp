#include "engine/core/file_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "engine/core/diagnostic.h"

namespace engine::core {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::error_code ec;
        std::string why = fs::exists(path, ec) ? std::strerror(errno) : "no such file";
        if (fs::is_directory(path, ec)) why = "it is a directory";
        throw EngineError({path.string()}, "cannot read file: " + why);
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw EngineError({path.string()}, "error while reading file");
    return std::move(ss).str();
}

namespace {

std::atomic<unsigned> g_temp_counter{0};

[[noreturn]] void fail(const fs::path& path, const std::string& what, int err) {
    throw EngineError({path.string()}, "cannot write file: " + what + ": " + std::strerror(err));
}

}  // namespace

bool is_atomic_temp_name(const std::string& filename) {
    return filename.size() > 1 && filename[0] == '.' && filename.find(".tmp-") != std::string::npos;
}

void write_file_atomically(const fs::path& path, std::string_view bytes) {
    fs::path dir = path.parent_path();
    if (dir.empty()) dir = ".";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw EngineError({path.string()}, "cannot create folder " + dir.string() + ": " +
                                                   ec.message());

    fs::path tmp = dir / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                          "-" + std::to_string(g_temp_counter++));
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) fail(path, "creating temp file", errno);

    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            fail(path, "writing", e);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int e = errno;
        ::unlink(tmp.c_str());
        fail(path, "flushing", e);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int e = errno;
        ::unlink(tmp.c_str());
        fail(path, "renaming temp file into place", e);
    }
    // Make the rename itself durable.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

}  // namespace engine::core
