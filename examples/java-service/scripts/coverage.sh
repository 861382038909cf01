#!/usr/bin/env bash
# Prints the coverage summary line of a JaCoCo CSV report (default target/site/jacoco/jacoco.csv):
#   Coverage: Total: 96.4% of instructions (1081 of 1121), 97.5% of lines
# The "Total: NN.N%" part is what the GitLab test job's `coverage:` regex reads.
set -euo pipefail

csv=${1:-target/site/jacoco/jacoco.csv}
if [ ! -f "$csv" ]; then
  echo "coverage: no $csv (run 'mvn verify' first)" >&2
  exit 1
fi
# Columns: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,...,LINE_MISSED,LINE_COVERED,...
awk -F, '
  NR > 1 { imissed += $4; icovered += $5; lmissed += $8; lcovered += $9 }
  END {
    if (icovered + imissed == 0) { print "coverage: no classes in the report" > "/dev/stderr"; exit 1 }
    printf "Coverage: Total: %.1f%% of instructions (%d of %d), %.1f%% of lines\n",
      100 * icovered / (icovered + imissed), icovered, icovered + imissed,
      100 * lcovered / (lcovered + lmissed)
  }' "$csv"
