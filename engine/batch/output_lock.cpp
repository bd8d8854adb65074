#include "engine/batch/output_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include "engine/core/diagnostic.h"
#include "engine/core/text.h"

namespace engine::batch {

namespace fs = std::filesystem;

namespace {

// O_NOFOLLOW: a symlink planted at a lock's name would otherwise have its target truncated.
int open_lock_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
    if (fd < 0 && errno == ELOOP)
        throw core::EngineError({path}, "the lock file is a symbolic link: boardpack does not follow it",
                                {"remove the link; boardpack makes its lock files itself"});
    if (fd < 0)
        throw core::EngineError({path}, std::string("cannot create the lock file: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw core::EngineError({path}, "the lock file is not a regular file",
                                {"remove it; boardpack makes its lock files itself"});
    }
    return fd;
}

std::string contents(int fd) {
    char buf[256] = {};
    ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    return n > 0 ? std::string(core::trim(std::string_view(buf, static_cast<std::size_t>(n)))) : "";
}

void put(int fd, const std::string& text) {
    if (::ftruncate(fd, 0) == 0) {
        ssize_t w = ::pwrite(fd, text.data(), text.size(), 0);
        (void)w;
    }
}

[[noreturn]] void refuse(const std::string& out_dir, const std::string& holder) {
    throw core::EngineError({out_dir}, "another boardpack run is writing to this folder (" + holder + ")",
                            {"wait for it to finish, or give this run another --out folder"});
}

// flock without blocking; a lock another starting shard holds for a moment is retried.
bool try_flock(int fd, int op, bool retry) {
    for (int i = 0;; ++i) {
        if (::flock(fd, op | LOCK_NB) == 0) return true;
        if (!retry || errno != EWOULDBLOCK || i == 200) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace

void check_output_folders(const std::string& out_dir, const std::string& path, bool allow_links) {
    if (allow_links) return;
    const fs::path rel = fs::path(path).lexically_relative(out_dir);
    fs::path at = out_dir;
    for (auto it = rel.begin(); it != rel.end() && std::next(it) != rel.end(); ++it) {
        at /= *it;
        std::error_code ec;
        if (fs::is_symlink(fs::symlink_status(at, ec)))
            throw core::EngineError({path}, "the output folder '" + at.string() +
                                                "' is a symbolic link: boardpack does not write through it",
                                    {"remove the link, or set batch.allow_symlinked_folders: true"});
    }
}

void OutputLock::take(const std::string& out_dir, const std::string& name, bool exclusive) {
    const std::string path = (fs::path(out_dir) / name).string();
    int fd = open_lock_file(path);
    if (!try_flock(fd, exclusive ? LOCK_EX : LOCK_SH, false)) {
        std::string holder = contents(fd);
        ::close(fd);
        refuse(out_dir, holder.empty() ? (exclusive ? "shard runs" : "a full run") : holder);
    }
    held_.push_back({fd, exclusive});
    if (exclusive) put(fd, "pid " + std::to_string(::getpid()));
}

OutputLock::OutputLock(const std::string& out_dir, int shard_k, int shard_n) {
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    try {
        if (shard_n <= 1) {
            take(out_dir, ".boardpack.lock", true);
            return;
        }
        take(out_dir, ".boardpack.lock", false);
        // The shard count: the first shard to arrive writes it, the others must agree.
        const std::string count = std::to_string(shard_n);
        const std::string path = (fs::path(out_dir) / ".boardpack-shards.lock").string();
        int fd = open_lock_file(path);
        held_.push_back({fd, false});
        if (try_flock(fd, LOCK_EX, false)) put(fd, count);
        if (!try_flock(fd, LOCK_SH, true)) refuse(out_dir, "shard runs starting");
        if (std::string theirs = contents(fd); theirs != count)
            throw core::EngineError({out_dir},
                                    "shards of another count (" + theirs + ") are writing to this folder; "
                                    "this run is shard " + std::to_string(shard_k) + " of " + count,
                                    {"run every shard of one batch with the same N, or use another --out folder"});
        take(out_dir, ".boardpack-shard-" + std::to_string(shard_k) + "-of-" + count + ".lock", true);
    } catch (...) {
        for (const auto& h : held_) ::close(h.fd);
        held_.clear();
        throw;
    }
}

OutputLock::~OutputLock() {
    for (auto it = held_.rbegin(); it != held_.rend(); ++it) {
        if (it->owner && ::ftruncate(it->fd, 0) != 0) {
        }
        ::flock(it->fd, LOCK_UN);
        ::close(it->fd);
    }
}

}  // namespace engine::batch
