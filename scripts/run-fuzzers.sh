#!/usr/bin/env bash
# Runs every libFuzzer target (fuzz_* executables) in a build directory for SECONDS
# each, and fails if any of them finds a crash, a violated property, a leak or a hang.
#
#   scripts/run-fuzzers.sh BUILD_DIR/fuzz SECONDS
#
# For a target fuzz_X, fuzz/CMakeLists.txt leaves fuzz_X.dict (its dictionary) and
# fuzz_X.seeds (its seed directories, one a line) beside it. Seeds are read-only; what
# the fuzzer learns goes to fuzz/corpus-work/fuzz_X/corpus (kept between runs, ignored
# by git) and any failing input to fuzz/corpus-work/fuzz_X/artifacts.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 BUILD_DIR/fuzz SECONDS" >&2
  exit 2
fi
dir=$1
seconds=$2
work_root=$(cd "$(dirname "$0")/.." && pwd)/fuzz/corpus-work

shopt -s nullglob
targets=()
for candidate in "$dir"/fuzz_*; do
  if [ -f "$candidate" ] && [ -x "$candidate" ]; then
    targets+=("$candidate")
  fi
done
if [ ${#targets[@]} -eq 0 ]; then
  echo "$0: no fuzz targets in $dir (configure with -DVEIL_BUILD_FUZZERS=ON)" >&2
  exit 2
fi

failed=()
for target in "${targets[@]}"; do
  name=$(basename "$target")
  work=$work_root/$name
  mkdir -p "$work/corpus" "$work/artifacts"

  seeds=()
  if [ -f "$target.seeds" ]; then
    while IFS= read -r seed_dir; do
      if [ -d "$seed_dir" ]; then
        seeds+=("$seed_dir")
      fi
    done <"$target.seeds"
  fi
  options=(-max_total_time="$seconds" -timeout=10 -print_final_stats=1 -artifact_prefix="$work/artifacts/")
  if [ -f "$target.dict" ]; then
    options+=(-dict="$target.dict")
  fi

  echo "=== $name: ${seconds}s, seeds: ${seeds[*]:-none}"
  # The first corpus directory receives new inputs; the seed directories are only read.
  if "$target" "${options[@]}" "$work/corpus" "${seeds[@]}" 2>&1 | tee "$work/last-run.log"; then
    echo "=== $name: passed; $(grep -E '^#[0-9]+[[:space:]]+DONE' "$work/last-run.log" | tail -n 1)"
  else
    echo "=== $name: FAILED; failing input in $work/artifacts/ (log: $work/last-run.log)" >&2
    failed+=("$name")
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz targets that failed: ${failed[*]}" >&2
  exit 1
fi
