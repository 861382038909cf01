#!/usr/bin/env bash
# Times preparing a job workspace (dev.gantry.runner.workspace.WorkspacePreparer) for a generated
# repository: FILES small committed files (default 10,000) in 100 directories, a few executables
# and symlinks, plus untracked files and an ignored build/ directory of 2,000 files that must be
# skipped. Compares with `cp -a` of the same tree (the physical floor for copying these files).
# Page cache warm; each figure is the fastest and the median of ROUNDS runs after one warm-up run
# (the fastest is the robust figure on a machine shared with other work). Set TMPDIR=/dev/shm to
# take the disk out of the measurement.
#
#   bench/workspace.sh                 # FILES=10000 ROUNDS=5 THREADS="1 2 4 8"
#   FILES=2000 ROUNDS=3 bench/workspace.sh
set -euo pipefail

FILES=${FILES:-10000}
ROUNDS=${ROUNDS:-5}
THREADS=${THREADS:-"1 2 4 8"}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gantry-bench-ws.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

JAVA=${JAVA:-}
if [ -z "$JAVA" ]; then
  for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*-25-*/bin/java /usr/lib/jvm/*-21-*/bin/java "$(command -v java || true)"; do
    if [ -x "$candidate" ] && "$candidate" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA=$candidate; break; fi
  done
fi
[ -n "$JAVA" ] || { echo "bench/workspace.sh: needs a JDK 21 or newer (set JAVA)" >&2; exit 2; }

echo "== building gantry-runner"
(cd "$ROOT" && mvn -q -B -o -pl gantry-runner -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null)
CLASSPATH="$ROOT/gantry-runner/target/classes:$ROOT/gantry-core/target/classes:$(cat "$WORK/classpath.txt")"

echo "== generating a repository with $FILES committed files"
REPO="$WORK/repo"
mkdir -p "$REPO"
git -C "$REPO" init -q -b main
per_dir=$(( (FILES + 99) / 100 ))
for d in $(seq 0 99); do
  dir="$REPO/src/module$d/pkg"
  mkdir -p "$dir"
  for f in $(seq 0 $((per_dir - 1))); do
    n=$((d * per_dir + f))
    [ "$n" -lt "$FILES" ] || break
    printf 'file %d of the generated repository\nline two %d\n%0200d\n' "$n" "$n" "$n" > "$dir/File$f.java"
  done
done
for i in 1 2 3 4 5; do printf '#!/bin/sh\necho %d\n' "$i" > "$REPO/src/tool$i.sh"; chmod +x "$REPO/src/tool$i.sh"; done
ln -s module0/pkg/File0.java "$REPO/src/link0"
printf 'build/\n*.log\n' > "$REPO/.gitignore"
git -C "$REPO" add -A
git -C "$REPO" -c user.name=bench -c user.email=bench@example.com commit -q -m generated
mkdir -p "$REPO/build/out"
for i in $(seq 1 2000); do echo "$i" > "$REPO/build/out/o$i.class"; done
for i in 1 2 3; do echo "local $i" > "$REPO/src/untracked$i.txt"; echo "log" > "$REPO/debug$i.log"; done
echo "edited" >> "$REPO/src/module1/pkg/File1.java"
echo "repository: $(find "$REPO/src" -type f | wc -l) files under src/, $(du -sh "$REPO/src" | cut -f1); .git $(du -sh "$REPO/.git" | cut -f1)"

echo "== machine: $(nproc) cores, $(uname -sr), $("$JAVA" -version 2>&1 | head -1)"
echo "== gantry WorkspacePreparer ($ROUNDS rounds)"
# shellcheck disable=SC2086
"$JAVA" -cp "$CLASSPATH" "$ROOT/bench/WorkspaceBench.java" "$REPO" "$WORK" "$ROUNDS" $THREADS

echo "== cp -a of the same files ($ROUNDS rounds)"
floor() {
  local label=$1; shift
  local times=()
  for r in $(seq 0 "$ROUNDS"); do
    rm -rf "$WORK/cp"; mkdir -p "$WORK/cp"
    local start end
    start=$(date +%s%N)
    "$@"
    end=$(date +%s%N)
    [ "$r" -eq 0 ] || times+=($(( (end - start) / 1000000 )))
  done
  rm -rf "$WORK/cp"
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%s  min %6d ms  median %6d ms\n' "$label" "$(echo "$sorted" | head -1)" \
    "$(echo "$sorted" | sed -n "$(( (${#times[@]} + 1) / 2 ))p")"
}
floor "cp -a src/ (the files only)           " cp -a "$REPO/src" "$WORK/cp/"
floor "cp -a of the whole repository with .git" cp -a "$REPO/." "$WORK/cp/"
