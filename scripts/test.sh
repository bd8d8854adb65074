#!/usr/bin/env bash
# make test-sanitizers (after make setup): every ctest test twice, in the plain build and in the
# sanitizer build (BOARDPACK_SANITIZE: ASan with leak checks + UBSan, any report fatal;
# docs/testing.md). On 2 cores the two trees overlap: the sanitizer tree compiles at a lower
# priority from the start, on whatever the plain build and then the plain suite leave idle
# (links, the serial browser checks); its suite runs last. Exit 1 if either suite or either
# build fails, saying which.
#   scripts/test.sh BUILD ASAN_BUILD JOBS [CMAKE_FLAGS...]
set -uo pipefail
build=$1 asan=$2 jobs=$3
shift 3
configure() {  # configure DIR [OPTIONS...]
  local dir=$1
  shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBOARDPACK_WERROR=ON "$@" >/dev/null
}
configure "$asan" -DBOARDPACK_SANITIZE=ON "$@" || { echo "make test-sanitizers: configuring $asan failed" >&2; exit 1; }
rm -f "$asan/build.rc"
# In a process group of its own (setsid), so that it can be stopped whole.
setsid nice -n 10 bash -c 'cmake --build "$0" -j "$1" >"$0/build.log" 2>&1; echo $? >"$0/build.rc"' \
  "$asan" "$jobs" &
compiling=$!
stop_compiling() { kill -- "-$compiling" 2>/dev/null; }
trap 'stop_compiling; exit 1' INT TERM

if ! { configure "$build" "$@" && cmake --build "$build" -j "$jobs"; }; then
  stop_compiling
  echo "make test-sanitizers: the plain build in $build failed" >&2
  exit 1
fi
(cd "$build" && ctest --output-on-failure -j "$jobs")
plain=$?
wait "$compiling"
if [ "$(cat "$asan/build.rc" 2>/dev/null)" != 0 ]; then
  tail -50 "$asan/build.log"
  echo "make test-sanitizers: the sanitizer build in $asan failed (whole log: $asan/build.log)" >&2
  exit 1
fi
[ "$plain" -eq 0 ] || echo "make test-sanitizers: the plain suite in $build failed (ctest exit $plain); the sanitizer suite runs all the same" >&2
echo "make test-sanitizers: the same suite with AddressSanitizer and UBSan ($asan)"
(cd "$asan" && ctest --output-on-failure -j "$jobs")
sanitized=$?
if [ "$plain" -ne 0 ] || [ "$sanitized" -ne 0 ]; then
  echo "make test-sanitizers: failed ($build: ctest exit $plain, $asan: ctest exit $sanitized)" >&2
  exit 1
fi
echo "make test-sanitizers: both suites passed ($build and $asan)"
