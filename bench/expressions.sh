#!/usr/bin/env bash
# JMH benchmark of GitHub expression parsing and evaluation (ExpressionBenchmark in gantry-core's
# test sources). Arguments go to JMH after the options in JMH_OPTIONS (default: one fork, 3 warm-up
# and 5 measured iterations of one second), e.g. `bench/expressions.sh parseTypicalIf` to run one
# benchmark, or `JMH_OPTIONS='-f 2 -i 10' bench/expressions.sh`. Results go to docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

# A JDK 21+ (the default java may be older): JAVA_HOME, java on PATH, then the usual folders.
jdk=""
for d in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java || echo /nonexistent)")")")" \
         /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release" 2>/dev/null | head -n1 || true)
  if [ -x "$d/bin/java" ] && [ "${v:-0}" -ge 21 ]; then jdk="$d"; break; fi
done
[ -n "$jdk" ] || { echo "expressions.sh: needs a JDK 21 or newer (set JAVA_HOME)" >&2; exit 2; }

mvn -q -B -pl gantry-core test-compile
cp_file="$PWD/gantry-core/target/bench.classpath"
mvn -q -B -pl gantry-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec "$jdk/bin/java" -cp "gantry-core/target/test-classes:gantry-core/target/classes:$(cat "$cp_file")" \
  org.openjdk.jmh.Main ${JMH_OPTIONS:--f 1 -wi 3 -w 1s -i 5 -r 1s} "${@:-dev.gantry.expr.github.bench.ExpressionBenchmark}"
