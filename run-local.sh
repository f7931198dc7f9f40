#!/usr/bin/env bash
# Runs the whole Erratum system without Docker: a real Kafka broker (KRaft), the embedded Mongo-wire store
# (data kept in .erratum-data/), an SMTP server on 127.0.0.1:3025 that writes every mail to .erratum-data/mail/,
# and the three services on 8081, 8082 and 8083. Ctrl-C stops everything. Arguments go to the launcher's JVM, e.g.
#   ./run-local.sh -Derratum.port.mail=2525
set -euo pipefail
cd "$(dirname "$0")"
. bin/jdk.sh
echo "Building (java: $(java -version 2>&1 | head -1)) ..."
./mvnw -q -B -DskipTests package
exec java "$@" -jar local-system/target/local-system-0.1.0-SNAPSHOT-exec.jar
