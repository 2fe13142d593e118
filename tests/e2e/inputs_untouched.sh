#!/usr/bin/env bash
# papers never writes to what it reads: every command, in every output
# format, is run on a copy of testdata/ (given as a directory, as files, on
# standard input and through PAPERS_DATA), and after each run every file
# and directory of the copy must have the same bytes, size, mode, mtime and
# ctime, and no file may have appeared or gone.
#   usage: inputs_untouched.sh PAPERS_BINARY   (from the repository root)
set -u
papers=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
exec python3 - "$papers" <<'PY'
import hashlib, os, shutil, subprocess, sys, tempfile

papers = sys.argv[1]
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
ENV.update({k: v for k, v in os.environ.items()
            if k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")})
tmp = tempfile.mkdtemp(prefix="papers-untouched-")
data = os.path.join(tmp, "data")
shutil.copytree("testdata", data, symlinks=True)
failures = []


def snapshot():
    state = {}
    for root, dirs, files in os.walk(data):
        for name in dirs + files:
            path = os.path.join(root, name)
            st = os.lstat(path)
            digest = None
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
            state[os.path.relpath(path, data)] = (
                st.st_size, st.st_mode, st.st_mtime_ns, st.st_ctime_ns, digest)
    return state


FIELDS = ["size", "mode", "mtime", "ctime", "sha256"]
before = snapshot()
if len(before) < 50:
    sys.exit(f"only {len(before)} entries copied from testdata/")
reference = os.path.join(data, "2024-02-07.md")
broken = os.path.join(data, "parser", "warn_bad_vote.md")
formats = ["table", "json", "jsonl", "csv", "tsv", "markdown"]
runs = []
for fmt in formats:
    runs.append(["list", "--data", data, "-f", fmt, "--strict"])
    runs.append(["top", "--data", data, "-f", fmt, "--per-day", "2"])
    runs.append(["show", "2402.03620", "--data", data, "-f", fmt])
runs += [
    ["list", "--data", data, "-f", "csv", "--csv-safe", "--sort", "title"],
    ["top", "--data", reference, "--data", broken, "-n", "3", "--width", "40"],
    ["author", "Quoc V. Le", "--loose", "--data", data],
    ["search", "mamba", "--in", "all", "--data", data],
    ["search", "--regex", "L+a(MA|VA)", "--data", data, "-f", "jsonl"],
    ["list", "--data", data, "--unique", "--sort", "votes", "--reverse"],
    ["check", data],
    ["check", data, "--format", "json"],
    ["check", "--data", reference, "--format", "jsonl"],
    ["completions", "bash"],
    ["list", "--help"],
]
stdin_runs = [["list", "--data", "-", "-f", "json"], ["check"]]
env_runs = [["list", "-f", "jsonl"]]

count = 0
def run(args, stdin=subprocess.DEVNULL, env=ENV):
    global before, count
    proc = subprocess.run([papers] + args, stdin=stdin, env=env, cwd=data,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          timeout=120)
    if proc.returncode not in (0, 1, 2):
        failures.append(f"papers {' '.join(args)}: exit status {proc.returncode}")
    after = snapshot()
    if after != before:
        for path in sorted(set(before) | set(after)):
            old, new = before.get(path), after.get(path)
            if old is None:
                failures.append(f"papers {' '.join(args)}: created {path}")
            elif new is None:
                failures.append(f"papers {' '.join(args)}: removed {path}")
            elif old != new:
                what = [f for f, a, b in zip(FIELDS, old, new) if a != b]
                failures.append(f"papers {' '.join(args)}: changed {path} ({', '.join(what)})")
        before = after
    count += 1

for args in runs:
    run(args)
for args in stdin_runs:
    with open(reference, "rb") as f:
        run(args, stdin=f)
for args in env_runs:
    run(args, env=dict(ENV, PAPERS_DATA=f"{data}:{reference}"))

shutil.rmtree(tmp, ignore_errors=True)
for failure in failures:
    print("FAIL:", failure, file=sys.stderr)
if not failures:
    print(f"ok: {count} runs left {len(before)} files and directories untouched")
sys.exit(1 if failures else 0)
PY
