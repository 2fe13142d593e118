#!/usr/bin/env bash
# Every command that prints a table (and show's card) fits --width 40, 60
# and 80 on digests with Korean titles, authors and summaries (two columns
# a character), measured by display width, not bytes, with and without
# colour. A card's line may pass the width only with one unbreakable token
# (a URL or a path) that is longer than the room beside its label.
# Usage: widths.sh PAPERS (run from the repository root).
set -euo pipefail
papers=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
exec python3 - "$papers" <<'PY'
import re, subprocess, sys, unicodedata

papers = sys.argv[1]
env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
periods = ["--data", "testdata/periods"]
bilingual = ["--data", "testdata/bilingual"]
insights = ["--data", "testdata/insights"]
sgr = re.compile(r"\x1b\[[0-9;]*m")

def width(line):
    w = 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w

# The width check itself must be able to fail.
assert width("대규모 언어") == 11 and width("e\u0301") == 1

tables = [
    # (--fields keeps every column it names, so only a list that can fit.)
    ["list"], ["list", "--fields", "authors,title,id"],
    ["list", "--fields", "title,votes"],
    ["top"], ["top", "--unique", "-n", "3"],
    ["top", "--per", "day", "1"], ["top", "--per", "week", "2"],
    ["top", "--per", "month", "1"], ["top", "--per", "year", "3"],
    ["author", "김민준"], ["search", "mamba"], ["search", "맘바", "--in", "all"],
    ["authors"], ["authors", "--sort", "name"], ["coauthors", "Ada Kim"],
    ["coauthors", "김민준", "--sort", "votes"],
    ["dates"], ["dates", "--by", "week"], ["dates", "--by", "month"],
    ["dates", "--by", "year"], ["dates", "--sort", "papers", "-n", "3"],
    ["trend", "mamba"], ["trend", "mamba", "--by", "week"],
    ["trend", "mamba", "--by", "day"], ["trend", "mamba", "--by", "year"],
    ["trend", "mamba", "--share", "--by", "week"],
    ["trend", "mamba", "transformer", "--each", "--by", "week"],
    ["trend", "mamba", "transformer", "--each", "--share", "--by", "week"],
    ["trend", "맘바", "mamba", "--each", "--in", "all"],
    ["trend", "mamba", "transformer", "video", "robots", "트랜스포머",
     "--each", "--in", "all"],
    ["trend", "mamba", "트랜스포머", "--any"],
    ["stats"],
]
runs = [(c, periods) for c in tables]
runs += [(c, bilingual) for c in (
    ["glossary"], ["glossary", "확산"], ["search", "diffusion", "--expand"],
    ["list"], ["top", "--per", "day", "2"], ["authors"], ["dates"],
    ["trend", "확산", "diffusion", "--each"], ["stats"])]
runs += [(c, insights) for c in (
    ["authors"], ["coauthors", "Kenji Sato"], ["dates", "--by", "week"],
    ["trend", "diffusion", "--by", "week"], ["list"])]
runs += [(c, ["--data", "testdata/related"]) for c in (
    ["related", "2405.10001"], ["related", "2405.20002", "-n", "2"])]
runs += [(c, ["--data", "testdata/year_boundary"]) for c in (
    ["dates", "--by", "week"], ["top", "--per", "week", "1"],
    ["trend", "mamba", "--by", "week"])]
cards = [["show", "2402.50007", "2401.50002", "2403.50012"]]

failures = []
checked = 0
def check(command, data, w, color, card):
    global checked
    args = [papers] + command + data + ["--width", str(w)]
    if color:
        args += ["--color", "always"]
    run = subprocess.run(args, env=env, capture_output=True)
    text = sgr.sub("", run.stdout.decode("utf-8"))
    name = f"{' '.join(command + data)} --width {w}{' --color always' if color else ''}"
    if run.returncode != 0 or not text.strip():
        failures.append(f"{name}: exit {run.returncode}, {len(text)} bytes")
        return
    checked += 1
    for line in text.splitlines():
        if width(line) <= w:
            continue
        if card and re.fullmatch(r"\S+( +\S+)?", line) and width(line.split()[-1]) > w - 9:
            continue  # Label  https://...: one token too long to wrap
        failures.append(f"{name}: {width(line)} columns: {line}")
        return

for command, data in runs:
    for w in (40, 60, 80):
        for color in (False, True):
            check(command, data, w, color, False)
for command in cards:
    for w in (40, 60, 80):
        check(command, periods, w, False, True)
for f in failures:
    print("FAIL:", f)
print(f"{checked - len([f for f in failures if 'columns' in f])} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
PY
