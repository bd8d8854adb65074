#include "engine/core/spill_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "engine/core/diagnostic.h"

namespace engine::core {

namespace {

/// Writes go to disk in steps of this many bytes once the spool is on disk.
constexpr std::size_t kWriteBuffer = std::size_t{256} << 10;

[[noreturn]] void fail(const std::string& folder, const std::string& what, int err) {
    throw EngineError({folder}, what + ": " + std::strerror(err),
                      {"a large batch keeps the rows it has read in a temporary file there; set TMPDIR to a "
                       "writable folder with room for about twice the data files' size"});
}

/// An unlinked file in `folder`: O_TMPFILE where the file system has it, else a named file
/// removed at once, so nothing is left behind after a crash.
int open_unlinked(const std::string& folder) {
    int fd = -1;
#ifdef O_TMPFILE
    fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) fail(folder, "cannot make a temporary file", errno);
#endif
    std::string name = folder + "/.boardpack-spill-XXXXXX";
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) fail(folder, "cannot make a temporary file", errno);
    ::unlink(name.c_str());
    return fd;
}

}  // namespace

std::string temporary_folder() {
    const char* t = std::getenv("TMPDIR");
    return t && *t ? std::string(t) : std::string("/tmp");
}

SpillFile::SpillFile(std::size_t spool_limit) : spool_limit_(spool_limit) {}

SpillFile::~SpillFile() {
    if (fd_ >= 0) ::close(fd_);
}

SpillFile::SpillFile(SpillFile&& o) noexcept
    : spool_limit_(o.spool_limit_), buffer_(std::move(o.buffer_)), size_(o.size_), written_(o.written_),
      fd_(std::exchange(o.fd_, -1)), folder_(std::move(o.folder_)), finished_(o.finished_) {
    o.size_ = o.written_ = 0;
}

SpillFile& SpillFile::operator=(SpillFile&& o) noexcept {
    if (this != &o) {
        if (fd_ >= 0) ::close(fd_);
        spool_limit_ = o.spool_limit_;
        buffer_ = std::move(o.buffer_);
        size_ = std::exchange(o.size_, 0);
        written_ = std::exchange(o.written_, 0);
        fd_ = std::exchange(o.fd_, -1);
        folder_ = std::move(o.folder_);
        finished_ = o.finished_;
    }
    return *this;
}

std::uint64_t SpillFile::append(const void* data, std::size_t n) {
    const std::uint64_t at = size_;
    const char* p = static_cast<const char*>(data);
    if (fd_ < 0 && buffer_.size() + n > spool_limit_) to_disk();
    if (fd_ >= 0 && buffer_.size() + n > kWriteBuffer) flush();
    if (fd_ >= 0 && n > kWriteBuffer) {  // a large piece goes straight to the file
        write_out(p, n);
        size_ += n;
        return at;
    }
    buffer_.insert(buffer_.end(), p, p + n);
    size_ += n;
    return at;
}

void SpillFile::to_disk() {
    folder_ = temporary_folder();
    fd_ = open_unlinked(folder_);
    flush();
    std::vector<char>().swap(buffer_);  // the spool's memory goes back
    buffer_.reserve(kWriteBuffer);
}

void SpillFile::flush() {
    write_out(buffer_.data(), buffer_.size());
    buffer_.clear();
}

void SpillFile::write_out(const char* p, std::size_t n) {
    while (n > 0) {
        ssize_t w = ::pwrite(fd_, p, n, static_cast<off_t>(written_));
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) fail(folder_, "cannot write a temporary file", w < 0 ? errno : ENOSPC);
        p += w;
        n -= static_cast<std::size_t>(w);
        written_ += static_cast<std::uint64_t>(w);
    }
}

void SpillFile::finish() {
    if (finished_) return;
    if (fd_ >= 0) {
        flush();
        std::vector<char>().swap(buffer_);
    } else {
        buffer_.shrink_to_fit();
    }
    finished_ = true;
}

void SpillFile::read(std::uint64_t offset, void* out, std::size_t n) const {
    if (offset > size_ || n > size_ - offset)
        throw EngineError({folder_.empty() ? temporary_folder() : folder_},
                          "read past the end of a temporary file (" + std::to_string(offset) + " + " +
                              std::to_string(n) + " > " + std::to_string(size_) + " bytes)");
    char* o = static_cast<char*>(out);
    if (fd_ < 0) {
        if (n) std::memcpy(o, buffer_.data() + offset, n);
        return;
    }
    // From the file up to what it holds, the rest from the write buffer (only before finish).
    if (offset < written_) {
        std::size_t from_file = static_cast<std::size_t>(std::min<std::uint64_t>(n, written_ - offset));
        std::size_t done = 0;
        while (done < from_file) {
            ssize_t r = ::pread(fd_, o + done, from_file - done, static_cast<off_t>(offset + done));
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) fail(folder_, "cannot read a temporary file back", r < 0 ? errno : EIO);
            done += static_cast<std::size_t>(r);
        }
        o += from_file;
        offset += from_file;
        n -= from_file;
    }
    if (n) std::memcpy(o, buffer_.data() + (offset - written_), n);
}

}  // namespace engine::core
