#!/usr/bin/env bash
# The insight commands (authors, coauthors, dates, trend, stats) end to end,
# where goldens cannot reach: on a real terminal (a pseudo-terminal) the
# charts take its width, use Unicode blocks only in a UTF-8 locale (LC_ALL,
# then LC_CTYPE, then LANG) and colour the header; json and jsonl parse and
# agree, csv reads back with Python's csv module as the same rows; and no
# control character from the input reaches a terminal.
# Usage: insights.sh PAPERS (run from the repository root).
set -euo pipefail
papers=$1
exec python3 - "$papers" <<'PY'
import csv, fcntl, io, json, os, pty, re, struct, subprocess, sys, tempfile, termios

papers = sys.argv[1]
BASE_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
D = ["--data", "testdata/insights"]
failures = []

def check(ok, what):
    if not ok:
        failures.append(what)

def run_tty(args, env, cols=50):
    """Runs papers with stdout on a pty of `cols` columns; returns stdout."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.OPOST  # keep "\n" as written
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    proc = subprocess.Popen([papers] + args, stdout=slave,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            env=dict(BASE_ENV, **env))
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    proc.wait()
    os.close(master)
    return out

def run_pipe(args, env=None):
    return subprocess.run([papers] + args, capture_output=True,
                          env=dict(BASE_ENV, **(env or {"LC_ALL": "C"}))).stdout

UTF8 = {"LC_ALL": "C.UTF-8", "NO_COLOR": "1"}
BLOCK = "\u2588".encode()
T = ["trend", "diffusion"] + D

# Width: the terminal's, COLUMNS over it; the widest bar fills the line.
check(run_tty(T, UTF8, cols=50) == run_pipe(T + ["--width", "50"], UTF8),
      "trend on a 50-column terminal differs from --width 50")
check(run_tty(T, dict(UTF8, COLUMNS="70"), cols=50)
      == run_pipe(T + ["--width", "70"], UTF8), "COLUMNS is not used by trend")
widest = max(len(l.decode()) for l in run_tty(T, UTF8, cols=64).splitlines())
check(widest == 64, f"the largest bar does not fill a 64-column terminal ({widest})")
check(run_tty(["dates"] + D, UTF8, cols=90)
      == run_pipe(["dates"] + D + ["--width", "90"], UTF8),
      "dates on a 90-column terminal differs from --width 90")

# The locale: the first of LC_ALL, LC_CTYPE, LANG that is set decides.
def blocks(env):
    return BLOCK in run_tty(T, dict(env, NO_COLOR="1"))
check(blocks({"LC_ALL": "C.UTF-8"}), "LC_ALL=C.UTF-8 gives no blocks")
check(blocks({"LANG": "en_US.utf8"}), "LANG=en_US.utf8 gives no blocks")
check(blocks({"LC_CTYPE": "C.UTF-8", "LANG": "C"}), "LC_CTYPE does not win over LANG")
check(not blocks({"LC_ALL": "C", "LANG": "C.UTF-8"}), "LC_ALL=C does not win over LANG")
check(not blocks({"LC_ALL": "POSIX"}), "blocks in the POSIX locale")
check(not blocks({}), "blocks without any locale variable")
check(b"#" in run_tty(T + ["--ascii"], UTF8) and not BLOCK in run_tty(T + ["--ascii"], UTF8),
      "--ascii does not win over a UTF-8 locale")

# Colour: on by default on a terminal, never in a pipe.
check(run_tty(T, {"LC_ALL": "C"}).startswith(b"\x1b[1mMONTH\x1b[0m"),
      "no coloured header on a terminal")
check(b"\x1b" not in run_pipe(T), "colour written to a pipe")

# json, jsonl and csv: the same rows, whatever the command.
commands = [["authors", "-n", "0"], ["coauthors", "Kenji Sato"],
            ["dates"], ["dates", "--by", "week"], ["trend", "diffusion"],
            ["trend", "diffusion", "--by", "day"],
            ["trend", "diffusion", "robot", "--each", "--share"]]
for command in commands:
    args = command + D
    name = " ".join(command)
    try:
        array = json.loads(run_pipe(args + ["-f", "json"]).decode("utf-8"))
    except ValueError as e:
        failures.append(f"{name}: json does not parse: {e}")
        continue
    lines = run_pipe(args + ["-f", "jsonl"]).decode("utf-8").splitlines()
    check([json.loads(l) for l in lines] == array, f"{name}: json and jsonl differ")
    check(len(array) > 0, f"{name}: no rows")
    rows = list(csv.reader(io.StringIO(run_pipe(args + ["-f", "csv"]).decode("utf-8"))))
    check(rows[0] == list(array[0].keys()), f"{name}: csv header {rows[0]} is not the JSON keys")
    def flat(v):
        if v is None:
            return ""
        if isinstance(v, bool):  # as JSON spells it
            return "true" if v else "false"
        if isinstance(v, list):
            return "; ".join(v)
        return str(v)
    check(rows[1:] == [[flat(v) for v in obj.values()] for obj in array],
          f"{name}: csv rows differ from json")
    tsv = run_pipe(args + ["-f", "tsv"]).decode("utf-8").splitlines()
    check(len(tsv) == len(array) + 1, f"{name}: tsv has {len(tsv)} lines")
stats = json.loads(run_pipe(["stats"] + D + ["-f", "json"]))
check(isinstance(stats, dict) and stats["papers"] == 10, f"stats json: {stats}")
check(json.loads(run_pipe(["stats"] + D + ["-f", "jsonl"])) == stats,
      "stats json and jsonl differ")

# Untrusted text: names and titles with escapes never reach a terminal raw.
with tempfile.TemporaryDirectory() as tmp:
    hostile = os.path.join(tmp, "2024-05-06.md")
    with open(hostile, "wb") as f:
        f.write(b"## Daily Papers (2024-05-06)\n\n"
                b"### [Bell\x07 and \x1b[2J Clear](https://arxiv.org/abs/2405.00001)\n\n"
                b"Vote: 3\n\nAuthors: Evil\x1b]52;c;SGVsbG8=\x07 Name, Ada \xe2\x80\xaeByron, Ana Silva\n\n- x\n")
    controls = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
    for command in [["authors"], ["coauthors", "Ana Silva"], ["dates"], ["stats"]]:
        for fmt in ["table", "json", "jsonl", "csv", "tsv"]:
            out = run_tty(command + ["--data", hostile, "-f", fmt],
                          {"LC_ALL": "C.UTF-8", "NO_COLOR": "1"}, cols=200)
            found = controls.findall(out)
            check(not found, f"{' '.join(command)} -f {fmt} on a terminal wrote {found[:3]}")
            check(len(out) > 10, f"{' '.join(command)} -f {fmt} wrote almost nothing")

for failure in failures:
    print("FAIL:", failure, file=sys.stderr)
if failures:
    sys.exit(1)
print("ok")
PY
