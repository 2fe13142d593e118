#!/usr/bin/env bash
# The stdin rule (read standard input only when it is a pipe, or a regular
# file with data after its offset; else the current directory) and a
# stderr that cannot be written (closed, full, a pipe whose reader went
# away): exit status and stdout stay what they would have been. Each case
# checks the exit status, stdout and stderr.
# Usage: stdin_stderr.sh PAPERS (run from the repository root).
set -uo pipefail
papers=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(pwd)
command -v python3 > /dev/null || { echo "python3 is needed"; exit 77; }
export LC_ALL=C
unset PAPERS_DATA
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=1; }

# A digest folder (the archive fixtures) and, elsewhere, one other digest.
mkdir "$tmp/digests"
cp -R testdata/archive/. "$tmp/digests/"
other=$root/testdata/2024-02-07.md
"$papers" list --data "$other" -f csv --fields id 2> /dev/null | tail -n +2 > "$tmp/other.ids"
"$papers" list --data "$tmp/digests" -f csv --fields id 2> /dev/null | tail -n +2 > "$tmp/folder.ids"
[ -s "$tmp/folder.ids" ] && [ -s "$tmp/other.ids" ] || { echo "no fixtures"; exit 1; }

# expect NAME WANT_STATUS WANT_IDS_FILE: the last run ($tmp/out, $tmp/err,
# $status) printed exactly the ids of WANT_IDS_FILE and nothing on stderr.
expect() {
  [ "$status" -eq "$2" ] || fail "$1: status $status, not $2 ($(head -c 300 "$tmp/err"))"
  tail -n +2 "$tmp/out" | diff -u "$3" - > /dev/null || fail "$1: not the expected papers: $(head -c 300 "$tmp/out")"
  [ -s "$tmp/err" ] && fail "$1: stderr: $(head -c 300 "$tmp/err")"
}
cd "$tmp/digests" || exit 2
list=("$papers" list -f csv --fields id)

# --- The stdin rule --------------------------------------------------------
"${list[@]}" < /dev/null > "$tmp/out" 2> "$tmp/err"; status=$?
expect "</dev/null reads the current directory" 0 "$tmp/folder.ids"

"${list[@]}" <&- > "$tmp/out" 2> "$tmp/err"; status=$?
expect "a closed stdin reads the current directory" 0 "$tmp/folder.ids"

python3 - "$tmp/out" "$tmp/err" "${list[@]}" <<'PY'; status=$?
import socket, subprocess, sys
a, b = socket.socketpair()
with open(sys.argv[1], "wb") as out, open(sys.argv[2], "wb") as err:
    sys.exit(subprocess.run(sys.argv[3:], stdin=a, stdout=out, stderr=err).returncode)
PY
expect "a socket on stdin reads the current directory" 0 "$tmp/folder.ids"

: > "$tmp/empty.md"
"${list[@]}" < "$tmp/empty.md" > "$tmp/out" 2> "$tmp/err"; status=$?
expect "an empty file on stdin reads the current directory" 0 "$tmp/folder.ids"

"${list[@]}" < "$other" > "$tmp/out" 2> "$tmp/err"; status=$?
expect "a file on stdin is read" 0 "$tmp/other.ids"

cat "$other" | "${list[@]}" > "$tmp/out" 2> "$tmp/err"; status=$?
expect "a pipe is read" 0 "$tmp/other.ids"

# A regular file read from its current offset: skip the first digest of
# two concatenated ones, and a file at its end means the directory.
cat "$root/testdata/archive/2024-01-15.md" > "$tmp/two.md"
offset=$(wc -c < "$tmp/two.md")
cat "$other" >> "$tmp/two.md"
python3 - "$tmp/two.md" "$offset" "$tmp/out" "$tmp/err" "${list[@]}" <<'PY'; status=$?
import os, subprocess, sys
path, offset, out, err = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
with open(path, "rb") as f, open(out, "wb") as o, open(err, "wb") as e:
    f.seek(offset)
    code = subprocess.run(sys.argv[5:], stdin=f, stdout=o, stderr=e).returncode
    # The input was read to its end, as cat would leave it.
    if os.lseek(f.fileno(), 0, os.SEEK_CUR) != os.path.getsize(path):
        print("offset not at the end after reading", file=sys.stderr)
        sys.exit(3)
    sys.exit(code)
PY
expect "a file on stdin is read from its offset" 0 "$tmp/other.ids"

python3 - "$tmp/two.md" "$tmp/out" "$tmp/err" "${list[@]}" <<'PY'; status=$?
import os, subprocess, sys
with open(sys.argv[1], "rb") as f, open(sys.argv[2], "wb") as o, open(sys.argv[3], "wb") as e:
    f.seek(0, os.SEEK_END)
    sys.exit(subprocess.run(sys.argv[4:], stdin=f, stdout=o, stderr=e).returncode)
PY
expect "a file on stdin at its end means the directory" 0 "$tmp/folder.ids"

# xargs runs its command with stdin on /dev/null: show reads the folder.
id=$(head -n 1 "$tmp/folder.ids")
echo "$id" | xargs "$papers" show -f csv --fields id > "$tmp/out" 2> "$tmp/err"; status=$?
[ "$status" -eq 0 ] || fail "xargs papers show: status $status ($(cat "$tmp/err"))"
grep -qx "$id" "$tmp/out" || fail "xargs papers show: $id not shown"

# $PAPERS_DATA and --data still win over a piped stdin.
# papers need not read the pipe, and may exit before cat has written it
# all: cat's SIGPIPE is no failure, so only papers' status counts.
cat "$other" | PAPERS_DATA=$tmp/digests "${list[@]}" > "$tmp/out" 2> "$tmp/err"
status=${PIPESTATUS[1]}
expect "PAPERS_DATA over a pipe" 0 "$tmp/folder.ids"

# An empty pipe: nothing to answer from, and it says so.
printf '' | "$papers" top > "$tmp/out" 2> "$tmp/err"; status=$?
[ "$status" -eq 1 ] || fail "empty pipe: status $status"
[ -s "$tmp/out" ] && fail "empty pipe: stdout"
grep -q "^papers: <stdin>: no papers found" "$tmp/err" || fail "empty pipe: stderr: $(cat "$tmp/err")"
printf 'just some notes\n' | "$papers" top > "$tmp/out" 2> "$tmp/err"; status=$?
[ "$status" -eq 1 ] || fail "pipe without papers: status $status"
[ "$(wc -l < "$tmp/err")" -eq 1 ] || fail "pipe without papers: not one stderr line: $(cat "$tmp/err")"
grep -q "^papers: <stdin>: no papers found" "$tmp/err" || fail "pipe without papers: stderr: $(cat "$tmp/err")"
cd "$root" || exit 2

# --- A stderr that cannot be written ---------------------------------------
bad=testdata/parser/warn_bad_vote.md
"$papers" list --data "$bad" -f csv > "$tmp/want.out" 2> /dev/null
[ -s "$tmp/want.out" ] || fail "no reference output"
# Each command:status runs with stderr closed, full, and a pipe whose
# reader has gone (SIGPIPE ignored): same status, and stdout is the
# reference output when it succeeds, empty for usage errors.
for args in "list --data $bad -f csv:0" "list --data $bad -f csv -W:0" \
            "list --data $bad -f csv --strict:2" "list --data $bad -f csv --data $tmp/missing:2" \
            "author Nobody --data $bad:1" "list --limt 5:2" "nosuchcommand:2"; do
  want=${args##*:}
  read -r -a argv <<< "${args%:*}"
  for redirect in closed full pipe; do
    case $redirect in
      closed) "$papers" "${argv[@]}" > "$tmp/out" 2>&- ;;
      full)   "$papers" "${argv[@]}" > "$tmp/out" 2> /dev/full ;;
      pipe)   python3 - "$tmp/out" "$papers" "${argv[@]}" <<'PY' ;;
import os, signal, subprocess, sys
signal.signal(signal.SIGPIPE, signal.SIG_IGN)
r, w = os.pipe()
os.close(r)  # the reader has gone: every write gets EPIPE
with open(sys.argv[1], "wb") as out:
    code = subprocess.run(sys.argv[2:], stdout=out, stderr=w,
                          restore_signals=False).returncode
sys.exit(code if code >= 0 else 128 - code)
PY
    esac
    status=$?
    [ "$status" -eq "$want" ] || fail "papers ${args%:*} with stderr $redirect: status $status, not $want"
    if [ "$want" -eq 0 ]; then
      cmp -s "$tmp/want.out" "$tmp/out" || fail "papers ${args%:*} with stderr $redirect: stdout differs"
    elif [ "${argv[0]}" != list ] || [ "${argv[*]}" = "list --limt 5" ]; then
      [ -s "$tmp/out" ] && fail "papers ${args%:*} with stderr $redirect: stdout: $(head -c 200 "$tmp/out")"
    fi
  done
done

# A failed stdout is still exit 2 with one message, whatever stderr is.
if [ -w /dev/full ]; then
  "$papers" list --data "$bad" > /dev/full 2> "$tmp/err"; status=$?
  [ "$status" -eq 2 ] || fail "stdout full: status $status"
  grep -c "^papers: error writing output: No space left on device$" "$tmp/err" | grep -qx 1 \
    || fail "stdout full: not one message: $(cat "$tmp/err")"
  "$papers" list --data "$bad" > /dev/full 2> /dev/full; status=$?
  [ "$status" -eq 2 ] || fail "stdout and stderr full: status $status"
  "$papers" list --data "$bad" > /dev/full 2>&-; status=$?
  [ "$status" -eq 2 ] || fail "stdout full, stderr closed: status $status"
fi
"$papers" list --data "$bad" >&- 2> "$tmp/err"; status=$?
[ "$status" -eq 2 ] || fail "stdout closed: status $status"
grep -q "^papers: error writing output: Bad file descriptor$" "$tmp/err" || fail "stdout closed: $(cat "$tmp/err")"

exit $fails
