#!/usr/bin/env bash
# boardpack against the Python peer (../shared/bench/peer, matplotlib + ReportLab) on the
# setting progress report of ../shared/bench/REPORT_SPEC.md (docs/performance.md, "Against the
# Python peer"). Makes the dataset when it is missing (make_dataset.py --settings SETTINGS into
# bench/data/, git-ignored), then runs the peer and boardpack alternately, RUNS times each,
# under /usr/bin/time -v, each into an empty folder (emptied before the timer starts), and
# prints reports/s, CPU per report (user + system), peak RSS and mean PDF bytes for both, with
# the ratios boardpack / peer.
#
#   bench/peer_side_by_side.sh                         # 500 settings, --jobs 2, 3 runs each
#   RUNS=1 SETTINGS=52 bench/peer_side_by_side.sh      # a quick look
#   BOARDPACK=build-bench/boardpack JOBS=1 bench/peer_side_by_side.sh
#   SHARED=/elsewhere/shared bench/peer_side_by_side.sh
#
# The shared folder is found beside the repository (../shared, as in CI) unless SHARED says
# otherwise. The peer needs Debian's python3-matplotlib and python3-reportlab
# (scripts/setup.sh --bench installs them) and runs with /usr/bin/python3. Peak RSS is that of
# the largest single process, as /usr/bin/time -v reports it: boardpack is one process, the
# peer's --jobs 2 is a parent and two forked workers (../shared/bench/BASELINE.md sums them).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/bench_common.sh
. bench/bench_common.sh
bench_prologue
SETTINGS=${SETTINGS:-500}
PEER=$SHARED/bench/peer/setting_reports.py
[ -f "$PEER" ] || { echo "no $PEER (the shared folder beside the repository; set SHARED=...)" >&2; exit 2; }
/usr/bin/python3 -c 'import matplotlib, reportlab' 2>/dev/null ||
    { echo "the peer needs python3-matplotlib and python3-reportlab: scripts/setup.sh --bench" >&2; exit 2; }

data=$(make_bench_dataset "$MAKE_DATASET" "$SETTINGS")
config=$(bench_config "$SETTINGS")

work=$(mktemp -d /tmp/boardpack-peer-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "$SETTINGS settings, --jobs $JOBS, $RUNS runs each, alternating; $(nproc) cores; load before: $(load_now)"
echo "boardpack: $BOARDPACK (vector charts, cairo); peer: $PEER (200 dpi PNG charts)"
for ((i = 1; i <= RUNS; i++)); do
    timed_run "$work" peer "$work/peer" /usr/bin/python3 "$PEER" "$data" "$work/peer" --jobs "$JOBS"
    timed_run "$work" boardpack "$work/boardpack" "$BOARDPACK" run "$config" --out "$work/boardpack" \
        --jobs "$JOBS" --force --format pdf --progress log
done
echo "load after: $(load_now)"

print_table "$work" peer boardpack
