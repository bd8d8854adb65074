#!/usr/bin/env bash
# make test (after make setup): every ctest test twice, in the plain build and in the sanitizer
# build (BOARDPACK_SANITIZE: ASan with leak checks + UBSan, any report fatal; docs/testing.md).
# On 2 cores the two trees share the machine in this order:
#   1. the plain tree builds at full priority; the sanitizer tree's libraries (as unity
#      batches, BOARDPACK_UNITY) and tools build beside it at the lowest priority, on whatever
#      the plain build leaves idle;
#   2. the plain suite runs; the rest of the sanitizer tree builds beside it, still at the lowest
#      priority. Its test files come from the plain tree's objects (BOARDPACK_CCACHE: both trees
#      compile them with the same command);
#   3. the sanitizer suite runs, all but the browser checks (label browser): chromium and axe
#      would check the same HTML bytes again (docs/testing.md).
# "Lowest priority" is nice 19 for a scheduler autogroup of its own: the background build runs
# in a session of its own (setsid, so that it can be stopped whole), and Linux shares the CPU
# between autogroups before it looks at nice values, so the autogroup's own nice is set too.
# Exit 1 if either build or either suite fails, saying which.
#   scripts/test.sh BUILD ASAN_BUILD JOBS [CMAKE_FLAGS...]
set -uo pipefail
build=$1 asan=$2 jobs=$3
shift 3
say() { echo "make test: $*" >&2; }
configure() {  # configure DIR [OPTIONS...]
  local dir=$1
  shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBOARDPACK_WERROR=ON -DBOARDPACK_CCACHE=ON "$@" >/dev/null
}
configure "$build" "$@" || { say "configuring $build failed"; exit 1; }
configure "$asan" -DBOARDPACK_SANITIZE=ON -DBOARDPACK_UNITY=ON -DBOARDPACK_PLAIN_TREE="$(realpath "$build")" "$@" || { say "configuring $asan failed"; exit 1; }
rm -f "$asan/build.rc" "$asan/plain-built"

# The sanitizer tree in the background: its libraries, boardpack and pdf_tag_check first, then,
# once the plain tree is built (the file plain-built), everything else.
setsid bash -c '
  echo 19 >/proc/self/autogroup 2>/dev/null
  renice -n 19 -p $$ >/dev/null
  asan=$0 jobs=$1
  {
    cmake --build "$asan" -j "$jobs" --target boardpack pdf_tag_check &&
      until [ -e "$asan/plain-built" ]; do sleep 1; done &&
      cmake --build "$asan" -j "$jobs"
  } >"$asan/build.log" 2>&1
  echo $? >"$asan/build.rc"' "$asan" "$jobs" &
background=$!
stop_background() { kill -- "-$background" 2>/dev/null; }
trap 'stop_background; exit 1' INT TERM

if ! cmake --build "$build" -j "$jobs"; then
  stop_background
  say "the plain build in $build failed"
  exit 1
fi
touch "$asan/plain-built"
(cd "$build" && ctest --output-on-failure -j "$jobs")
plain=$?
if [ ! -e "$asan/build.rc" ]; then
  # Nothing of this run competes with it any more: back to normal priority where allowed (only
  # root may lower a nice value; elsewhere it finishes at 19, which on a quiet machine is the same).
  echo 0 >"/proc/$background/autogroup" 2>/dev/null
  renice -n 0 -g "$background" >/dev/null 2>&1
  say "waiting for the sanitizer build in $asan to finish"
fi
wait "$background"
if [ "$(cat "$asan/build.rc" 2>/dev/null)" != 0 ]; then
  tail -50 "$asan/build.log"
  say "the sanitizer build in $asan failed (whole log: $asan/build.log)"
  exit 1
fi
[ "$plain" -eq 0 ] || say "the plain suite in $build failed (ctest exit $plain); the sanitizer suite runs all the same"
echo "make test: the same suite with AddressSanitizer and UBSan ($asan)"
(cd "$asan" && ctest --output-on-failure -j "$jobs" --label-exclude browser)
sanitized=$?
if [ "$plain" -ne 0 ] || [ "$sanitized" -ne 0 ]; then
  say "failed ($build: ctest exit $plain, $asan: ctest exit $sanitized)"
  exit 1
fi
echo "make test: both suites passed ($build and $asan)"
