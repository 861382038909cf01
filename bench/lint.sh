#!/usr/bin/env bash
# Whole-process benchmark of `gantry lint` (JVM start included) on two generated inputs:
#   1. a .gitlab-ci.yml with 1,000 jobs (5 stages, extends, rules, needs, artifacts, cache)
#   2. a GitHub workflow whose matrix has 256 cells (4 axes of 4 values, plus include/exclude)
# Prints the median wall time of RUNS runs (default 10) for each, and `true` as the floor.
# Usage: bench/lint.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$here/gantry" --version >/dev/null   # builds the jar and the class-data archive once

gen_gitlab() {
  echo "stages: [build, test, package, deploy, report]"
  echo "variables: {GLOBAL: 'x'}"
  echo ".base:"
  echo "  image: alpine:3"
  echo "  before_script: [echo base]"
  echo "  rules:"
  echo "    - if: '\$CI_COMMIT_BRANCH == \"main\"'"
  echo "    - when: on_success"
  local stages=(build test package deploy report)
  for i in $(seq 0 999); do
    local st=${stages[$((i % 5))]}
    echo "job-$i:"
    echo "  extends: .base"
    echo "  stage: $st"
    echo "  variables: {N: '$i'}"
    echo "  script:"
    echo "    - echo job $i \$N"
    echo "    - test -n \"\$GLOBAL\""
    if [ "$i" -ge 5 ]; then echo "  needs: [job-$((i - 5))]"; fi
    echo "  artifacts: {paths: [out/$i], expire_in: 1 day}"
    echo "  cache: {key: k-$((i % 7)), paths: [.cache]}"
  done
}

gen_matrix() {
  cat <<'YAML'
name: matrix
on: [push, pull_request]
jobs:
  test:
    runs-on: ${{ matrix.os }}
    strategy:
      fail-fast: false
      matrix:
        os: [ubuntu-22.04, ubuntu-24.04, debian-12, debian-13]
        java: [17, 21, 23, 25]
        db: [h2, postgres, mysql, sqlite]
        mode: [fast, slow, mixed, none]
        include:
          - os: ubuntu-24.04
            experimental: true
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ matrix.os }} ${{ matrix.java }} ${{ matrix.db }} ${{ matrix.mode }}"
YAML
}

mkdir -p "$work/gl" "$work/gh/.github/workflows"
gen_gitlab > "$work/gl/.gitlab-ci.yml"
gen_matrix > "$work/gh/.github/workflows/matrix.yml"

median() { sort -n | awk '{a[NR]=$1} END {printf "%d\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

time_runs() { # label, dir, command...
  local label="$1" dir="$2"; shift 2
  local i t0 t1 ms
  ms=$(for i in $(seq 1 "$runs"); do
    t0=$(date +%s%N)
    (cd "$dir" && "$@" >/dev/null 2>&1) || true
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 ))
  done | median)
  printf '%-42s median %6s ms over %s runs\n' "$label" "$ms" "$runs"
}

echo "1,000-job pipeline: $(wc -c < "$work/gl/.gitlab-ci.yml") bytes"
time_runs "true (process floor)" "$work" true
time_runs "gantry lint, 1,000-job .gitlab-ci.yml" "$work/gl" "$here/gantry" lint
time_runs "gantry lint, 256-cell matrix workflow" "$work/gh" "$here/gantry" lint
