#include "engine/batch/as_of.h"

#include <charconv>
#include <chrono>

namespace engine::batch {

AsOf resolve_as_of(const std::optional<core::Date>& cli, const std::optional<core::Date>& batch,
                   const std::string& sde) {
    if (cli) return {*cli, "--as-of"};
    if (batch) return {*batch, "batch.as_of"};
    if (!sde.empty()) {
        long long secs = 0;
        auto r = std::from_chars(sde.data(), sde.data() + sde.size(), secs);
        if (r.ec == std::errc() && r.ptr == sde.data() + sde.size())
            return {core::date_from_unix_seconds(secs), "SOURCE_DATE_EPOCH"};
    }
    auto now = std::chrono::system_clock::now();
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    return {core::date_from_unix_seconds(secs), "clock"};
}

}  // namespace engine::batch
