#!/usr/bin/env bash
# Usage errors in one voice: one line `papers: error: ...` naming the
# option before the value, the nearest command or option for a typo, the
# hint to quote a value with spaces or to put '--' before a term that
# starts with '-'; `papers help CMD`; global options before the command.
# Each case checks the exit status, stdout and stderr.
# Usage: usage_errors.sh PAPERS (run from the repository root).
set -uo pipefail
papers=$1
export LC_ALL=C
unset PAPERS_DATA
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=1; }
data=testdata/2024-02-07.md

# usage WANT_STDERR ARGS...: exit 2, nothing on stdout, exactly that line.
usage() {
  local want=$1
  shift
  "$papers" "$@" < /dev/null > "$tmp/out" 2> "$tmp/err"
  local status=$?
  [ "$status" -eq 2 ] || fail "papers $*: status $status, not 2"
  [ -s "$tmp/out" ] && fail "papers $*: stdout: $(head -c 200 "$tmp/out")"
  printf 'papers: error: %s\n' "$want" | diff -u - "$tmp/err" > "$tmp/diff" \
    || fail "papers $*: stderr: $(cat "$tmp/diff")"
}

usage "unknown option '--limt'; did you mean '--limit'?" top --limt 5 --data "$data"
usage "unknown option '--limt'; did you mean '--limit'?" top --limt=5 --data "$data"
usage "'tpo' is not a command; did you mean 'top'?" tpo -n 5
usage "'frobnicate' is not a command; 'papers --help' lists them" frobnicate
usage "--limit: 'five' is not a number" top -n five --data "$data"
usage "--format: 'tabel' is not one of table, json, jsonl, csv, tsv, markdown, bibtex, csl-json, ids; did you mean 'table'?" list --format tabel --data "$data"
usage "--width: '1e9' is not a number from 0 to 100000" list --width 1e9 --data "$data"
usage "--date needs a value (D)" top --date
usage "unexpected argument 'V.' (quote a name with spaces: --author \"Quoc V. Le\")" top --author Quoc V. Le --data "$data"
usage "unexpected argument 'extra' ('papers top' takes no arguments; see 'papers top --help')" top extra --data "$data"
usage "unknown option '-based' (an argument that starts with '-' goes after '--': papers search -- -based)" search -based --data "$data"
usage "'papers show' needs an ID, or '-' to read ids from standard input (see 'papers show --help')" show --data "$data"
usage "no command given; 'papers --help' lists them"
usage "unknown option '--limt' before the command; a command's own options go after it" --limt 3 top
usage "'tpo' is not a command or help topic; did you mean 'top'?" help tpo
usage "--date: the value is empty" top --date "" --data "$data"

# '--' before a term that starts with '-' works.
"$papers" search --data "$data" --any -- -based mamba > "$tmp/out" 2> "$tmp/err"
[ $? -le 1 ] || fail "search -- -based: $(cat "$tmp/err")"

# papers help CMD is papers CMD --help; help formats lists the fields.
"$papers" help top > "$tmp/help" 2> "$tmp/err" || fail "help top: status"
"$papers" top --help > "$tmp/want" 2> /dev/null
cmp -s "$tmp/help" "$tmp/want" || fail "help top differs from top --help"
[ -s "$tmp/err" ] && fail "help top: stderr"
"$papers" help > "$tmp/help" || fail "help: status"
grep -q "^Subcommands:" "$tmp/help" || fail "help: not the main help"
"$papers" help formats > "$tmp/help" || fail "help formats: status"
grep -q "jsonl" "$tmp/help" && grep -q "thumbnail" "$tmp/help" || fail "help formats: formats or fields missing"

# Global options before the command.
"$papers" list --data "$data" -f csv --width 50 --color never > "$tmp/want" 2> /dev/null
"$papers" -d "$data" -f csv --width 50 --color never list > "$tmp/out" 2> "$tmp/err" || fail "global options: status"
cmp -s "$tmp/want" "$tmp/out" || fail "global options before the command: other output"
[ -s "$tmp/err" ] && fail "global options: stderr"
"$papers" --format=json list --data "$data" -f csv > "$tmp/out" 2> /dev/null
head -c 3 "$tmp/out" | grep -q "id," || fail "the command's -f csv did not win over --format=json before it"
"$papers" -q top --data "$data" > "$tmp/out" 2> "$tmp/err"
[ $? -eq 0 ] && [ ! -s "$tmp/out" ] || fail "-q before the command"

exit $fails
