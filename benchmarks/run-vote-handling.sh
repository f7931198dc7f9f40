#!/usr/bin/env bash
# How review-service's cost per vote event grows with the votes already stored (issue 14: it used to count every
# stored vote per event). Starts the embedded broker and store and review-service in one JVM, fills a fresh database
# per store size, and times batches of vote events handed to the service's vote handler. Prints median µs per event
# per store size and the ratio largest/smallest. Run on demand, never in the test suite.
# Usage: benchmarks/run-vote-handling.sh   [env: SIZES=10000,100000 PER_BATCH=2000 BATCHES=5 SKIP_BUILD=1 JAVA_OPTIONS=]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
SIZES=${SIZES:-10000,100000}; PER_BATCH=${PER_BATCH:-2000}; BATCHES=${BATCHES:-5}
OUT=benchmarks/target/vote-handling; mkdir -p "$OUT"
# one reactor build, so the class path names this checkout's modules, not what another build put in ~/.m2
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -q -B -DskipTests package dependency:build-classpath -pl benchmarks -am \
  -Dmdep.outputFile="$PWD/$OUT/classpath.txt" >/dev/null
# without feedback-service, whose application.yml would otherwise be the one review-service reads
CP="benchmarks/target/classes:$(tr ':' '\n' < "$OUT/classpath.txt" | grep -v '/feedback-service' | paste -sd:)"
java ${JAVA_OPTIONS:-} -cp "$CP" org.erratum.benchmarks.VoteHandlingBenchmark "$SIZES" "$PER_BATCH" "$BATCHES" \
  2>&1 | tee "$OUT/run.log" | grep -E '^\||^ratio|votes stored:'
