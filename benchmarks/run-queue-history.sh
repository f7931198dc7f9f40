#!/usr/bin/env bash
# How claim-next and the queue's first page cost with open items and with resolved history (issue 14). Starts the
# embedded broker and store and review-service in one JVM, fills a fresh database per scenario with review items
# straight in the store, and calls claim-next and the first page as the API does. Prints p50/p99 per scenario. Run on
# demand, never in the test suite.
# Usage: benchmarks/run-queue-history.sh   [env: SCENARIOS=1000+0,10000+0,1000+20000 SAMPLES=200 SKIP_BUILD=1 JAVA_OPTIONS=]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
SCENARIOS=${SCENARIOS:-1000+0,10000+0,1000+20000}; SAMPLES=${SAMPLES:-200}
OUT=benchmarks/target/queue-history; mkdir -p "$OUT"
# one reactor build, so the class path names this checkout's modules, not what another build put in ~/.m2
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -q -B -DskipTests package dependency:build-classpath -pl benchmarks -am \
  -Dmdep.outputFile="$PWD/$OUT/classpath.txt" >/dev/null
# without feedback-service, whose application.yml would otherwise be the one review-service reads
CP="benchmarks/target/classes:$(tr ':' '\n' < "$OUT/classpath.txt" | grep -v '/feedback-service' | paste -sd:)"
uptime
java ${JAVA_OPTIONS:-} -cp "$CP" org.erratum.benchmarks.QueueHistoryBenchmark "$SCENARIOS" "$SAMPLES" \
  2>&1 | tee "$OUT/run.log" | grep -E '^\||resolved:'
uptime
