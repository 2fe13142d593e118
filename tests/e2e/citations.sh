#!/usr/bin/env bash
# -f bibtex and -f csl-json are read back by independent parsers: pandoc
# reads the BibTeX (its own BibTeX reader) and renders citations from the
# CSL-JSON with --citeproc; bibtool parses the BibTeX without an error; the
# CSL-JSON has every item field CSL requires. The tools are in
# .ci/packages-test; without them the script fails.
# Usage: citations.sh PAPERS (run from the repository root).
set -euo pipefail
papers=$1
export LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in pandoc bibtool python3; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (see .ci/packages-test)"
done

fixture=testdata/format/citations.md
"$papers" list --data "$fixture" -f bibtex 2>/dev/null > "$tmp/refs.bib"
"$papers" list --data "$fixture" -f csl-json 2>/dev/null > "$tmp/refs.json"
"$papers" list --data testdata/2024-02-07.md -f bibtex > "$tmp/day.bib"
"$papers" list --data testdata/2024-02-07.md -f csl-json > "$tmp/day.json"

# pandoc's BibTeX reader gives back the keys, titles (LaTeX escapes undone),
# authors, years and links we wrote.
pandoc -f bibtex -t csljson "$tmp/refs.bib" > "$tmp/from_bib.json" 2> "$tmp/pandoc.err" ||
  fail "pandoc cannot read the BibTeX: $(cat "$tmp/pandoc.err")"
[ ! -s "$tmp/pandoc.err" ] || fail "pandoc warns on the BibTeX: $(cat "$tmp/pandoc.err")"
pandoc -f bibtex -t csljson "$tmp/day.bib" > "$tmp/day_from_bib.json" 2> "$tmp/pandoc.err" ||
  fail "pandoc cannot read the BibTeX of 2024-02-07.md"
python3 - "$tmp/from_bib.json" "$tmp/refs.json" "$tmp/day_from_bib.json" "$tmp/day.json" <<'PY' || exit 1
import json, sys
def load(path):
    return json.load(open(path, encoding="utf-8"))
def text(value):
    # pandoc gives titles as strings (or lists of inlines in old versions).
    return value if isinstance(value, str) else json.dumps(value)
failures = []
for bib_path, csl_path in ((sys.argv[1], sys.argv[2]), (sys.argv[3], sys.argv[4])):
    bib, csl = load(bib_path), load(csl_path)
    if [i["id"] for i in bib] != [i["id"] for i in csl]:
        failures.append(f"keys differ: {[i['id'] for i in bib]} vs {[i['id'] for i in csl]}")
        continue
    if len(set(i["id"] for i in csl)) != len(csl):
        failures.append("keys are not unique")
    for b, c in zip(bib, csl):
        key = c["id"]
        # Titles: pandoc undoes the escapes and braces, and (for CSL)
        # lowercases the words that were not braced.
        if text(b.get("title")).casefold() != c["title"].casefold() and "$" not in c["title"]:
            failures.append(f"{key}: title {b.get('title')!r} != {c['title']!r}")
        if b.get("issued", {}).get("date-parts", [[None]])[0][0] != c["issued"]["date-parts"][0][0]:
            failures.append(f"{key}: year {b.get('issued')} != {c['issued']}")
        names = [a.get("family") or a.get("literal") for a in b.get("author", [])]
        want = [a.get("family") or a.get("literal") for a in c["author"]]
        if names != want:
            failures.append(f"{key}: authors {names} != {want}")
        if b.get("URL") != c["URL"]:
            failures.append(f"{key}: URL {b.get('URL')} != {c['URL']}")
    # CSL-JSON items: the fields CSL requires, with their types.
    for item in csl:
        for field, kind in (("id", str), ("type", str), ("title", str), ("author", list), ("issued", dict)):
            if not isinstance(item.get(field), kind):
                failures.append(f"{item.get('id')}: {field} missing or not {kind.__name__}")
        if item.get("type") != "article":
            failures.append(f"{item['id']}: type {item.get('type')}")
        for part in item["issued"]["date-parts"][0]:
            if not isinstance(part, int):
                failures.append(f"{item['id']}: date part {part!r} is not a number")
# The special characters survive the round trip through pandoc's reader,
# and the braced words keep their capitals when a style lowercases titles.
special = load(sys.argv[1])[0]
for piece in ("Cost & speed", "50% faster", "attention_v2", "#Tags", "{Braces}", "^ ~ \\", "LLMs"):
    if piece not in text(special["title"]):
        failures.append(f"title lost {piece!r}: {special['title']!r}")
day = {i["id"]: text(i["title"]) for i in load(sys.argv[3])}
for key, word in (("arXiv-2402.04229", "MusicRL"), ("arXiv-2402.03620", "Self-Compose"),
                  ("arXiv-2402.04252", "EVA-CLIP-18B")):
    if word not in day.get(key, ""):
        failures.append(f"{key}: {word} not kept in {day.get(key)!r}")
if failures:
    print("FAIL: " + "\n".join(failures), file=sys.stderr)
    sys.exit(1)
PY

# bibtool parses every entry: no error, and the four entries come back.
bibtool -q -o "$tmp/out.bib" "$tmp/refs.bib" 2> "$tmp/bibtool.err" || fail "bibtool failed: $(cat "$tmp/bibtool.err")"
! grep -qi error "$tmp/bibtool.err" || fail "bibtool: $(cat "$tmp/bibtool.err")"
[ "$(grep -ci '^@misc{' "$tmp/out.bib")" = 4 ] || fail "bibtool kept $(grep -ci '^@misc' "$tmp/out.bib") entries, not 4"

# Unpaired braces would make BibTeX (and bibtool) read past the end of the
# field and lose the entries after it: bibtool keeps all three entries of
# citation_braces.md without an error, pandoc reads three with the paired
# braces kept, and the url field keeps `%` and percent-encodes braces and a
# backslash.
"$papers" list --data testdata/format/citation_braces.md -f bibtex 2>/dev/null > "$tmp/braces.bib"
bibtool -q -o "$tmp/braces_out.bib" "$tmp/braces.bib" 2> "$tmp/bibtool.err" || fail "bibtool failed: $(cat "$tmp/bibtool.err")"
[ ! -s "$tmp/bibtool.err" ] || fail "bibtool on unpaired braces: $(cat "$tmp/bibtool.err")"
[ "$(grep -ci '^@misc{' "$tmp/braces_out.bib")" = 3 ] ||
  fail "bibtool kept $(grep -ci '^@misc' "$tmp/braces_out.bib") entries of citation_braces.md, not 3"
pandoc -f bibtex -t csljson "$tmp/braces.bib" > "$tmp/braces.json" 2> "$tmp/pandoc.err" ||
  fail "pandoc cannot read the BibTeX of citation_braces.md: $(cat "$tmp/pandoc.err")"
python3 - "$tmp/braces.json" <<'PY' || exit 1
import json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [i["id"] for i in items]
want = ["arXiv-2403.01234", "wen2024link", "arXiv-2403.01235"]
if ids != want:
    sys.exit(f"FAIL: citation_braces.md keys {ids}, want {want}")
if "{Set}" not in items[0]["title"]:
    sys.exit(f"FAIL: paired braces lost: {items[0]['title']!r}")
if items[1]["URL"] != "https://example.com/a%20b/%7Bx%7D%5Cy":
    sys.exit(f"FAIL: url {items[1]['URL']!r}")
PY

# pandoc --citeproc renders a citation and a bibliography entry from the
# CSL-JSON, and finds every key.
printf 'See [@arXiv-2402.03620] and [@arXiv-2402.04229].\n' > "$tmp/doc.md"
pandoc --citeproc --bibliography "$tmp/day.json" -t plain "$tmp/doc.md" > "$tmp/doc.txt" 2> "$tmp/cite.err" ||
  fail "pandoc --citeproc failed: $(cat "$tmp/cite.err")"
[ ! -s "$tmp/cite.err" ] || fail "pandoc --citeproc warns: $(cat "$tmp/cite.err")"
grep -q 'See (Cheng et al. 2024) and (Geist et al. 2024)' "$tmp/doc.txt" || fail "no rendered citation: $(cat "$tmp/doc.txt")"
grep -q 'Self-Discover' "$tmp/doc.txt" || fail "no bibliography entry: $(cat "$tmp/doc.txt")"
# A key that is not there is reported: the check above can fail.
printf 'See [@arXiv-0000.00000].\n' > "$tmp/bad.md"
pandoc --citeproc --bibliography "$tmp/day.json" -t plain "$tmp/bad.md" > /dev/null 2> "$tmp/cite.err" || true
grep -q 'not found' "$tmp/cite.err" || fail "pandoc did not report a missing key"
echo "citations: OK"
