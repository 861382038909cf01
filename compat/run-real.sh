#!/usr/bin/env bash
# Runs gantry, unchanged, on a checkout of one of the public projects whose results
# docs/COMPATIBILITY.md records ("Real repositories"). It fetches nothing: bring the checkout
# yourself (git clone), and the toolchains the project's jobs ask for (see below).
#
#   compat/run-real.sh jsoup           CHECKOUT [gantry run options...]
#   compat/run-real.sh chalk           CHECKOUT [gantry run options...]
#   compat/run-real.sh read-excel-file CHECKOUT [gantry run options...]
#   compat/run-real.sh six|clsx|commons-cli|shellspec|adblockpluscore|python-gitlab CHECKOUT [...]
#   compat/run-real.sh express|gson|dav1d|libxml2 CHECKOUT [...]
#   compat/run-real.sh commons-io|opus CHECKOUT [...]
#
# jsoup            .github/workflows/build.yml, job 'test', the legs this machine can run: Linux, JDK 17
#                  and 25 (ALL_LEGS=1 runs all nine: the Windows and macOS legs are skipped with the
#                  reason, the JDK 8 leg fails in setup-java unless a JDK 8 is installed)
# chalk            .github/workflows/main.yml, job 'test' on Node.js 26 and 14 (install them into the
#                  tool cache with compat/node-toolcache.sh 26.12.1 and compat/node-toolcache.sh 14.21.3)
# read-excel-file  .gitlab-ci.yml, job 'pages', with --executor shell (its image node:18 cannot be pulled
#                  offline; the job uses this machine's node and npm)
# six              .github/workflows/ci.yml, job 'test', Linux legs on Python 3.11 and 3.12 (needs tox from PyPI)
# clsx             .github/workflows/ci.yml, job 'test' on Node.js 18 and 14 (compat/node-toolcache.sh 18.20.8)
# commons-cli      .github/workflows/maven.yml, job 'build' on JDK 17 and 25 (needs Maven 3.9 first on PATH)
# shellspec        .github/workflows/ubuntu-noble.yml, the bash leg (needs a sudo on PATH; SHELLS=dash for another)
# adblockpluscore  .gitlab-ci.yml, jobs 'docs' and 'pages', --executor shell, install scripts off
# python-gitlab    .gitlab-ci.yml with --executor shell (a branch has no pipeline; add --ref TAG for one)
# express          .github/workflows/ci.yml, jobs 'lint' and 'test' on Linux with Node.js 20
# gson             .github/workflows/build.yml, job 'build' on JDK 17
# dav1d            .gitlab-ci.yml, job 'style-check', --executor shell
# libxml2          .gitlab-ci.yml, job 'cmake:linux:gcc:shared', --executor shell; writes a stand-in for
#                  GNOME's release-service component under .gantry/includes/ in the checkout if none is there
# commons-io       .github/workflows/maven.yml, job 'build' on Linux with JDK 17 (needs Maven 3.9 first on PATH)
# opus             .gitlab-ci.yml, job 'whitespace', --executor shell; writes a stand-in for GitLab's
#                  Workflows/Branch-Pipelines template under .gantry/includes/ in the checkout if none is there
#
# Prints the project's commit, then gantry's output; the exit status is gantry's.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
gantry="$here/../gantry"
project="${1:-}"
checkout="${2:-}"
if [ -z "$project" ] || [ -z "$checkout" ]; then
  sed -n '2,34p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
fi
shift 2
if [ ! -d "$checkout" ]; then
  echo "run-real: no such folder: $checkout" >&2
  exit 2
fi
checkout="$(cd "$checkout" && pwd)"

case "$project" in
  jsoup)
    args=(-j test "$checkout/.github/workflows/build.yml")
    if [ -z "${ALL_LEGS:-}" ]; then
      args+=(--matrix os=ubuntu-latest --matrix java=17 --matrix java=25)
    fi
    ;;
  chalk)
    args=(-j test "$checkout/.github/workflows/main.yml")
    ;;
  read-excel-file)
    args=(--executor shell "$checkout/.gitlab-ci.yml")
    ;;
  six)
    args=(-j test --matrix os=ubuntu-latest --matrix python-version=3.11 --matrix python-version=3.12
          "$checkout/.github/workflows/ci.yml")
    ;;
  clsx)
    args=(-j test --matrix nodejs=18 --matrix nodejs=14 "$checkout/.github/workflows/ci.yml")
    ;;
  commons-cli)
    args=(-j build --matrix java=17 --matrix java=25 "$checkout/.github/workflows/maven.yml")
    ;;
  shellspec)
    args=(--matrix "shells.shell=${SHELLS:-bash}" "$checkout/.github/workflows/ubuntu-noble.yml")
    ;;
  adblockpluscore)
    args=(--executor shell -j docs -j pages --var npm_config_ignore_scripts=true "$checkout/.gitlab-ci.yml")
    ;;
  python-gitlab)
    args=(--executor shell "$checkout/.gitlab-ci.yml")
    ;;
  express)
    args=(-j lint -j test --matrix os=ubuntu-latest --matrix node-version=20 "$checkout/.github/workflows/ci.yml")
    ;;
  gson)
    args=(-j build --matrix java=17 "$checkout/.github/workflows/build.yml")
    ;;
  dav1d)
    args=(--executor shell -j style-check "$checkout/.gitlab-ci.yml")
    ;;
  libxml2)
    component="$checkout/.gantry/includes/component/GNOME/citemplates/release-service@master.yml"
    if [ ! -f "$component" ]; then
      mkdir -p "$(dirname "$component")"
      # The real component lives on gitlab.gnome.org; this one takes the same inputs.
      cat > "$component" <<'STUB'
spec:
  inputs:
    job-stage:
      default: deploy
    dist-job-name:
      default: build
    tarball-artifact-path:
      default: ''
---
release-service:
  stage: $[[ inputs.job-stage ]]
  needs: ["$[[ inputs.dist-job-name ]]"]
  rules:
    - if: $CI_COMMIT_TAG
  script:
    - echo "$[[ inputs.tarball-artifact-path ]]"
STUB
    fi
    args=(--executor shell -j cmake:linux:gcc:shared "$checkout/.gitlab-ci.yml")
    ;;
  commons-io)
    args=(-j build --matrix os=ubuntu-latest --matrix java=17 "$checkout/.github/workflows/maven.yml")
    ;;
  opus)
    template="$checkout/.gantry/includes/template/Workflows/Branch-Pipelines.gitlab-ci.yml"
    if [ ! -f "$template" ]; then
      mkdir -p "$(dirname "$template")"
      # GitLab's own template (gitlab.com only); the pipeline overrides its workflow anyway.
      printf 'workflow:\n  rules:\n    - if: $CI_COMMIT_TAG\n    - if: $CI_COMMIT_BRANCH\n' > "$template"
    fi
    args=(--executor shell -j whitespace "$checkout/.gitlab-ci.yml")
    ;;
  *)
    echo "run-real: unknown project '$project' (jsoup, chalk, read-excel-file, six, clsx, commons-cli," \
      "shellspec, adblockpluscore, python-gitlab, express, gson, dav1d, libxml2, commons-io or opus)" >&2
    exit 2
    ;;
esac

echo "run-real: $project at $(git -C "$checkout" rev-parse HEAD 2>/dev/null || echo 'an unknown commit')"
start=$(date +%s)
status=0
"$gantry" run -C "$checkout" "${args[@]}" "$@" || status=$?
echo "run-real: $project finished with exit status $status in $(( $(date +%s) - start )) s"
exit "$status"
