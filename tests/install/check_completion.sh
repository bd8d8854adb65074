#!/usr/bin/env bash
# The bash completion against the binary: sources it in a plain bash (no bash-completion
# package needed) and calls _boardpack with COMP_WORDS/COMP_CWORD as bash would. Commands,
# every option of every command's --help, --format values per command, --progress values and
# --template names (from the shipped starters).
#   check_completion.sh BOARDPACK COMPLETION SOURCE_DIR
set -euo pipefail
bp=$1
completion=$2
export BOARDPACK_DATA_DIR=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
# complete WORD...: the completions of the last word.
complete_words() {
  bash -c 'source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _boardpack; printf "%s\n" "${COMPREPLY[@]}" | sort' \
    "$completion" "$@"
}
commands=$("$bp" --help | awk '/^commands:/{on=1;next} /^$/{on=0} on && /^  [a-z]/{print $1}' | sort)
got=$(complete_words boardpack "" | grep -v '^-' | grep -vx help)
[ "$got" = "$commands" ] || fail "commands: completion gives '$got', --help has '$commands'"
[ "$(complete_words boardpack va)" = "validate" ] || fail "'va' does not complete to validate"
for c in $commands; do
  want=$("$bp" "$c" --help | grep -oE '^  (-[a-z] \[ )?--[a-z][a-z-]*|^  -[a-z] ' | grep -oE -- '--?[a-z][a-z-]*' | sort -u)
  got=$(complete_words boardpack "$c" x.yaml - | grep -vx -- '--help' | grep -vx -- '-h' | sort -u)
  [ "$got" = "$want" ] || fail "options of $c: completion gives '$(tr '\n' ' ' <<<"$got")', --help has '$(tr '\n' ' ' <<<"$want")'"
done
[ "$(complete_words boardpack run x.yaml --format "" | tr '\n' ' ')" = "html pdf pdf,html " ] || fail "run --format values"
[ "$(complete_words boardpack charts x.yaml --format "" | tr '\n' ' ')" = "png svg " ] || fail "charts --format values"
[ "$(complete_words boardpack run x.yaml --progress l | tr '\n' ' ')" = "line log " ] || fail "--progress values"
templates=$(cd "$BOARDPACK_DATA_DIR/starters" && ls -d */ | tr -d / | sort)
[ "$(complete_words boardpack init dir --template "")" = "$templates" ] || fail "--template names"
# Both --format lists are what the binary accepts: each value runs past option parsing.
for f in pdf html pdf,html; do
  said=$("$bp" list /nonexistent.yaml --format "$f" 2>&1 || true)
  if grep -q "unknown --format" <<<"$said"; then fail "list --format $f: $said"; fi
done
for f in png svg; do
  said=$("$bp" charts /nonexistent.yaml --format "$f" 2>&1 || true)
  if grep -q "unknown --format" <<<"$said"; then fail "charts --format $f: $said"; fi
done
said=$("$bp" charts /nonexistent.yaml --format pdf 2>&1 || true)
grep -q "unknown --format" <<<"$said" || fail "charts --format pdf is not refused, so the check above proves nothing"
echo "completion: commands, options of $(wc -w <<<"$commands") commands and values agree with --help"
