#!/usr/bin/env bash
# Data benchmark: `boardpack validate` on 1,000,000 pupil-level tracking records (read, check,
# aggregate by group, setting, local authority, project and term, GLD). Prints the median of 5
# runs: wall time, rows/s, CPU time and peak RSS against the file size. docs/performance.md.
#   bash bench/run_records_bench.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
bin=${BOARDPACK:-build/boardpack}
[ -x "$bin" ] || { echo "build first: make build (or set BOARDPACK)" >&2; exit 2; }
data=bench/data/rec1m
if [ "$rows" != 1000000 ]; then data=bench/data/rec$rows; fi
[ -s "$data/records.csv" ] || python3 bench/make_records.py "$data" --rows "$rows"
config=bench/records-1m.yaml
if [ "$data" != bench/data/rec1m ]; then
  config=bench/data/records-$rows.yaml
  sed "s#data/rec1m/#rec$rows/#; s#templates/data-bench.yaml#../templates/data-bench.yaml#" bench/records-1m.yaml > "$config"
fi
bytes=$(stat -c %s "$data/records.csv")
"$bin" validate "$config" >/dev/null  # warm the page cache
for i in 1 2 3 4 5; do
  /usr/bin/time -f '%e %U %S %M' "$bin" validate "$config" 2>&1 >/dev/null | tail -1
done | sort -n | sed -n 3p | awk -v rows="$rows" -v bytes="$bytes" '{
  printf "rows %d, file %.1f MB: median wall %.2f s (%.2f M rows/s), CPU %.2f s user + %.2f s sys (%.2f M rows/s per core), peak RSS %.0f MB (%.2f x the file)\n",
    rows, bytes/1e6, $1, rows/$1/1e6, $2, $3, rows/($2+$3)/1e6, $4/1024, $4*1024/bytes }'
