// batch: one run at a time per output folder. Advisory locks (flock) on files in <out>; the
// kernel drops them when the process ends, however it ends, so a killed run never leaves a
// stale lock. A full run holds <out>/.boardpack.lock exclusively. Shards of one count share
// the folder: each holds .boardpack.lock shared (so a full run and a shard run refuse each
// other), .boardpack-shards.lock shared with the shard count written in it (so shards of
// another count are refused) and its own .boardpack-shard-K-of-N.lock exclusively (so the
// same shard cannot run twice). Lock files are opened without following symlinks.
#pragma once

#include <string>
#include <vector>

namespace engine::batch {

/// Throws core::EngineError when a folder between `out_dir` (itself may be a link) and the
/// file `path` inside it is a symbolic link, unless `allow_links` (the batch's
/// allow_symlinked_folders). Folders that do not exist yet are fine.
void check_output_folders(const std::string& out_dir, const std::string& path, bool allow_links);

class OutputLock {
public:
    /// Takes the locks, creating the folder; throws core::EngineError when another run holds
    /// the folder (naming its pid where it can), when a lock file is a symlink or not a
    /// regular file, or when the folder cannot be written. shard_n <= 1 is a full run.
    explicit OutputLock(const std::string& out_dir, int shard_k = 0, int shard_n = 1);
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

private:
    struct Held {
        int fd;
        bool owner;  ///< this run wrote its pid into the file (cleared again at the end)
    };
    void take(const std::string& out_dir, const std::string& name, bool exclusive);

    std::vector<Held> held_;
};

}  // namespace engine::batch
