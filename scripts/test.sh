#!/usr/bin/env bash
# make test-sanitizers, after make build: every ctest test twice, in the plain build and
# in the sanitizer build (BOARDPACK_SANITIZE: ASan with leak checks + UBSan, any report fatal;
# docs/testing.md). On 2 cores the sanitizer tree compiles, at a lower priority, while the
# plain suite runs (its serial browser checks leave a core idle); then its suite runs.
#   scripts/test.sh BUILD ASAN_BUILD JOBS [CMAKE_FLAGS...]
set -uo pipefail
build=$1 asan=$2 jobs=$3
shift 3
cmake -S . -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBOARDPACK_WERROR=ON \
  -DBOARDPACK_SANITIZE=ON "$@" >/dev/null || exit 1
rm -f "$asan/build.rc"
(nice -n 10 cmake --build "$asan" -j "$jobs" >"$asan/build.log" 2>&1; echo $? >"$asan/build.rc") &
compiling=$!
(cd "$build" && ctest --output-on-failure -j "$jobs")
plain=$?
wait "$compiling"
if [ "$(cat "$asan/build.rc" 2>/dev/null)" != 0 ]; then
  tail -50 "$asan/build.log"
  echo "make test: the sanitizer build in $asan failed (whole log: $asan/build.log)" >&2
  exit 1
fi
echo "make test: the same suite with AddressSanitizer and UBSan ($asan)"
(cd "$asan" && ctest --output-on-failure -j "$jobs")
sanitized=$?
if [ "$plain" -ne 0 ] || [ "$sanitized" -ne 0 ]; then
  echo "make test: failed ($build: ctest exit $plain, $asan: ctest exit $sanitized)" >&2
  exit 1
fi
