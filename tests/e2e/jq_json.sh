#!/usr/bin/env bash
# --format json and jsonl parse with jq, hold the expected ids (always
# strings), and work in the kind of jq pipeline the README shows.
# Usage: jq_json.sh PAPERS (run from the repository root).
set -euo pipefail
papers=$1
export LC_ALL=C
TMPDIR_E2E=$(mktemp -d)
trap 'rm -rf "$TMPDIR_E2E"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v jq >/dev/null || fail "jq is not installed (see .ci/packages)"

ref=testdata/2024-02-07.md
fixtures=(testdata/2024-02-07.md testdata/format/korean.md testdata/format/quotes.md
          testdata/format/control.md testdata/format/invalid_utf8.md)

# Every fixture: valid JSON and valid JSON Lines with the same records.
for f in "${fixtures[@]}"; do
  "$papers" list --data "$f" --format json 2>/dev/null > "$TMPDIR_E2E/a.json" \
    || fail "$f: json exit status"
  jq -e 'type == "array"' "$TMPDIR_E2E/a.json" >/dev/null || fail "$f: json does not parse"
  "$papers" list --data "$f" --format jsonl 2>/dev/null > "$TMPDIR_E2E/a.jsonl"
  jq -e . "$TMPDIR_E2E/a.jsonl" >/dev/null || fail "$f: jsonl does not parse"
  [ "$(jq -c '.[]' "$TMPDIR_E2E/a.json")" = "$(jq -c . "$TMPDIR_E2E/a.jsonl")" ] \
    || fail "$f: json and jsonl records differ"
  jq -e 'all(.[]; (.id | type) == "string" or .id == null)' "$TMPDIR_E2E/a.json" >/dev/null \
    || fail "$f: an id is not a string"
  # Strict UTF-8 and strict JSON (no NaN, no raw control characters).
  python3 - "$TMPDIR_E2E/a.json" <<'PY' || fail "$f: not strict UTF-8 JSON"
import json, sys
raw = open(sys.argv[1], 'rb').read().decode('utf-8', errors='strict')
json.loads(raw, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
PY
done

# jq finds the expected ids.
ids=$("$papers" list --data "$ref" --format json | jq -r '.[].id' | tr '\n' ' ')
[ "$ids" = "2402.03620 2402.04248 2402.04229 2402.04252 2402.04177 2402.03749 2402.03570 2402.04141 2402.03766 2402.03944 2402.03908 2402.04236 " ] \
  || fail "ids from json: $ids"

# The README pipeline: papers with at least 10 votes, as "votes id".
top=$("$papers" list --data "$ref" --format jsonl \
      | jq -r 'select(.votes >= 10) | "\(.votes) \(.id)"')
[ "$top" = $'23 2402.03620\n14 2402.04248\n10 2402.04229' ] || fail "jq pipeline: $top"

# Unknown votes are null, old-style ids stay strings.
old=$("$papers" list --data testdata/format/quotes.md -f jsonl \
      | jq -c 'select(.id == "hep-th/9901001") | [.id, .votes]')
[ "$old" = '["hep-th/9901001",null]' ] || fail "null votes: $old"

# --fields: objects with just those keys, in that order.
keys=$("$papers" list --data "$ref" -f jsonl --fields votes,id,rank | head -n 1 | jq -c 'keys_unsorted')
[ "$keys" = '["votes","id","rank"]' ] || fail "--fields keys: $keys"

# Control characters come back intact through the escapes.
title=$("$papers" list --data testdata/format/control.md -f json | jq -r '.[0].title')
[ "$title" = "$(printf 'Evil \033]52;c;SGVsbG8=\007Clipboard and \033[2J Clear Screen')" ] \
  || fail "control title: $(printf '%s' "$title" | od -c)"
echo "ok"
