#include <algorithm>

#include "engine/core/text.h"
#include "engine/data/csv_columns.h"
#include "engine/data/loaders.h"

namespace engine::data {

namespace {
}  // namespace

namespace {

bool needs_comparator(TargetKind k) { return k != TargetKind::ValueAtLeast; }
bool needs_baseline(TargetKind k) {
    return k == TargetKind::GapNarrowsBy || k == TargetKind::ImprovesFasterThanComparatorBy;
}

}  // namespace

bool load_targets(const std::string& path, const Catalog& catalog,
                  const ObservationTable& observations, std::vector<Target>& into,
                  core::DiagnosticSink& sink) {
    std::size_t errors_before = sink.error_count();
    auto file = open_csv(path, sink);
    if (!file->reader || !file->reader->ok()) return false;
    CsvReader& reader = *file->reader;

    CsvColumns cols(reader, sink, "targets");
    int c_id = cols.optional({"id", "target_id"});
    int c_measure = cols.require({"measure"});
    int c_group = cols.require({"characteristic", "group"});
    int c_comp = cols.optional({"comparator"});
    int c_period = cols.require({"time_period", "period"});
    int c_ident = cols.optional({"time_identifier"});
    int c_kind = cols.require({"kind"});
    int c_value = cols.require({"target", "value"});
    int c_base = cols.optional({"baseline_period", "baseline"});
    int c_area = cols.optional({"area"});
    cols.reject_unknown();
    if (!cols.ok()) return false;

    const std::vector<std::string>& groups = observations.groups();
    const std::vector<std::string> measures =
        catalog.measure_order.empty() ? observations.measures() : catalog.measure_order;
    auto known = [](const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };

    CsvRecord row;
    while (reader.next(row)) {
        Target t;
        t.where = reader.where(row, 0);
        bool ok = true;

        auto measure = cols.required_text(row, c_measure);
        if (!measure) {
            ok = false;
        } else if (!known(measures, *measure)) {
            cols.error(row, c_measure, "unknown measure '" + *measure + "'",
                       {core::valid_values_hint("measures", *measure, measures)});
            ok = false;
        } else {
            t.measure = *measure;
        }

        auto group = cols.required_text(row, c_group);
        if (!group) {
            ok = false;
        } else if (!known(groups, *group)) {
            cols.error(row, c_group, "unknown group '" + *group + "': no observation has it",
                       {core::valid_values_hint("groups", *group, groups)});
            ok = false;
        } else {
            t.group = *group;
        }

        auto kind_name = cols.choice(row, c_kind, target_kind_names());
        if (!kind_name) {
            ok = false;
        } else {
            auto& names = target_kind_names();
            t.kind = static_cast<TargetKind>(std::find(names.begin(), names.end(), *kind_name) -
                                             names.begin());
        }

        std::string comp(core::trim(cols.owned_text(row, c_comp)));
        if (comp.empty()) {
            if (kind_name && needs_comparator(t.kind)) {
                if (c_comp < 0) {
                    sink.error(t.where, "a '" + *kind_name + "' target needs a comparator, and "
                                        "the file has no 'comparator' column");
                } else {
                    cols.error(row, c_comp, "a '" + *kind_name + "' target needs a comparator",
                               {"write a group (e.g. 'Not FSM'), 'National' for the same group "
                                "nationally, 'National: <group>', or 'LA' for the same group in the "
                                "setting's local authority"});
                }
                ok = false;
            }
        } else if (core::iequals_ascii(comp, "National")) {
            t.comparator = {true, false, t.group};
        } else if (core::iequals_ascii(comp, "LA") || core::iequals_ascii(comp, "Local authority")) {
            t.comparator = {false, true, t.group};
        } else if (core::starts_with(core::to_lower_ascii(comp), "national:")) {
            std::string g(core::trim(std::string_view(comp).substr(9)));
            if (!known(groups, g)) {
                cols.error(row, c_comp, "unknown comparator group '" + g + "'",
                           {core::valid_values_hint("groups", g, groups)});
                ok = false;
            }
            t.comparator = {true, false, g};
        } else if (!known(groups, comp)) {
            cols.error(row, c_comp, "unknown comparator '" + comp + "'",
                       {core::valid_values_hint("groups", comp, groups),
                        "or 'National', 'National: <group>' or 'LA'"});
            ok = false;
        } else {
            t.comparator = {false, false, comp};
        }

        std::string ident = c_ident >= 0 ? cols.owned_text(row, c_ident) : "Academic year";
        std::string perr;
        auto period = parse_period(cols.owned_text(row, c_period), ident, perr);
        if (!period) {
            cols.error(row, c_period, perr);
            ok = false;
        } else {
            t.period = *period;
        }
        std::string base(core::trim(cols.owned_text(row, c_base)));
        if (!base.empty()) {
            auto bp = parse_period(base, ident, perr);
            if (!bp) {
                cols.error(row, c_base, perr);
                ok = false;
            } else if (period && !(*bp < *period)) {
                cols.error(row, c_base,
                           "the baseline (" + bp->label() + ") must come before the target "
                           "period (" + period->label() + ")");
                ok = false;
            } else {
                t.baseline = bp;
            }
        } else if (kind_name && needs_baseline(t.kind)) {
            if (c_base < 0)
                sink.error(t.where, "a '" + *kind_name + "' target needs a baseline period, and "
                                    "the file has no 'baseline_period' column");
            else
                cols.error(row, c_base, "a '" + *kind_name + "' target needs a baseline period");
            ok = false;
        }

        auto value = cols.number(row, c_value);
        if (!value) ok = false;
        else t.value = *value;
        t.area = std::string(core::trim(cols.owned_text(row, c_area)));

        std::string id(core::trim(cols.owned_text(row, c_id)));
        t.id = id.empty() ? t.measure + "/" + t.group + "/" + t.period.code() : id;
        if (ok) into.push_back(std::move(t));
    }
    return sink.error_count() == errors_before;
}

}  // namespace engine::data
