#!/usr/bin/env bash
# Container start overhead per job: Gantry's Docker runtime (create + start a keep-alive job
# container, exec `true`, remove) next to `docker run --rm IMAGE true`, interleaved on the same
# engine. Needs a running engine and the test images (.ci/docker-up.sh, .ci/test-images.sh).
# Usage: bench/container-start.sh [ROUNDS] [IMAGE]      (defaults: 15 gantry-test/busybox:latest)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

jdk=""
for d in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release" 2>/dev/null | head -n1 || true)
  if [ -x "$d/bin/java" ] && [ "${v:-0}" -ge 21 ]; then jdk="$d"; break; fi
done
[ -n "$jdk" ] || { echo "container-start: needs a JDK 21+ (set JAVA_HOME)" >&2; exit 2; }

mvn -q -B -o install -DskipTests -pl gantry-core >/dev/null
mvn -q -B -o test-compile -pl gantry-runner
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -q -B -o dependency:build-classpath -pl gantry-runner -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
"$jdk/bin/java" -cp "gantry-runner/target/test-classes:gantry-runner/target/classes:$(cat "$cp_file")" \
  dev.gantry.runner.container.ContainerStartBenchmark "${1:-15}" "${2:-gantry-test/busybox:latest}"
