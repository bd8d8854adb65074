#!/usr/bin/env bash
# Batch benchmark (docs/performance.md, "Batch runs"): the Tracking for Success sample, 52
# settings, one PDF each, and the project's final report. After one untimed warm-up run, times
# RUNS (default 5) full runs with --jobs 1 and with --jobs 2, interleaved so that a change in
# the machine's load hits both alike, all with --force so nothing is skipped; then RUNS fully incremental re-runs (no --force: every report is up to
# date and skipped). Prints the median wall time of each (and the CPU time, user + system),
# the peak RSS, and the ratios to the --jobs 1 time.
#
#   bench/run_batch_bench.sh                         # uses build/boardpack
#   BOARDPACK=build-bench/boardpack RUNS=3 bench/run_batch_bench.sh
#   CONFIG=bench/setting-summary.yaml bench/run_batch_bench.sh   # another batch
set -euo pipefail
cd "$(dirname "$0")/.."

BOARDPACK=${BOARDPACK:-build/boardpack}
CONFIG=${CONFIG:-samples/tracking-for-success/batch.yaml}
RUNS=${RUNS:-5}
[ -x "$BOARDPACK" ] || { echo "no $BOARDPACK: build it first (make build, or set BOARDPACK=...)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (Debian: apt-get install time)" >&2; exit 2; }

OUT=$(mktemp -d /tmp/boardpack-batch-bench.XXXXXX)
LOG=$OUT.log
trap 'rm -rf "$OUT" "$OUT".*' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# timed LABEL ARGS... -> appends "wall kb cpu" to $OUT.LABEL; the run's output goes to $LOG
timed() {
    local label=$1 wall kb user sys
    shift
    /usr/bin/time -o "$OUT.time" -f '%e %M %U %S' "$BOARDPACK" run "$CONFIG" --out "$OUT/pdf" --progress log "$@" \
        >"$LOG" 2>&1 || { cat "$LOG" >&2; echo "boardpack run $* failed" >&2; exit 1; }
    read -r wall kb user sys <<<"$(tail -1 "$OUT.time")"
    echo "$wall $kb $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" >>"$OUT.$label"
    echo "  $label: $wall s, $kb KB  ($(tail -1 "$LOG" | cut -d';' -f1))" >&2
}

summary() {  # LABEL -> "median_wall peak_mb median_cpu"
    local med peak cpu
    med=$(cut -d' ' -f1 "$OUT.$1" | median)
    peak=$(cut -d' ' -f2 "$OUT.$1" | sort -g | tail -1)
    cpu=$(cut -d' ' -f3 "$OUT.$1" | median)
    echo "$med $((peak / 1024)) $cpu"
}

echo "boardpack: $BOARDPACK ($("$BOARDPACK" --version 2>/dev/null || echo '?')), $CONFIG, $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
timed warm-up --force  # untimed in the results: fills the page cache and the output folder
for ((i = 1; i <= RUNS; i++)); do
    timed jobs1 --jobs 1 --force
    timed jobs2 --jobs 2 --force
done
units=$(grep -Eo '[0-9]+ of [0-9]+ reports? written' "$LOG" | head -1)
for ((i = 1; i <= RUNS; i++)); do
    timed incremental --jobs 2
    grep -q ' up to date' "$LOG" || { cat "$LOG" >&2; echo "the re-run was not incremental" >&2; exit 1; }
done

read -r j1 m1 c1 <<<"$(summary jobs1)"
read -r j2 m2 c2 <<<"$(summary jobs2)"
read -r inc mi ci <<<"$(summary incremental)"
echo "$units; medians of $RUNS runs"
awk -v j1="$j1" -v j2="$j2" -v inc="$inc" -v m1="$m1" -v m2="$m2" -v mi="$mi" -v c1="$c1" -v c2="$c2" -v ci="$ci" 'BEGIN {
    printf "full run, --jobs 1 --force    %6.2f s wall  %6.2f s CPU  peak RSS %4d MB  1.00x\n", j1, c1, m1
    printf "full run, --jobs 2 --force    %6.2f s wall  %6.2f s CPU  peak RSS %4d MB  %.2fx (speed-up %.2f)\n", j2, c2, m2, j2 / j1, j1 / j2
    printf "incremental re-run, --jobs 2  %6.2f s wall  %6.2f s CPU  peak RSS %4d MB  %.2fx\n", inc, ci, mi, inc / j1
}'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
