#include "charts/model/chart_spec.h"

namespace charts::model {

const char* chart_kind_name(const ChartSpec& spec) {
    static constexpr const char* kNames[] = {"gap trend",     "gap against target", "grouped bars",
                                             "action status", "distribution",       "line chart"};
    return kNames[spec.index()];
}

}  // namespace charts::model
