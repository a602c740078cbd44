#!/usr/bin/env bash
# Runs every fuzz target for the given number of seconds (default 60) and
# prints what libFuzzer reports. A crash stops with its input saved under
# fuzz/artifacts/; add it to fuzz/corpus/<target>/ as a regression seed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
for target in import_results content; do
  echo "==> fuzzing $target for ${seconds}s"
  mkdir -p "fuzz/corpus/$target"
  # Work on a copy so the committed seeds stay few and readable.
  work=$(mktemp -d)
  cp "fuzz/corpus/$target"/* "$work"/
  cargo +nightly fuzz run "$target" "$work" -- -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 2>&1 |
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|==[0-9]+==|SUMMARY|Test unit written|Done)" || true
  rm -rf "$work"
done
