// core: where boardpack's shared data live — the shipped templates, the starter batches of
// `boardpack init` and the JSON Schemas. Searched in a fixed order (docs/install.md):
//   1. $BOARDPACK_DATA_DIR, when set;
//   2. <folder of the running binary>/<bindir to datadir>/boardpack, e.g. /usr/bin/../share/boardpack
//      (so an installed tree works wherever it is unpacked: dpkg --root, a container);
//   3. the source tree the binary was built from, when it is still there (the build folder);
//   4. the data folder of the install prefix fixed at build time (/usr/share/boardpack).
// The first candidate that holds a templates/ folder wins.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace engine::core {

/// The candidates in search order, each with where it came from ("BOARDPACK_DATA_DIR", …).
struct DataDirCandidate {
    std::filesystem::path path;
    std::string source;
};
std::vector<DataDirCandidate> data_dir_candidates();

/// The first candidate holding templates/, or nullopt.
std::optional<std::filesystem::path> find_data_dir();

}  // namespace engine::core
