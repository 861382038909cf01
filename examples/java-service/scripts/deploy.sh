#!/usr/bin/env bash
# "Deploys" the built jar to an environment, for the example's deploy jobs:
#   scripts/deploy.sh staging|production URL
# copies target/inventory-service-$VERSION.jar into deploy/<environment>/, records the release
# next to it, runs the deployed jar once as a smoke test, and prints the URL.
#
# Environment: VERSION (the project version, from the build job), DEPLOY_TOKEN (a secret). The token
# is never printed, only its length. Staging accepts a missing token (a local run without secrets);
# production refuses to deploy without one.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 2 ] || ! [[ $1 =~ ^(staging|production)$ ]]; then
  echo "usage: deploy.sh staging|production URL" >&2
  exit 2
fi
environment=$1 url=$2

if [ -z "${VERSION:-}" ]; then
  echo "deploy: VERSION is not set (the build job provides it)" >&2
  exit 1
fi
jar="target/inventory-service-$VERSION.jar"
if [ ! -f "$jar" ]; then
  echo "deploy: $jar is missing (the build job's artifact)" >&2
  exit 1
fi

if [ -n "${DEPLOY_TOKEN:-}" ]; then
  echo "deploy: DEPLOY_TOKEN provided (${#DEPLOY_TOKEN} characters)"
elif [ "$environment" = production ]; then
  echo "deploy: DEPLOY_TOKEN is not set; production needs it (a masked CI/CD variable or secret)" >&2
  exit 1
else
  echo "deploy: DEPLOY_TOKEN is not set; deploying to $environment without it"
fi

target="deploy/$environment"
mkdir -p "$target"
cp "$jar" "$target/"
commit=${GITHUB_SHA:-${CI_COMMIT_SHA:-$(git rev-parse HEAD 2>/dev/null || echo unknown)}}
printf 'version=%s\ncommit=%s\ndeployed=%s\nurl=%s\n' \
  "$VERSION" "$commit" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$url" > "$target/release.properties"

# The smoke test: the deployed jar starts and runs its built-in demo.
if command -v java >/dev/null 2>&1; then
  java -jar "$target/$(basename "$jar")" demo > "$target/smoke-test.log"
  echo "deploy: smoke test passed ($(tail -n 1 "$target/smoke-test.log"))"
else
  echo "deploy: no java on PATH, smoke test not run"
fi

echo "deploy: inventory-service $VERSION is live on $environment at $url"
