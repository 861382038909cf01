#!/usr/bin/env bash
# Whole-process benchmark of `gantry run` (JVM start included) on generated workflows:
#   1. one job with one `run: true` step            (goal: under 0.5 s wall)
#   2. one job with 51 `run: true` steps: the cost per extra step beyond a bare `bash -c true`
#      (goal: under 5 ms), measured as (t51 - t1) / 50 minus the time of one `bash -c true`.
#   3. the same for 21 steps, (t21 - t1) / 20: a run under 25 steps starts its steps the JDK's way
#      (see SessionSpawners), a longer one through posix_spawn.
#   4. the marginal cost of a step, (t201 - t51) / 150 minus one `bash -c true`: what one more step
#      adds once the run is warm (2. also spreads the first steps' warm-up over the 50).
# Prints medians of RUNS runs (default 10). Usage: bench/run.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$here/gantry" --version >/dev/null   # builds the jar and the class-data archive once

make_repo() { # dir steps
  mkdir -p "$1/.github/workflows"
  {
    echo "on: push"
    echo "jobs:"
    echo "  j:"
    echo "    runs-on: ubuntu-latest"
    echo "    steps:"
    for _ in $(seq 1 "$2"); do echo "      - run: 'true'"; done
  } > "$1/.github/workflows/ci.yml"
  git -C "$1" init -q
  git -C "$1" add -A
  git -C "$1" -c user.name=bench -c user.email=bench@localhost commit -qm bench
}

median() { sort -n | awk '{a[NR]=$1} END {printf "%d\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

time_ms() { # command... -> median wall ms
  local i t0 t1
  for i in $(seq 1 "$runs"); do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000000 ))
  done | median
}

time_us() { # command... -> median wall µs of one run, over 200 runs in a loop
  local t0 t1
  t0=$(date +%s%N)
  for _ in $(seq 1 200); do "$@" >/dev/null 2>&1; done
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 200000 ))
}

make_repo "$work/one" 1
make_repo "$work/short" 21
make_repo "$work/many" 51
make_repo "$work/long" 201
one=$(time_ms "$here/gantry" run -C "$work/one")
short=$(time_ms "$here/gantry" run -C "$work/short")
many=$(time_ms "$here/gantry" run -C "$work/many")
long=$(time_ms "$here/gantry" run -C "$work/long")
bash_us=$(time_us bash -c true)
short_step_us=$(( (short - one) * 1000 / 20 - bash_us ))
per_step_us=$(( (many - one) * 1000 / 50 - bash_us ))
marginal_us=$(( (long - many) * 1000 / 150 - bash_us ))
printf '%-50s median %6s ms over %s runs\n' "gantry run, 1 step (run: true)" "$one" "$runs"
printf '%-50s median %6s ms over %s runs\n' "gantry run, 21 steps" "$short" "$runs"
printf '%-50s median %6s ms over %s runs\n' "gantry run, 51 steps" "$many" "$runs"
printf '%-50s median %6s ms over %s runs\n' "gantry run, 201 steps" "$long" "$runs"
printf '%-50s %6s µs\n' "bash -c true (one process)" "$bash_us"
printf '%-50s %6s µs\n' "cost per extra step beyond bash -c true, 21 steps" "$short_step_us"
printf '%-50s %6s µs\n' "cost per extra step beyond bash -c true, 51 steps" "$per_step_us"
printf '%-50s %6s µs\n' "marginal cost, 51 to 201 steps, beyond bash -c true" "$marginal_us"
