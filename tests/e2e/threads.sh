#!/usr/bin/env bash
# The query runs inside the parse workers (each keeps only the records the
# query may select), and the output must not depend on it: every command
# prints the same bytes on 1, 2 and 3 worker threads (PAPERS_THREADS), a
# record dropped by the filter still makes a later copy of it (same id,
# same date) a repeat, the newest date that anchors `--since 5d` counts
# dropped records, and "did you mean" still sees every name.
#   usage: threads.sh PAPERS_BINARY   (from the repository root)
set -u
if ! command -v python3 >/dev/null; then
  echo "threads.sh: python3 is required; skipped" >&2
  exit 77  # CTest's SKIP_RETURN_CODE
fi
papers=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
exec python3 - "$papers" <<'PY'
import os, shutil, subprocess, sys, tempfile

papers = sys.argv[1]
BASE_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
BASE_ENV.update({k: v for k, v in os.environ.items()
                 if k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")})
failures = []
tmp = tempfile.mkdtemp(prefix="papers-threads-")


def run(args, threads=None, stdin=None):
    env = dict(BASE_ENV)
    if threads is not None:
        env["PAPERS_THREADS"] = str(threads)
    proc = subprocess.run([papers] + args, capture_output=True, env=env,
                          input=stdin, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def entry(day, number, votes, authors):
    return (f"### [Paper {number}](https://arxiv.org/abs/2403.{number:05d})\n\n"
            f"Vote: {votes}\n\nAuthors: {authors}\n\n"
            f"- **What's New**: diffusion number {number} on day {day}.\n\n")


# Thirty days, with papers repeated across files (the README of a month
# repeating a day), so that repeats and filters meet in different workers.
archive = os.path.join(tmp, "archive")
os.mkdir(archive)
for day in range(1, 31):
    text = f"## Daily Papers (2024-03-{day:02d})\n\n"
    for k in range(4):
        number = day * 10 + k
        names = "Quoc V. Le, Ann Author" if (day + k) % 3 == 0 else "Bo Writer"
        text += entry(day, number, (day * 7 + k * 13) % 40, names)
    with open(os.path.join(archive, f"2024-03-{day:02d}.md"), "w") as f:
        f.write(text)
readme = "## Daily Papers (2024-03-05)\n\n" + entry(5, 51, 1, "Bo Writer")
with open(os.path.join(archive, "zz-readme.md"), "w") as f:
    f.write(readme)

commands = [
    ["list", "-f", "jsonl"],
    ["list", "--min-votes", "20", "-f", "jsonl"],
    ["top", "-n", "5"],
    ["top", "--date", "2024-03-05", "-n", "3", "-f", "json"],
    ["top", "--since", "5d", "--unique"],
    ["author", "Quoc V. Le", "-f", "jsonl"],
    ["author", "Quoc Le", "--date", "2024-03"],
    ["author", "Quoc V. Lee"],
    ["search", "diffusion", "-f", "json", "-n", "0"],
    ["search", "diffusion", "--since", "2024-03-20", "-f", "json"],
    ["show", "2403.00051", "2403.00300", "2403.99999"],
    ["list", "--keyword", "day 7", "--id", "2403.00071", "-f", "csv"],
]
for args in commands:
    want = run(args + ["--data", archive], threads=1)
    for threads in (2, 3, None):
        got = run(args + ["--data", archive], threads=threads)
        if got != want:
            failures.append(f"{' '.join(args)}: PAPERS_THREADS={threads} "
                            f"differs from 1 thread")
    # Standard input cannot be read twice: the same answer without the
    # workers' author filter.
    if args[0] == "author":
        text = b"".join(open(os.path.join(archive, name), "rb").read()
                        for name in sorted(os.listdir(archive)))
        got = run(args, threads=2, stdin=text)
        # The inputs' names differ (<stdin>): compare the stderr hints and
        # the status only.
        if got[0] != want[0] or got[2] != want[2]:
            failures.append(f"{' '.join(args)} on stdin: {got[0]} {got[2]!r}"
                            f" vs {want[0]} {want[2]!r}")

# The repeat rule sees records the filter dropped: the first copy (3
# votes) fails --min-votes 10 and is dropped in its worker, and the second
# (30 votes) is still a repeat of it, so nothing is listed, as when every
# record was kept.
dup = os.path.join(tmp, "dup")
os.mkdir(dup)
with open(os.path.join(dup, "a.md"), "w") as f:
    f.write("## Daily Papers (2024-03-05)\n\n" + entry(5, 1, 3, "Ann Author"))
with open(os.path.join(dup, "b.md"), "w") as f:
    f.write("## Daily Papers (2024-03-05)\n\n" + entry(5, 1, 30, "Ann Author"))
status, out, err = run(["list", "--min-votes", "10", "-f", "ids", "--data", dup])
if (status, out) != (1, b""):
    failures.append(f"a repeat of a dropped record was listed: {status} {out!r}")
status, out, err = run(["list", "-f", "ids", "--data", dup])
if (status, out) != (0, b"2403.00001\n"):
    failures.append(f"the repeat is not dropped: {status} {out!r}")

# The newest date anchors 5d even when its records are filtered out.
anchor = os.path.join(tmp, "anchor")
os.mkdir(anchor)
with open(os.path.join(anchor, "2024-03-01.md"), "w") as f:
    f.write("## Daily Papers (2024-03-01)\n\n" + entry(1, 1, 3, "Ann Author"))
with open(os.path.join(anchor, "2024-03-10.md"), "w") as f:
    f.write("## Daily Papers (2024-03-10)\n\n" + entry(10, 2, 3, "Bo Writer"))
status, out, err = run(["author", "Ann Author", "--since", "5d", "-f", "ids",
                        "--data", anchor])
if (status, out, err) != (1, b"", b""):
    failures.append(f"--since 5d anchored on the kept records: {status} {out!r} {err!r}")
status, out, err = run(["author", "Ann Author", "--since", "30d", "-f", "ids",
                        "--data", anchor])
if (status, out) != (0, b"2403.00001\n"):
    failures.append(f"--since 30d: {status} {out!r}")
# "Did you mean" names an author of a date the filter left out.
status, out, err = run(["author", "Bo Writter", "--date", "2024-03-01",
                        "--data", anchor])
if status != 1 or b"did you mean Bo Writer?" not in err:
    failures.append(f"did you mean, after the filter: {status} {err!r}")

status, out, err = run(["top", "--data", archive], threads="x")
if status != 2 or b"PAPERS_THREADS: 'x' is not a number from 1 to 64" not in err:
    failures.append(f"PAPERS_THREADS=x: {status} {err!r}")

shutil.rmtree(tmp, ignore_errors=True)
for f in failures:
    print("FAIL:", f)
print(f"{len(commands)} commands compared on 1, 2, 3 and the default threads")
sys.exit(1 if failures else 0)
PY
