#!/usr/bin/env bash
# Runs every fuzz target for the given number of seconds (default 60) and
# prints libFuzzer's statistics. A crash (or any failure of cargo fuzz) makes
# the run fail: the input libFuzzer saved is printed with its path and its
# bytes in hex; add it to fuzz/corpus/<target>/ as a regression seed (and its
# expected outcome to fuzz/corpus/expected.toml). Every target runs even after
# one fails, so one run reports every crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
# The nightly that builds the widget (scripts/tools.sh fuzz installs cargo-fuzz for it).
toolchain=$(sed -n 's/^WIDGET_TOOLCHAIN=//p' scripts/widget-env.sh)
failed=()
for target in import_results content; do
  echo "==> fuzzing $target for ${seconds}s"
  mkdir -p "fuzz/corpus/$target"
  # Work on a copy so the committed seeds stay few and readable.
  work=$(mktemp -d)
  log=$(mktemp)
  cp "fuzz/corpus/$target"/* "$work"/
  status=0
  cargo "+$toolchain" fuzz run "$target" "$work" -- -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  # The lines worth reading (libFuzzer puts a tab after "#runs"). sed prints them and,
  # unlike grep, does not fail when there are none: cargo's status alone decides.
  sed -nE '/^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|==[0-9]+==|SUMMARY|Test unit written|Done)/p' "$log"
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    echo "!!! cargo fuzz run $target failed with exit status $status"
    artefacts=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log")
    if [ -z "$artefacts" ]; then
      # No input was saved (a build error, a missing toolchain): show the whole output.
      cat "$log"
    fi
    while IFS= read -r artefact; do
      [ -n "$artefact" ] || continue
      echo "!!! crashing input: $artefact"
      if [ -f "$artefact" ]; then
        od -A x -t x1z -v "$artefact"
      else
        echo "!!! (the file is missing)"
      fi
    done <<<"$artefacts"
  fi
  rm -rf "$work" "$log"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing failed for: ${failed[*]}" >&2
  exit 1
fi
