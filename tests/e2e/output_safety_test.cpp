// The output folder is written only where it should be: lock files are never followed through
// a symlink, a symlinked folder inside the output tree is refused unless the batch allows it,
// and runs that would write the same files at once (a full run and a shard run, or shards of
// two different counts) are refused; a disk that fills part way still gets its manifest.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>
#include <regex>
#include <thread>

#include "tests/support/e2e.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

const fs::path kBase = fs::path(BOARDPACK_TEST_FIXTURES) / "bad" / "_base";
const fs::path kTfs = test::source_dir() / "samples/tracking-for-success/batch.yaml";

fs::path base_copy(const test::TempDir& dir) {
    fs::copy(kBase, dir.path() / "batch", fs::copy_options::recursive);
    return dir.path() / "batch";
}

}  // namespace

TEST_CASE("a symlink at the lock file's name is refused and its target left untouched", "[e2e][output-safety]") {
    test::TempDir dir;
    const fs::path batch = base_copy(dir);
    const fs::path out = dir.path() / "out";
    fs::create_directories(out);
    const fs::path victim = dir.path() / "precious.txt";
    test::write_text_file(victim, "keep me\n");
    fs::create_symlink(victim, out / ".boardpack.lock");
    auto r = test::run_boardpack({"run", "batch.yaml", "--out", out.string()}, batch.string());
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(".boardpack.lock: error: the lock file is a symbolic link: boardpack does not follow it") !=
          std::string::npos);
    CHECK(test::read_text_file(victim) == "keep me\n");
    CHECK_FALSE(fs::exists(out / "base.pdf"));
}

TEST_CASE("a symlinked folder inside the output tree is refused unless the batch allows it", "[e2e][output-safety]") {
    test::TempDir dir;
    const fs::path batch = base_copy(dir);
    REQUIRE(test::edit_file(batch / "batch.yaml", "template: template.yaml",
                            "template: template.yaml\n    output: reports/{id}.pdf") == 1);
    const fs::path out = dir.path() / "out";
    const fs::path elsewhere = dir.path() / "elsewhere";
    fs::create_directories(out);
    fs::create_directories(elsewhere);
    fs::create_directory_symlink(elsewhere, out / "reports");

    auto refused = test::run_boardpack({"run", "batch.yaml", "--out", out.string()}, batch.string());
    INFO(refused.err);
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("error: the output folder '" + (out / "reports").string() +
                           "' is a symbolic link: boardpack does not write through it") != std::string::npos);
    CHECK(refused.err.find("hint: remove the link, or set batch.allow_symlinked_folders: true") != std::string::npos);
    CHECK(fs::is_empty(elsewhere));

    REQUIRE(test::edit_file(batch / "batch.yaml", "  as_of: 2019-07-31", "  as_of: 2019-07-31\n  allow_symlinked_folders: true") == 1);
    auto allowed = test::run_boardpack({"run", "batch.yaml", "--out", out.string()}, batch.string());
    INFO(allowed.err);
    CHECK(allowed.exit_code == 0);
    CHECK(fs::is_regular_file(elsewhere / "base.pdf"));
}

TEST_CASE("boardpack charts refuses a symlinked folder inside its output tree unless the batch allows it",
          "[e2e][output-safety][charts]") {
    test::TempDir dir;
    const fs::path sample = test::copy_sample(dir.path(), "accelerating-achievement");
    const fs::path out = dir.path() / "charts";
    const fs::path elsewhere = dir.path() / "elsewhere";
    fs::create_directories(out);
    fs::create_directories(elsewhere);
    // The board paper's charts go to <out>/<its output stem>/; that folder is a link.
    const fs::path link = out / "accelerating-achievement-progress-update";
    fs::create_directory_symlink(elsewhere, link);

    auto refused = test::run_boardpack({"charts", (sample / "batch.yaml").string(), "--out", out.string()});
    INFO(refused.err);
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("error: the output folder '" + link.string() +
                           "' is a symbolic link: boardpack does not write through it") != std::string::npos);
    CHECK(refused.err.find("hint: remove the link, or set batch.allow_symlinked_folders: true") != std::string::npos);
    CHECK(fs::is_empty(elsewhere));

    REQUIRE(test::edit_file(sample / "batch.yaml", "\n  as_of: ", "\n  allow_symlinked_folders: true\n  as_of: ") == 1);
    auto allowed = test::run_boardpack({"charts", (sample / "batch.yaml").string(), "--out", out.string()});
    INFO(allowed.err);
    CHECK(allowed.exit_code == 0);
    int pngs = 0;
    for (const auto& e : fs::directory_iterator(elsewhere)) pngs += e.path().extension() == ".png";
    CHECK(pngs == 1);
}

TEST_CASE("a full run and shards of another count are refused while shards write a folder", "[e2e][output-safety][lock]") {
    test::TempDir dir;
    const fs::path out = dir.path() / "out";
    int pid = test::spawn({test::boardpack(), "run", kTfs.string(), "--out", out.string(), "--jobs", "1",
                           "--shard", "1/2"});
    REQUIRE(pid > 0);
    test::wait_for_lock(out / ".boardpack-shard-1-of-2.lock");
    std::optional<test::HeldStill> held{std::in_place, pid};

    auto full = test::run_boardpack({"run", kTfs.string(), "--out", out.string()});
    CHECK(full.exit_code == 2);
    CHECK(full.err.find("another boardpack run is writing to this folder") != std::string::npos);

    auto other_count = test::run_boardpack({"run", kTfs.string(), "--out", out.string(), "--shard", "1/3"});
    CHECK(other_count.exit_code == 2);
    CHECK(other_count.err.find("shards of another count (2) are writing to this folder; this run is shard 1 of 3") !=
          std::string::npos);

    auto same_shard = test::run_boardpack({"run", kTfs.string(), "--out", out.string(), "--shard", "1/2"});
    CHECK(same_shard.exit_code == 2);
    CHECK(same_shard.err.find("another boardpack run is writing to this folder (pid " + std::to_string(pid) + ")") !=
          std::string::npos);

    // The other shard of the same count runs beside it.
    auto sibling = test::run_boardpack({"run", kTfs.string(), "--out", out.string(), "--shard", "2/2"});
    INFO(sibling.err);
    CHECK(sibling.exit_code == 0);
    held.reset();
    CHECK(test::wait_for(pid) == 0);
}

TEST_CASE("shards are refused while a full run writes the folder", "[e2e][output-safety][lock]") {
    test::TempDir dir;
    const fs::path out = dir.path() / "out";
    int pid = test::spawn({test::boardpack(), "run", kTfs.string(), "--out", out.string(), "--jobs", "1"});
    REQUIRE(pid > 0);
    test::wait_for_lock(out / ".boardpack.lock");
    std::optional<test::HeldStill> held{std::in_place, pid};
    auto shard = test::run_boardpack({"run", kTfs.string(), "--out", out.string(), "--shard", "1/2"});
    CHECK(shard.exit_code == 2);
    CHECK(shard.err.find("another boardpack run is writing to this folder (pid " + std::to_string(pid) + ")") !=
          std::string::npos);
    held.reset();
    CHECK(test::wait_for(pid) == 0);
}

TEST_CASE("a disk that fills part way still gets a manifest of what was and was not written", "[e2e][output-safety][disk-full]") {
    test::TempDir dir;
    const fs::path mnt = dir.path() / "small";
    fs::create_directories(mnt);
    // A 1 MB tmpfs holds a few of the batch's 53 PDFs. Mounting needs root (CAP_SYS_ADMIN).
    if (::geteuid() != 0 || ::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=1m") != 0) {
        WARN("disk-full test skipped: cannot mount a tmpfs here (needs root): " << std::strerror(errno));
        return;
    }
    struct Unmount {
        fs::path at;
        ~Unmount() { ::umount2(at.c_str(), MNT_DETACH); }
    } unmount{mnt};
    const fs::path out = mnt / "out";
    auto r = test::run_boardpack({"run", kTfs.string(), "--out", out.string(), "--jobs", "1", "--format", "pdf"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("No space left on device") != std::string::npos);
    const std::string manifest = test::read_text_file(out / "manifest.json");
    REQUIRE(!manifest.empty());
    CHECK(test::run({"python3", "-c", "import json,sys; json.load(open(sys.argv[1]))", (out / "manifest.json").string()})
              .exit_code == 0);
    // Every PDF that is there is whole; the manifest says which were written and which not.
    int pdfs = 0;
    for (const auto& e : fs::recursive_directory_iterator(out)) {
        const std::string name = e.path().filename().string();
        INFO(name);
        CHECK(name.find(".tmp-") == std::string::npos);
        CHECK(name.rfind(".boardpack-reserve", 0) == std::string::npos);
        if (e.path().extension() != ".pdf") continue;
        ++pdfs;
        CHECK(test::run({"qpdf", "--check", e.path().string()}).exit_code == 0);
        CHECK(manifest.find(fs::relative(e.path(), out).string()) != std::string::npos);
    }
    const std::regex written("\"status\": \"written\""), failed("\"status\": \"failed\"");
    auto count = [&](const std::regex& re) {
        return static_cast<int>(std::distance(std::sregex_iterator(manifest.begin(), manifest.end(), re), std::sregex_iterator()));
    };
    CHECK(pdfs >= 1);
    CHECK(count(written) == pdfs);
    const int reports = static_cast<int>(
        test::read_simple_csv(test::source_dir() / "samples/tracking-for-success/data/settings.csv").size() + 1);
    CHECK(count(failed) == reports - pdfs);
}
