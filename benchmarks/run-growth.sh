#!/usr/bin/env bash
# How the running system's costs grow with a publisher's history (issue 14). Starts the local run's pieces on free
# ports with data in a temporary directory: the Mongo-wire store (one H2 file, its own JVM), one Kafka broker and the
# three services' jars with -Xmx256m, their heap sampled from /actuator/prometheus. Publishes ARTICLES articles
# through content's API with one report each (as many open review items), grows the history through feedback intake
# to each size of stored votes (a tenth replaced, a report per ten votes, a fifth of those on one viral article),
# and at each size prints p50/p99 of every reader and staff operation; then times review-service's drain of a
# BACKLOG of events written straight onto the topics, and checks nothing was counted twice. Run on demand, never
# in the test suite.
# Usage: benchmarks/run-growth.sh   [env: QUICK=1 SIZES=10000,100000,1000000 VOTED=1000 ARTICLES=10000
#                                     BACKLOG=100000 SAMPLES=200 SERVICE_JAVA_OPTIONS= SKIP_BUILD=1]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
if [ "${QUICK:-}" = 1 ]; then # sized for a shared two-core machine, where review-service drains ~50 votes/s today
  SIZES=${SIZES:-1000,3000,10000}; VOTED=${VOTED:-200}; ARTICLES=${ARTICLES:-1000}; BACKLOG=${BACKLOG:-5000}
  SAMPLES=${SAMPLES:-50}
fi
SIZES=${SIZES:-10000,100000,1000000}; VOTED=${VOTED:-1000}; ARTICLES=${ARTICLES:-10000}
BACKLOG=${BACKLOG:-100000}; SAMPLES=${SAMPLES:-200}
# the launcher's services run the quick-starting C1 compiler only; a benchmark wants the optimising one, as in
# production, and the heap a service is meant to live in
SERVICE_JAVA_OPTIONS=${SERVICE_JAVA_OPTIONS:--Xmx256m -XX:TieredStopAtLevel=4}
OUT=benchmarks/target/growth; mkdir -p "$OUT"
# one reactor build (the services' jars land in local-system/target/services), so everything is this checkout's
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -o -q -B -DskipTests package dependency:build-classpath -pl benchmarks -am \
  -Dmdep.outputFile="$PWD/$OUT/classpath.txt" >/dev/null
CP="benchmarks/target/classes:$(cat "$OUT/classpath.txt")"
java -cp "$CP" org.erratum.benchmarks.GrowthBenchmark "$SIZES" "$VOTED" "$ARTICLES" "$BACKLOG" "$SAMPLES" \
  "$SERVICE_JAVA_OPTIONS" 2>&1 | tee "$OUT/run.log" | grep -vE '^(SLF4J|[0-9]{2}:[0-9]{2}:[0-9]{2})'
