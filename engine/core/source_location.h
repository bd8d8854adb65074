// core: where a diagnostic points — a file and a 1-based line and column (0 = unknown).
#pragma once

#include <string>

namespace engine::core {

/// A place in an input file. Lines and columns are 1-based; 0 means "not known".
/// CSV locations also carry the column header so messages can name it.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;

    /// "file:line:col", "file:line" or "file", whichever parts are known.
    std::string str() const;
};

}  // namespace engine::core
