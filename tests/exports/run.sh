#!/usr/bin/env bash
# Exports results files with the command-line tool in every format and opens
# each with independent readers (tests/exports/check.py): a German team file,
# the English reference file, and the same file exported in French.
# Needs Debian's python3-openpyxl, python3-docx and LibreOffice (scripts/tools.sh test).
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${DEBIAN_PYTHON:-/usr/bin/python3}
cargo build --quiet --bin cloudtriage
cli=target/debug/cloudtriage
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() { # results-file lang [--lang override]
  local file=$1 lang=$2 name
  name=$(basename "$file" .json)-$lang
  shift 2
  for format in xlsx csv docx md; do
    "$cli" export "$file" --format "$format" "$@" --out "$out/$name.$format" >/dev/null
  done
  "$cli" score --json "$file" > "$out/$name.score.json"
  "$cli" questionnaire --json --lang "$lang" > "$out/$name.questionnaire.json"
  "$PYTHON" tests/exports/check.py --pdf --score "$out/$name.score.json" --questionnaire "$out/$name.questionnaire.json" \
    --results "$file" --lang "$lang" "$out/$name".{xlsx,csv,docx,md}
}
run tests/fixtures/exports-de.json de
run tests/fixtures/reference-answers.json en
run tests/fixtures/reference-answers.json fr --lang fr
