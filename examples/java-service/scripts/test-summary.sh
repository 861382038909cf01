#!/usr/bin/env bash
# Prints a Markdown table of test results, one row per folder given (for example one per JDK):
# the counts summed over the folder's JUnit XML files (TEST-*.xml, at any depth) and the instruction
# coverage of its jacoco.csv, if any. The report jobs print it, and GitHub's also writes it to the
# step summary. Exit status 1 when no folder holds a JUnit report.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: test-summary.sh FOLDER..." >&2
  exit 2
fi

# The value of attribute $1 in the <testsuite ...> start tags on standard input, summed.
sum_attribute() {
  sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" | awk '{ n += $1 } END { print n + 0 }'
}

rows=()
for folder in "$@"; do
  mapfile -t xml < <(find "$folder" -name 'TEST-*.xml' 2>/dev/null | sort)
  [ ${#xml[@]} -eq 0 ] && continue
  tags=$(grep -h -o '<testsuite [^>]*>' "${xml[@]}")
  coverage="-"
  csv=$(find "$folder" -name jacoco.csv 2>/dev/null | head -n 1)
  if [ -n "$csv" ]; then
    coverage=$("$(dirname "$0")/coverage.sh" "$csv" | sed -n 's/.*Total: \([0-9.]*%\).*/\1/p')
  fi
  rows+=("$(printf '| %s | %s | %s | %s | %s | %s |' "$(basename "$folder")" \
    "$(sum_attribute tests <<<"$tags")" "$(sum_attribute failures <<<"$tags")" \
    "$(sum_attribute errors <<<"$tags")" "$(sum_attribute skipped <<<"$tags")" "$coverage")")
done

if [ ${#rows[@]} -eq 0 ]; then
  echo "test-summary: no JUnit reports (TEST-*.xml) in $*" >&2
  exit 1
fi
echo "| run | tests | failures | errors | skipped | coverage |"
echo "|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
