#!/usr/bin/env bash
# Data benchmark (docs/performance.md): `boardpack validate` on a generated tidy observations
# file of 1,000,000 rows and of 250,000 rows, each RUNS times (default 5) under
# /usr/bin/time -f '%e %M' (plus %U %S for the CPU time), the two sizes interleaved; prints the median wall time, rows
# per second, the peak RSS, the median CPU time (user + system), and the ratios of the 1M and
# 250k medians (4.00 = linear). CPU time is the steadier measure on a busy machine.
#
#   bench/run_data_bench.sh                       # uses build/boardpack
#   BOARDPACK=build-bench/boardpack RUNS=3 bench/run_data_bench.sh
#
# `validate` loads the whole batch as `run` does (settings, observations, disclosure control)
# and renders the one-page report of bench/templates/data-bench.yaml without writing it.
set -euo pipefail
cd "$(dirname "$0")/.."

BOARDPACK=${BOARDPACK:-build/boardpack}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
[ -x "$BOARDPACK" ] || { echo "no $BOARDPACK: build it first (make build, or set BOARDPACK=...)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (Debian: apt-get install time)" >&2; exit 2; }

TMP=$(mktemp /tmp/boardpack-data-bench.XXXXXX)
trap 'rm -f "$TMP" "$TMP".*' EXIT

make_data() {  # folder rows
    if [ ! -s "$1/observations.csv" ] || [ "$(($(wc -l <"$1/observations.csv") - 1))" != "$2" ]; then
        python3 bench/make_observations.py "$1" --rows "$2" --seed "$SEED"
    fi
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# run NAME: one timed validate; appends "wall kb cpu" to $TMP.NAME
run() {
    local name=$1 wall kb user sys
    /usr/bin/time -o "$TMP.time" -f '%e %M %U %S' "$BOARDPACK" validate "bench/observations-$name.yaml" \
        >"$TMP.log" 2>&1 || { cat "$TMP.log" >&2; echo "boardpack validate bench/observations-$name.yaml failed" >&2; exit 1; }
    read -r wall kb user sys <<<"$(tail -1 "$TMP.time")"
    echo "$wall $kb $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" >>"$TMP.$name"
    echo "  $name: $wall s wall, $kb KB" >&2
}

# summary NAME ROWS: prints the result line; leaves the medians in $WALL and $CPU
summary() {
    local name=$1 rows=$2 peak
    WALL=$(cut -d' ' -f1 "$TMP.$name" | median)
    CPU=$(cut -d' ' -f3 "$TMP.$name" | median)
    peak=$(cut -d' ' -f2 "$TMP.$name" | sort -g | tail -1)
    awk -v n="$name" -v r="$rows" -v t="$WALL" -v c="$CPU" -v m="$peak" -v k="$RUNS" 'BEGIN {
        printf "%-5s %9d rows  median of %d: %6.2f s wall, %8.0f rows/s, %6.2f s CPU  peak RSS %4.0f MB\n",
               n, r, k, t, r / t, c, m / 1024 }'
}

echo "boardpack: $BOARDPACK ($("$BOARDPACK" --version 2>/dev/null || echo '?')), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
make_data bench/data/obs250k 250000
make_data bench/data/obs1m 1000000
# Interleaved, so that a change in the machine's load hits both sizes alike.
for ((i = 1; i <= RUNS; i++)); do
    run 250k
    run 1m
done
summary 250k 250000
quarter=$WALL quarter_cpu=$CPU
summary 1m 1000000
awk -v a="$WALL" -v b="$quarter" -v c="$CPU" -v d="$quarter_cpu" 'BEGIN {
    printf "scaling, 1M / 250k: wall %.2f, CPU %.2f (4.00 = linear)\n", a / b, c / d }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
