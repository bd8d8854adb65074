#!/usr/bin/env bash
# The browser check on a sample's HTML reports: `boardpack run BATCH --format html` into a
# temporary folder, then axe_check.mjs on every page written (1280 and 320 px).
#   check_sample_html.sh BOARDPACK BATCH.yaml
source "$(dirname "$0")/common.sh"
"$boardpack" run "$batch" --format html --out "$dir" >/dev/null
mapfile -t pages < <(find "$dir" -name '*.html' | sort)
[ "${#pages[@]}" -gt 0 ] || { echo "no HTML written from $batch" >&2; exit 1; }
node "$here/axe_check.mjs" "${pages[@]}"
