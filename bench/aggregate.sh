#!/usr/bin/env bash
# Aggregation at scale: writes 2,000 and 10,000 valid results files, runs
# `cloudtriage aggregate` on each set and prints files per second and peak
# memory (maximum resident set size), to show throughput and that memory
# stays flat in the number of files. Part of `make bench`; run alone with
# `bench/aggregate.sh [N...]`. Files per CPU-second shows the cost per file
# when other work shares the machine; on two idle cores, files per second
# approaches twice that figure.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-2000 10000}")
cargo build --quiet --release --bin cloudtriage --example results_corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-8s %10s %14s %12s %20s %10s\n' files seconds files/second "CPU seconds" "files/CPU-second" "peak MB"
for n in ${sizes[@]}; do
  target/release/examples/results_corpus "$work/files-$n" "$n"
  # Warm the page cache once so the figure measures the program, not the disk.
  cat "$work"/files-"$n"/*/*.json > /dev/null
  start=$(date +%s.%N)
  /usr/bin/time -f '%M %U %S' -o "$work/rss" target/release/cloudtriage aggregate "$work/files-$n" \
    --out "$work/benchmark-$n.json" --by org_size > /dev/null 2>&1
  end=$(date +%s.%N)
  read -r kb user sys < "$work/rss"
  awk -v n="$n" -v s="$start" -v e="$end" -v kb="$kb" -v cpu="$(echo "$user + $sys" | bc -l)" \
    'BEGIN { t = e - s; printf "%-8d %10.2f %14.0f %12.2f %20.0f %10.1f\n", n, t, n / t, cpu, n / cpu, kb / 1024 }'
done
