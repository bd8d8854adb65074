# Shared by bench/peer_side_by_side.sh and bench/scaling.sh (sourced, not run): the datasets of
# ../shared/bench/make_dataset.py, the batch file that reads one, a timed run and the table.
# Run from the repository root.

load_now() { cut -d' ' -f1-3 /proc/loadavg; }

# bench_prologue: the settings both scripts take (BOARDPACK, SHARED, JOBS, RUNS) with their
# defaults, MAKE_DATASET, and the checks that they name what is needed
bench_prologue() {
    BOARDPACK=${BOARDPACK:-build/boardpack}
    SHARED=${SHARED:-$(cd .. && pwd)/shared}
    JOBS=${JOBS:-2}
    RUNS=${RUNS:-3}
    MAKE_DATASET=$SHARED/bench/make_dataset.py
    [ -x "$BOARDPACK" ] || { echo "no $BOARDPACK: build it first (make build, or set BOARDPACK=...)" >&2; exit 2; }
    [ -f "$MAKE_DATASET" ] ||
        { echo "no $MAKE_DATASET (the shared folder beside the repository; set SHARED=...)" >&2; exit 2; }
    [ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: scripts/setup.sh --bench" >&2; exit 2; }
}

# make_bench_dataset MAKE_DATASET N -> prints bench/data/dsN, written first when missing
make_bench_dataset() {
    local dir=bench/data/ds$2
    if [ ! -f "$dir/indicators.csv" ]; then
        echo "writing $dir ($2 settings)" >&2
        python3 "$1" "$dir" --settings "$2" >&2
    fi
    echo "$dir"
}

# bench_config N -> prints bench/data/setting-summary-dsN.yaml: bench/setting-summary.yaml
# reading bench/data/dsN (its paths are relative to the file, which now sits one folder down)
bench_config() {
    local out=bench/data/setting-summary-ds$1.yaml
    sed -e "s#data/ds52/#ds$1/#" -e 's#\.\./templates/#../../templates/#' bench/setting-summary.yaml >"$out"
    echo "$out"
}

# timed_run WORK LABEL OUTDIR COMMAND... : empties OUTDIR, runs COMMAND under /usr/bin/time -v
# and appends "wall cpu peak_kb reports pdf_bytes" to WORK/LABEL.runs
timed_run() {
    local work=$1 label=$2 out=$3
    shift 3
    rm -rf "$out"
    mkdir -p "$out"
    if ! /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/log.txt" 2>&1; then
        cat "$work/log.txt" >&2
        echo "$label failed: $*" >&2
        exit 1
    fi
    local wall cpu kb reports bytes
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time.txt")
    cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$work/time.txt")
    kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
    reports=$(find "$out" -name '*.pdf' | wc -l)
    bytes=$(find "$out" -name '*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    [ "$reports" -gt 0 ] || { cat "$work/log.txt" >&2; echo "$label wrote no PDF" >&2; exit 1; }
    echo "$wall $cpu $kb $reports $bytes" >>"$work/$label.runs"
    printf '  %-10s %7.2f s wall  %7.2f s CPU  %6d MB  %d reports\n' "$label" "$wall" "$cpu" $((kb / 1024)) "$reports" >&2
}

# print_table WORK A B : medians of A's and B's runs and the ratios B / A
print_table() {
    local work=$1
    shift
    awk -v a="$1" -v b="$2" '
        function median(v, n,   i, j, t) {
            for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
            return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
        }
        FNR == 1 { k = (FILENAME ~ ("/" a ".runs$")) ? a : b; n[k] = 0 }
        { i = ++n[k]; rate[k, i] = $4 / $1; cpu[k, i] = $2 / $4 * 1000; peak[k, i] = $3 / 1024; kib[k, i] = $5 / $4 / 1024; reps[k] = $4 }
        END {
            for (s = 0; s < 2; s++) {
                k = s ? b : a
                for (i = 1; i <= n[k]; i++) { r[i] = rate[k, i]; c[i] = cpu[k, i]; p[i] = peak[k, i]; m[i] = kib[k, i] }
                R[k] = median(r, n[k]); C[k] = median(c, n[k]); P[k] = median(p, n[k]); M[k] = median(m, n[k])
            }
            printf "\nmedians of %d runs; %d reports a run (%s), %d (%s)\n", n[a], reps[a], a, reps[b], b
            printf "%-22s %12s %12s %12s\n", "", a, b, b " / " a
            printf "%-22s %12.2f %12.2f %12.2f\n", "reports/s", R[a], R[b], R[b] / R[a]
            printf "%-22s %12.1f %12.1f %12.3f\n", "CPU ms per report", C[a], C[b], C[b] / C[a]
            printf "%-22s %12.0f %12.0f %12.2f\n", "peak RSS MB", P[a], P[b], P[b] / P[a]
            printf "%-22s %12.1f %12.1f %12.3f\n", "mean PDF KiB", M[a], M[b], M[b] / M[a]
        }' "$work/$1.runs" "$work/$2.runs"
}
