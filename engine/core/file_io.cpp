#include "engine/core/file_io.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <cstdio>
#include <utility>

#include "engine/core/diagnostic.h"

namespace engine::core {

namespace fs = std::filesystem;

namespace {

// Opens a file for reading only when it is a regular file: a FIFO would block (O_NONBLOCK
// keeps open() from waiting for a writer) and a device such as /dev/zero never ends.
int open_regular(const fs::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        std::string why = errno == ENOENT ? "no such file" : std::strerror(errno);
        throw EngineError({path.string()}, "cannot read file: " + why);
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        std::string what = S_ISDIR(st.st_mode)    ? "it is a directory"
                           : S_ISFIFO(st.st_mode) ? "it is a pipe (FIFO), not a regular file"
                           : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)
                               ? "it is a device, not a regular file"
                               : "it is not a regular file";
        throw EngineError({path.string()}, "cannot read file: " + what);
    }
    return fd;
}

}  // namespace

std::string read_file(const fs::path& path) {
    int fd = open_regular(path);
    std::FILE* f = ::fdopen(fd, "rb");
    if (!f) {
        ::close(fd);
        throw EngineError({path.string()}, std::string("cannot read file: ") + std::strerror(errno));
    }
    // One allocation of the file's size, then one read: large data files are read at disk
    // speed and held once.
    std::string out;
    if (std::fseek(f, 0, SEEK_END) == 0) {
        long size = std::ftell(f);
        if (size > 0) out.resize(static_cast<std::size_t>(size));
        std::rewind(f);
    }
    std::size_t got = out.empty() ? 0 : std::fread(out.data(), 1, out.size(), f);
    out.resize(got);
    char buf[65536];  // files that grew while being read
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
    bool bad = std::ferror(f) != 0;
    std::fclose(f);
    if (bad) throw EngineError({path.string()}, "error while reading file");
    return out;
}

MappedFile::MappedFile(const fs::path& path) {
    int fd = open_regular(path);  // names the file and the reason when it cannot be read
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            ::madvise(p, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
            map_ = static_cast<const char*>(p);
            size_ = static_cast<std::size_t>(st.st_size);
            ::close(fd);
            return;
        }
    }
    ::close(fd);
    copy_ = read_file(path);
}

void MappedFile::release(std::size_t begin, std::size_t end) const {
    if (!map_) return;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t from = (begin + page - 1) / page * page;
    const std::size_t to = std::min(end, size_) / page * page;
    // MAP_PRIVATE and never written: dropping a page loses nothing.
    if (to > from) ::madvise(const_cast<char*>(map_) + from, to - from, MADV_DONTNEED);
}

MappedFile::~MappedFile() {
    if (map_) ::munmap(const_cast<char*>(map_), size_);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : map_(std::exchange(other.map_, nullptr)), size_(std::exchange(other.size_, 0)),
      copy_(std::move(other.copy_)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        if (map_) ::munmap(const_cast<char*>(map_), size_);
        map_ = std::exchange(other.map_, nullptr);
        size_ = std::exchange(other.size_, 0);
        copy_ = std::move(other.copy_);
    }
    return *this;
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

namespace {

// Writes all of `bytes` to fd; false (errno set) on failure.
bool write_all(int fd, std::string_view bytes) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

fs::path temp_name(const fs::path& dir, const fs::path& path) {
    return dir / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                  std::to_string(g_temp_counter++));
}

}  // namespace

AtomicFile::AtomicFile(fs::path path, Sync sync) : path_(std::move(path)), sync_(sync) {
    dir_ = path_.parent_path();
    if (dir_.empty()) dir_ = ".";
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) throw EngineError({path_.string()}, "cannot create folder " + dir_.string() + ": " + ec.message());
    tmp_ = temp_name(dir_, path_);

    // Preferred: an unnamed file (O_TMPFILE) that only gets a name once it is complete, so a
    // run killed mid-write (even by SIGKILL) leaves nothing behind. Fallback: a named temp file.
    fd_ = ::open(dir_.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
    unnamed_ = fd_ >= 0;
    if (!unnamed_) fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd_ < 0) fail(path_, "creating temp file", errno);

    // Sync::Later still flushes the data of a file that replaces an earlier one before the
    // rename, so a power cut can never leave the last good file damaged under its name; a new
    // file has nothing to lose and waits for the run's one sync_file_system.
    struct stat existing;
    const bool replaces = ::lstat(path_.c_str(), &existing) == 0;
    flush_ = sync_ == Sync::Now || replaces;
}

AtomicFile::~AtomicFile() { abandon(); }

void AtomicFile::abandon() {
    if (fd_ < 0) return;
    ::close(fd_);
    fd_ = -1;
    if (!unnamed_) ::unlink(tmp_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
    if (fd_ < 0) throw EngineError({path_.string()}, "cannot write file: it was already closed");
    if (!write_all(fd_, bytes)) {
        int e = errno;
        abandon();
        fail(path_, "writing", e);
    }
}

bool AtomicFile::commit() {
    if (fd_ < 0) throw EngineError({path_.string()}, "cannot write file: it was already closed");
    if (flush_ && ::fdatasync(fd_) != 0) {
        int e = errno;
        abandon();
        fail(path_, "writing", e);
    }
    // A file left for the run's one sync starts on its way to the disk now, while the run
    // goes on, so that the sync at the end waits for little more than the last few files.
    // Best effort: it only starts the writeback (no wait), and an error here is no loss.
    if (!flush_) ::sync_file_range(fd_, 0, 0, SYNC_FILE_RANGE_WRITE);
    // The unnamed file gets a temporary name and is renamed over the target at once, before the
    // close: a SIGKILL between the two calls leaves a named temp file (Linux has no link that
    // replaces a name), which the next run removes. A named temp file is closed first.
    auto rename_into_place = [&] {
        if (::rename(tmp_.c_str(), path_.c_str()) == 0) return;
        int e = errno;
        if (unnamed_) ::close(fd_);
        fd_ = -1;
        ::unlink(tmp_.c_str());
        fail(path_, "renaming temp file into place", e);
    };
    if (unnamed_) {
        std::string proc = "/proc/self/fd/" + std::to_string(fd_);
        if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, tmp_.c_str(), AT_SYMLINK_FOLLOW) != 0) {
            int e = errno;
            ::close(fd_);
            fd_ = -1;
            fail(path_, "naming temp file", e);
        }
        rename_into_place();
    }
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) {
        int e = errno;
        if (!unnamed_) ::unlink(tmp_.c_str());
        fail(path_, "flushing", e);
    }
    if (!unnamed_) rename_into_place();
    if (sync_ == Sync::Later) return flush_;
    // Make the rename itself durable.
    int dfd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
}

bool write_file_atomically(const fs::path& path, std::string_view bytes, Sync sync) {
    AtomicFile f(path, sync);
    f.write(bytes);
    return f.commit();
}

void sync_file_system(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail(dir, "opening the folder to flush it", errno);
    if (::syncfs(fd) != 0) {
        int e = errno;
        ::close(fd);
        fail(dir, "flushing the written files to disk", e);
    }
    ::close(fd);
}

SpaceReserve::SpaceReserve(fs::path path, std::size_t bytes) : path_(std::move(path)) {
    int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return;
    held_ = ::posix_fallocate(fd, 0, static_cast<off_t>(bytes)) == 0;
    ::close(fd);
    if (!held_) ::unlink(path_.c_str());
}

void SpaceReserve::release() {
    if (!held_) return;
    ::unlink(path_.c_str());
    held_ = false;
}

std::size_t remove_atomic_temp_files(const fs::path& dir) {
    std::size_t n = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!it->is_regular_file(ec) || !is_atomic_temp_name(name)) continue;
        // ".<name>.tmp-<pid>-<n>": only a dead process's leftovers (another shard may be
        // renaming its file into place right now).
        std::size_t at = name.rfind(".tmp-");
        long pid = std::strtol(name.c_str() + at + 5, nullptr, 10);
        if (pid > 0 && pid != ::getpid() && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM))
            continue;
        fs::remove(it->path(), ec);
        ++n;
    }
    return n;
}

}  // namespace engine::core
