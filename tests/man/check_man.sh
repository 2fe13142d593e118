#!/usr/bin/env bash
# Checks that man/papers.1 documents what `papers --help` offers: every
# command has its own subsection and every option of every command's help
# appears in the page; `--help` exits 0 with the help on stdout only; and
# the page passes groff's (all warnings but missing glyphs: the label
# synonyms are CJK and Hangul, which the default device has no font for) and (when installed) mandoc's linters.
set -u
papers=$1
page=$2
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

help() {  # help [COMMAND]: the help text, checking how it was printed
  if ! "$papers" "$@" --help > "$tmp/out" 2> "$tmp/err"; then
    echo "papers $* --help: exit status is not 0"; fail=1
  fi
  if [ -s "$tmp/err" ]; then
    echo "papers $* --help: wrote to stderr"; fail=1
  fi
  if [ ! -s "$tmp/out" ]; then
    echo "papers $* --help: nothing on stdout"; fail=1
  fi
  cat "$tmp/out"
}

commands=$(help | awk '/^Subcommands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on=0}')
[ -n "$commands" ] || { echo "no subcommands in papers --help"; exit 1; }
for command in $commands; do
  if ! grep -q "^\.SS \"papers $command" "$page"; then
    echo "man page: no subsection for 'papers $command'"; fail=1
  fi
  # Options as they start a help line: "  -n,--limit N" or "  --sort KEY".
  for option in $(help "$command" | sed -n 's/^  \(-[^ ]*\).*/\1/p' | tr ',' '\n'); do
    roff=$(printf '%s' "$option" | sed 's/-/\\-/g')
    if ! grep -qF -- "$roff" "$page"; then
      echo "man page: 'papers $command' option $option is not documented"; fail=1
    fi
  done
done
for section in NAME SYNOPSIS DESCRIPTION COMMANDS FILTERS '"DATA SOURCES"' \
               '"OUTPUT FORMATS"' '"EXIT STATUS"' ENVIRONMENT EXAMPLES; do
  grep -q "^\.SH $section\$" "$page" || { echo "man page: no .SH $section"; fail=1; }
done
grep -q 'PAPERS_DATA' "$page" || { echo "man page: PAPERS_DATA missing"; fail=1; }
# Every rule code of `papers check --list-codes` has its entry in DIAGNOSTICS.
codes=$("$papers" check --list-codes | awk '{print $1}')
[ -n "$codes" ] || { echo "papers check --list-codes printed no codes"; fail=1; }
diagnostics=$(sed -n '/^\.SH DIAGNOSTICS$/,/^\.SH /p' "$page")
for code in $codes; do
  roff=$(printf '%s' "$code" | sed 's/-/\\-/g')
  if ! printf '%s\n' "$diagnostics" | grep -qxF -- ".B $roff"; then
    echo "man page: warning code $code is not listed in DIAGNOSTICS"; fail=1
  fi
done

if ! groff -man -ww -Wchar -z "$page" > "$tmp/lint" 2>&1 || [ -s "$tmp/lint" ]; then
  echo "groff -man -ww -z:"; cat "$tmp/lint"; fail=1
fi
if command -v mandoc > /dev/null; then
  if ! mandoc -T lint "$page" > "$tmp/lint" 2>&1; then
    echo "mandoc -T lint:"; cat "$tmp/lint"; fail=1
  fi
fi
exit $fail
