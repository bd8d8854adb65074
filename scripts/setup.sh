#!/usr/bin/env bash
# Installs the Debian packages boardpack needs to build, run and test.
# `scripts/setup.sh --bench` adds what the benchmarks alone need (bench/peer_side_by_side.sh:
# the Python peer's matplotlib and ReportLab, /usr/bin/time); the build and tests never do.
# `scripts/setup.sh --fuzz` adds clang 14 and libFuzzer for `make fuzz` (docs/testing.md).
# Idempotent and fast when everything is present: dpkg is asked first and
# apt-get only runs for what is missing (with one 'apt-get update' before it).
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config ccache
  libhpdf-dev libcairo2-dev libpango1.0-dev libfreetype-dev libpng-dev libharfbuzz-dev
  libyaml-cpp-dev libboost-program-options-dev libqpdf-dev
  nlohmann-json3-dev libkainjow-mustache-dev nettle-dev liblcms2-dev
  catch2 qpdf poppler-utils fonts-liberation2 fonts-dejavu-core libxml2-utils
  icc-profiles-free
  python3-html5lib python3-jsonschema python3-yaml
  dpkg-dev file
  nodejs chromium
)

if [ "${1:-}" = "--bench" ]; then packages+=(python3-matplotlib python3-reportlab time); fi
if [ "${1:-}" = "--fuzz" ]; then packages+=(clang-14 libclang-rt-14-dev); fi

# Debian's nodejs comes without npm (package npm); NodeSource's nodejs bundles it and conflicts
# with Debian's npm, so ask for the package only when there is no npm command.
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi

# One dpkg-query for all packages; a package it does not know is missing too.
installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null |
            awk '$NF == "installed" && $(NF-1) == "ok" {print $1}' || true)
missing=()
for p in "${packages[@]}"; do
  if ! grep -qx "$p" <<<"$installed"; then missing+=("$p"); fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "setup: done" >&2
fi

# The browser check's npm packages (axe-core, playwright-core; never a browser download: the
# check drives Debian's chromium), exactly as locked, into tests/browser/node_modules. Skipped
# when the lock installed last (a copy kept in node_modules) is the committed one.
browser="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
if ! cmp -s "$browser/package-lock.json" "$browser/node_modules/.boardpack-installed-lock" 2>/dev/null; then
  echo "setup: npm ci in tests/browser" >&2
  (cd "$browser" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$browser/package-lock.json" "$browser/node_modules/.boardpack-installed-lock"
fi
