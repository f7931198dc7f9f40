#!/usr/bin/env bash
# Runs the whole Erratum system without Docker: a real Kafka broker (KRaft), the embedded Mongo-wire store
# (data kept in .erratum-data/), and the three services on 8081, 8082 and 8083. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
. bin/jdk.sh
echo "Building (java: $(java -version 2>&1 | head -1)) ..."
./mvnw -q -B -DskipTests package
exec java -jar local-system/target/local-system-0.1.0-SNAPSHOT-exec.jar "$@"
