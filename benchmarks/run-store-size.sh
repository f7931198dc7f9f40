#!/usr/bin/env bash
# Bytes on disk per stored vote in the local run's store (issue 14: .erratum-data/mongo.mv was 231 MB after about
# 36,000 votes), and the median cost of a vote's writes there. Starts the store on a temporary file in this JVM and
# makes each vote's writes through the MongoDB driver, as feedback-service and review-service make them. Prints one
# row per store size, then the file's size after a restart and what each collection holds. Run on demand, never in
# the test suite.
# Usage: benchmarks/run-store-size.sh   [env: SIZES=10000,100000 SKIP_BUILD=1 JAVA_OPTIONS=]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
SIZES=${SIZES:-10000,100000}
OUT=benchmarks/target/store-size; mkdir -p "$OUT"
# one reactor build, so the class path names this checkout's modules, not what another build put in ~/.m2
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -q -B -DskipTests package dependency:build-classpath -pl benchmarks -am \
  -Dmdep.outputFile="$PWD/$OUT/classpath.txt" >/dev/null
CP="benchmarks/target/classes:$(cat "$OUT/classpath.txt")"
java ${JAVA_OPTIONS:-} -cp "$CP" org.erratum.benchmarks.StoreSizeBenchmark "$SIZES" 2>&1 | tee "$OUT/run.log" \
  | grep -E '^\||^after '
