#!/usr/bin/env bash
# Does the cost of one report stay flat as the dataset grows? (docs/performance.md, "Scaling")
# The setting progress report of ../shared/bench/REPORT_SPEC.md on 500 and on 5,000 settings
# (make_dataset.py, written into bench/data/ when missing): every report of each, --jobs 2,
# --force, PDF only, RUNS times each size, alternating, under /usr/bin/time -v, each run into an
# empty folder. Prints reports/s, CPU per report (user + system, the whole process: loading
# included), peak RSS and mean PDF bytes for both sizes, with the ratios large / small.
#
#   bench/scaling.sh                                   # 500 vs 5,000, 3 runs each
#   RUNS=1 bench/scaling.sh                            # one of each (5,000 reports take minutes)
#   SMALL=52 LARGE=500 JOBS=1 BOARDPACK=build-bench/boardpack bench/scaling.sh
#   LARGE_SHARD=1/10 bench/scaling.sh                  # 500 of the 5,000 reports (all data loaded)
#
# LARGE_SHARD renders one --shard of the large dataset only: the whole dataset is still read and
# checked, so its CPU per report then carries ten times the loading over the same number of
# reports (an upper bound on the per-report cost, for when a full run would take too long).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/bench_common.sh
. bench/bench_common.sh
bench_prologue
SMALL=${SMALL:-500}
LARGE=${LARGE:-5000}
LARGE_SHARD=${LARGE_SHARD:-}

make_bench_dataset "$MAKE_DATASET" "$SMALL" >/dev/null
make_bench_dataset "$MAKE_DATASET" "$LARGE" >/dev/null
small_config=$(bench_config "$SMALL")
large_config=$(bench_config "$LARGE")

work=$(mktemp -d /tmp/boardpack-scaling.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "boardpack: $BOARDPACK; $SMALL vs $LARGE settings, --jobs $JOBS, $RUNS runs each, alternating; $(nproc) cores; load before: $(load_now)"
for ((i = 1; i <= RUNS; i++)); do
    for n in "$SMALL" "$LARGE"; do
        config=$small_config shard=()
        if [ "$n" = "$LARGE" ]; then
            config=$large_config
            [ -n "$LARGE_SHARD" ] && shard=(--shard "$LARGE_SHARD")
        fi
        timed_run "$work" "s$n" "$work/out" "$BOARDPACK" run "$config" --out "$work/out" \
            --jobs "$JOBS" --force --format pdf --progress log ${shard[@]+"${shard[@]}"}
    done
done
echo "load after: $(load_now)"

print_table "$work" "s$SMALL" "s$LARGE"
