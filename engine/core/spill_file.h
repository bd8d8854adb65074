// core: bytes that need not stay in memory — written once while the data are loaded, then read
// back by offset while the reports are made (a setting's rows, a setting's actions). Kept in
// memory up to a spool limit, then moved to an unlinked temporary file in $TMPDIR (or /tmp),
// which the system frees when the process ends, however it ends. Pages read back come from the
// page cache and are not the process's resident memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace engine::core {

class SpillFile {
public:
    /// Bytes kept in memory before the first write to disk. 1 MiB keeps a small batch (every
    /// sample) off the disk and a large one's resident memory flat.
    static constexpr std::size_t kDefaultSpool = std::size_t{1} << 20;

    explicit SpillFile(std::size_t spool_limit = kDefaultSpool);
    ~SpillFile();
    SpillFile(const SpillFile&) = delete;
    SpillFile& operator=(const SpillFile&) = delete;
    SpillFile(SpillFile&& other) noexcept;
    SpillFile& operator=(SpillFile&& other) noexcept;

    /// Appends `n` bytes and returns their offset. Not thread-safe; not after finish(). Throws
    /// EngineError naming the temporary folder (and TMPDIR in a hint) if the file cannot be
    /// made or written.
    std::uint64_t append(const void* data, std::size_t n);
    /// After the last append: the bytes are then complete, and read() may run on any number of
    /// threads at once.
    void finish();
    /// Copies `n` bytes at `offset` into `out`. Thread-safe after finish(); on the loading
    /// thread it may also be called before. Throws EngineError on a short or failed read.
    void read(std::uint64_t offset, void* out, std::size_t n) const;

    std::uint64_t size() const { return size_; }
    bool on_disk() const { return fd_ >= 0; }
    bool finished() const { return finished_; }
    /// Bytes held in memory (the spool, or the write buffer once on disk).
    std::size_t resident_bytes() const { return buffer_.capacity(); }

private:
    void to_disk();
    void flush();
    void write_out(const char* p, std::size_t n);  ///< at the file's end, whole

    std::size_t spool_limit_;
    std::vector<char> buffer_;  ///< the spool while in memory; the write buffer once on disk
    std::uint64_t size_ = 0;    ///< bytes appended in all
    std::uint64_t written_ = 0; ///< bytes in the file (once on disk)
    int fd_ = -1;
    std::string folder_;  ///< where the file is, for messages
    bool finished_ = false;
};

/// The folder temporary files go to: $TMPDIR when set and not empty, else /tmp.
std::string temporary_folder();

}  // namespace engine::core
