#!/usr/bin/env bash
# Runs one end-to-end golden case: the built `papers` binary with the
# arguments in CASE.args (one argument per line), from the repository root,
# with LC_ALL=C and a clean environment (but for the sanitizer options), and
# compares stdout, stderr and the exit status with CASE.stdout, CASE.stderr
# and CASE.status (missing files mean empty output and status 0). Optional:
# CASE.stdin is fed as standard input (else /dev/null); CASE.env holds
# VAR=value lines; an empty CASE.ignore-stderr skips the stderr check (for
# inputs others extend).
# Set PAPERS_UPDATE_GOLDEN=1 to rewrite the expected files, then review.
set -u
papers=$1
case_file=$2
base=${case_file%.args}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2

args=()
while IFS= read -r line || [ -n "$line" ]; do
  args+=("$line")
done < "$case_file"

envs=(LC_ALL=C PATH="$PATH" HOME="${HOME:-/tmp}")
# The sanitizer settings of the asan test preset (leak detection on, abort
# on the first error) survive the clean environment.
for var in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  [ -n "${!var:-}" ] && envs+=("$var=${!var}")
done
if [ -f "$base.env" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    [ -n "$line" ] && envs+=("$line")
  done < "$base.env"
fi
stdin=/dev/null
[ -f "$base.stdin" ] && stdin=$base.stdin

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
env -i "${envs[@]}" "$papers" "${args[@]}" < "$stdin" > "$tmp/stdout" 2> "$tmp/stderr"
echo $? > "$tmp/status"

if [ "${PAPERS_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$tmp/stdout" "$base.stdout"
  if [ -f "$base.ignore-stderr" ]; then :
  elif [ -s "$tmp/stderr" ]; then cp "$tmp/stderr" "$base.stderr"; else rm -f "$base.stderr"; fi
  if [ "$(cat "$tmp/status")" != 0 ]; then cp "$tmp/status" "$base.status"; else rm -f "$base.status"; fi
  exit 0
fi

fail=0
expect() {  # expect NAME EXPECTED_FILE DEFAULT
  local want=$tmp/want.$1
  if [ -f "$2" ]; then cp "$2" "$want"; else printf '%s' "$3" > "$want"; fi
  if ! diff -u --label "expected $1" --label "actual $1" "$want" "$tmp/$1"; then
    fail=1
  fi
}
expect stdout "$base.stdout" ""
[ -f "$base.ignore-stderr" ] || expect stderr "$base.stderr" ""
expect status "$base.status" "0
"
exit $fail
