#!/usr/bin/env bash
# --format markdown through the binary: the reference digest comes back
# byte for byte, every fixture under testdata/ parses back to the same
# records (all fields but the source location, and the labelled facts and
# truncation mark of other layouts, which the canonical grammar cannot
# write), and markdown is a fixed
# point (formatting the output again changes nothing).
# Usage: markdown_roundtrip.sh PAPERS (run from the repository root).
set -uo pipefail
papers=$1
export LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$papers" list --data testdata/2024-02-07.md --format markdown > "$tmp/ref.md"
cmp testdata/2024-02-07.md "$tmp/ref.md" || fail "reference digest not reproduced"

count=0
while IFS= read -r -d '' f; do
  "$papers" list --data "$f" --format markdown 2>/dev/null > "$tmp/once.md"
  "$papers" list --data "$f" --format jsonl 2>/dev/null \
    | jq -c 'del(.source) | .fields = [] | .authors_truncated = false' | sort > "$tmp/want"
  "$papers" list --data "$tmp/once.md" --format jsonl 2>/dev/null \
    | jq -c 'del(.source)' | sort > "$tmp/got"
  diff -u "$tmp/want" "$tmp/got" > "$tmp/diff" || fail "$f: records differ
$(cat "$tmp/diff")"
  "$papers" list --data "$tmp/once.md" --format markdown 2>/dev/null > "$tmp/twice.md"
  cmp -s "$tmp/once.md" "$tmp/twice.md" || fail "$f: markdown is not a fixed point"
  count=$((count + 1))
done < <(find testdata -type f \( -name '*.md' -o -name '*.markdown' \) -print0 | sort -z)
[ "$count" -ge 5 ] || fail "only $count fixtures found"
echo "ok: $count fixtures"
