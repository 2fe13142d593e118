#!/usr/bin/env bash
# Output for scripts through real pipes: -f ids into `xargs papers show`
# (xargs gives the command /dev/null as stdin: the data must come from the
# directory), -f ids -0 into xargs -0, `show -` and `show` with ids piped
# in (the data then never comes from stdin), and --count.
# Usage: scripting.sh PAPERS (run from the repository root).
set -u
papers=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
fail() { echo "FAIL: $*"; fail=1; }
export LC_ALL=C
unset PAPERS_DATA
mkdir "$tmp/digests"
cp "$root/testdata/2024-02-07.md" "$tmp/digests/"
cd "$tmp/digests" || exit 2

# check NAME WANT_STATUS WANT_STDOUT: the status and stdout of the last run.
check() {
  [ "$status" -eq "$2" ] || fail "$1: status $status, not $2 ($(head -c 300 "$tmp/err"))"
  [ "$(cat "$tmp/out")" = "$3" ] || fail "$1: stdout $(head -c 300 "$tmp/out"), not $3"
}
two=$'2402.03620\n2402.04248'

"$papers" top -n 2 -f ids < /dev/null | xargs "$papers" show -f ids > "$tmp/out" 2> "$tmp/err"
status=$?; check "ids | xargs show" 0 "$two"
[ -s "$tmp/err" ] && fail "ids | xargs show: stderr $(cat "$tmp/err")"

"$papers" top -n 2 -f ids -0 < /dev/null > "$tmp/null"
printf '2402.03620\0002402.04248\000' > "$tmp/want"
cmp -s "$tmp/want" "$tmp/null" || fail "-0: not NUL-terminated: $(od -c "$tmp/null")"
xargs -0 "$papers" show -f ids < "$tmp/null" > "$tmp/out" 2> "$tmp/err"
status=$?; check "ids -0 | xargs -0 show" 0 "$two"

"$papers" top -n 2 -f ids < /dev/null | "$papers" show - -f ids > "$tmp/out" 2> "$tmp/err"
status=$?; check "ids | show -" 0 "$two"
"$papers" top -n 2 -f ids -0 < /dev/null | "$papers" show -f ids > "$tmp/out" 2> "$tmp/err"
status=$?; check "ids -0 | show (no ID)" 0 "$two"
printf '# picked by hand\n2402.03620 # the best\n\n  arXiv:2402.04248v2\t\n' \
  | "$papers" show - -f ids > "$tmp/out" 2> "$tmp/err"
status=$?; check "show - with comments" 0 "$two"

# An unknown id is named on stderr; exit 1 only when none was found.
printf '2402.99999\n' | "$papers" show - > "$tmp/out" 2> "$tmp/err"
status=$?; check "show - unknown" 1 ""
grep -qx "papers: 2402.99999: no such paper" "$tmp/err" || fail "show - unknown: stderr $(cat "$tmp/err")"
printf '2402.99999 2402.03620\n' | "$papers" show - -f ids > "$tmp/out" 2> "$tmp/err"
status=$?; check "show - one unknown" 0 "2402.03620"

# No ID and nothing piped in (xargs with no input runs `papers show`).
"$papers" show < /dev/null > "$tmp/out" 2> "$tmp/err"
status=$?; check "show </dev/null" 2 ""
grep -q "needs an ID, or '-'" "$tmp/err" || fail "show </dev/null: stderr $(cat "$tmp/err")"
: | "$papers" show - > "$tmp/out" 2> "$tmp/err"
status=$?; check "show - empty" 1 ""
echo 2402.03620 | "$papers" show - --data - > "$tmp/out" 2> "$tmp/err"
status=$?; check "show - --data -" 2 ""

# --count through a pipe, and its exit status at 0.
"$papers" search mamba --count < /dev/null > "$tmp/out" 2> "$tmp/err"
status=$?; check "search --count" 0 "1"
"$papers" list --min-votes 1000 --count < /dev/null > "$tmp/out" 2> "$tmp/err"
status=$?; check "list --count (none)" 1 "0"
exit $fail
