#!/usr/bin/env bash
# The ctest fixture "e2e_samples" (tests/e2e_tests.cmake): renders one sample batch once per
# ctest run for the end-to-end tests that only read its outputs (tests/support/sample_outputs.h).
#   render_sample.sh BOARDPACK SOURCE_DIR OUTPUTS SAMPLE
# writes OUTPUTS/SAMPLE/{run,charts}/ and, beside each, its exit code (.rc), stdout and stderr.
set -uo pipefail
boardpack=$1 src=$2 outputs=$3 sample=$4
dir="$outputs/$sample"
rm -rf "$dir" && mkdir -p "$dir" || exit 1
status=0
for command in run charts; do
  LC_ALL=C TZ=UTC SOURCE_DATE_EPOCH= "$boardpack" "$command" "$src/samples/$sample/batch.yaml" \
    --out "$dir/$command" --jobs 2 >"$dir/$command.out" 2>"$dir/$command.err"
  rc=$?
  echo "$rc" >"$dir/$command.rc"
  echo "boardpack $command $sample: exit $rc"
  # A sanitizer report (exit 99) or a crash fails the fixture; the tests check the exit code.
  if [ "$rc" -gt 2 ]; then cat "$dir/$command.err" >&2; status=1; fi
done
exit $status
