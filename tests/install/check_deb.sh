#!/usr/bin/env bash
# The .deb, end to end: builds it from the build folder with CPack, checks its control data
# (dpkg-deb -I: the Debian runtime packages in Depends) and contents (dpkg-deb -c), asks apt
# whether it installs here (apt-get install --simulate: every dependency resolves), installs it
# with dpkg --root into a temporary root (a real install into / would race with other runs of
# the suite on a shared machine; docs/install.md says what was installed for real), then runs
# the installed binary from outside the source tree: init + validate + run of a starter from
# the installed data, and a sample batch against the installed templates; reads the PDFs back.
#   check_deb.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$tmp"/pkg/boardpack_*_*.deb)
echo "built $(basename "$deb")"

# Control data: the runtime packages the binary links to and the files it opens.
info=$(dpkg-deb -I "$deb")
depends=$(dpkg-deb -f "$deb" Depends)
names=$(sed 's/ ([^)]*)//g; s/, /\n/g' <<<"$depends")
for p in libhpdf-2.3.0 libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libfreetype6 libpng16-16 \
         libharfbuzz-subset0 libnettle8 liblcms2-2 libc6 fonts-liberation2 fonts-dejavu-core; do
  grep -qxF -- "$p" <<<"$names" || fail "Depends lacks $p: $depends"
done
# The C++ libraries are linked statically unless BOARDPACK_STATIC_DEPS is off
# (cmake/startup_link.cmake): each package is in Depends exactly when the binary needs its
# shared library, so neither a missing nor a stale dependency passes.
needed=$(readelf -d "$build/boardpack" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for pair in libqpdf.so.29=libqpdf29 libyaml-cpp.so.0.7=libyaml-cpp0.7 \
            libboost_program_options.so.1.74.0=libboost-program-options1.74.0 \
            libstdc++.so.6=libstdc++6 libgnutls.so.30=libgnutls30 libjpeg.so.62=libjpeg62-turbo; do
  so=${pair%%=*} p=${pair#*=}
  if grep -qxF -- "$so" <<<"$needed"; then
    grep -qxF -- "$p" <<<"$names" || fail "the binary needs $so but Depends lacks $p: $depends"
  else
    ! grep -qxF -- "$p" <<<"$names" || fail "Depends has $p but the binary does not need $so: $depends"
  fi
done
grep -q "^ Package: boardpack$" <<<"$info" || fail "Package is not boardpack"
[ "$(dpkg-deb -f "$deb" Version)" = "$("$build/boardpack" --version | cut -d' ' -f2)" ] || fail "Version differs from boardpack --version"
echo "Depends: $depends"

# Contents: the usual places.
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/boardpack ./usr/share/man/man1/boardpack.1 \
         ./usr/share/bash-completion/completions/boardpack \
         ./usr/share/boardpack/schemas/batch.schema.json ./usr/share/boardpack/schemas/template.schema.json \
         ./usr/share/doc/boardpack/README.md ./usr/share/doc/boardpack/install.md ./usr/share/doc/boardpack/cli.md; do
  grep -qx -- "$f" <<<"$contents" || fail "the package lacks $f"
done
for t in "$src"/templates/*.yaml; do
  n=$(basename "$t" .yaml)
  grep -qx -- "./usr/share/boardpack/templates/$n.yaml" <<<"$contents" || fail "the package lacks template $n"
  grep -qx -- "./usr/share/boardpack/starters/$n/batch.yaml" <<<"$contents" || fail "the package lacks the starter of $n"
done
if grep -q "^./usr/local\|^./work\|^./home" <<<"$contents"; then fail "files outside /usr"; fi

# apt resolves every dependency from what is installed or in the archive.
sim=$(apt-get install --simulate "$deb" 2>&1) || { echo "$sim"; fail "apt-get install --simulate"; }
grep -q "^Inst boardpack " <<<"$sim" || { echo "$sim"; fail "apt would not install boardpack"; }
echo "apt-get install --simulate: ok"

# Install into a temporary root and run the installed binary from outside the source tree.
root="$tmp/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
: >"$root/var/lib/dpkg/status"
dpkg --root="$root" --force-depends --force-not-root --log=/dev/null -i "$deb" >"$tmp/dpkg.log" 2>&1 ||
  { cat "$tmp/dpkg.log"; fail "dpkg --root -i"; }
status=$(dpkg --root="$root" -s boardpack)
grep -q "^Status: install ok installed" <<<"$status" || fail "dpkg does not list boardpack as installed"
bp="$root/usr/bin/boardpack"
work="$tmp/work"
mkdir -p "$work"
cd "$work"
# A clean environment, but the sanitizer build's options kept (ctest sets them; without them
# its boardpack reports fontconfig's allocation as a leak).
clean=(env -i PATH=/usr/bin:/bin LC_ALL=C)
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  if [ -n "${!v:-}" ]; then clean+=("$v=${!v}"); fi
done
out=$("${clean[@]}" "$bp" init starter --template setting-summary)
grep -q "($root/usr/share/boardpack)" <<<"$out" || { echo "$out"; fail "init did not take the installed data"; }
"${clean[@]}" "$bp" validate starter/batch.yaml >/dev/null || fail "validate of the starter"
"${clean[@]}" "$bp" run starter/batch.yaml --quiet --out o1 >/dev/null || fail "run of the starter"
[ "$(find o1 -name '*.pdf' | wc -l)" -eq 2 ] || fail "the starter did not give 2 PDFs"

# A sample batch with its data, its template paths pointing at the installed templates.
cp -r "$src/samples/accelerating-achievement" aa
sed -i "s|template: \.\./\.\./templates/|template: $root/usr/share/boardpack/templates/|" aa/batch.yaml
grep -q "template: $root" aa/batch.yaml || fail "could not point the sample at the installed templates"
"${clean[@]}" "$bp" run aa/batch.yaml --out o2 >"$tmp/run.log" 2>&1 || { cat "$tmp/run.log"; fail "run of the sample"; }
pdf=o2/accelerating-achievement-progress-update.pdf
qpdf --check "$pdf" >/dev/null || fail "qpdf --check $pdf"
text=$(pdftotext "$pdf" -)
grep -q "ACCELERATING ACHIEVEMENT" <<<"$text" || fail "the sample's title is not in its PDF"
# The same bytes as the build folder's binary gives.
"$build/boardpack" run aa/batch.yaml --out o3 --quiet >/dev/null
cmp -s "$pdf" o3/accelerating-achievement-progress-update.pdf || fail "the installed binary's PDF differs from the build's"
echo "installed binary: starter and sample rendered, PDFs check"

# The scheduling examples verify against the installed binary too.
bash "$src/tests/install/check_units.sh" "$root/usr/share/doc/boardpack/scheduling.md" "$bp"
