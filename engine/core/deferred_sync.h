// core: what the files a run wrote with Sync::Later still need to reach the disk, gathered as
// they are committed and done once at the end of the run (before the manifest vouches for them).
#pragma once

#include <cstddef>
#include <filesystem>
#include <mutex>
#include <set>

namespace engine::core {

/// The files written with Sync::Later during a run, and the one step that makes them durable.
/// A file whose data was left unflushed (a new file) needs syncfs(2) of the file system
/// (sync_file_system). When every file replaced an earlier one, its data was flushed before
/// its rename and only the renames are left: an fsync of each of their folders makes those
/// durable without waiting, as syncfs does, for every other process's writes to the same file
/// system (26 ms of a 110 ms board paper on the shared machine). add() may be called from any
/// thread.
class DeferredSync {
public:
    /// More folders than this and one syncfs is cheaper than an fsync each.
    static constexpr std::size_t kMaxFolders = 16;

    /// Records a file committed with Sync::Later; `data_flushed` is what commit() returned.
    void add(const std::filesystem::path& file, bool data_flushed);
    /// Whether sync() will flush the whole file system (a file's data unflushed, or the files
    /// in more than kMaxFolders folders) rather than fsync their folders.
    bool needs_file_system_sync() const;
    /// Makes every added file durable, as above; `dir` is the folder whose file system is
    /// flushed. Nothing added, nothing to do. Throws EngineError naming the folder that failed.
    void sync(const std::filesystem::path& dir) const;

private:
    mutable std::mutex mutex_;
    std::set<std::filesystem::path> folders_;
    bool unflushed_ = false;
};

}  // namespace engine::core
