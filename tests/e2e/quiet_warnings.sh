#!/usr/bin/env bash
# Warnings in queries are one summary line; -W and --strict print them all;
# --allow CODE leaves one kind out; -q prints nothing but errors and, for
# listing commands, answers by exit status alone; `papers check` prints the
# problems with their rule codes and a summary line (-v: a line per file).
# Each case checks the exit status, stdout and stderr.
# Usage: quiet_warnings.sh PAPERS (run from the repository root).
set -uo pipefail
papers=$1
export LC_ALL=C
unset PAPERS_DATA
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=1; }

# run NAME WANT_STATUS ARGS...: runs papers with stdin from /dev/null and
# keeps stdout and stderr in $tmp/NAME.out and $tmp/NAME.err.
run() {
  local name=$1 want=$2
  shift 2
  "$papers" "$@" < /dev/null > "$tmp/$name.out" 2> "$tmp/$name.err"
  local status=$?
  [ "$status" -eq "$want" ] || fail "$name: status $status, not $want ($(head -c 300 "$tmp/$name.err"))"
}
lines() { wc -l < "$1" | tr -d ' '; }

bad=testdata/parser/warn_bad_vote.md  # three invalid-votes warnings
clean=testdata/2024-02-07.md
printf '## Daily Papers (2024-02-07)\n\n### [A video](https://arxiv.org/abs/2402.00001)\n\n[Watch Video]https://example.org/v.mp4\n\nVote: 3\n' > "$tmp/video.md"

# The fixtures, less the binary one: a binary input is an error (exit 2),
# and this script is about warnings.
cp -r testdata "$tmp/testdata"
rm "$tmp/testdata/parser/warn_nul_byte.md"
data=$tmp/testdata

# --- Queries: one summary line, every warning with -W or --strict --------
run top 0 top --data "$data"
[ "$(lines "$tmp/top.err")" -le 1 ] || fail "top --data "$data": $(lines "$tmp/top.err") stderr lines"
grep -qE "^papers: [0-9]+ warnings in [0-9]+ files \(run 'papers check' to see them\)$" "$tmp/top.err" \
  || fail "top --data "$data": no summary line: $(cat "$tmp/top.err")"
[ "$(lines "$tmp/top.out")" -eq 11 ] || fail "top --data "$data": not a header and 10 rows"

run one 0 list --data "$bad" --format jsonl
echo "papers: 3 warnings in 1 file (run 'papers check' to see them)" > "$tmp/want"
diff -u "$tmp/want" "$tmp/one.err" || fail "list: summary line"
[ -s "$tmp/one.out" ] || fail "list: no stdout"

run singular 0 list --data "$tmp/video.md"
echo "papers: 1 warning in 1 file (run 'papers check' to see them)" > "$tmp/want"
diff -u "$tmp/want" "$tmp/singular.err" || fail "list: singular summary"

run all 0 list --data "$bad" --data "$clean" -W --format csv
grep -c "warning\[invalid-votes\]" "$tmp/all.err" | grep -qx 3 || fail "-W: not three warnings: $(cat "$tmp/all.err")"
[ "$(lines "$tmp/all.err")" -eq 3 ] || fail "-W: extra stderr lines"
cmp -s "$tmp/all.out" <("$papers" list --data "$bad" --data "$clean" --format csv 2> /dev/null) \
  || fail "-W changes stdout"

run strict 2 stats --data "$bad" --strict
[ "$(grep -c "warning\[invalid-votes\]" "$tmp/strict.err")" -eq 3 ] || fail "--strict: warnings not all printed"
tail -n 1 "$tmp/strict.err" | grep -qx "papers: 3 warnings about the input (--strict)" || fail "--strict: last line"
[ -s "$tmp/strict.out" ] || fail "--strict: results not printed"

# An insight command summarises too.
run insight 0 dates --data "$bad"
[ "$(lines "$tmp/insight.err")" -eq 1 ] || fail "authors: not one stderr line"

# --- --allow ---------------------------------------------------------------
run allow 0 list --data "$bad" --data "$tmp/video.md" --allow invalid-votes
echo "papers: 1 warning in 1 file (run 'papers check' to see them)" > "$tmp/want"
diff -u "$tmp/want" "$tmp/allow.err" || fail "--allow: summary"
run allow_both 0 list --data "$bad" --data "$tmp/video.md" --allow invalid-votes,broken-video-link --strict
[ -s "$tmp/allow_both.err" ] && fail "--allow a,b --strict: stderr: $(cat "$tmp/allow_both.err")"
run allow_typo 2 list --data "$bad" --allow invalid-vote
grep -q "'invalid-vote' is not a warning code; did you mean 'invalid-votes'?" "$tmp/allow_typo.err" \
  || fail "--allow typo: $(cat "$tmp/allow_typo.err")"
[ -s "$tmp/allow_typo.out" ] && fail "--allow typo: stdout"

# --- -q --------------------------------------------------------------------
run quiet 0 search routing --data "$data" -q
[ -s "$tmp/quiet.out" ] && fail "-q match: stdout"
[ -s "$tmp/quiet.err" ] && fail "-q match: stderr: $(cat "$tmp/quiet.err")"
run quiet_none 1 author "Nobody At All" --data "$data" --quiet
[ -s "$tmp/quiet_none.out" ] && fail "-q no match: stdout"
[ -s "$tmp/quiet_none.err" ] && fail "-q no match: stderr (did you mean?): $(cat "$tmp/quiet_none.err")"
run quiet_show 0 show 2402.03620 --data "$clean" -q
[ -s "$tmp/quiet_show.out" ] && fail "show -q: stdout"
run quiet_err 0 top --data "$clean" --data "$tmp/missing" -q
run quiet_err_none 2 top --data "$clean" --data "$tmp/missing" -q --min-votes 999999999
[ -s "$tmp/quiet_err_none.out" ] && fail "-q, no match, an error: stdout"
echo "papers: $tmp/missing: No such file or directory" > "$tmp/want"
diff -u "$tmp/want" "$tmp/quiet_err.err" || fail "-q: errors are still printed"
run quiet_stats 0 stats --data "$bad" -q
[ -s "$tmp/quiet_stats.err" ] && fail "stats -q: stderr"
[ -s "$tmp/quiet_stats.out" ] || fail "stats -q: an insight command still prints its answer"

# --- papers check ------------------------------------------------------------
run check 1 check "$bad" "$clean" "$tmp/video.md"
cat > "$tmp/want" <<EOF
$tmp/video.md:5: warning[broken-video-link]: broken video link (no parentheses around the URL)
$bad:5: warning[invalid-votes]: invalid vote count '99999999999999999999'; votes unknown
$bad:11: warning[invalid-votes]: invalid vote count '-5'; votes unknown
$bad:17: warning[invalid-votes]: invalid vote count 'many'; votes unknown
3 files, 4 warnings in 2 files
EOF
diff -u "$tmp/want" "$tmp/check.out" || fail "check: stdout"
[ -s "$tmp/check.err" ] && fail "check: stderr"

run check_v 1 check -v "$bad" "$clean"
grep -qx "$clean: ok (layout: canonical, 12 papers)" "$tmp/check_v.out" || fail "check -v: no ok line"
grep -qx "$bad: 3 warnings (layout: canonical, 4 papers)" "$tmp/check_v.out" || fail "check -v: no count line"
tail -n 1 "$tmp/check_v.out" | grep -qx "2 files, 3 warnings in 1 file" || fail "check -v: summary"

run check_clean 0 check "$clean"
echo "1 file, no warnings" > "$tmp/want"
diff -u "$tmp/want" "$tmp/check_clean.out" || fail "check clean"

run check_allow 0 check "$bad" --allow invalid-votes
echo "1 file, no warnings" > "$tmp/want"
diff -u "$tmp/want" "$tmp/check_allow.out" || fail "check --allow"

run check_json 2 check "$tmp/video.md" "$tmp/missing" -f jsonl
python3 - "$tmp/check_json.out" <<'PY' || fail "check jsonl: codes"
import json, sys
records = [json.loads(line) for line in open(sys.argv[1])]
assert [r["code"] for r in records] == ["broken-video-link", None, None], records
assert [r["severity"] for r in records] == ["warning", "error", "info"], records
assert records[2]["layout"] == "canonical" and records[2]["papers"] == 1, records
PY

run check_q 1 check "$bad" -q
[ -s "$tmp/check_q.out" ] && fail "check -q: stdout"
[ -s "$tmp/check_q.err" ] && fail "check -q: stderr"

# `papers check "$data"` lists every warning that the query summarised.
run check_all 1 check "$data"
total=$(grep -cE ': warning\[[a-z0-9-]+\]: ' "$tmp/check_all.out")
run summary 2 list --data "$data" --strict --format csv
[ "$(grep -cE ': warning\[[a-z0-9-]+\]: ' "$tmp/summary.err")" -eq "$total" ] \
  || fail "check "$data" lists $total warnings, --strict another number"
"$papers" list --data "$data" 2>&1 > /dev/null < /dev/null | grep -q "^papers: $total warnings in " \
  || fail "the summary line does not count the $total warnings of check"

# Every code of the table is documented and listed once.
run codes 0 check --list-codes
[ "$(lines "$tmp/codes.out")" -ge 13 ] || fail "--list-codes: too few codes"
[ "$(awk '{print $1}' "$tmp/codes.out" | sort -u | wc -l)" -eq "$(lines "$tmp/codes.out")" ] \
  || fail "--list-codes: repeated codes"

exit $fails
