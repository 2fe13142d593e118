#!/usr/bin/env bash
# Hostile input, end to end: every kind of bad input papers can be handed
# (missing, unreadable or empty paths, binary files, NUL bytes, invalid
# UTF-8, a 50 MB line, truncated files, CRLF and lone CR, a BOM, absurd
# votes and dates, a heading without a link, 100,000 papers in one file,
# 10,000 files, a symlink loop, FIFOs) is run through `papers list` in
# every output format. Each run must end (a generous timeout is only a
# hang guard), exit with the expected status, keep stdout valid for its
# format (json/jsonl parse, csv/tsv rows are rectangular, tables hold no
# control character, markdown reads back), and put on stderr only
# diagnostics that name the file, and the line where there is one.
# Big inputs are generated in a temporary directory, never committed.
#   usage: hostile_input.sh PAPERS_BINARY   (from the repository root)
set -u
for tool in python3 timeout; do
  if ! command -v "$tool" >/dev/null; then
    echo "hostile_input.sh: $tool is required; skipped" >&2
    exit 77  # CTest's SKIP_RETURN_CODE
  fi
done
papers=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
exec python3 - "$papers" <<'PY'
import csv, io, json, os, re, shutil, stat, subprocess, sys, tempfile
import threading, time

papers = sys.argv[1]
LIMIT = float(os.environ.get("PAPERS_E2E_TIMEOUT", "120"))  # a hang guard
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
ENV.update({k: v for k, v in os.environ.items()
            if k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")})
FORMATS = ["json", "jsonl", "csv", "tsv", "table", "markdown"]
REFERENCE = open("testdata/2024-02-07.md", "rb").read()
failures = []
tmp = tempfile.mkdtemp(prefix="papers-hostile-")
os.chmod(tmp, 0o755)  # readable by the unprivileged user of the root case


def fail(name, what):
    failures.append(f"{name}: {what}")


def write(rel, data, mode="wb"):
    path = os.path.join(tmp, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as out:
        out.write(data)
    return path


# ---- what valid output is ------------------------------------------------

CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def records_in(fmt, out):
    """The number of records in `out`, or raises ValueError."""
    text = out.decode("utf-8")  # every format is valid UTF-8
    if fmt == "json":
        value = json.loads(text)
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            raise ValueError("not an array of objects")
        return len(value)
    if fmt == "jsonl":
        lines = text.split("\n")
        if lines[-1] != "":
            raise ValueError("last line not ended")
        for line in lines[:-1]:
            if not isinstance(json.loads(line), dict):
                raise ValueError("a line is not an object")
        return len(lines) - 1
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("rows are not all as wide as the header")
        return len(rows) - 1
    if fmt == "tsv":
        lines = text.split("\n")
        if lines[-1] != "" or any(l.count("\t") != lines[0].count("\t") for l in lines[:-1]):
            raise ValueError("rows are not all as wide as the header")
        if "\r" in text:
            raise ValueError("a raw CR")
        return len(lines) - 2
    if fmt == "table":
        if CONTROL.search(text):
            raise ValueError("a control character: %r" % CONTROL.search(text).group())
        return max(0, text.count("\n") - 1)
    if fmt == "markdown":
        back = subprocess.run([papers, "list", "--data", "-", "-f", "jsonl"],
                              input=out, capture_output=True, env=ENV, timeout=LIMIT)
        return back.stdout.count(b"\n")
    raise AssertionError(fmt)


def stderr_ok(name, err, paths):
    """Every stderr line is a diagnostic naming one of `paths` (or a file
    under one), with a line number unless it is about the whole file."""
    for line in err.decode("utf-8", "replace").splitlines():
        named = False
        for p in paths:
            if (re.match(re.escape(p) + r"(/[^:]*)?:[1-9][0-9]*: warning\[[a-z0-9-]+\]: \S", line)
                    or re.match(re.escape(p) + r"(/[^:]*)?: warning\[[a-z0-9-]+\]: (empty file|no papers found: .+)$", line)
                    or re.match(r"papers: no papers found in any of the [0-9]+ inputs \(see the warnings above\)$", line)
                    or re.match(r"papers: " + re.escape(p) + r"(/\S*)?(:[1-9][0-9]*)?: \S", line)
                    or re.match(r"papers: [0-9]+ warnings? about the input \(--strict\)$", line)):
                named = True
        if not named:
            fail(name, f"stderr line does not name its file and line: {line[:200]!r}")


def run(name, paths, status, records=None, formats=FORMATS, expect=(),
        extra=(), stdin=subprocess.DEVNULL, user=None):
    """Runs `papers list` on `paths` in each of `formats`."""
    outputs = {}
    for fmt in formats:
        cmd = [papers, "list", "-W", "--format", fmt, *extra]
        for p in paths:
            cmd += ["--data", p]
        if user:
            cmd = user + cmd
        start = time.monotonic()
        try:
            proc = subprocess.run(cmd, capture_output=True, env=ENV,
                                  timeout=LIMIT, stdin=stdin)
        except subprocess.TimeoutExpired:
            fail(name, f"--format {fmt}: no result within {LIMIT:.0f}s (a hang?)")
            continue
        took = time.monotonic() - start
        if proc.returncode != status:
            fail(name, f"--format {fmt}: exit status {proc.returncode}, expected {status}"
                       f"; stderr: {proc.stderr[:300]!r}")
        try:
            count = records_in(fmt, proc.stdout)
            if records is not None and count != records:
                fail(name, f"--format {fmt}: {count} records, expected {records}")
        except (ValueError, UnicodeDecodeError) as e:
            fail(name, f"--format {fmt}: stdout is not valid {fmt}: {e}")
        stderr_ok(name, proc.stderr, paths)
        err = proc.stderr.decode("utf-8", "replace")
        for pattern in expect:
            if not re.search(pattern, err, re.M):
                fail(name, f"--format {fmt}: stderr lacks /{pattern}/: {err[:300]!r}")
        outputs[fmt] = proc.stdout
        print(f"ok: {name} --format {fmt} (exit {proc.returncode}, {took:.2f}s)")
    return outputs


def jsonl_records(outputs):
    return [json.loads(l) for l in outputs["jsonl"].decode().splitlines()]


def without_source(records):
    return [{k: v for k, v in r.items() if k != "source"} for r in records]


# ---- paths that are not digests ------------------------------------------

missing = os.path.join(tmp, "missing.md")
run("missing path", [missing], 2, 0,
    expect=[f"^papers: {re.escape(missing)}: No such file or directory$"])

nodigests = os.path.join(tmp, "nodigests")
write("nodigests/notes.txt", b"no digest here\n")
write("nodigests/.hidden.md", REFERENCE)
run("directory without digests", [nodigests], 2, 0,
    expect=[f"^papers: {re.escape(nodigests)}: "
            r"no digest files \(\*\.md, \*\.markdown\) found$"])

# Unreadable: root reads anything, so as root the run drops to nobody.
locked = write("locked/secret.md", REFERENCE)
write("locked/open.md", REFERENCE.replace(b"2024-02-07", b"2024-02-08"))
os.chmod(locked, 0)
user = None
if os.geteuid() == 0:
    user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run(user + [papers, "--version"], capture_output=True)
    if shutil.which("setpriv") is None or probe.returncode != 0:
        print("skipped: unreadable file (running as root, and cannot drop to "
              "uid 65534 with setpriv)")
        user = None
    else:
        print("note: running as root: the unreadable-file case runs as uid 65534")
if os.geteuid() != 0 or user:
    run("unreadable file", [os.path.join(tmp, "locked")], 2, 12, user=user,
        expect=[f"^papers: {re.escape(locked)}: Permission denied$"])

# ---- bytes that are not text ---------------------------------------------

import random
random.seed(7)
binary = write("binary/blob.md", bytes(random.getrandbits(8) for _ in range(1 << 16)) + b"\0")
write("binary/good.md", REFERENCE)
# A binary file found in a directory is skipped with a warning naming it
# (as ripgrep skips the binary files of a directory); the others are used.
run("binary file in a directory", [os.path.join(tmp, "binary")], 0, 12,
    expect=[f"^{re.escape(binary)}:[0-9]+: warning\\[binary-file\\]: binary data \\(NUL byte\\); file skipped$"])
# Named on the command line, it is an error (exit 2, as grep for a file it
# cannot read); the other inputs are still printed.
run("binary file named", [binary, os.path.join(tmp, "binary/good.md")], 2, 12,
    expect=[f"^papers: {re.escape(binary)}:[0-9]+: binary data \\(NUL byte\\); file skipped$"])

run("NUL bytes in a digest", ["testdata/parser/warn_nul_byte.md"], 2, 0,
    expect=[r"^papers: testdata/parser/warn_nul_byte.md:9: binary data \(NUL byte\); file skipped$"])

out = run("invalid UTF-8 in a title and an author", ["testdata/parser/warn_invalid_utf8.md"], 0, 2,
          expect=[r"^testdata/parser/warn_invalid_utf8.md:3: warning\[[a-z0-9-]+\]: invalid UTF-8, replaced with U\+FFFD$"])
if "jsonl" in out:
    first = jsonl_records(out)[0]
    if first["title"] != "Broken \ufffd Bytes" or first["authors"] != ["Jos\ufffd Garc\ufffda"]:
        fail("invalid UTF-8", f"not replaced with U+FFFD: {first['title']!r} {first['authors']!r}")

# A 50 MB line, over the 16 MiB cap: a bullet of 50 MB without a final
# newline is skipped with a warning, and its paper kept.
head = REFERENCE[:REFERENCE.index(b"- ")]
big = write("big_line.md", head + b"- "
            + ("abc \uac00\ub098 " * (50 * (1 << 20) // 12)).encode())
big_line_no = head.count(b"\n") + 1
out = run("a 50 MB line", [big], 0, 1, formats=["jsonl"],
          expect=[f"^{re.escape(big)}:{big_line_no}: warning\\[long-line\\]: "
                  r"line longer than 16 MiB; skipped$"])
if "jsonl" in out and jsonl_records(out)[0]["summary"] != []:
    fail("a 50 MB line", "the line over the cap was not skipped")
# Just under the cap, a line is kept whole.
bullet = ("abc \uac00\ub098 " * ((16 << 20) // 12 - 1)).encode()
under = write("under_cap.md", head + b"- " + bullet + b"\n")
out = run("a line just under 16 MiB", [under], 0, 1, formats=["jsonl"], expect=[])
if "jsonl" in out and len(jsonl_records(out)[0]["summary"][0]["text"].encode()) != len(bullet) - 1:
    fail("a line just under 16 MiB", "the long bullet was cut")

# ---- damaged digests -----------------------------------------------------

# Cut in the middle of the fourth paper's second bullet, and in the middle
# of a Korean character of it (the line is then the last, unfinished one).
fourth = REFERENCE.index(b"### [", REFERENCE.index(b"### [", REFERENCE.index(b"### [", REFERENCE.index(b"### [") + 1) + 1) + 1)
bullet = REFERENCE.index(b"\n- ", REFERENCE.index(b"\n- ", fourth) + 1)
cut = REFERENCE.index(b" ", bullet + 10)
mid_paper = write("truncated/paper.md", REFERENCE[:cut])
run("truncated in the middle of a paper", [mid_paper], 0, 4, expect=[])
korean = next(i for i in range(bullet, len(REFERENCE)) if REFERENCE[i] >= 0xE0)
mid_char = write("truncated/char.md", REFERENCE[:korean + 1])
line = REFERENCE[:korean].count(b"\n") + 1
run("truncated in the middle of a UTF-8 sequence", [mid_char], 0, 4,
    expect=[f"^{re.escape(mid_char)}:{line}: warning\\[[a-z0-9-]+\\]: invalid UTF-8, replaced with U\\+FFFD$"])

reference = jsonl_records(run("the reference digest", ["testdata/2024-02-07.md"], 0, 12,
                              formats=["jsonl"]))
for name, data in [("CRLF line ends", REFERENCE.replace(b"\n", b"\r\n")),
                   ("lone CR line ends", REFERENCE.replace(b"\n", b"\r")),
                   ("a byte order mark", b"\xef\xbb\xbf" + REFERENCE)]:
    path = write(name.replace(" ", "_") + ".md", data)
    out = run(name, [path], 0, 12, expect=[])
    if out.get("jsonl") is not None:
        if without_source(jsonl_records(out)) != without_source(reference):
            fail(name, "records differ from the LF digest's")
        lines = [r["source"]["line"] for r in jsonl_records(out)]
        if lines != [r["source"]["line"] for r in reference]:
            fail(name, f"line numbers differ from the LF digest's: {lines}")
    for fmt, text in out.items():
        if fmt in ("json", "jsonl") and b"\\r" in text:
            fail(name, f"--format {fmt}: a CR survived into the data")

out = run("absurd vote counts", ["testdata/parser/warn_bad_vote.md"], 0, 4,
          expect=[r"^testdata/parser/warn_bad_vote.md:5: warning\[[a-z0-9-]+\]: invalid vote count '99999999999999999999'; votes unknown$",
                  r"^testdata/parser/warn_bad_vote.md:11: warning\[[a-z0-9-]+\]: invalid vote count '-5'; votes unknown$"])
if "jsonl" in out and [r["votes"] for r in jsonl_records(out)][:2] != [None, None]:
    fail("absurd vote counts", "a bad vote count became a number")

out = run("impossible dates", ["testdata/parser/warn_invalid_date.md"], 0, 4,
          expect=[r"^testdata/parser/warn_invalid_date.md:1: warning\[[a-z0-9-]+\]: invalid date '2024-02-30' in section heading; its papers have no date$"])
if "jsonl" in out and jsonl_records(out)[0]["date"] is not None:
    fail("impossible dates", "2024-02-30 became a date")

run("a heading without a link", ["testdata/parser/warn_heading_without_link.md"], 0, 2,
    expect=[r"^testdata/parser/warn_heading_without_link.md:3: warning\[[a-z0-9-]+\]: paper heading has no link; no id$"])

run("an empty file", [write("empty.md", b"")], 1, 0,
    expect=[r": warning\[[a-z0-9-]+\]: empty file$"])

# ---- sheer size ----------------------------------------------------------

# Small entries: the point is the count, and a debug build is slow enough.
entry = "### [P{0}, \"Q\"](https://arxiv.org/abs/2402.{0:05d})\nVote: {1}\nAuthors: A, B\n- 요약.\n"
many = write("many_papers.md", ("## Daily Papers (2024-02-07)\n"
                                + "".join(entry.format(i, i % 50) for i in range(100000))).encode())
run("100,000 papers in one file, ranked", [many], 0, 100000, formats=["jsonl"],
    extra=["--sort", "votes", "--unique"])

for i in range(10000):
    write(f"many_files/{i // 100:03d}/{i:05d}.md",
          ("## Daily Papers (2024-02-07)\n\n" + entry.format(i, i % 50)).encode())
run("10,000 small files", [os.path.join(tmp, "many_files")], 0, 10000, formats=["jsonl", "tsv"])

# ---- file-system traps ---------------------------------------------------

loop = os.path.join(tmp, "loop")
write("loop/a.md", REFERENCE)
write("loop/sub/b.md", REFERENCE.replace(b"2024-02-07", b"2024-02-08"))
os.symlink("..", os.path.join(loop, "sub", "up"))
os.symlink(".", os.path.join(loop, "self"))
os.symlink(loop, os.path.join(loop, "sub", "absolute"))
run("a symlink loop in a data directory", [loop], 0, 24, expect=[])

# A FIFO named by --data is read as a stream (like <(...)): it waits for its
# writer and reads what it writes. One met in a directory walk is skipped.
fifo = os.path.join(tmp, "fifo.md")
os.mkfifo(fifo)
def feed(data):
    with open(fifo, "wb") as w:
        w.write(data)
for fmt in FORMATS:
    writer = threading.Thread(target=feed, args=(REFERENCE,), daemon=True)
    writer.start()
    run("a FIFO as --data", [fifo], 0, 12, formats=[fmt], expect=[])
    writer.join(LIMIT)
writer = threading.Thread(target=feed, args=(b"",), daemon=True)
writer.start()
run("a FIFO whose writer writes nothing", [fifo], 1, 0, formats=["json"],
    expect=[f"^{re.escape(fifo)}: warning\[[a-z0-9-]+\]: empty file$"])
writer.join(LIMIT)
os.makedirs(os.path.join(tmp, "with_fifo"))
os.mkfifo(os.path.join(tmp, "with_fifo", "a.md"))
write("with_fifo/b.md", REFERENCE)
run("a FIFO inside a data directory", [os.path.join(tmp, "with_fifo")], 0, 12,
    formats=["json"], expect=[])

shutil.rmtree(tmp, ignore_errors=True)
for failure in failures:
    print("FAIL:", failure, file=sys.stderr)
print(f"{len(failures)} failure(s)" if failures else "all hostile-input checks passed")
sys.exit(1 if failures else 0)
PY
