#include "engine/metrics/custom_status.h"

#include <algorithm>

#include "engine/core/number_format.h"
#include "engine/core/text.h"
#include "engine/metrics/coverage.h"

namespace engine::metrics {

data::ChangeOutcome compare_outcome(const core::Exact& from, const core::Exact& to,
                                    data::Polarity polarity, int dp) {
    core::Exact change = to - from;
    if (core::rounds_to_zero(change, dp)) return data::ChangeOutcome::Same;
    const bool up = change.sign() > 0;
    const bool better = polarity == data::Polarity::HigherIsBetter ? up : !up;
    return better ? data::ChangeOutcome::Improved : data::ChangeOutcome::Declined;
}

const data::StatusWord* word_for(const data::StatusVocabulary& v, data::ChangeOutcome o) {
    for (const auto& w : v.words)
        if (w.when == o) return &w;
    return nullptr;
}

const data::StatusWord* word_for(const data::StatusVocabulary& v, const core::Exact& value) {
    const data::StatusWord* open = nullptr;
    for (const auto& w : v.words) {
        if (w.at_least && value >= *w.at_least) return &w;
        if (w.at_most && value <= *w.at_most) return &w;
        if (!w.at_least && !w.at_most && !open) open = &w;
    }
    return open;
}

std::optional<data::Period> period_named(const std::vector<data::Period>& periods, const std::string& text) {
    for (const auto& p : periods)
        if (core::iequals_ascii(p.label(), text) || core::iequals_ascii(p.short_label(), text) ||
            p.code() == text)
            return p;
    return std::nullopt;
}

namespace {

std::vector<std::string> labels_of(const std::vector<data::Period>& periods) {
    std::vector<std::string> out;
    for (const auto& p : periods) out.push_back(p.label());
    return out;
}

}  // namespace

std::vector<CustomStatusRow> compute_custom_status(const SuppressedView& view,
                                                   const data::Catalog& catalog,
                                                   const data::StatusVocabulary& v,
                                                   const AreaKey& area, core::DiagnosticSink& sink) {
    std::vector<CustomStatusRow> rows;
    const auto& table = view.table();
    const std::string path = "statuses." + v.name;
    const bool compare = v.rule.kind == data::StatusRuleKind::Compare;
    for (const auto& measure : v.rule.measures) {
        const auto& known = table.measures();
        if (std::find(known.begin(), known.end(), measure) == known.end()) {
            sink.error(v.rule.measures_where, "'" + path + "' names measure '" + measure + "', which the data do not have",
                       {core::valid_values_hint("measures", measure, known)});
            continue;
        }
        const data::MeasureInfo* mi = catalog.measure(measure);
        const int dp = mi ? mi->dp : 1;
        const auto polarity = mi ? mi->polarity : data::Polarity::HigherIsBetter;
        const auto& periods = table.periods(measure, area.level, area.area);
        for (const auto& group : v.rule.groups) {
            if (auto u = unmatched_rows(table, measure, group, area.level, area.area)) {
                sink.error(v.rule.groups_where, "'" + path + "': " + u->message, u->hints);
                continue;
            }
            CustomStatusRow r;
            r.measure = measure;
            r.group = group;
            bool periods_ok = true;
            auto pick = [&](const std::string& text, std::optional<data::Period> fallback) {
                if (text.empty()) return fallback;
                auto p = period_named(periods, text);
                if (!p) {
                    periods_ok = false;
                    sink.error(v.rule.where, "'" + path + "' names period '" + text + "', which " + measure +
                                                 " has no rows for in " + area.area,
                               {core::valid_values_hint("periods", text, labels_of(periods))});
                }
                return p;
            };
            std::optional<data::Period> latest;
            if (!periods.empty()) latest = periods.back();
            r.to = pick(v.rule.to, latest);
            if (compare) {
                std::optional<data::Period> before;
                for (const auto& p : periods)
                    if (r.to && p < *r.to) before = p;
                r.from = pick(v.rule.from, before);
                if (periods_ok && (!r.from || !r.to || !(*r.from < *r.to))) {
                    sink.error(v.rule.where, "'" + path + "' compares " + measure + " between two periods, but " +
                                                 (r.from && r.to ? "'from' is not before 'to'" : "the data have fewer than two for " + area.area),
                               {"name them with 'from' and 'to', e.g. from: " +
                                (periods.empty() ? std::string("2018/19") : periods.front().label())});
                    continue;
                }
            }
            if (!periods_ok) continue;
            r.to_cell = view.cell(measure, group, area.level, area.area, *r.to);
            if (r.from) r.from_cell = view.cell(measure, group, area.level, area.area, *r.from);
            r.suppressed = r.to_cell.suppressed() || (compare && r.from_cell.suppressed());
            if (compare) {
                if (r.from_cell.value && r.to_cell.value) {
                    r.change = *r.to_cell.value - *r.from_cell.value;
                    if (!r.suppressed) r.word = word_for(v, compare_outcome(*r.from_cell.value, *r.to_cell.value, polarity, dp));
                }
            } else if (r.to_cell.value && !r.suppressed) {
                r.word = word_for(v, *r.to_cell.value);
            }
            rows.push_back(std::move(r));
        }
    }
    return rows;
}

}  // namespace engine::metrics
