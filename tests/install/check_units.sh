#!/usr/bin/env bash
# The scheduling examples of docs/scheduling.md: every systemd unit file in it (a ```ini block
# after a line naming /etc/systemd/system/NAME) passes `systemd-analyze verify`, with
# /usr/bin/boardpack (where the .deb puts it) read as BOARDPACK; the timer's OnCalendar= is a
# valid calendar event; the cron line's command is valid sh; no example runs a boardpack that
# the .deb does not install (/usr/local/bin).
#   check_units.sh DOC BOARDPACK
set -euo pipefail
doc=$1
bp=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Units: the name from the line before the block, the text of the block.
awk -v dir="$tmp" '
  match($0, /\/etc\/systemd\/system\/[A-Za-z0-9@._-]+\.(service|timer)/) { name = substr($0, RSTART + 20, RLENGTH - 20) }
  /^```ini$/ && name != "" { file = dir "/" name; inblock = 1; next }
  /^```$/ && inblock { inblock = 0; name = ""; close(file); next }
  inblock { print > file }
' "$doc"
units=$(cd "$tmp" && ls)
[ -n "$units" ] || fail "no unit files found in $doc"
grep -q '\.service$' <<<"$units" && grep -q '\.timer$' <<<"$units" || fail "want a service and a timer, found: $units"
for u in $units; do
  grep -q '^ExecStart=/usr/bin/boardpack \|^\[Timer\]' "$tmp/$u" || fail "$u: ExecStart= does not run /usr/bin/boardpack"
  sed -i "s|/usr/bin/boardpack |$bp |" "$tmp/$u"
done
(cd "$tmp" && systemd-analyze verify $(for u in $units; do echo "./$u"; done)) >"$tmp/verify.log" 2>&1 ||
  { cat "$tmp/verify.log"; fail "systemd-analyze verify"; }
[ ! -s "$tmp/verify.log" ] || { cat "$tmp/verify.log"; fail "systemd-analyze verify printed warnings"; }
for t in $(grep -l '^\[Timer\]' "$tmp"/*); do
  cal=$(sed -n 's/^OnCalendar=//p' "$t")
  systemd-analyze calendar "$cal" >/dev/null || fail "OnCalendar=$cal"
done

# The cron line: valid sh after cron's escapes, and the binary the .deb installs.
cron=$(awk '/^```cron$/{on=1;next} /^```$/{on=0} on' "$doc" | grep -v '^#' | sed -e ':a' -e '/\\$/N; s/\\\n//; ta')
[ -n "$cron" ] || fail "no cron line in $doc"
cmd=$(sed -E 's/^([^ ]+ +){5}//; s/\\%/%/g' <<<"$cron")
sh -n -c "$cmd" || fail "the cron command is not valid sh: $cmd"
grep -q "/usr/bin/boardpack " <<<"$cmd" || fail "the cron line does not run /usr/bin/boardpack"
if grep -n "/usr/local/bin/boardpack" "$doc"; then fail "$doc runs /usr/local/bin/boardpack, which the .deb does not install"; fi
echo "units verified: $(tr '\n' ' ' <<<"$units"); cron command parses"
