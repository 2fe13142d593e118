#!/usr/bin/env bash
# Behaviour on a real terminal (a pseudo-terminal): the width comes from
# COLUMNS, else the terminal size (else 80), --width wins over both;
# colour is on by default there and off with NO_COLOR or --color never;
# and no control character from the input reaches the terminal raw, in
# any format.
# Usage: terminal.sh PAPERS (run from the repository root).
set -euo pipefail
papers=$1
exec python3 - "$papers" <<'PY'
import fcntl, os, pty, re, struct, subprocess, sys, termios, threading

papers = sys.argv[1]
BASE_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
# The sanitizer settings of the asan preset survive the clean environment.
BASE_ENV.update({k: v for k, v in os.environ.items()
                 if k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")})
failures = []

def check(ok, what):
    if not ok:
        failures.append(what)

def run_tty(args, env=None, cols=50):
    """Runs papers with stdout on a pty of `cols` columns; returns stdout.

    The parent keeps its own end of the slave open, so the terminal never
    hangs up: reading up to a hang-up can lose what the child wrote last
    (the kernel may report EIO before it has moved those bytes across).
    Once the child has exited, a marker written to the slave follows all
    of its output, and reading stops there."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.OPOST  # keep "\n" as written (no "\r\n")
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    marker = b"\x00end-of-child-output\x00"
    chunks = []

    def drain():
        out = b""
        while not out.endswith(marker):
            chunk = os.read(master, 65536)
            if not chunk:
                break
            out += chunk
        chunks.append(out)

    reader = threading.Thread(target=drain)
    reader.start()
    proc = subprocess.Popen([papers] + args, stdout=slave,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            env=dict(BASE_ENV, **(env or {})))
    proc.wait()
    os.write(slave, marker)
    reader.join()
    os.close(slave)
    os.close(master)
    out = chunks[0]
    check(out.endswith(marker), f"{args}: terminal output did not end cleanly")
    return out[:-len(marker)] if out.endswith(marker) else out

def run_pipe(args, env=None):
    return subprocess.run([papers] + args, capture_output=True,
                          env=dict(BASE_ENV, **(env or {}))).stdout

K = ["list", "--data", "testdata/format/korean.md"]
C = ["list", "--data", "testdata/format/control.md"]
plain = {"NO_COLOR": "1"}

# Width: the terminal size, COLUMNS over it, --width over both, 80 when
# the terminal reports no size; --no-truncate keeps everything.
check(run_tty(K, plain, cols=50) == run_pipe(K + ["--width", "50"]),
      "table on a 50-column terminal differs from --width 50")
check(run_tty(K, dict(plain, COLUMNS="60"), cols=50) == run_pipe(K + ["--width", "60"]),
      "COLUMNS=60 is not used on a terminal")
check(run_tty(K + ["--width", "70"], dict(plain, COLUMNS="60")) == run_pipe(K + ["--width", "70"]),
      "--width does not win over COLUMNS")
check(run_tty(K, plain, cols=0) == run_pipe(K + ["--width", "80"]),
      "a terminal without a size does not get 80 columns")
check(run_tty(K + ["--no-truncate"], plain) == run_pipe(K),
      "--no-truncate still truncates on a terminal")
check("…".encode() in run_tty(K, plain), "nothing was truncated on a terminal")

# Colour: on by default on a terminal, off with NO_COLOR or --color never.
check(run_tty(K).startswith(b"\x1b[1mDATE\x1b[0m"), "no colour on a terminal")
check(b"\x1b" not in run_tty(K, plain), "NO_COLOR ignored on a terminal")
check(b"\x1b" not in run_tty(K + ["--color", "never"]), "--color never ignored")
check(b"\x1b" not in run_pipe(K), "colour written to a pipe")
check(b"\x1b" not in run_tty(K, {"TERM": "dumb"}), "TERM=dumb still colours")
check(run_tty(K, {"TERM": "dumb", "CLICOLOR_FORCE": "1"}).startswith(b"\x1b[1m"),
      "CLICOLOR_FORCE does not win over TERM=dumb")
# COLUMNS is capped like --width, and garbage in it is ignored.
check(run_tty(K, dict(plain, COLUMNS="1000000000")) == run_pipe(K + ["--width", "100000"]),
      "a huge COLUMNS is not capped at 100000")
check(run_tty(K, dict(plain, COLUMNS="99999999999999999999999")) == run_pipe(K + ["--width", "100000"]),
      "an overflowing COLUMNS is not capped at 100000")
check(run_tty(K, dict(plain, COLUMNS="80x"), cols=50) == run_pipe(K + ["--width", "50"]),
      "garbage in COLUMNS is not ignored")

# Untrusted text: nothing a terminal acts on, in any format.
controls = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
for fmt in ["table", "json", "jsonl", "csv", "tsv", "markdown"]:
    out = run_tty(C + ["--format", fmt], plain, cols=200)
    found = controls.findall(out)
    check(not found, f"{fmt} on a terminal wrote control bytes {found[:5]}")
    check(len(out) > 100, f"{fmt} on a terminal wrote almost nothing")
table = run_tty(C + ["--fields", "title,authors,summary"], plain, cols=400)
check("Evil ␛]52;c;SGVsbG8=␇Clipboard and ␛[2J Clear Screen".encode() in table,
      "escape sequences not shown as placeholders in the table")
markdown = run_tty(C + ["--format", "markdown"], plain)
check("Eve␈␈␈Bob".encode() in markdown and "form␌feed".encode() in markdown,
      "backspace and form feed not shown as placeholders in markdown")
# The same markdown into a file keeps the bytes (it must round-trip).
check(b"Eve\x08\x08\x08Bob" in run_pipe(C + ["--format", "markdown"]),
      "markdown to a pipe lost the data")

for failure in failures:
    print("FAIL:", failure, file=sys.stderr)
if failures:
    sys.exit(1)
print("ok")
PY
