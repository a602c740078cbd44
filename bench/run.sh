#!/usr/bin/env bash
# `make bench`: builds the SurveyJS page from the same questionnaire and runs the
# side-by-side benchmark. Pass --write to record the table in docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet -- questionnaire --json | node bench/surveyjs-page.mjs
node bench/bench.mjs "$@"
# Answer clicks timed alone under 4x CPU throttling, by kind (first answer, first after a page change, change).
node bench/answers.mjs dist 4 200
# The results page's render: 40 visits after a complete assessment (median and p95; with 15, the p95 is the slowest).
node bench/results-render.mjs dist 40
# The first use of a screen of the whole widget: the team page, from the click to the page shown.
node bench/handover.mjs dist 8
# When each step of the start can be taken (Start, the context page, the first questions), both profiles.
node bench/start-steps.mjs dist 9
# The long tasks of the start under 4x CPU throttling (what Lighthouse's total blocking time counts).
node bench/start-tasks.mjs dist 11
# Lighthouse (mobile profile) on both pages, served with compression.
node bench/lighthouse.mjs "$@"
# Reading JSON objects with very many keys (a hostile results file): the time should grow about linearly.
cargo run --quiet --release --example json_keys_time
# Aggregation of 2,000 and 10,000 results files (throughput and peak memory).
bench/aggregate.sh
