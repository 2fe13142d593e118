#!/usr/bin/env bash
# Output failures: `papers list | head -1` on a large input exits quietly
# (killed by SIGPIPE, or, with SIGPIPE ignored, by EPIPE with status 0 and
# no message), and writing to a full device prints exactly one error line
# and exits 2.
# Usage: output_errors.sh PAPERS (run from the repository root).
set -uo pipefail
papers=$1
export LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# A digest of 5,000 papers: megabytes of output in every format.
python3 - "$tmp/big.md" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("## Daily Papers (2024-02-07)\n\n")
    for i in range(5000):
        out.write(f"### [논문 {i}: A paper about scaling]"
                  f"(https://arxiv.org/abs/2402.{i:05d})\n\n"
                  f"Vote: {i % 97}\n\nAuthors: Kim Minjun, Lee Seoyeon\n\n"
                  f"- **What's New**: 한국어 요약 문장 {i}입니다.\n\n")
PY

for format in table json jsonl csv tsv markdown; do
  # SIGPIPE at its default: the writer dies quietly once head has gone.
  "$papers" list --data "$tmp/big.md" --format "$format" 2> "$tmp/err" | head -n 1 > "$tmp/out"
  [ -s "$tmp/err" ] && fail "$format | head: stderr: $(cat "$tmp/err")"
  [ "$(wc -l < "$tmp/out")" -eq 1 ] || fail "$format | head: not one line"

  # SIGPIPE ignored (as under some process supervisors): EPIPE, no message,
  # status 0.
  (
    trap '' PIPE
    "$papers" list --data "$tmp/big.md" --format "$format" 2> "$tmp/err" | head -n 1 > /dev/null
    exit "${PIPESTATUS[0]}"
  )
  status=$?
  [ -s "$tmp/err" ] && fail "$format | head with SIGPIPE ignored: stderr: $(cat "$tmp/err")"
  [ "$status" -eq 0 ] || fail "$format | head with SIGPIPE ignored: status $status"
done

# The first line of jsonl is a whole record.
"$papers" list --data "$tmp/big.md" --format jsonl | head -n 1 > "$tmp/first"
python3 -c 'import json, sys; assert json.loads(open(sys.argv[1]).read())["id"] == "2402.00000"' \
  "$tmp/first" || fail "jsonl | head: first record"

if [ -w /dev/full ]; then
  for input in testdata/2024-02-07.md "$tmp/big.md"; do
    for format in table jsonl csv; do
      "$papers" list --data "$input" --format "$format" > /dev/full 2> "$tmp/err"
      status=$?
      [ "$status" -eq 2 ] || fail "/dev/full ($format, $input): status $status"
      printf 'papers: error writing output: No space left on device\n' > "$tmp/want"
      diff -u "$tmp/want" "$tmp/err" || fail "/dev/full ($format, $input): stderr"
    done
  done
  # --help and --version print results too: a failed write is an error.
  for flag in --help --version; do
    "$papers" $flag > /dev/full 2> "$tmp/err"
    status=$?
    [ "$status" -eq 2 ] || fail "/dev/full ($flag): status $status"
    diff -u "$tmp/want" "$tmp/err" || fail "/dev/full ($flag): stderr"
  done
else
  echo "skipped /dev/full checks: no writable /dev/full"
fi
echo "ok"
