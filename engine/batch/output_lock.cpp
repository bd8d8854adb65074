#include "engine/batch/output_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "engine/core/diagnostic.h"
#include "engine/core/text.h"

namespace engine::batch {

namespace fs = std::filesystem;

OutputLock::OutputLock(const std::string& out_dir, const std::string& name) {
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    std::string path = (fs::path(out_dir) / name).string();
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw core::EngineError({path}, std::string("cannot create the lock file: ") + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        char buf[256] = {};
        ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
        std::string holder = n > 0 ? std::string(core::trim(std::string_view(buf, static_cast<std::size_t>(n)))) : "another process";
        ::close(fd_);
        fd_ = -1;
        throw core::EngineError({out_dir}, "another boardpack run is writing to this folder (" + holder + ")",
                                {"wait for it to finish, or give this run another --out folder"});
    }
    std::string me = "pid " + std::to_string(::getpid());
    if (::ftruncate(fd_, 0) == 0) {
        ssize_t w = ::pwrite(fd_, me.data(), me.size(), 0);
        (void)w;
    }
}

OutputLock::~OutputLock() {
    if (fd_ >= 0) {
        if (::ftruncate(fd_, 0) != 0) {
        }
        ::flock(fd_, LOCK_UN);
        ::close(fd_);
    }
}

}  // namespace engine::batch
