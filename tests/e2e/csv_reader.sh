#!/usr/bin/env bash
# CSV output parses back, with Python's csv module, to the values of the
# JSON record (lists joined as documented, unknown values empty), and TSV
# unescapes to the same cells.
# Usage: csv_reader.sh PAPERS (run from the repository root).
set -euo pipefail
papers=$1
export LC_ALL=C
TMPDIR_E2E=$(mktemp -d)
trap 'rm -rf "$TMPDIR_E2E"' EXIT
for f in testdata/2024-02-07.md testdata/format/korean.md testdata/format/quotes.md \
         testdata/format/control.md testdata/format/invalid_utf8.md; do
  "$papers" list --data "$f" -f jsonl 2>/dev/null > "$TMPDIR_E2E/r.jsonl"
  "$papers" list --data "$f" -f csv 2>/dev/null > "$TMPDIR_E2E/r.csv"
  "$papers" list --data "$f" -f tsv 2>/dev/null > "$TMPDIR_E2E/r.tsv"
  python3 - "$TMPDIR_E2E" "$f" <<'PY'
import csv, json, re, sys
d, name = sys.argv[1], sys.argv[2]
records = [json.loads(l) for l in open(f"{d}/r.jsonl", encoding="utf-8")]
with open(f"{d}/r.csv", newline="", encoding="utf-8") as fh:
    rows = list(csv.DictReader(fh, strict=True))
def unescape(cell):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[m.group(1)], cell)
with open(f"{d}/r.tsv", newline="", encoding="utf-8") as fh:
    lines = fh.read().split("\n")
assert lines[-1] == "", "TSV must end with a newline"
tsv = [[unescape(c) for c in l.split("\t")] for l in lines[:-1]]
header = tsv[0]
assert header == ["id", "date", "title", "url", "votes", "authors", "thumbnail",
                  "video", "summary", "file", "line"], header
assert list(rows[0].keys()) == header if rows else True
assert len(rows) == len(records) == len(tsv) - 1, (len(rows), len(records), len(tsv))
def text(v):
    return "" if v is None else str(v)
for rec, row, cells in zip(records, rows, tsv[1:]):
    expected = {
        "id": text(rec["id"]), "date": text(rec["date"]), "title": rec["title"],
        "url": text(rec["url"]), "votes": text(rec["votes"]),
        "authors": "; ".join(rec["authors"]), "thumbnail": text(rec["thumbnail"]),
        "video": text(rec["video"]), "file": rec["source"]["file"],
        "line": str(rec["source"]["line"]),
    }
    for key, value in expected.items():
        assert row[key] == value, (name, key, row[key], value)
    # Summary: one "Label: text" line per bullet (plain text, so only the
    # labels and the line count are checked against the record).
    summary = row["summary"]
    labelled = [s for s in rec["summary"] if s["label"]]
    for item in labelled:
        assert item["label"] + ": " in summary, (name, item["label"])
    assert dict(zip(header, cells)) == row, (name, "tsv differs from csv")
print(f"ok {name}: {len(rows)} rows")
PY
done
