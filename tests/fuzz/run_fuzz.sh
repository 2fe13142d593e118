#!/usr/bin/env bash
# Runs the libFuzzer targets of a `fuzz` preset build, each for a bounded
# time, on a copy of its seeds (tests/fuzz/corpus/TARGET/ and testdata/),
# so the repository is never written to. A crash, a sanitizer report, a
# failed property or a slow input stops that target and makes the exit
# status 1; the input is kept in OUT/TARGET/ (crash-*, timeout-*, ...).
# New corpus entries stay in OUT/TARGET/corpus/.
#
#   usage: tests/fuzz/run_fuzz.sh [-t SECONDS] [-b BUILD_DIR] [-o OUT] [TARGET...]
#     -t  seconds per target (default 15)
#     -b  the fuzz build (default build/fuzz: cmake --preset fuzz &&
#         cmake --build --preset fuzz)
#     -o  where findings and corpora go (default: a temporary directory,
#         removed afterwards unless something was found)
#   TARGET defaults to every *_fuzz executable of the build.
#
# After a finding: reproduce with `BUILD/tests/fuzz/TARGET FILE`, shrink it
# with `-minimize_crash=1 -exact_artifact_path=min FILE`, fix the bug, and
# commit the input as tests/fuzz/crashes/TARGET-WHAT-IT-IS (ctest replays
# it in every build from then on) and, if it is a digest, a fixture under
# testdata/parser/.
set -u
cd "$(dirname "$0")/../.." || exit 2
seconds=15
build=build/fuzz
out=
while getopts "t:b:o:" opt; do
  case $opt in
    t) seconds=$OPTARG ;;
    b) build=$OPTARG ;;
    o) out=$OPTARG ;;
    *) sed -n '9,15p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

targets=("$@")
if [ ${#targets[@]} = 0 ]; then
  for exe in "$build"/tests/fuzz/*_fuzz; do
    [ -x "$exe" ] && targets+=("$(basename "$exe")")
  done
fi
if [ ${#targets[@]} = 0 ]; then
  echo "run_fuzz.sh: no fuzz targets in $build/tests/fuzz (cmake --preset fuzz && cmake --build --preset fuzz)" >&2
  exit 2
fi
keep=1
if [ -z "$out" ]; then
  out=$(mktemp -d)
  keep=0
fi

status=0
for target in "${targets[@]}"; do
  exe=$build/tests/fuzz/$target
  if ! "$exe" -help=1 2>&1 | grep -q libFuzzer; then
    echo "run_fuzz.sh: $exe is not a libFuzzer build (use the fuzz preset)" >&2
    exit 2
  fi
  dir=$out/$target
  mkdir -p "$dir/corpus"
  cp tests/fuzz/corpus/"$target"/* "$dir/corpus/" 2>/dev/null
  # testdata/ is a read-only seed directory: libFuzzer writes only to the
  # first one. -timeout: an input that takes 25 s is a hang.
  "$exe" -max_total_time="$seconds" -timeout=25 -print_final_stats=1 \
    -artifact_prefix="$dir/" "$dir/corpus" testdata >"$dir/log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log")
  found=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' \
            -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) | head -1)
  if [ "$rc" != 0 ] || [ -n "$found" ]; then
    echo "FAIL: $target (exit $rc, ${execs:-?} runs): ${found:-see the log}"
    grep -E 'ERROR|SUMMARY|_fuzz: ' "$dir/log" | head -5
    status=1
  else
    echo "ok: $target: ${execs:-?} runs in ${seconds}s, nothing found"
  fi
done
if [ "$status" != 0 ]; then
  echo "findings and logs are in $out"
elif [ "$keep" = 0 ]; then
  rm -rf "$out"
fi
exit $status
