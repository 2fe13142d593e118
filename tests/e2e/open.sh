#!/usr/bin/env bash
# papers open: the opener from $BROWSER (a fake that records its argument
# vector) or xdg-open, run without a shell; --pdf, --hf, --print; no opener
# means the URLs are printed with a one-line note; a failing opener and a
# bad id are exit 2.
# Usage: open.sh PAPERS (run from the repository root).
set -euo pipefail
papers=$1
export LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() { [ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"; }

# A fake browser: each run appends its arguments, one a line, then "--".
mkdir "$tmp/bin"
cat > "$tmp/bin/fakebrowser" <<SH
#!/bin/sh
for a in "\$@"; do printf '%s\n' "\$a" >> "$tmp/calls"; done
echo -- >> "$tmp/calls"
SH
chmod +x "$tmp/bin/fakebrowser"
printf '#!/bin/sh\nexit 3\n' > "$tmp/bin/badbrowser"
chmod +x "$tmp/bin/badbrowser"
# xdg-open stand-in, for the run without $BROWSER.
cp "$tmp/bin/fakebrowser" "$tmp/bin/xdg-open"
run() { env -i PATH="$tmp/bin:/usr/bin:/bin" "$@"; }

# $BROWSER: one run per id, the URL as the last argument, nothing on stdout.
out=$(run BROWSER=fakebrowser "$papers" open 2402.03620 https://arxiv.org/pdf/2402.04248v2.pdf)
expect "stdout" "$out" ""
expect "abstract pages" "$(cat "$tmp/calls")" "https://arxiv.org/abs/2402.03620
--
https://arxiv.org/abs/2402.04248
--"
rm "$tmp/calls"
run BROWSER="fakebrowser --new-tab %s" "$papers" open --pdf arXiv:2402.03620
expect "%s and --pdf" "$(cat "$tmp/calls")" "--new-tab
https://arxiv.org/pdf/2402.03620
--"
rm "$tmp/calls"
# The first program of the list that exists.
run BROWSER="no-such-browser:fakebrowser" "$papers" open --hf 2402.03620
expect "list and --hf" "$(cat "$tmp/calls")" "https://huggingface.co/papers/2402.03620
--"
rm "$tmp/calls"
# No $BROWSER: xdg-open.
run "$papers" open 2402.03620
expect "xdg-open" "$(cat "$tmp/calls")" "https://arxiv.org/abs/2402.03620
--"
rm "$tmp/calls"

# No shell: metacharacters in $BROWSER are not interpreted.
run BROWSER="fakebrowser;touch $tmp/pwned" "$papers" open 2402.03620 > "$tmp/out" 2> "$tmp/err" || true
[ ! -e "$tmp/pwned" ] || fail "\$BROWSER went through a shell"
rm -f "$tmp/calls"
run BROWSER='fakebrowser $(touch '"$tmp"'/pwned2)' "$papers" open 2402.03620 2>/dev/null
[ ! -e "$tmp/pwned2" ] || fail "\$BROWSER went through a shell"
expect "words passed as they are" "$(head -1 "$tmp/calls")" '$(touch'

# --print: the URLs on stdout, no opener run.
rm -f "$tmp/calls"
out=$(run BROWSER=fakebrowser "$papers" open --print --hf 2402.03620 2402.04248)
expect "--print" "$out" "https://huggingface.co/papers/2402.03620
https://huggingface.co/papers/2402.04248"
[ ! -e "$tmp/calls" ] || fail "--print ran the opener"

# No opener at all: the URLs, with a one-line note on stderr, exit 0.
rm "$tmp/bin/xdg-open"
out=$(env -i PATH="$tmp/bin" "$papers" open 2402.03620 2> "$tmp/err")
expect "no opener: stdout" "$out" "https://arxiv.org/abs/2402.03620"
expect "no opener: one note" "$(wc -l < "$tmp/err")" 1
grep -q 'no browser to open with' "$tmp/err" || fail "no note: $(cat "$tmp/err")"

# A failing opener and a bad id: exit 2 with a message.
set +e
run BROWSER=badbrowser "$papers" open 2402.03620 2> "$tmp/err"; status=$?
set -e
expect "failing opener" "$status" 2
grep -q 'badbrowser failed (exit status 3)' "$tmp/err" || fail "message: $(cat "$tmp/err")"
set +e
run BROWSER=fakebrowser "$papers" open not-an-id 2> "$tmp/err"; status=$?
set -e
expect "bad id" "$status" 2
echo "open: OK"
