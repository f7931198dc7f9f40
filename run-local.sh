#!/usr/bin/env bash
# Runs the whole Erratum system without Docker: Kafka's own broker (KRaft) on 9092, the Mongo-wire store on 27017,
# an SMTP server on 3025 that writes every mail to .erratum-data/mail/, and the three services on 8081, 8082 and
# 8083, on this machine only (127.0.0.1), keeping everything in .erratum-data/. Ctrl-C stops everything. Arguments
# go to the launcher's JVM, e.g. settings from the README:
#   ./run-local.sh -Derratum.bind-address=0.0.0.0
# The launcher's JVM also runs the Mongo-wire store and the SMTP server: 256 MiB of heap, as each service gets (an
# -Xmx among the arguments comes later and wins).
set -euo pipefail
cd "$(dirname "$0")"
. bin/jdk.sh
echo "Building (java: $(java -version 2>&1 | head -1)) ..."
./mvnw -q -B -DskipTests package
exec java -Xmx256m "$@" -jar local-system/target/local-system-0.1.0-SNAPSHOT-exec.jar
