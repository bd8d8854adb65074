#include "engine/metrics/target_status.h"

#include <algorithm>

#include "engine/core/number_format.h"
#include "engine/metrics/gap.h"

namespace engine::metrics {

namespace {

using data::TargetKind;

class Judge {
public:
    Judge(const data::Target& t, const GapSeries& s, const data::MeasureInfo& m)
        : t_(t), s_(s), m_(m) {}

    TargetResult run() {
        const GapPoint* latest = s_.latest();
        if (!latest) return no_data("no data for " + t_.group + " in " + s_.area.area);
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
    std::string num(double v) const { return core::format_number(v, {m_.dp, false, false, ""}); }
    std::string ppts(double v) const { return core::format_number(v, {m_.dp, false, false, " ppts"}); }
    std::string val(double v) const {
        return core::format_number(v, {m_.dp, false, false, m_.unit == data::Unit::Percent ? "%" : ""});
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
            std::string side = !p.group.present() ? t_.group : s_.comparator.label();
            return no_data("no value for " + side + " in " + when(p));
        }
        return std::nullopt;
    }
    TargetResult finish(bool ok, double actual, double required, std::string reason) {
        r_.actual = actual;
        r_.required = required;
        r_.reason = std::move(reason);
        if (r_.future) r_.status = ok ? TargetStatus::OnTarget : TargetStatus::NotOnTarget;
        else r_.status = ok ? TargetStatus::Achieved : TargetStatus::NotAchieved;
        return r_;
    }
    // Fraction of the way from the baseline to the target period reached at the judged period.
    double fraction(const data::Period& base) const {
        double span = period_position(t_.period) - period_position(base);
        if (span <= 0) return 1.0;
        return std::clamp((period_position(judged_->period) - period_position(base)) / span, 0.0,
                          1.0);
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
        double gap = *judged_->gap;
        double limit = t_.value;
        bool at_or_above = t_.kind == TargetKind::AtOrAboveComparator;
        auto describe = [&]() {
            if (!at_or_above)
                return "gap " + ppts(gap) + " in " + when(*judged_);
            return t_.group + " " + val(*judged_->group.value) + " against " +
                   s_.comparator.label() + " " + val(*judged_->comparator.value) + " in " +
                   when(*judged_) + " (gap " + ppts(gap) + ")";
        };
        std::string goal = at_or_above
                               ? (limit == 0 ? std::string("in line with or above the comparator")
                                             : "within " + ppts(limit) + " of the comparator")
                               : "at most " + num(limit);
        if (!r_.future) {
            bool ok = gap <= limit + kEpsilon;
            if (!at_or_above)
                return finish(ok, gap, limit,
                              "gap " + ppts(gap) + " against a target of at most " + num(limit));
            return finish(ok, gap, limit, describe() + "; the target is " + goal);
        }
        const GapPoint* base = baseline_with_gap();
        if (!base || base == judged_ || !base->gap) {
            bool ok = gap <= limit + kEpsilon;
            return finish(ok, gap, limit,
                          describe() + "; the target for " + t_.period.label() + " is " + goal);
        }
        double required = *base->gap + (limit - *base->gap) * fraction(base->period);
        bool ok = gap <= required + kEpsilon;
        return finish(ok, gap, required,
                      describe() + "; on a straight line from " + ppts(*base->gap) + " in " +
                          when(*base) + " to " + goal + " by " + t_.period.label() +
                          " it should be at most " + num(required));
    }

    TargetResult value_at_least() {
        const GapPoint& p = *judged_;
        if (p.group.suppressed()) return suppressed(p);
        if (!p.group.present()) return no_data("no value for " + t_.group + " in " + when(p));
        double v = *p.group.value;
        bool higher = m_.polarity == data::Polarity::HigherIsBetter;
        auto meets = [&](double limit) {
            return higher ? v >= limit - kEpsilon : v <= limit + kEpsilon;
        };
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
        double b = *base->group.value;
        double required = b + (t_.value - b) * fraction(base->period);
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
        double narrowing = *base->gap - *judged_->gap;
        double required = r_.future ? t_.value * fraction(base->period) : t_.value;
        bool ok = narrowing >= required - kEpsilon;
        std::string moved = narrowing >= 0 ? "narrowed by " + ppts(narrowing)
                                           : "widened by " + ppts(-narrowing);
        std::string reason = "the gap " + moved + " from " + when(*base) + " to " +
                             when(*judged_) + " (" + num(*base->gap) + " to " +
                             num(*judged_->gap) + ")";
        if (r_.future)
            reason += "; " + num(required) + " was needed by now to narrow it by " +
                      num(t_.value) + " by " + t_.period.label();
        else
            reason += " against a target of " + num(t_.value);
        return finish(ok, narrowing, required, reason);
    }

    TargetResult improves_faster() {
        const GapPoint* base = t_.baseline ? s_.at(*t_.baseline) : nullptr;
        if (!base) return no_data("no data for the baseline " + t_.baseline->label());
        if (auto done = need_gap(*base)) return *done;
        if (auto done = need_gap(*judged_)) return *done;
        const double per_year = t_.value;
        if (r_.future) {
            double narrowing = *base->gap - *judged_->gap;
            double years = period_position(judged_->period) - period_position(base->period);
            double required = per_year * years;
            bool ok = narrowing >= required - kEpsilon;
            std::string moved = narrowing >= 0 ? "narrowed by " + ppts(narrowing)
                                               : "widened by " + ppts(-narrowing);
            return finish(ok, narrowing, required,
                          "the gap " + moved + " from " + when(*base) + " to " + when(*judged_) +
                              "; " + num(per_year) + " a year faster than the comparator needs " +
                              num(required) + " by now");
        }
        // Past: every year from the baseline to the target period must meet the rule. A missing
        // year is spanned: the step is judged over the years it covers.
        const GapPoint* prev = base;
        double worst_margin = 1e300;
        std::string worst;
        for (const auto& p : s_.points) {
            if (!(base->period < p.period) || t_.period < p.period) continue;
            if (p.suppressed()) return suppressed(p);
            if (!p.gap) continue;  // spanned by the next step
            double years = period_position(p.period) - period_position(prev->period);
            double narrowing = *prev->gap - *p.gap;
            double margin = narrowing - per_year * years;
            if (margin < worst_margin) {
                worst_margin = margin;
                std::string moved = narrowing >= 0 ? "narrowed by " + ppts(narrowing)
                                                   : "widened by " + ppts(-narrowing);
                worst = "in " + when(p) + " the gap " + moved + " against the " +
                        ppts(per_year * years) + " needed";
            }
            prev = &p;
        }
        if (prev == base) return no_data("no gap after the baseline " + when(*base));
        bool ok = worst_margin >= -kEpsilon;
        std::string reason = ok ? "the gap narrowed by at least " + num(per_year) +
                                      " ppts a year from " + when(*base) + " to " +
                                      t_.period.label()
                                : worst;
        return finish(ok, *base->gap - *judged_->gap, per_year, reason);
    }

    const data::Target& t_;
    const GapSeries& s_;
    const data::MeasureInfo& m_;
    const GapPoint* judged_ = nullptr;
    TargetResult r_;
};

}  // namespace

TargetResult evaluate_target(const data::Target& target, const GapSeries& series,
                             const data::MeasureInfo& measure) {
    return Judge(target, series, measure).run();
}

}  // namespace engine::metrics
