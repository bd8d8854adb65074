#include "engine/metrics/target_status.h"

#include <algorithm>

#include "engine/core/number_format.h"
#include "engine/metrics/gap.h"

namespace engine::metrics {

namespace {

using data::TargetKind;

class Judge {
public:
    Judge(const data::Target& t, const GapSeries& s, const data::MeasureInfo& m,
          const data::Catalog* catalog)
        : t_(t), s_(s), m_(m),
          group_(catalog ? s.group_label(*catalog) : t.group),
          comparator_(catalog ? s.comparator_label(*catalog) : s.comparator.label()) {}

    TargetResult run() {
        const GapPoint* latest = s_.latest();
        if (!latest) return no_data("no data for " + group_ + " in " + s_.area.area);
        // An academic-year target on termly data is judged at that year's Summer term.
        data::Period target_period = t_.period;
        if (target_period.kind == data::PeriodKind::AcademicYear && latest->period.is_term() &&
            !s_.at(target_period))
            target_period.kind = data::PeriodKind::SummerTerm;
        r_.future = target_period > latest->period;
        judged_ = r_.future ? latest : s_.at(target_period);
        if (!judged_) return no_data("no data for " + target_period.label());
        r_.judged = judged_->period;
        switch (t_.kind) {
            case TargetKind::GapAtMost:
            case TargetKind::AtOrAboveComparator: return gap_limit();
            case TargetKind::ValueAtLeast: return value_at_least();
            case TargetKind::GapNarrowsBy: return narrows_by();
            case TargetKind::ImprovesFasterThanComparatorBy: return improves_faster();
        }
        return r_;
    }

private:
    // ---- formatting (the one formatter, the measure's precision) ----
    using Exact = core::Exact;
    std::string num(const Exact& v) const { return core::format_number(v, {dp_, false, false, ""}); }
    std::string ppts(const Exact& v) const {
        return core::format_number(v, core::NumberStyle::ppts(dp_));
    }
    std::string val(const Exact& v) const {
        return core::format_number(v, {dp_, false, false, m_.unit == data::Unit::Percent ? "%" : ""});
    }
    // The reason shows up to three more places when the measure's precision would print two
    // different figures alike (a gap of 18.04 against "at most 18.0" reads "18.04 … 18.00").
    void show(const Exact& a, const Exact& b) {
        dp_ = m_.dp;
        while (dp_ < m_.dp + 3 && a != b && core::format_fixed(a, dp_) == core::format_fixed(b, dp_))
            ++dp_;
    }
    // "narrowed by 1.2 ppts" / "widened by 0.4 ppts"
    std::string moved(const Exact& narrowing) const {
        return narrowing.sign() >= 0 ? "narrowed by " + ppts(narrowing)
                                     : "widened by " + ppts(-narrowing);
    }
    std::string when(const GapPoint& p) const { return p.period.label(); }

    TargetResult no_data(std::string why) {
        r_.status = TargetStatus::NoData;
        r_.reason = std::move(why);
        return r_;
    }
    TargetResult suppressed(const GapPoint& p) {
        r_.status = TargetStatus::Suppressed;
        r_.reason = "the figures for " + when(p) + " are suppressed (small cohort)";
        return r_;
    }
    // Returns a finished result when the point has no usable gap, else nullopt.
    std::optional<TargetResult> need_gap(const GapPoint& p) {
        if (p.suppressed()) return suppressed(p);
        if (!p.gap) {
            std::string side = !p.group.present() ? group_ : comparator_;
            return no_data("no value for " + side + " in " + when(p));
        }
        return std::nullopt;
    }
    TargetResult finish(bool ok, const Exact& actual, const Exact& required, std::string reason) {
        r_.actual = actual;
        r_.required = required;
        r_.reason = std::move(reason);
        if (r_.future) r_.status = ok ? TargetStatus::OnTarget : TargetStatus::NotOnTarget;
        else r_.status = ok ? TargetStatus::Achieved : TargetStatus::NotAchieved;
        return r_;
    }
    // Fraction of the way from the baseline to the target period reached at the judged period.
    // Exact: periods sit on a grid of thirds of a year, so the fraction is a ratio of integers.
    Exact fraction(const data::Period& base) const {
        Exact span = period_position(t_.period) - period_position(base);
        if (span.sign() <= 0) return 1;
        return std::clamp((period_position(judged_->period) - period_position(base)) / span,
                          Exact(0), Exact(1));
    }
    // The explicit baseline point, or the first point with a gap.
    const GapPoint* baseline_with_gap() const {
        if (t_.baseline) return s_.at(*t_.baseline);
        for (const auto& p : s_.points)
            if (p.gap) return &p;
        return nullptr;
    }

    TargetResult gap_limit() {
        if (auto done = need_gap(*judged_)) return *done;
        const Exact gap = *judged_->gap;
        const Exact limit = t_.value;
        show(gap, limit);
        bool at_or_above = t_.kind == TargetKind::AtOrAboveComparator;
        auto describe = [&]() {
            if (!at_or_above)
                return "gap " + ppts(gap) + " in " + when(*judged_);
            return group_ + " " + val(*judged_->group.value) + " against " +
                   comparator_ + " " + val(*judged_->comparator.value) + " in " +
                   when(*judged_) + " (gap " + ppts(gap) + ")";
        };
        std::string goal = at_or_above
                               ? (limit == 0 ? std::string("in line with or above the comparator")
                                             : "within " + ppts(limit) + " of the comparator")
                               : "at most " + num(limit);
        if (!r_.future) {
            bool ok = gap <= limit;
            if (!at_or_above)
                return finish(ok, gap, limit,
                              "gap " + ppts(gap) + " against a target of at most " + num(limit));
            return finish(ok, gap, limit, describe() + "; the target is " + goal);
        }
        const GapPoint* base = baseline_with_gap();
        if (!base || base == judged_ || !base->gap) {
            bool ok = gap <= limit;
            return finish(ok, gap, limit,
                          describe() + "; the target for " + t_.period.label() + " is " + goal);
        }
        Exact required = *base->gap + (limit - *base->gap) * fraction(base->period);
        bool ok = gap <= required;
        show(gap, required);
        return finish(ok, gap, required,
                      describe() + "; on a straight line from " + ppts(*base->gap) + " in " +
                          when(*base) + " to " + goal + " by " + t_.period.label() +
                          " it should be at most " + num(required));
    }

    TargetResult value_at_least() {
        const GapPoint& p = *judged_;
        if (p.group.suppressed()) return suppressed(p);
        if (!p.group.present()) return no_data("no value for " + group_ + " in " + when(p));
        const Exact v = *p.group.value;
        bool higher = m_.polarity == data::Polarity::HigherIsBetter;
        auto meets = [&](const Exact& limit) { return higher ? v >= limit : v <= limit; };
        show(v, t_.value);
        std::string word = higher ? "at least " : "at most ";
        if (!r_.future)
            return finish(meets(t_.value), v, t_.value,
                          val(v) + " in " + when(p) + " against a target of " + word +
                              val(t_.value));
        const GapPoint* base = t_.baseline ? s_.at(*t_.baseline) : nullptr;
        if (!base) {
            for (const auto& q : s_.points)
                if (q.group.present()) {
                    base = &q;
                    break;
                }
        }
        if (!base || base == judged_ || !base->group.present())
            return finish(meets(t_.value), v, t_.value,
                          val(v) + " in " + when(p) + "; the target for " + t_.period.label() +
                              " is " + word + val(t_.value));
        const Exact b = *base->group.value;
        Exact required = b + (t_.value - b) * fraction(base->period);
        show(v, required);
        return finish(meets(required), v, required,
                      val(v) + " in " + when(p) + "; on a straight line from " + val(b) + " in " +
                          when(*base) + " to " + val(t_.value) + " by " + t_.period.label() +
                          " it should be " + word + val(required));
    }

    TargetResult narrows_by() {
        const GapPoint* base = t_.baseline ? s_.at(*t_.baseline) : nullptr;
        if (!base) return no_data("no data for the baseline " + t_.baseline->label());
        if (auto done = need_gap(*base)) return *done;
        if (auto done = need_gap(*judged_)) return *done;
        Exact narrowing = *base->gap - *judged_->gap;
        Exact required = r_.future ? t_.value * fraction(base->period) : t_.value;
        bool ok = narrowing >= required;
        show(narrowing, required);
        std::string reason = "the gap " + moved(narrowing) + " from " + when(*base) + " to " +
                             when(*judged_) + " (" + num(*base->gap) + " to " +
                             num(*judged_->gap) + ")";
        if (r_.future)
            reason += "; " + num(required) + " was needed by now to narrow it by " +
                      num(t_.value) + " by " + t_.period.label();
        else
            reason += " against a target of " + num(t_.value);
        return finish(ok, narrowing, required, reason);
    }

    // Year on year (docs/metrics.md): every step from the baseline to the judged period must
    // narrow the gap by at least T per year it spans (a missing year is spanned by the next
    // step). Once one step has missed, the target can no longer be met, so before the target
    // period the status is Not on target whatever the total narrowing; at the target period
    // it is Achieved only if every step met the rule.
    TargetResult improves_faster() {
        const GapPoint* base = t_.baseline ? s_.at(*t_.baseline) : nullptr;
        if (!base) return no_data("no data for the baseline " + t_.baseline->label());
        if (auto done = need_gap(*base)) return *done;
        if (auto done = need_gap(*judged_)) return *done;
        const Exact per_year = t_.value;
        const GapPoint* prev = base;
        std::optional<Exact> worst_margin;
        std::string worst;
        for (const auto& p : s_.points) {
            if (!(base->period < p.period) || judged_->period < p.period) continue;
            if (p.suppressed()) return suppressed(p);
            if (!p.gap) continue;  // spanned by the next step
            Exact years = period_position(p.period) - period_position(prev->period);
            Exact narrowing = *prev->gap - *p.gap;
            Exact margin = narrowing - per_year * years;
            if (!worst_margin || margin < *worst_margin) {
                worst_margin = margin;
                show(narrowing, per_year * years);
                worst = "in " + when(p) + " the gap " + moved(narrowing) + " against the " +
                        ppts(per_year * years) + " needed";
            }
            prev = &p;
        }
        if (prev == base) return no_data("no gap after the baseline " + when(*base));
        const Exact total = *base->gap - *judged_->gap;
        const Exact required =
            per_year * (period_position(judged_->period) - period_position(base->period));
        bool ok = worst_margin->sign() >= 0;
        if (ok) show(total, required);
        std::string reason;
        if (ok)
            reason = "the gap narrowed by at least " + ppts(per_year) + " a year from " +
                     when(*base) + " to " + when(*judged_) + " (" + ppts(total) + " in all)";
        else if (r_.future)
            reason = worst + ", so the target for " + t_.period.label() + " can no longer be met";
        else
            reason = worst;
        return finish(ok, total, required, reason);
    }

    const data::Target& t_;
    const GapSeries& s_;
    const data::MeasureInfo& m_;
    const std::string group_, comparator_;  ///< as the table beside the reason prints them
    int dp_ = m_.dp;  ///< places shown in the reason (see show)
    const GapPoint* judged_ = nullptr;
    TargetResult r_;
};

}  // namespace

TargetResult evaluate_target(const data::Target& target, const GapSeries& series,
                             const data::MeasureInfo& measure, const data::Catalog* catalog) {
    return Judge(target, series, measure, catalog).run();
}

}  // namespace engine::metrics
