#!/usr/bin/env bash
# Column fan-out benchmark (docs/performance.md): a fan-out over the settings file's
# la_name as a column (40 values, each its settings' figures added up) on the generated
# observations of 250,000 rows (828 settings) and of 1,000,000 rows (3,432 settings). Each size is timed RUNS times (default 3), the sizes
# interleaved, under /usr/bin/time: `list` (loading, the groups' figures, disclosure control,
# the template check) and `run --force` (the same plus rendering and writing the 40 reports). The
# CPU time (user + system) of run minus list, over 40, is the cost of one report; with an index per
# group it should not grow with the number of settings (ratio 1M/250k about 1.00).
#
#   nice -n 19 bench/run_column_fanout_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BOARDPACK=${BOARDPACK:-build/boardpack}
RUNS=${RUNS:-3}
[ -x "$BOARDPACK" ] || { echo "no $BOARDPACK: build it first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (Debian: apt-get install time)" >&2; exit 2; }
TMP=$(mktemp -d /tmp/boardpack-fanout-bench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

make_data() {  # folder rows
    if [ ! -s "$1/observations.csv" ] || [ "$(($(wc -l <"$1/observations.csv") - 1))" != "$2" ]; then
        python3 bench/make_observations.py "$1" --rows "$2"
    fi
}
make_data bench/data/obs250k 250000
make_data bench/data/obs1m 1000000

cpu() {  # command... -> user+sys seconds
    /usr/bin/time -o "$TMP/time" -f '%U %S' "$@" >"$TMP/log" 2>&1 || { cat "$TMP/log" >&2; exit 1; }
    awk '{ print $1 + $2 }' "$TMP/time"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for i in $(seq "$RUNS"); do
    for n in 250k 1m; do
        v=$(cpu "$BOARDPACK" list "bench/column-fanout-$n.yaml" --out "$TMP/out-$n")
        r=$(cpu "$BOARDPACK" run "bench/column-fanout-$n.yaml" --out "$TMP/out-$n" --force --jobs 1)
        echo "$v" >>"$TMP/list-$n"
        echo "$r" >>"$TMP/run-$n"
        echo "  $n: list $v s, run $r s CPU" >&2
    done
done
uptime
for n in 250k 1m; do
    v=$(median <"$TMP/list-$n")
    r=$(median <"$TMP/run-$n")
    per=$(awk -v r="$r" -v v="$v" 'BEGIN { printf "%.4f", (r - v) / 40 }')
    echo "$per" >"$TMP/per-$n"
    echo "$n: list $v s CPU, run $r s CPU, per report $per s CPU"
done
awk -v a="$(cat "$TMP/per-250k")" -v b="$(cat "$TMP/per-1m")" 'BEGIN { printf "per report, 1M / 250k: %.2f\n", (a > 0 ? b / a : 0) }'
