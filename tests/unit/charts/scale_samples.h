// tests: charts of a rating scale — an EIF-style maturity matrix rated 1–4 (Beginning,
// Developing, Embedding, Mature) at two dates, as grouped bars and as status bars.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "charts/model/chart_spec.h"

namespace test_charts {

inline charts::model::ValueAxis maturity_axis() {
    charts::model::ValueAxis a;
    a.label = "Rating (1\xE2\x80\x93" "4)";
    a.decimals = 0;
    a.steps = {{1.0, "Beginning"}, {2.0, "Developing"}, {3.0, "Embedding"}, {4.0, "Mature"}};
    return a;
}

inline charts::model::GroupedBarsSpec rating_scale_bars() {
    namespace pal = charts::model::palette;
    charts::model::GroupedBarsSpec s;
    s.text.subtitle = "EIF maturity matrix, Northshire, 2022/23 and 2023/24";
    s.categories = {"Leadership", "Data and performance", "Partnership working", "Quality of services",
                    "Targeted support"};
    s.groups = {
        {"2022/23", pal::kDarkBlue, {2.0, 1.0, 2.0, 3.0, 2.0}, charts::model::MarkerShape::Square, false},
        {"2023/24", pal::kTurquoise, {3.0, 2.0, 2.0, 3.0, std::nullopt}, charts::model::MarkerShape::Square, false},
    };
    s.y = maturity_axis();
    s.groups_are_periods = true;
    return s;
}

inline charts::model::GapTargetBarsSpec status_bars() {
    namespace pal = charts::model::palette;
    using charts::model::Category;
    using charts::model::MarkerShape;
    charts::model::GapTargetBarsSpec s;
    s.text.subtitle = "Rating (1\xE2\x80\x93" "4), Northshire, 2023/24 against 2022/23";
    const Category improved{"Improved", pal::kStatusGreen, pal::kWhite, MarkerShape::Triangle};
    const Category same{"Same", pal::kStatusMidGrey, pal::kText, MarkerShape::Circle};
    const Category declined{"Declined", pal::kStatusRed, pal::kWhite, MarkerShape::TriangleDown};
    s.rows = {{"Leadership", 3.0, 2.0, improved},
              {"Data and performance", 2.0, 1.0, improved},
              {"Partnership working", 2.0, 2.0, same},
              {"Quality of services", 2.0, 3.0, declined}};
    s.x = maturity_axis();
    s.target_label = "2022/23";
    s.value_noun = "rating";
    s.value_noun_plural = "ratings";
    return s;
}

}  // namespace test_charts
