#!/usr/bin/env bash
# The sanitizer tree skips the browser checks (scripts/test.sh): they would check the same HTML
# bytes again. This is what makes that true: every sample's HTML written by the plain tree's
# boardpack and by this tree's is the same, file for file and byte for byte.
#   same_html.sh PLAIN_BOARDPACK BOARDPACK SAMPLES_DIR SAMPLE...
set -euo pipefail
plain=$1 this=$2 samples=$3
shift 3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for s in "$@"; do
  "$plain" run "$samples/$s/batch.yaml" --format html --out "$dir/plain/$s" --quiet >/dev/null
  "$this" run "$samples/$s/batch.yaml" --format html --out "$dir/this/$s" --quiet >/dev/null
done
n=$(find "$dir/this" -name '*.html' | wc -l)
[ "$n" -gt 0 ] || { echo "no HTML written" >&2; exit 1; }
diff -r -x 'manifest*.json' "$dir/plain" "$dir/this"
echo "$n HTML files, the same bytes from both builds"
