#!/usr/bin/env bash
# The browser check on boardpack's own SVG: exports a sample's charts with
# `boardpack charts --format svg`, inlines them in a small HTML page (as the HTML report does:
# the inline SVG, its values table in <details>) and runs axe_check.mjs on it.
#   check_chart_page.sh BOARDPACK BATCH.yaml
source "$(dirname "$0")/common.sh"
"$boardpack" charts "$batch" --format svg --out "$dir/charts" >/dev/null
page="$dir/charts.html"
{
  printf '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
  printf '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
  printf '<title>Charts of %s</title>\n' "$(basename "$(dirname "$batch")")"
  printf '<style>body{font-family:Arial,sans-serif;margin:0 auto;padding:0 1rem;max-width:60rem}'
  printf 'figure{margin:1.5rem 0}svg{display:block;width:100%%;height:auto}</style>\n'
  printf '</head>\n<body>\n<main>\n<h1>Charts</h1>\n'
  n=0
  while IFS= read -r svg; do
    n=$((n + 1))
    printf '<figure>\n'
    # The standalone file without its XML declaration, its ids made unique on the page.
    sed -e '1{/^<?xml/d}' -e "s/chart-/chart${n}-/g" "$svg"
    printf '<figcaption>%s</figcaption>\n</figure>\n' "$(cat "${svg%.svg}.txt")"
  done < <(find "$dir/charts" -name '*.svg' | sort)
  printf '</main>\n</body>\n</html>\n'
} > "$page"
[ "$n" -gt 0 ] || { echo "no SVG charts exported from $batch" >&2; exit 1; }
node "$here/axe_check.mjs" "$page"
