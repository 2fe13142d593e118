#!/usr/bin/env bash
# papers export --sqlite, queried with the sqlite3 CLI: column types,
# counts against papers list, the man page's three example queries, the
# full-text index (and that it follows changes to papers), meta, the
# filters, --force and the refusal to replace a file, and no temporary
# file left behind. sqlite3 is in .ci/packages-test; without it this fails.
# Usage: sqlite_export.sh PAPERS (run from the repository root).
set -euo pipefail
papers=$1
export LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null || fail "sqlite3 is not installed (see .ci/packages-test)"
q() { sqlite3 -batch "$tmp/p.db" "$1"; }
expect() {  # expect WHAT GOT WANT
  [ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}

data=(--data testdata/2024-02-07.md --data testdata/archive)
umask 0022
SOURCE_DATE_EPOCH=1700000000 "$papers" export --sqlite "$tmp/p.db" "${data[@]}" 2> "$tmp/err" ||
  fail "export failed: $(cat "$tmp/err")"
n=$("$papers" list "${data[@]}" -f jsonl 2>/dev/null | wc -l)
grep -q "^papers: $n papers written to " "$tmp/err" || fail "no count on stderr: $(cat "$tmp/err")"

# Types: votes INTEGER (or NULL), ids and dates TEXT, line INTEGER.
expect "papers" "$(q 'SELECT count(*) FROM papers')" "$n"
expect "votes types" "$(q "SELECT group_concat(DISTINCT typeof(votes)) FROM (SELECT votes FROM papers ORDER BY typeof(votes))")" "integer,null"
expect "id type" "$(q "SELECT group_concat(DISTINCT typeof(id)) FROM papers WHERE id IS NOT NULL")" "text"
expect "date type" "$(q "SELECT group_concat(DISTINCT typeof(date)) FROM papers WHERE date IS NOT NULL")" "text"
expect "line type" "$(q "SELECT group_concat(DISTINCT typeof(line)) FROM papers")" "integer"
# Numeric order, not text order: 97 before 291 would be text.
expect "votes order" "$(q 'SELECT votes FROM papers WHERE votes IS NOT NULL ORDER BY votes DESC LIMIT 1')" \
  "$("$papers" list "${data[@]}" -f jsonl 2>/dev/null | jq -s 'map(.votes // empty) | max')"
# An id like 2402.10770 stays text with its trailing zero.
expect "ids kept" "$(q "SELECT count(*) FROM papers WHERE id LIKE '%0' AND typeof(id) = 'text'")" \
  "$("$papers" list "${data[@]}" -f jsonl 2>/dev/null | jq -r '.id // empty' | grep -c '0$' || true)"

# The schema as papers(1) documents it: the columns and their declared
# types, FTS5 over the papers table (external content: no second copy of
# the text), the indexes.
expect "papers columns" "$(q "SELECT group_concat(name || ' ' || type, ', ') FROM pragma_table_info('papers')")" \
  "rowid INTEGER, id TEXT, date TEXT, title TEXT, url TEXT, votes INTEGER, thumbnail TEXT, video TEXT, summary TEXT, summary_md TEXT, file TEXT, line INTEGER"
expect "paper_authors columns" "$(q "SELECT group_concat(name || ' ' || type, ', ') FROM pragma_table_info('paper_authors')")" \
  "paper INTEGER, position INTEGER, name TEXT, name_key TEXT"
expect "bullets columns" "$(q "SELECT group_concat(name || ' ' || type, ', ') FROM pragma_table_info('bullets')")" \
  "paper INTEGER, position INTEGER, label TEXT, text TEXT"
expect "meta keys" "$(q "SELECT group_concat(key, ',') FROM (SELECT key FROM meta ORDER BY key)")" \
  "created,inputs,papers_version,schema_version"
fts_sql=$(q "SELECT replace(sql, char(10), ' ') FROM sqlite_master WHERE name = 'papers_fts'")
grep -q "fts5( *title, summary, content='papers', content_rowid='rowid')" <<<"$fts_sql" ||
  fail "papers_fts is not an FTS5 table over papers: $fts_sql"
expect "indexes" "$(q "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name)")" \
  "paper_authors_name_key,papers_date,papers_id"
expect "foreign keys" "$(q "PRAGMA foreign_key_check")" ""
expect "integrity" "$(q "PRAGMA integrity_check")" "ok"
# The file is made as any new file is (0666 less the umask), not 0600.
expect "mode" "$(stat -c %a "$tmp/p.db")" "$(umask 0022; touch "$tmp/mode"; stat -c %a "$tmp/mode")"

# Authors and bullets: one row each, in order, with the folded key.
expect "authors" "$(q 'SELECT count(*) FROM paper_authors')" \
  "$("$papers" list "${data[@]}" -f jsonl 2>/dev/null | jq -s 'map(.authors | length) | add')"
expect "bullets" "$(q 'SELECT count(*) FROM bullets')" \
  "$("$papers" list "${data[@]}" -f jsonl 2>/dev/null | jq -s 'map(.summary | length) | add')"
expect "first author" "$(q "SELECT name || '|' || name_key FROM paper_authors JOIN papers ON papers.rowid = paper WHERE id = '2402.03620' AND position = 1")" \
  "Heng-Tze Cheng|heng-tze cheng"
expect "labels" "$(q "SELECT count(label) FROM bullets")" \
  "$("$papers" list "${data[@]}" -f jsonl 2>/dev/null | jq -s '[.[].summary[] | select(.label != null)] | length')"
expect "summary is plain" "$(q "SELECT count(*) FROM papers WHERE summary LIKE '%**%'")" "0"
# summary_md is the bullets as -f markdown writes them: a markdown list.
expect "summary_md" "$(q "SELECT summary_md FROM papers WHERE id = '2402.03620'")" \
  "$("$papers" show 2402.03620 "${data[@]}" -f markdown 2>/dev/null | sed -n '/^- /,$p')"

# meta
expect "schema version" "$(q "SELECT value FROM meta WHERE key = 'schema_version'")" "1"
expect "created" "$(q "SELECT value FROM meta WHERE key = 'created'")" "2023-11-14T22:13:20Z"
expect "inputs" "$(q "SELECT value FROM meta WHERE key = 'inputs'" | head -1)" "testdata/2024-02-07.md"

# The man page's three example queries (EXPORT), run as written.
man_queries=$(sed -n '/^\.SS "The SQLite database"/,/^\.SS /p' man/papers.1 | sed -n 's/^sqlite3 papers.db "\(.*\)"$/\1/p' | sed 's/\\-/-/g; s/\\(aq/'"'"'/g')
[ "$(printf '%s\n' "$man_queries" | grep -c .)" = 3 ] || fail "not three example queries in the man page: $man_queries"
top=$(printf '%s\n' "$man_queries" | sed -n 1p)
author=$(printf '%s\n' "$man_queries" | sed -n 2p)
fts=$(printf '%s\n' "$man_queries" | sed -n 3p)
expect "top of a day" "$(q "$top" | head -1)" "2402.03620|23|Self-Discover: Large Language Models Self-Compose Reasoning Structures"
expect "an author's papers" "$(q "$author" | cut -d'|' -f2 | paste -sd,)" \
  "$("$papers" author "Quoc V. Le" "${data[@]}" --sort date -f jsonl 2>/dev/null | jq -r .id | paste -sd,)"
expect "full-text search" "$(q "$fts" | cut -d'|' -f1)" "2402.04248"

# FTS5 follows the content table: a changed title is found by its new word.
q "UPDATE papers SET title = 'zyzzyva' WHERE id = '2402.03620'"
expect "fts after update" "$(q "SELECT p.id FROM papers_fts f JOIN papers p ON p.rowid = f.rowid WHERE papers_fts MATCH 'zyzzyva'")" "2402.03620"
expect "fts integrity" "$(q "INSERT INTO papers_fts(papers_fts) VALUES ('integrity-check'); SELECT 'ok'")" "ok"

# Filters apply; an existing file is refused (exit 2, untouched); --force
# replaces it; no temporary file is left.
before=$(md5sum < "$tmp/p.db")
set +e
"$papers" export --sqlite "$tmp/p.db" "${data[@]}" 2> "$tmp/err"; status=$?
set -e
expect "existing file status" "$status" 2
grep -q 'file exists (use --force to replace it)' "$tmp/err" || fail "no message: $(cat "$tmp/err")"
expect "existing file untouched" "$(md5sum < "$tmp/p.db")" "$before"
"$papers" export --sqlite "$tmp/p.db" "${data[@]}" --date 2024-02-07 --min-votes 10 --force 2>/dev/null
expect "filtered" "$(q 'SELECT count(*) FROM papers')" \
  "$("$papers" list "${data[@]}" --date 2024-02-07 --min-votes 10 -f jsonl 2>/dev/null | wc -l)"
"$papers" export --sqlite "$tmp/week.db" "${data[@]}" --since 2024-W06 --until 2024-W06 2>/dev/null
expect "--since a week" "$(sqlite3 "$tmp/week.db" 'SELECT count(*) FROM papers')" \
  "$("$papers" list "${data[@]}" --since 2024-W06 --until 2024-W06 -f jsonl 2>/dev/null | wc -l)"
expect "--since a week: dates" "$(sqlite3 "$tmp/week.db" "SELECT count(*) FROM papers WHERE date < '2024-02-05' OR date > '2024-02-11'")" 0
# A umask of 077 gives a private file.
(umask 0077 && "$papers" export --sqlite "$tmp/private.db" "${data[@]}" 2>/dev/null)
expect "mode under umask 077" "$(stat -c %a "$tmp/private.db")" 600
set +e
"$papers" export --sqlite "$tmp/none.db" "${data[@]}" --since 2031-01-01 2>/dev/null; status=$?
set -e
expect "no match status" "$status" 1
expect "no match: an empty database" "$(sqlite3 "$tmp/none.db" 'SELECT count(*) FROM papers')" 0
set +e
"$papers" export --sqlite "$tmp/no/such/dir/p.db" "${data[@]}" 2> "$tmp/err"; status=$?
set -e
expect "unwritable status" "$status" 2
grep -q 'no/such/dir/p.db' "$tmp/err" || fail "error does not name the file: $(cat "$tmp/err")"
leftover=$(find "$tmp" -name '*.tmp-*')
[ -z "$leftover" ] || fail "temporary files left: $leftover"
echo "sqlite_export: OK"
