// Test support: one observation row of 2017/18 (value 50, cohort 100) at a level, area, group
// and measure, read from `file` line 2 — for unit tests that build an ObservationTable by hand.
#pragma once

#include <string>

#include "engine/data/observation_table.h"

namespace test {

inline engine::data::Observation observation_row(const std::string& level, const std::string& area,
                                                 const std::string& group, const std::string& measure,
                                                 const std::string& file) {
    engine::data::Observation o;
    o.period = {2018, engine::data::PeriodKind::AcademicYear};
    o.level = level;
    o.area = area;
    o.group = group;
    o.measure = measure;
    o.value = engine::data::Value::of(50);
    o.cohort = 100;
    o.where = {file, 2, 1};
    return o;
}

}  // namespace test
