#!/usr/bin/env bash
# Every table command fits --width 40, 60 and 80 on digests with Korean
# titles (two columns a character), measured by display width, not bytes.
# Usage: widths.sh PAPERS (run from the repository root).
set -euo pipefail
papers=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
exec python3 - "$papers" <<'PY'
import subprocess, sys, unicodedata

papers = sys.argv[1]
env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
data = ["--data", "testdata/periods"]

def width(line):
    w = 0
    for ch in line:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w

commands = [
    ["list"], ["top"], ["top", "--per", "week", "2"], ["author", "김민준"],
    ["search", "mamba"], ["authors"],
    ["coauthors", "Ada Kim"], ["dates"], ["dates", "--by", "week"],
    ["dates", "--by", "month"], ["trend", "mamba"],
    ["trend", "mamba", "--by", "week"], ["trend", "mamba", "--by", "day"],
    ["trend", "mamba", "transformer", "--each", "--share", "--by", "week"],
    ["trend", "맘바", "mamba", "--each", "--in", "all"], ["stats"],
]
failures = []
bad = set()
for command in commands:
    for w in (40, 60, 80):
        args = [papers] + command + data + ["--width", str(w)]
        run = subprocess.run(args, env=env, capture_output=True)
        text = run.stdout.decode("utf-8")
        if run.returncode != 0 or not text:
            failures.append(f"{' '.join(command)} --width {w}: exit {run.returncode}, {len(text)} bytes")
            continue
        for line in text.splitlines():
            if width(line) > w:
                failures.append(f"{' '.join(command)} --width {w}: {width(line)} columns: {line}")
                bad.add((tuple(command), w))
                break
for f in failures:
    print("FAIL:", f)
print(f"{len(commands) * 3 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
PY
