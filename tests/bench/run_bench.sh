#!/usr/bin/env bash
# Benchmarks papers against ripgrep on a synthetic archive (gen_archive.py).
# Run by hand on an idle machine; never a timed test:
#
#   tests/bench/run_bench.sh [--scale 1|10|100] [--papers BIN] [--probe BIN]
#                            [--workdir DIR] [--smoke] [--robustness]
#
# Prints, for each command, hyperfine's mean time, its ratio to
# `rg -c NAME` over the same files and whether the ratio meets the target
# of the speed work (10 MB and 1 GB); then peak RSS of `top -n 5` with and
# without a date, and (--scale 1) the instruction counts (callgrind,
# stable on a noisy machine) of every command and of the bare line-scan
# probe. --smoke runs everything once on a 3-day archive (ctest).
# --robustness times nothing: it runs `papers list` 40 times over a copy of
# the archive while another process rewrites every file of the copy in
# place (as cp, rsync --inplace or a checkout in another terminal do), and
# counts the runs killed by a signal (SIGBUS, when files were mapped) and
# those whose stdout is not whole JSON lines; it fails if there is one.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
scale=1
papers=$root/build/release/papers
probe=$root/build/release/tests/bench/papers_line_probe
workdir=${TMPDIR:-/tmp}/papers-bench
smoke=0
robustness=0
while [ $# -gt 0 ]; do
  case $1 in
    --scale) scale=$2; shift 2 ;;
    --papers) papers=$2; shift 2 ;;
    --probe) probe=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    --smoke) smoke=1; shift ;;
    --robustness) robustness=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "run_bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
tools="hyperfine rg python3"
[ $robustness = 0 ] || tools=python3
for tool in $tools; do
  command -v "$tool" >/dev/null || { echo "run_bench.sh: $tool is not installed" >&2; exit 2; }
done

if [ $smoke = 1 ]; then
  archive=$workdir/archive-smoke
  gen_args=(--days 3)
  hf_args=(--runs 2 --warmup 0)
else
  archive=$workdir/archive-$scale
  gen_args=(--scale "$scale")
  hf_args=(--warmup 3 --min-runs 10)
fi
mkdir -p "$workdir"
# An archive made by another version of the generator is made again.
stamp="$(sha1sum < "$here/gen_archive.py" | cut -c1-40) ${gen_args[*]}"
if [ ! -d "$archive" ] || [ "$(cat "$archive.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$archive"
  python3 "$here/gen_archive.py" "$archive" "${gen_args[@]}"
  echo "$stamp" > "$archive.stamp"
fi

if [ $robustness = 1 ]; then
  copy=$workdir/robustness-copy
  rm -rf "$copy"
  cp -r "$archive" "$copy"
  mapfile -t sources < <(cd "$archive" && find . -name '*.md' | sort)
  # The writer truncates and rewrites each file of the copy, over and over.
  (while :; do
    for f in "${sources[@]}"; do cp "$archive/$f" "$copy/$f"; done
  done) &
  writer=$!
  trap 'kill "$writer" 2>/dev/null || true' EXIT
  runs=40 crashes=0 errors=0 invalid=0 changed=0
  for ((run = 1; run <= runs; run++)); do
    status=0
    "$papers" list -W --format jsonl --data "$copy" > "$workdir/robustness.out" \
      2> "$workdir/robustness.err" || status=$?
    if [ $status -ge 128 ]; then
      crashes=$((crashes + 1))
      echo "run $run: killed by signal $((status - 128))"
    elif [ $status -gt 1 ]; then
      errors=$((errors + 1))
    fi
    if ! python3 -c 'import json, sys
for line in open(sys.argv[1], "rb"):
    json.loads(line)' "$workdir/robustness.out" 2> /dev/null; then
      invalid=$((invalid + 1))
    fi
    n=$(grep -c 'changed while reading' "$workdir/robustness.err" || true)
    changed=$((changed + n))
  done
  kill "$writer" 2> /dev/null || true
  wait "$writer" 2> /dev/null || true
  echo "robustness: $runs runs of list while $(( ${#sources[@]} )) files are rewritten in place:"
  echo "  $crashes killed by a signal, $invalid with stdout not whole JSON lines," \
    "$errors with exit status 2; $changed 'changed while reading' warnings"
  [ $crashes = 0 ] && [ $invalid = 0 ]
  exit
fi

files=$(find "$archive" -name '*.md' | wc -l)
bytes=$(find "$archive" -name '*.md' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
date=$(find "$archive" -name '*.md' | sort | sed -n '2p' | xargs basename | cut -c1-10)
id=$(grep -m1 -o 'arxiv.org/abs/[0-9.]*' "$archive/$(echo "$date" | cut -c1-4)/$date.md" | cut -d/ -f3)
name="Quoc V. Le"
term="Diffusion"

echo "archive: $archive ($files files, $((bytes / 1000000)) MB); date $date, id $id"
# The page cache drops files unread for about a minute: warm it now.
find "$archive" -name '*.md' -print0 | xargs -0 cat > /dev/null

cmds=(
  "rg -c '$name' $archive"
  "$papers top --date $date -n 5 --data $archive"
  "$papers author '$name' --data $archive"
  "$papers search $term --format json --data $archive"
  "$papers search $term --expand --format json --data $archive"
  "$papers show $id --data $archive"
  "$papers list --format jsonl --data $archive"
)
names=("rg -c NAME" "top --date D -n 5" "author NAME" "search TERM --format json"
       "search TERM --expand --format json" "show ID" "list --format jsonl")
if "$papers" --help | grep -q '^  stats '; then
  cmds+=("$papers stats --data $archive")
  names+=("stats")
else
  echo "note: this build has no 'stats' command; skipped"
fi
for ((i = 1; i < ${#cmds[@]}; i++)); do
  # Every command must succeed (exit 0) on the archive, or the timing is void.
  bash -c "${cmds[$i]}" > /dev/null
done

json=$workdir/hyperfine.json
hyperfine "${hf_args[@]}" -N --style none --export-json "$json" "${cmds[@]}" > /dev/null 2>&1 ||
  hyperfine "${hf_args[@]}" --style none --export-json "$json" "${cmds[@]}" > /dev/null
# The targets of the speed work (× rg): at 10 MB (--scale 1) and 1 GB
# (--scale 100); none stated for 100 MB.
python3 - "$json" "$scale" "$smoke" "${names[@]}" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
scale, smoke, names = sys.argv[2], sys.argv[3], sys.argv[4:]
targets = {
    "1": {"top": 1.2, "author": 1.2, "show": 1.2, "search": 1.5, "list": 2.0},
    "100": {"top": 1.5, "author": 1.5, "show": 1.5, "search": 2.0},
}.get(scale if smoke == "0" else "", {})
base = results[0]["mean"]
print(f"{'command':<28} {'mean ms':>9} {'± ms':>7} {'× rg':>6} {'target':>7}  met")
for name, r in zip(names, results):
    ratio = r["mean"] / base
    target = targets.get(name.split()[0]) if name != names[0] else None
    verdict = "" if target is None else ("yes" if ratio <= target else f"no ({ratio / target:.1f}× over)")
    shown = "" if target is None else f"≤{target:.1f}"
    print(f"{name:<28} {r['mean']*1e3:9.1f} {r['stddev']*1e3:7.1f} {ratio:6.2f} {shown:>7}  {verdict}")
PY

# Start-up: no input is read.
start_json=$workdir/hyperfine-start.json
hyperfine "${hf_args[@]}" -N --style none --export-json "$start_json" \
  "$papers --version" "$papers --help" > /dev/null 2>&1 ||
  hyperfine "${hf_args[@]}" --style none --export-json "$start_json" \
    "$papers --version" "$papers --help" > /dev/null
python3 - "$start_json" <<'PY'
import json, sys
for name, r in zip(["--version", "--help"], json.load(open(sys.argv[1]))["results"]):
    print(f"start-up {name:<19} {r['mean']*1e3:9.1f} {r['stddev']*1e3:7.1f}")
PY

if [ -x /usr/bin/time ]; then
  # Target: memory follows what is printed, not the archive (top -n 5 at
  # most 60 MB at 100 MB of input, 80 MB at 1 GB).
  case $scale in 10) rss_target=60 ;; 100) rss_target=80 ;; *) rss_target= ;; esac
  [ $smoke = 0 ] || rss_target=
  for top in "top --date $date -n 5" "top -n 5"; do
    # shellcheck disable=SC2086  # the words of $top are its arguments
    rss=$( { /usr/bin/time -v "$papers" $top --data "$archive" > /dev/null; } 2>&1 |
           awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}')
    verdict=
    if [ -n "$rss_target" ]; then
      if [ $((rss / 1024)) -le "$rss_target" ]; then verdict=" (target ≤ $rss_target MB: met)"
      else verdict=" (target ≤ $rss_target MB: not met)"; fi
    fi
    echo "peak RSS of $top: $((rss / 1024)) MB (archive $((bytes / 1000000)) MB)$verdict"
  done
fi
if command -v valgrind >/dev/null && { [ "$scale" = 1 ] || [ $smoke = 1 ]; }; then
  count() { { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } |
            awk '/refs:/ {gsub(/,/, "", $NF); print $NF}'; }
  # Every command of the table: instructions of all threads together.
  for ((i = 1; i < ${#cmds[@]}; i++)); do
    eval "set -- ${cmds[$i]}"
    ir=$(count "$@")
    [ -z "$ir" ] || printf 'instructions: %-26s %6.1f M\n' "${names[$i]}" "$(python3 -c "print($ir / 1e6)")"
  done
  top_ir=$(count "$papers" top --date "$date" -n 5 --data "$archive")
  mapfile -t all_files < <(find "$archive" -name '*.md' | sort)
  probe_ir=$(count "$probe" "${all_files[@]}")
  if [ -n "$top_ir" ] && [ -n "$probe_ir" ]; then
    echo "instructions: top $top_ir, line probe $probe_ir, ratio $(python3 -c "print(f'{$top_ir/$probe_ir:.2f}')")"
  else
    # A sanitizer build does not run under valgrind.
    echo "instructions: not counted (callgrind could not run these binaries)"
  fi
fi
