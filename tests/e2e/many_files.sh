#!/usr/bin/env bash
# 70,000 input files, one clean run: more than the kernel's default limit
# of memory mappings (vm.max_map_count, 65,530), which a reader that kept
# every file mapped ran into (std::bad_alloc in a worker, then abort).
# Slow under the sanitizers: tests/CMakeLists.txt leaves it out there.
#   usage: many_files.sh PAPERS_BINARY   (from the repository root)
set -u
if ! command -v python3 >/dev/null; then
  echo "many_files.sh: python3 is required; skipped" >&2
  exit 77  # CTest's SKIP_RETURN_CODE
fi
papers=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
exec python3 - "$papers" <<'PY'
import json, os, shutil, subprocess, sys, tempfile

papers = sys.argv[1]
COUNT = 70000
tmp = tempfile.mkdtemp(prefix="papers-many-")
entry = ("## Daily Papers (2024-02-07)\n\n"
         "### [Paper {0}](https://arxiv.org/abs/2402.{0:05d})\n"
         "Vote: {1}\nAuthors: A. Author, B. Author\n\n- **What's New**: {0}.\n")
for i in range(COUNT):
    sub = os.path.join(tmp, f"{i // 1000:03d}")
    if i % 1000 == 0:
        os.mkdir(sub)
    with open(os.path.join(sub, f"{i:05d}.md"), "w") as f:
        f.write(entry.format(i, i % 97))
proc = subprocess.run([papers, "list", "--format", "jsonl", "--data", tmp],
                      capture_output=True, timeout=600,
                      env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                           "LC_ALL": "C"})
shutil.rmtree(tmp, ignore_errors=True)
failures = []
if proc.returncode != 0:
    failures.append(f"exit {proc.returncode}, expected 0")
if proc.stderr:
    failures.append(f"stderr: {proc.stderr[:300]!r}")
records = [json.loads(l) for l in proc.stdout.decode().splitlines()]
if len(records) != COUNT:
    failures.append(f"{len(records)} records, expected {COUNT}")
elif sorted(int(r["id"].split(".")[1]) for r in records) != list(range(COUNT)):
    failures.append("not every file's record was listed once")
for f in failures:
    print("FAIL:", f)
print(f"{COUNT} files: {len(records)} records, exit {proc.returncode}")
sys.exit(1 if failures else 0)
PY
