#include "engine/metrics/gap.h"

#include "engine/core/number_format.h"

namespace engine::metrics {

core::Exact gap_between(const core::Exact& group_value, const core::Exact& comparator_value,
                        data::Polarity polarity) {
    return polarity == data::Polarity::HigherIsBetter ? comparator_value - group_value
                                                      : group_value - comparator_value;
}

Direction direction_of(const core::Exact& change, int dp) {
    if (core::rounds_to_zero(change, dp)) return Direction::Unchanged;
    return change < 0 ? Direction::Narrowed : Direction::Widened;
}

}  // namespace engine::metrics
