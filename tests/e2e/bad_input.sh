#!/usr/bin/env bash
# End-to-end robustness: runs `papers list --format json` on inputs too big
# or too random to commit, generated here into a temporary directory, and
# checks that each run ends in time with the expected exit status, that
# stdout is valid JSON (jq), and that any warning names the file.
#   usage: bad_input.sh PAPERS_BINARY
# The inputs: a 5 MB digest on a single line, a digest with a 5 MB bullet,
# random bytes with and without NUL bytes, inputs that a quadratic scan
# would take minutes on (lone CRs, '&' runs in a title, a huge author
# line), an empty file and a missing path.
set -u
papers=$1
limit=${PAPERS_E2E_TIMEOUT:-60}  # seconds per run: generous, a hang fails

for tool in jq python3 timeout; do
  if ! command -v "$tool" >/dev/null; then
    echo "bad_input.sh: $tool is required; skipped" >&2
    exit 77  # CTest's SKIP_RETURN_CODE
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# run NAME STATUS_PATTERN PATH [JQ_CHECK]: one `papers list` run; the
# exit status must match the case pattern STATUS_PATTERN (e.g. 0 or [01]).
run() {
  local name=$1 want=$2 path=$3 check=${4:-}
  local out=$tmp/$name.stdout err=$tmp/$name.stderr status
  timeout "$limit" "$papers" list -W --format json --data "$path" >"$out" 2>"$err"
  status=$?
  if [ "$status" = 124 ]; then
    fail "$name: no result within ${limit}s"
    return
  fi
  # shellcheck disable=SC2254
  case $status in
    $want) ;;
    *) fail "$name: exit status $status, expected $want" ;;
  esac
  jq -e 'type == "array"' "$out" >/dev/null 2>&1 \
    || fail "$name: stdout is not a JSON array"
  if [ -n "$check" ] && ! jq -e "$check" "$out" >/dev/null 2>&1; then
    fail "$name: stdout fails the check: $check"
  fi
  # Every line on stderr names the input (a warning or an error about it).
  if grep -v -F -- "$path" "$err" | grep -q .; then
    fail "$name: stderr has lines that do not name $path:"
    grep -v -F -- "$path" "$err" | head -5 >&2
  fi
  echo "ok: $name (exit $status, $(wc -l <"$err") stderr lines)"
}

# expect_warning NAME TEXT: the last run's stderr holds TEXT.
expect_warning() {
  grep -q -F -- "$2" "$tmp/$1.stderr" || fail "$1: stderr lacks '$2'"
}

no_warnings() {
  [ -s "$tmp/$1.stderr" ] && fail "$1: unexpected stderr: $(head -c 300 "$tmp/$1.stderr")"
}

gen() {  # gen FILE PYTHON_EXPRESSION_FOR_BYTES
  python3 -c "import sys, random; random.seed(7); sys.stdout.buffer.write($2)" >"$1" \
    || { echo "bad_input.sh: cannot generate $1" >&2; exit 1; }
}

digest_head='b"## Daily Papers (2024-02-07)\n\n### [Big](https://arxiv.org/abs/2402.00001)\n\nVote: 1\n\n"'

# A whole digest repeated on one 5 MB line: one heading line that is not a
# date heading but links one paper (60000 times), so in the layout of
# headed entries it is one entry, read in one pass; nothing dates it.
gen "$tmp/one_line.md" \
  '(("## Daily Papers (2024-02-07) ### [T](https://arxiv.org/abs/2402.00001) Vote: 1 - 요약 " * 60000).encode())'
run one_line 0 "$tmp/one_line.md" 'length == 1 and .[0].id == "2402.00001"'
expect_warning one_line "warning[no-date]: no digest date"

# A 5 MB bullet without a final newline.
gen "$tmp/long_bullet.md" "$digest_head"' + b"- " + "가나다라 ".encode() * 400000'
run long_bullet 0 "$tmp/long_bullet.md" \
  'length == 1 and (.[0].summary[0].text | length) == 2000000 - 1'
no_warnings long_bullet

# Random bytes: with NUL bytes, or without them (more than a third of
# the start is not text), the file is binary: an error naming it, exit 2,
# and no warning about the text it does not have.
gen "$tmp/random.md" 'bytes(random.getrandbits(8) for _ in range(1 << 20))'
run random 2 "$tmp/random.md" 'length == 0'
expect_warning random "binary data (NUL byte); file skipped"
grep -q 'warning\[' "$tmp/random.stderr" && fail "random: a warning beside the error"

gen "$tmp/random_text.md" \
  'bytes(b for b in (random.getrandbits(8) for _ in range(1 << 20)) if b)'
run random_text 2 "$tmp/random_text.md" 'length == 0'
expect_warning random_text "random_text.md: binary data ("
expect_warning random_text "are not UTF-8 text); file skipped"

# Text with a few random bytes in it: every line is repaired UTF-8 and
# whatever parses is valid JSON.
gen "$tmp/noisy_text.md" \
  'bytes(random.getrandbits(8) if random.random() < 0.03 else random.choice(b"abc #-[]()*:\n") for _ in range(1 << 20)).replace(b"\0", b"x")'
run noisy_text '[01]' "$tmp/noisy_text.md"
expect_warning noisy_text "invalid UTF-8, replaced with U+FFFD"

# Random digest-like lines: headings, fields, bullets and fences in any order.
gen "$tmp/shuffled.md" '"".join(random.choice([
  "## Daily Papers (2024-02-07)\n", "## Daily Papers (2024-02-31)\n",
  "### [T [x]](https://arxiv.org/abs/2402.00001)\n", "### no link\n",
  "![](/a.png)\n", "[Watch Video](u)\n", "[Watch Video]u\n", "Vote: 3\n",
  "Vote: x\n", "Authors: [\x27a\x27, \"b\\\"\n", "- **L**: t\n", "- t\n",
  "  nested\n", "\n", "```\n", "~~~\n", "stray\n", "# Title\n", "\r", "\r\n",
  "\xef\xbb\xbf", "&amp;", "\\", "\t\b\f"]) for _ in range(200000)).encode()'
run shuffled '[01]' "$tmp/shuffled.md"

# Inputs that cost O(n^2) with a naive scan.
gen "$tmp/lone_cr.md" 'b"a\r" * 2500000'
run lone_cr 1 "$tmp/lone_cr.md" 'length == 0'
expect_warning lone_cr "warning[no-papers]: no papers found: "

gen "$tmp/ampersands.md" \
  'b"## Daily Papers (2024-02-07)\n### [" + b"&" * 4000000 + b"](https://arxiv.org/abs/2402.00001)\n"'
run ampersands 0 "$tmp/ampersands.md" '(.[0].title | length) == 4000000'
no_warnings ampersands

gen "$tmp/authors.md" "$digest_head"' + b"Authors: " + ", ".join("Author %d" % i for i in range(300000)).encode() + b"\n"'
run authors 0 "$tmp/authors.md" '(.[0].authors | length) == 300000'
no_warnings authors

# An empty file, and a missing path.
: >"$tmp/empty.md"
run empty 1 "$tmp/empty.md" 'length == 0'
expect_warning empty "$tmp/empty.md: warning[empty-file]: empty file"

run missing 2 "$tmp/missing.md" 'length == 0'
expect_warning missing "papers: $tmp/missing.md: No such file or directory"

if [ "$failures" != 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "all bad-input checks passed"
