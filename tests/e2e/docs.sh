#!/usr/bin/env bash
# The documentation stays true: the console examples of README.md and the
# examples of man/papers.1 are run and must print
# what they show; the man text lints cleanly with groff and mandoc and
# names every output option, format, field and JSON key the binary has.
# Usage: docs.sh PAPERS (run from the repository root).
set -euo pipefail
papers=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
exec python3 - "$papers" <<'PY'
import json, os, re, shutil, subprocess, sys, tempfile

papers = sys.argv[1]
failures = []
env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
# The sanitizer settings of the asan preset survive the clean environment.
env.update({k: v for k, v in os.environ.items()
            if k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")})

def fail(what):
    failures.append(what)

def run_example(command, cwd):
    # `papers` in an example is the binary under test.
    script = f'papers() {{ "{papers}" "$@"; }}\n{command}\n'
    return subprocess.run(["bash", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True).stdout

def check_examples(name, blocks, cwd):
    count = 0
    for block in blocks:
        lines = block.split("\n")
        i = 0
        while i < len(lines):
            if not lines[i].startswith("$ "):
                i += 1
                continue
            command = lines[i][2:]
            while command.endswith("\\"):
                i += 1
                command += "\n" + lines[i]
            i += 1
            expected = []
            while i < len(lines) and not lines[i].startswith("$ "):
                expected.append(lines[i])
                i += 1
            # A command may set variables first: LC_ALL=C.UTF-8 papers ...
            if not re.match(r"(?:[A-Z_]+=\S* )*papers [a-z]", command):
                continue
            got = run_example(command, cwd)
            want = "\n".join(expected).rstrip("\n") + "\n"
            if got != want:
                fail(f"{name}: example `{command}` prints\n{got[:2000]}\nnot\n{want}")
            count += 1
    if count < 5:
        fail(f"{name}: only {count} runnable examples found")

# README's quick start: the first command installs exactly the build
# packages CI installs first (.ci/packages), the second the test tools
# (.ci/packages-test), and neither list holds a package of the other.
readme_text = open("README.md", encoding="utf-8").read()
installs = re.findall(r"apt-get install -y --no-install-recommends (.*?) &&", readme_text)
ci_packages = open(".ci/packages", encoding="utf-8").read().split()
ci_test_packages = open(".ci/packages-test", encoding="utf-8").read().split()
if len(installs) < 2 or installs[0].split() != ci_packages:
    fail(f"README's first install differs from .ci/packages: {installs[:1]}")
elif installs[1].split() != ci_test_packages:
    fail(f"README's second install differs from .ci/packages-test: {installs[1]}")
if set(ci_packages) & set(ci_test_packages):
    fail(f"in both package lists: {set(ci_packages) & set(ci_test_packages)}")
for tool in ("doctest-dev", "hyperfine", "ripgrep", "lintian", "jq"):
    if tool in ci_packages:
        fail(f"the build packages hold the test tool {tool}")
if "-DPAPERS_BUILD_TESTS=OFF" not in readme_text.split("```sh", 2)[1]:
    fail("README's first command does not turn the tests off")
if not re.search(r"^## Quick start\n", readme_text, re.M) or readme_text.index("## Quick start") > readme_text.index("## "):
    fail("README does not start with its quick start")

# README: ```console blocks of the "Output formats" section.
readme = open("README.md", encoding="utf-8").read()
section = re.search(r"^## Output formats\n(.*?)(?=^## )", readme, re.S | re.M)
if not section:
    fail("README.md has no '## Output formats' section")
else:
    # Every console block of the README, in every section, must be true.
    blocks = re.findall(r"```console\n(.*?)```", readme, re.S)
    check_examples("README.md", blocks, ".")
    for fmt in ["table", "json", "jsonl", "csv", "tsv", "markdown"]:
        if f"**{fmt}**" not in section.group(1):
            fail(f"README.md does not describe {fmt}")
    if "| jq" not in section.group(1):
        fail("README.md has no jq pipeline")

# The man text: its .EX examples run in testdata/ (they name 2024-02-07.md).
man = open("man/papers.1", encoding="utf-8").read()
def unroff(text):
    text = re.sub(r"^\.\\\".*\n", "", text, flags=re.M)
    for roff, plain in [(r"\-", "-"), (r"\(aq", "'"), (r"\(dq", '"'),
                        (r"\[u2026]", "\u2026"), (r"\e", "\\"), (r"\&", "")]:
        text = text.replace(roff, plain)
    return text
blocks = [unroff(b) for b in re.findall(r"^\.EX\n(.*?)^\.EE", man, re.S | re.M)]
check_examples("man/papers.1", blocks, "testdata")

plain_man = unroff(man)
help_text = subprocess.run([papers, "list", "--help"], capture_output=True,
                           text=True, env=env).stdout
output_help = help_text.split("Output:", 1)[1].split("\n\n", 1)[0]
for option in sorted(set(re.findall(r"--[a-z][a-z-]+", output_help))):
    if option not in plain_man:
        fail(f"man page does not mention {option}")
formats = [name.strip() for name in re.search(
    r"\{(table,[a-z,\s-]+)\}", help_text).group(1).split(",")]
for fmt in formats:
    if not re.search(rf"^\.SS .*\b{re.escape(fmt)}\b", plain_man, re.M):
        fail(f"man page has no section for --format {fmt}")
# `papers help formats` describes every format --format takes and names
# every field; the man page names every field too.
formats_help = subprocess.run([papers, "help", "formats"], capture_output=True,
                              text=True, env=env).stdout
for fmt in formats:
    if not re.search(rf"^  {re.escape(fmt)} ", formats_help, re.M):
        fail(f"papers help formats does not describe --format {fmt}")
fields_help = re.search(r"in order:\n(.*?)\n\n", formats_help, re.S).group(1)
fields = re.split(r"[,\s]+", fields_help.strip())
if len(fields) < 10:
    fail(f"papers help formats lists only the fields {fields}")
for field in fields:
    if not re.search(rf"\b{field}\b", plain_man):
        fail(f"man page does not name field {field}")
record = json.loads(subprocess.run(
    [papers, "list", "--data", "testdata/2024-02-07.md", "-f", "jsonl"],
    capture_output=True, text=True, env=env).stdout.split("\n")[0])
keys = list(record) + list(record["source"]) + list(record["summary"][0])
for key in keys:
    if not re.search(rf"^\.B {key}$", man, re.M) and f'\\(dq{key}\\(dq' not in man:
        fail(f"man page does not document JSON key {key}")
schema_order = re.findall(r"^\.TP(?: 11)?\n\.B (\w+)\n", man, re.M)
if [k for k in schema_order if k in record] != list(record):
    fail(f"man schema order {schema_order} differs from the record {list(record)}")
for var in ["COLUMNS", "NO_COLOR", "CLICOLOR_FORCE"]:
    if not re.search(rf"^\.TP\n\.B {var}$", man, re.M):
        fail(f"man page has no ENVIRONMENT entry for {var}")

# Lint.
with tempfile.TemporaryDirectory() as tmp:
    page = os.path.join(tmp, "papers.1")
    with open(page, "w", encoding="utf-8") as out:
        out.write(man)
    lint = subprocess.run(["groff", "-man", "-ww", "-Wchar", "-z", page],
                          capture_output=True, text=True)
    if lint.returncode != 0 or lint.stderr:
        fail("groff: " + lint.stderr)
    if shutil.which("mandoc"):
        lint = subprocess.run(["mandoc", "-Tlint", "-Wwarning", page],
                              capture_output=True, text=True)
        if lint.returncode != 0 or lint.stdout or lint.stderr:
            fail("mandoc: " + lint.stdout + lint.stderr)

for failure in failures:
    print("FAIL:", failure, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
