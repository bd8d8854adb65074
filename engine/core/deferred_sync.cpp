#include "engine/core/deferred_sync.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "engine/core/diagnostic.h"
#include "engine/core/file_io.h"

namespace engine::core {

namespace fs = std::filesystem;

void DeferredSync::add(const fs::path& file, bool data_flushed) {
    fs::path folder = file.parent_path();
    if (folder.empty()) folder = ".";
    std::lock_guard<std::mutex> lock(mutex_);
    unflushed_ = unflushed_ || !data_flushed;
    folders_.insert(std::move(folder));
}

bool DeferredSync::needs_file_system_sync() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return unflushed_ || folders_.size() > kMaxFolders;
}

void DeferredSync::sync(const fs::path& dir) const {
    if (needs_file_system_sync()) {
        sync_file_system(dir);
        return;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& folder : folders_) {
        int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0 || ::fsync(fd) != 0) {
            int e = errno;
            if (fd >= 0) ::close(fd);
            throw EngineError({folder.string()},
                              std::string("cannot write file: flushing the folder's renamed files: ") +
                                  std::strerror(e));
        }
        ::close(fd);
    }
}

}  // namespace engine::core
