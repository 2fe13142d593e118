#!/usr/bin/env bash
# --help that fits: option descriptions wrapped to COLUMNS (else the
# terminal's width, else 80), never inside a word; value names without
# CLI11's noise (`--author NAME`, `--per PERIOD N`, no `...`, `x 2`,
# `=default`, `:{choices}`, `Excludes:`); each command's Output section
# points to `papers help formats`, which describes every format.
# Usage: help.sh PAPERS (run from the repository root). Needs python3
# (display widths of the Korean examples); exits 77 without it.
set -uo pipefail
papers=$1
command -v python3 > /dev/null || exit 77
export LC_ALL=C
unset COLUMNS
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=1; }

commands=$("$papers" --help | awk '/^Subcommands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on=0}')
[ "$(printf '%s\n' "$commands" | wc -l)" -ge 15 ] || fail "too few commands in --help: $commands"

# check_width WIDTH FILE WHAT: no line of the option part (up to the first
# line of the footer: prose that is no group header) wider than WIDTH, but
# for one that holds a single word.
check_width() {
  python3 - "$@" << 'EOF' || fails=1
import sys, unicodedata
width, path, what = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def cols(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(path, encoding="utf-8").read().split("\n")
seen_usage = False
noise = [" x 2", " ...", "Excludes:", ":{", "=", "REQUIRED", " TEXT"]
for i, line in enumerate(lines):
    if line.startswith("Usage:"):
        seen_usage = True
        continue
    if not seen_usage:
        continue
    following = lines[i + 1] if i + 1 < len(lines) else ""
    header = line.endswith(":") and following.startswith("  ")
    if line and not line.startswith(" ") and not header:
        break  # the footer: laid out by hand for 80 columns
    # An option's name and value names: CLI11's annotations never show.
    if line.startswith("  ") and not line.startswith("   "):
        name = line[2:].split("  ")[0]
        for bad in noise:
            if bad in name:
                print(f"FAIL: {what}: option name with {bad!r}: {line!r}")
                sys.exit(1)
    # A word too long for any line may stick out, alone on its line.
    if cols(line) > width and len(line.split()) > 1:
        print(f"FAIL: {what}: line wider than {width}: {line!r}")
        sys.exit(1)
EOF
}

# words FILE: the words of the help, one a line (a word broken across two
# lines would show up as two others).
words() { tr -s ' \n' '\n\n' < "$1" | grep -v '^$'; }

for command in "" $commands; do
  name=${command:-papers}
  # Not a terminal, no COLUMNS: 80.
  "$papers" $command --help > "$tmp/80" 2> "$tmp/err" < /dev/null
  status=$?
  [ "$status" -eq 0 ] || fail "$name --help: status $status"
  [ -s "$tmp/err" ] && fail "$name --help: stderr: $(cat "$tmp/err")"
  check_width 80 "$tmp/80" "$name --help"
  for width in 50 120; do
    COLUMNS=$width "$papers" $command --help > "$tmp/w" 2>&1
    check_width "$width" "$tmp/w" "COLUMNS=$width $name --help"
    # The same words in the same order, only the line breaks move.
    words "$tmp/80" > "$tmp/words80"
    words "$tmp/w" > "$tmp/wordsw"
    cmp -s "$tmp/words80" "$tmp/wordsw" \
      || fail "COLUMNS=$width $name --help: words differ from width 80: $(diff "$tmp/words80" "$tmp/wordsw" | head -5)"
  done
done

# Wider lines at a wider COLUMNS: the width is really read.
COLUMNS=200 "$papers" top --help > "$tmp/200"
"$papers" top --help > "$tmp/80"
[ "$(wc -l < "$tmp/200")" -lt "$(wc -l < "$tmp/80")" ] \
  || fail "COLUMNS=200 does not make top --help shorter"
awk 'length > 80' "$tmp/200" | grep -q -- '--author NAME' \
  || fail "COLUMNS=200: --author's description is not on one long line"
# Garbage or huge COLUMNS: 80, or no limit, never an error.
for columns in abc -5 0 99999999999999999999 ''; do
  COLUMNS=$columns "$papers" top --help > "$tmp/out" 2> "$tmp/err"
  status=$?
  [ "$status" -eq 0 ] && [ ! -s "$tmp/err" ] && [ -s "$tmp/out" ] \
    || fail "COLUMNS='$columns' top --help: status $status, stderr $(cat "$tmp/err")"
done
COLUMNS=abc "$papers" top --help | cmp -s - "$tmp/80" \
  || fail "COLUMNS=abc is not the same as no COLUMNS (80)"

# Value names that read well.
"$papers" top --help > "$tmp/top"
for want in '  --author NAME ' '  --id ID ' '  --per PERIOD N ' '  --keyword TERM ' \
            '  -d,--data PATH ' '  --allow CODE ' '  -n,--limit N '; do
  grep -qF -- "$want" "$tmp/top" || fail "top --help has no '$want'"
done
"$papers" search --help > "$tmp/search"
grep -q '^Usage: papers search \[OPTIONS\] TERM\.\.\.$' "$tmp/search" \
  || fail "search --help usage: $(grep Usage "$tmp/search")"
grep -q '^  TERM\.\.\. ' "$tmp/search" || fail "search --help: no 'TERM...' line"

# The Output section points to papers help formats instead of describing
# every format; papers help formats describes each, with the fields.
for command in top author search list show; do
  "$papers" $command --help | tr -s ' \n' '  ' > "$tmp/h"
  grep -q "'papers help formats' describes each" "$tmp/h" \
    || fail "$command --help: --format does not point to papers help formats"
  grep -q 'papers list -f csv --fields' "$tmp/h" \
    && fail "$command --help still shows every format's example"
done
"$papers" help formats > "$tmp/formats"
for format in table json jsonl csv tsv markdown bibtex csl-json ids; do
  grep -q "^  $format  " "$tmp/formats" || fail "papers help formats: no $format"
  tr -s ' \n' '  ' < "$tmp/top" | grep -o 'Output format, one of {[^}]*}' \
    | grep -qw -- "$format" \
    || fail "top --help: --format does not list $format"
done
for field in id title votes authors summary score snippet; do
  grep -qw "$field" <(sed -n '/in order:/,/^$/p' "$tmp/formats") \
    || fail "papers help formats: field $field not listed"
done
"$papers" authors --help | tr -s ' \n' '  ' \
  | grep -q 'one of {table, json, jsonl, csv, tsv}' \
  || fail "authors --help: --format does not list its five formats"

exit $fails
