#!/usr/bin/env bash
# Seeds the fuzz corpora from the samples and fixtures: make_corpus.sh <build-fuzz folder>.
# Makes <dir>/corpus/{csv,config,template}/. A CSV seed gets the first byte that picks the
# loader its name suggests (fuzz_entry.h); a template seed is stored twice, for the loader (0)
# and the expander (1). Idempotent: re-running rewrites the same seed files.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: make_corpus.sh <build-fuzz folder>}/corpus
mkdir -p "$out/csv" "$out/config" "$out/template"

loader_byte() {  # the order of loaders() in fuzz_entry.cpp
  case "$1" in
    *.meta.csv) echo 2 ;; eyfsp_*|ks2_*) echo 1 ;; *targets*) echo 3 ;; *actions*) echo 4 ;;
    *settings*) echo 5 ;; *records*) echo 6 ;; *activities*) echo 7 ;; *) echo 0 ;;
  esac
}
seed() {  # seed <folder> <name> <prefix byte or ""> <file>
  local name="$2" f="$4"
  if [ -n "$3" ]; then
    { printf "\\$(printf '%03o' "$3")"; cat "$f"; } >"$1/$name"
  else
    cp "$f" "$1/$name"
  fi
}
key() { echo "$1" | sed 's|^\./||; s|/|_|g'; }

cd "$src"
find samples tests/fixtures -name '*.csv' | sort | while read -r f; do
  seed "$out/csv" "$(key "$f")" "$(loader_byte "$(basename "$f")")" "$f"
done
find samples tests/fixtures -name 'batch*.yaml' | sort | while read -r f; do
  seed "$out/config" "$(key "$f")" "" "$f"
done
{ find templates -name '*.yaml'; find tests/fixtures -name '*.yaml' ! -name 'batch*.yaml'; } | sort |
  while read -r f; do
    seed "$out/template" "load_$(key "$f")" 0 "$f"
    seed "$out/template" "expand_$(key "$f")" 1 "$f"
  done
for d in csv config template; do echo "corpus/$d: $(ls "$out/$d" | wc -l) seeds"; done
