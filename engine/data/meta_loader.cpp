#include <algorithm>

#include "engine/core/text.h"
#include "engine/data/csv_columns.h"
#include "engine/data/loaders.h"

namespace engine::data {

// The EES metadata file (DOMAIN.md §1.3): one row per filter and indicator column.
bool load_meta(const ObservationSource& src, Catalog& catalog, core::DiagnosticSink& sink) {
    std::size_t errors_before = sink.error_count();
    auto file = open_csv(src.meta_path, sink);
    if (!file->reader || !file->reader->ok()) return false;
    CsvReader& reader = *file->reader;
    CsvColumns cols(reader, sink, "metadata");
    int c_name = cols.require({"col_name"});
    int c_type = cols.require({"col_type"});
    int c_label = cols.require({"label"});
    cols.require({"indicator_grouping"});
    int c_unit = cols.require({"indicator_unit"});
    int c_dp = cols.require({"indicator_dp"});
    cols.require({"filter_hint"});
    cols.require({"filter_grouping_column"});
    cols.allow({"filter_default", "parent_filter"});
    cols.reject_unknown();
    if (!cols.ok()) return false;

    static const std::vector<std::string> kUnits = {"", "%", "pp", "£", "£m", "numberstring"};
    struct Meta {
        std::string label, unit;
        int dp = 2;
        core::SourceLocation where;
    };
    std::map<std::string, Meta> indicators;
    CsvRecord row;
    while (reader.next(row)) {
        std::string name(core::trim(cols.text(row, c_name)));
        auto type = cols.choice(row, c_type, {"Filter", "Indicator"});
        if (!type || *type != "Indicator") continue;
        Meta m;
        m.where = reader.where(row, c_name);
        m.label = std::string(core::trim(cols.text(row, c_label)));
        m.unit = std::string(core::trim(cols.text(row, c_unit)));
        if (std::find(kUnits.begin(), kUnits.end(), m.unit) == kUnits.end())
            cols.error(row, c_unit, "unknown indicator_unit '" + m.unit + "'",
                       {"valid units are blank (a number), '%', 'pp', '£', '£m' and 'numberstring'"});
        std::string_view dp = core::trim(cols.text(row, c_dp));
        if (!dp.empty()) {
            auto d = parse_decimal(dp);
            if (!d || d->sign() < 0 || *d > 4 || !d->is_whole())
                cols.error(row, c_dp, "indicator_dp must be a whole number from 0 to 4, got '" +
                                          core::excerpt(dp) + "'");
            else
                m.dp = static_cast<int>(d->num());
        }
        indicators[name] = m;
    }
    for (const auto& ind : src.indicators) {
        auto it = indicators.find(ind.column);
        if (it == indicators.end()) {
            sink.error({src.meta_path, 1, 0},
                       "indicator '" + ind.column + "' (mapped to measure '" + ind.measure +
                           "') is not described in the metadata file",
                       {"every indicator of an EES file needs a row with col_type Indicator"});
            continue;
        }
        if (catalog.measure(ind.measure)) continue;  // the batch file's declaration wins
        MeasureInfo mi;
        mi.id = ind.measure;
        mi.label = it->second.label.empty() ? ind.measure : it->second.label;
        mi.short_label = mi.label;
        mi.unit = it->second.unit == "%" ? Unit::Percent : Unit::Number;
        mi.dp = it->second.dp;
        catalog.measures[mi.id] = mi;
        catalog.measure_order.push_back(mi.id);
    }
    return sink.error_count() == errors_before;
}

}  // namespace engine::data
