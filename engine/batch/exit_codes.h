// batch: the process exit codes (docs/cli.md). Schedulers and CI read these.
#pragma once

namespace engine::batch {

inline constexpr int kExitOk = 0;            ///< every report written (or valid)
inline constexpr int kExitReportFailed = 1;  ///< at least one report failed; the others ran
inline constexpr int kExitUsage = 2;         ///< bad command line, config or shared data

}  // namespace engine::batch
