#!/usr/bin/env bash
# Bounded input, end to end: inputs that never end or are mostly zeros
# (/dev/zero, /dev/urandom, a 2 GB sparse file) end at their first NUL
# byte with one error naming them (exit 2) and little memory; a regex
# past the RE2 memory budget is refused before any input is read, and one of thousands of
# alternatives within it runs. Peak memory is the child's own maximum
# resident set (wait4), so nothing here depends on timing; a generous
# timeout is only a hang guard.
#   usage: bounded_input.sh PAPERS_BINARY   (from the repository root)
set -u
if ! command -v python3 >/dev/null; then
  echo "bounded_input.sh: python3 is required; skipped" >&2
  exit 77  # CTest's SKIP_RETURN_CODE
fi
papers=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
exec python3 - "$papers" <<'PY'
import os, re, shutil, subprocess, sys, tempfile

papers = sys.argv[1]
LIMIT = 120  # seconds: a hang guard only
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
ENV.update({k: v for k, v in os.environ.items()
            if k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")})
# A sanitizer build keeps shadow memory and quarantines frees: allow it more.
SANITIZED = "ASAN_OPTIONS" in os.environ
MAX_RSS_MB = 400 if SANITIZED else 100
failures = []
tmp = tempfile.mkdtemp(prefix="papers-bounded-")


def run(name, args, status, stderr_lines, max_rss_mb=MAX_RSS_MB):
    """Runs papers with `args`; checks exit status, stderr, peak memory."""
    proc = subprocess.Popen([papers, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=ENV,
                            stdin=subprocess.DEVNULL)
    try:
        out, err = proc.communicate(timeout=LIMIT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        failures.append(f"{name}: no result within {LIMIT}s (a hang?)")
        return None
    err_text = err.decode("utf-8", "replace")
    if proc.returncode != status:
        failures.append(f"{name}: exit {proc.returncode}, expected {status}; "
                        f"stderr {err_text[:300]!r}")
    lines = err_text.splitlines()
    if len(lines) != len(stderr_lines) or not all(
            re.fullmatch(p, l) for p, l in zip(stderr_lines, lines)):
        failures.append(f"{name}: stderr {lines[:5]!r}, expected {stderr_lines!r}")
    # A second run, by fork and wait4, gives this run's own peak memory.
    rss = peak_rss_mb(args)
    if rss > max_rss_mb:
        failures.append(f"{name}: peak RSS {rss:.0f} MB, over {max_rss_mb} MB")
    print(f"ran: {name} (exit {proc.returncode}, peak RSS {rss:.0f} MB)")
    return out


def peak_rss_mb(args):
    """The peak resident set of one run of papers with `args`, in MB."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        try:
            os.execve(papers, [papers, *args], ENV)
        finally:
            os._exit(127)
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_maxrss / 1024  # KiB on Linux


def binary(path, line):
    """What papers prints for a binary input: an error naming it."""
    return ["papers: " + re.escape(path) + f":{line}: "
            r"binary data \(NUL byte\); file skipped"]


# Endless or huge inputs of zeros and noise: read up to the first NUL only.
for device in ("/dev/zero", "/dev/urandom"):
    if os.path.exists(device):
        run(f"--data {device}", ["list", "-W", "--data", device], 2,
            binary(device, "[0-9]+"))
        run(f"--data {device} --strict", ["list", "--strict", "--data", device],
            2, binary(device, "[0-9]+"))

sparse = os.path.join(tmp, "sparse.md")
with open(sparse, "wb") as f:
    f.truncate(2 << 30)  # 2 GiB of holes: no disk space used
run("a 2 GB sparse file", ["list", "-W", "--data", sparse], 2, binary(sparse, 1))
# Text, then zeros: the lines before the NUL count, the file is skipped.
digest = open("testdata/2024-02-07.md", "rb").read()
tail = os.path.join(tmp, "2024-02-07.md")
with open(tail, "wb") as f:
    f.write(digest)
    f.truncate(len(digest) + (1 << 30))
run("a digest followed by 1 GB of zeros", ["list", "-W", "--data", tail], 2,
    binary(tail, digest.count(b"\n") + 1))
os.remove(sparse)
os.remove(tail)

# The regex budget: 5,000 alternatives run; 10,000 are refused at once.
words = []
state = 1
for _ in range(10000):
    word = ""
    for _ in range(8):
        state = (state * 1103515245 + 12345) % (1 << 32)
        word += chr(ord("a") + (state >> 16) % 26)
    words.append(word)
run("--regex with 5,000 alternatives",
    ["search", "--regex", "|".join(words[:5000]) + "|Transformer", "--format",
     "json", "--data", "testdata/2024-02-07.md"], 0, [], max_rss_mb=MAX_RSS_MB + 100)
run("--regex with 10,000 alternatives",
    ["search", "--regex", "|".join(words), "--data", "testdata/2024-02-07.md"], 2,
    [r"papers: error: --regex: regex '" + re.escape("|".join(words)[:60])
     + r"\.\.\.' is too large for the regex memory budget \(64 MiB\)"])

shutil.rmtree(tmp, ignore_errors=True)
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
PY
