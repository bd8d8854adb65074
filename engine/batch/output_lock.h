// batch: one run at a time per output folder. An advisory lock (flock) on
// <out>/.boardpack.lock; the kernel drops it when the process ends, however it ends, so a
// killed run never leaves a stale lock.
#pragma once

#include <string>

namespace engine::batch {

class OutputLock {
public:
    /// Takes the lock, creating the folder; throws core::EngineError when another run holds it
    /// (naming its pid) or the folder cannot be written. `name` is the lock file's name:
    /// shards of one batch write different files, so each shard has its own lock.
    explicit OutputLock(const std::string& out_dir, const std::string& name = ".boardpack.lock");
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace engine::batch
