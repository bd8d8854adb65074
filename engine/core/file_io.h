// core: the engine's file-system boundary — whole-file reads that name the file on failure,
// and atomic writes (temp file in the target folder, fsync, rename) so that a failed or killed
// run never leaves a half-written output and never destroys the last good one.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace engine::core {

/// Reads a whole file. Throws EngineError naming the file and the OS reason.
std::string read_file(const std::filesystem::path& path);

/// A whole file, read-only, for large inputs: a regular file is memory-mapped (no copy, no
/// zero-filled buffer; pages come straight from the page cache), anything else is read.
/// Throws EngineError naming the file and the OS reason.
class MappedFile {
public:
    MappedFile() = default;
    explicit MappedFile(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;

    std::string_view view() const { return map_ ? std::string_view(map_, size_) : std::string_view(copy_); }
    /// Lets the kernel drop the resident pages wholly inside [begin, end) (byte offsets into
    /// view()), so a large file read once from front to back does not stay in the process's
    /// memory. The bytes stay readable: a page read again comes back from the page cache. No-op
    /// for a file that was read into memory rather than mapped.
    void release(std::size_t begin, std::size_t end) const;

private:
    const char* map_ = nullptr;
    std::size_t size_ = 0;
    std::string copy_;  ///< pipes, empty files and anything mmap refuses
};

/// When a written file reaches the disk. Either way the file appears whole under its name or
/// not at all, to readers and after the process is killed; the two differ only after a power
/// loss or an OS crash.
enum class Sync {
    Now,    ///< fsync the file before the rename and the folder after it (the default)
    Later,  ///< no fsync of a new file (the caller calls sync_file_system once when it has
            ///< written them all); a file replacing an existing one is still flushed before
            ///< the rename, so the last good file survives a power cut
};

/// Writes `bytes` to `path` atomically: a temp file ".<name>.tmp-<pid>-<n>" is created in the
/// same folder, written, fsync'd (Sync::Now) and renamed over `path`; the folder is created if
/// missing. On any failure the temp file is removed, `path` is untouched and EngineError is
/// thrown. Returns whether the file's data was flushed before the rename (Sync::Now, or a file
/// that replaced one), as AtomicFile::commit.
bool write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           Sync sync = Sync::Now);

/// A file written atomically in pieces, for output too large to hold whole (a 5,000-report
/// manifest): the same temp file, sync and rename as write_file_atomically, which is one
/// write() and commit(). Until commit() the target is untouched; destroyed without commit()
/// (an error, an exception on the way) the temp file is removed.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path path, Sync sync = Sync::Now);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    /// Appends to the temp file. Throws EngineError naming the target (the temp file is then gone).
    void write(std::string_view bytes);
    /// Flushes as `sync` says and renames the temp file over the target. Returns whether the
    /// data was flushed (false: a new file with Sync::Later, left for the run's one sync, see
    /// DeferredSync). Throws EngineError.
    bool commit();

private:
    void abandon();
    std::filesystem::path path_, dir_, tmp_;
    Sync sync_;
    int fd_ = -1;
    bool unnamed_ = false, flush_ = true;
};

/// Makes every file written with Sync::Later under `dir` durable (and their renames): one
/// syncfs(2) of the file system holding `dir`, instead of two flushes of the disk per file.
/// Throws EngineError naming `dir` if the file system reports a write error.
void sync_file_system(const std::filesystem::path& dir);

/// Disk space held now for a file written later (the manifest): `bytes` allocated to the file
/// `path` (opened without following a symlink), given back by release() just before that
/// file is written, so a disk that fills while the reports are written still has room for the
/// record of what was and was not written. Best effort: when the space cannot be had, nothing
/// is held. The destructor releases too.
class SpaceReserve {
public:
    SpaceReserve(std::filesystem::path path, std::size_t bytes);
    ~SpaceReserve() { release(); }
    SpaceReserve(const SpaceReserve&) = delete;
    SpaceReserve& operator=(const SpaceReserve&) = delete;
    bool held() const { return held_; }
    void release();

private:
    std::filesystem::path path_;
    bool held_ = false;
};

/// Removes temp files a killed run may have left under `dir` (only ever complete files, but
/// not outputs). Returns how many were removed. Call only while holding the output lock.
std::size_t remove_atomic_temp_files(const std::filesystem::path& dir);

/// True for the temp names write_file_atomically uses (so a later run can sweep leftovers
/// of a killed run).
bool is_atomic_temp_name(const std::string& filename);

}  // namespace engine::core
