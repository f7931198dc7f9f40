#!/usr/bin/env bash
# Feedback intake speed against its baseline, measured in the same run on this machine:
#   (a) /bench/baseline/*: same HTTP stack and validation of the same payload, answers 202, stores and publishes nothing
#   (b) the real /api/feedback/votes and /api/feedback/reports (durable intake), rate limits raised
#   (f) /bench/floor/votes: the baseline plus one Kafka-acknowledged send and nothing else, the most any intake that
#       answers on Kafka's acknowledgement could reach here
# Prints saturation req/s (wrk, median of ROUNDS runs), p50/p99 at a constant offered rate (open model, latency
# from the moment each request was due), and the ratios (b)/(a) and (f)/(a).
# Usage: benchmarks/run.sh   [env: SECONDS_PER_RUN=10 ROUNDS=3 WARMUP_SECONDS=20 RATE=2000 RATE_SECONDS=20 CONNECTIONS=32 SKIP_BUILD=1
#                              SERVER_JAVA_OPTIONS= INFRASTRUCTURE_JAVA_OPTIONS=]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}; ROUNDS=${ROUNDS:-3}; WARMUP_SECONDS=${WARMUP_SECONDS:-20}; RATE=${RATE:-2000}; RATE_SECONDS=${RATE_SECONDS:-20}
CONNECTIONS=${CONNECTIONS:-32}; PORT=${PORT:-18082}
ARTICLE=bench-$(date +%s)
OUT=benchmarks/target/run; mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -q -B -DskipTests install -pl benchmarks -am
./mvnw -q -B dependency:build-classpath -pl benchmarks -Dmdep.outputFile="$PWD/$OUT/classpath.txt" >/dev/null
CP="benchmarks/target/classes:$(cat "$OUT/classpath.txt")"

# The broker and store in one JVM, the service in another, as the local launcher and production run them. The store
# keeps every document on that JVM's heap, all of it long-lived: with default settings each young collection copied
# seconds' worth of new documents and paused the store 70-136 ms, a stall MongoDB itself does not have. A small young
# generation that promotes at once keeps those pauses near 10 ms.
INFRASTRUCTURE_JAVA_OPTIONS=${INFRASTRUCTURE_JAVA_OPTIONS:--Xmn64m -XX:MaxTenuringThreshold=0}
java $INFRASTRUCTURE_JAVA_OPTIONS -cp "$CP" org.erratum.benchmarks.BenchmarkInfrastructure "$ARTICLE" > "$OUT/infrastructure.log" 2>&1 &
INFRASTRUCTURE=$!
trap 'kill $INFRASTRUCTURE 2>/dev/null || true' EXIT
await_line() { # pattern file pid
  for _ in $(seq 1 180); do grep -q "$1" "$2" && return; kill -0 "$3" 2>/dev/null || break; sleep 1; done
  echo "not started; see $2"; exit 1
}
await_line "INFRASTRUCTURE READY" "$OUT/infrastructure.log" $INFRASTRUCTURE
read -r KAFKA MONGO < <(grep -a "INFRASTRUCTURE READY" "$OUT/infrastructure.log" | awk '{print $3, $4}')
java ${SERVER_JAVA_OPTIONS:-} -cp "$CP" org.erratum.benchmarks.BenchmarkServer "$PORT" "$KAFKA" "$MONGO" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER $INFRASTRUCTURE 2>/dev/null || true' EXIT
await_line "BENCHMARK SERVER READY" "$OUT/server.log" $SERVER

VOTE='{"articleId":"'$ARTICLE'","revision":1,"helpful":false,"reason":"CONFUSING"}'
REPORT='{"articleId":"'$ARTICLE'","revision":1,"category":"OUT_OF_DATE","passage":"Some text a reader could quote.","comment":"The guidance on this changed last year, please check the newer advice."}'
echo "$VOTE" > "$OUT/vote.json"; echo "$REPORT" > "$OUT/report.json"
cat > "$OUT/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BODY")
LUA

saturation() { # url body -> req/s (fails loudly on non-2xx answers)
  local result; result=$(BODY="$2" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s "$OUT/post.lua" "$1")
  if grep -q 'Non-2xx' <<<"$result"; then echo "non-2xx answers from $1:" >&2; echo "$result" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$result"
}
median() { tr -s ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "warming up ..." # the JIT needs tens of seconds at full load before either path reaches its steady speed
for path in bench/baseline/votes api/feedback/votes bench/floor/votes; do BODY="$VOTE" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" -s "$OUT/post.lua" "http://localhost:$PORT/$path" >/dev/null; done
for path in bench/baseline/reports api/feedback/reports; do BODY="$REPORT" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" -s "$OUT/post.lua" "http://localhost:$PORT/$path" >/dev/null; done

declare -A runs
for round in $(seq 1 "$ROUNDS"); do   # alternate baseline and real in every round, so drift hits both alike
  for kind in votes reports; do
    body=$([ $kind = votes ] && echo "$VOTE" || echo "$REPORT")
    runs[base-$kind]+="$(saturation "http://localhost:$PORT/bench/baseline/$kind" "$body") "
    runs[real-$kind]+="$(saturation "http://localhost:$PORT/api/feedback/$kind" "$body") "
  done
  runs[floor-votes]+="$(saturation "http://localhost:$PORT/bench/floor/votes" "$VOTE") "
  echo "round $round done"
done

rate() { java -cp "$CP" org.erratum.benchmarks.OpenLoadGenerator "$1" "$2" "$RATE" "$RATE_SECONDS"; }
echo
printf '%-10s %-9s %14s %28s\n' endpoint kind "sat. req/s" "at $RATE req/s offered"
for kind in votes reports; do
  file="$OUT/$([ $kind = votes ] && echo vote || echo report).json"
  base=$(echo "${runs[base-$kind]}" | median); real=$(echo "${runs[real-$kind]}" | median)
  base_lat=$(rate "http://localhost:$PORT/bench/baseline/$kind" "$file")
  real_lat=$(rate "http://localhost:$PORT/api/feedback/$kind" "$file")
  printf '%-10s %-9s %14.0f   %s\n' "$kind" baseline "$base" "$base_lat"
  printf '%-10s %-9s %14.0f   %s\n' "$kind" real "$real" "$real_lat"
  printf '%-10s %-9s %14.2f\n' "$kind" "ratio" "$(awk -v r="$real" -v b="$base" 'BEGIN {print r / b}')"
  if [ $kind = votes ]; then
    floor=$(echo "${runs[floor-votes]}" | median)
    printf '%-10s %-9s %14.0f   %s\n' "$kind" floor "$floor" "$(rate "http://localhost:$PORT/bench/floor/votes" "$file")"
    printf '%-10s %-9s %14.2f\n' "$kind" "floor/base" "$(awk -v r="$floor" -v b="$base" 'BEGIN {print r / b}')"
  fi
done
echo "(saturation: median of $ROUNDS runs of ${SECONDS_PER_RUN}s, wrk -t2 -c$CONNECTIONS; java: $(java -version 2>&1 | head -1);"
echo " store and broker JVM: ${INFRASTRUCTURE_JAVA_OPTIONS:-defaults})"
