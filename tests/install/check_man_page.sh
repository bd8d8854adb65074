#!/usr/bin/env bash
# The man page boardpack(1) against the binary: every command of `boardpack --help` and every
# option of every command's --help is in the man page, the man page names no option the binary
# does not have, and man(1) renders it without warnings.
#   check_man_page.sh BOARDPACK MAN_PAGE
set -euo pipefail
bp=$1
page=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
# The page's text with roff's escaped hyphens as plain ones.
text=$(sed 's/\\-/-/g' "$page")
commands=$("$bp" --help | awk '/^commands:/{on=1;next} /^$/{on=0} on && /^  [a-z]/{print $1}')
[ "$(wc -w <<<"$commands")" -ge 5 ] || fail "too few commands in --help: $commands"
help_opts=$( (
  "$bp" --help
  for c in $commands; do "$bp" "$c" --help; done
) | grep -oE '(^|[ ,\[])--[a-z][a-z-]*|^  -[a-z] ' | grep -oE -- '--?[a-z][a-z-]*' | sort -u)
[ "$(wc -w <<<"$help_opts")" -ge 15 ] || fail "too few options found in --help: $help_opts"
n=0
for c in $commands; do
  grep -qE "^\.BI? $c( |$)|^\.BR $c " <<<"$text" || fail "command '$c' is not described in $page"
done
for o in $help_opts; do
  grep -qE -- "(^|[ \"])$o([ ,\"]|$)" <<<"$text" || fail "option '$o' of --help is not in $page"
  n=$((n + 1))
done
# And the other way: every --option the page describes (.TP items) exists.
page_opts=$(grep -A1 '^\.TP' <<<"$text" | grep -oE -- '--[a-z][a-z-]*' | sort -u)
for o in $page_opts; do
  grep -qx -- "$o" <<<"$help_opts" || fail "$page describes '$o', which no --help lists"
done
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null || true)
[ -z "$warnings" ] || fail "man --warnings: $warnings"
echo "$n options and $(wc -w <<<"$commands") commands of --help are in the man page"
