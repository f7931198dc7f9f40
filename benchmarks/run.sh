#!/usr/bin/env bash
# Feedback intake capacity against its baseline and floor, all measured in the same run on this machine:
#   baseline  /bench/baseline/*: the same HTTP stack, binding and validation of the same payload, a 202, and nothing
#             looked up, stored or published
#   real      /api/feedback/votes and /api/feedback/reports: durable intake (202 once stored), rate limits raised
#   floor     /bench/floor/votes: the baseline plus one Kafka-acknowledged send (acks=all) and nothing else
# Per round, endpoints alternating so that drift hits all alike, an open-model generator (constant offered rate,
# latency from each request's due time) measures for each endpoint:
#   - p50/p99 at RATE req/s offered;
#   - capacity: the highest constant rate answered with no errors and p99 <= P99_LIMIT_MS, whose outbox entries
#     are all published within BACKLOG_LIMIT s of the last answer (how long the service's own consumers, the vote
#     tallies, take to catch up is reported beside it). Found by a coarse ladder (LADDER_START up by LADDER_STEP to
#     LADDER_MAX; the RATE step counts if it passes; later rounds start a step below the round before's capacity),
#     then bisection to LADDER_FINE; a failing step is taken again and fails only twice in a row; each step is
#     STEP_WARMUP_SECONDS unmeasured and STEP_SECONDS measured, from an emptied feedback store and idle processes;
#   - CPU microseconds per accepted (2xx) request of each process: the service JVM, the store JVM, the Kafka broker
#     JVM and the load generator, from /proc/<pid>/stat (utime+stime) over each measured step.
# Then saturation (wrk, closed loop, CONNECTIONS connections), a secondary figure. Prints Markdown tables to stdout
# (medians of the rounds; ratios from this run) and progress to stderr; every step is in benchmarks/target/run/.
#
# Usage: benchmarks/run.sh > tables.md      QUICK=1 benchmarks/run.sh   (1 round of short steps: a smoke test)
# Settings (env): ROUNDS=3 WARMUP_SECONDS=20 RATE=2000 RATE_SECONDS=10 STEP_WARMUP_SECONDS=2 STEP_SECONDS=5
#   LADDER_START=4000 LADDER_STEP=2000 LADDER_MAX=30000 LADDER_FINE=250 P99_LIMIT_MS=50 BACKLOG_LIMIT=1
#   DRAIN_LIMIT=10 OPEN_CONNECTIONS=128 SECONDS_PER_RUN=10 CONNECTIONS=32 STORE=memory|file PORT=18082
#   SKIP_BUILD=1 SERVER_JAVA_OPTIONS= STORE_JAVA_OPTIONS= BROKER_JAVA_OPTIONS= GENERATOR_JAVA_OPTIONS=
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh

quick() { [ "${QUICK:-}" = 1 ] && echo "$2" || echo "$1"; } # full-run default, QUICK=1 default
ROUNDS=${ROUNDS:-$(quick 3 1)}; WARMUP_SECONDS=${WARMUP_SECONDS:-$(quick 20 8)}
RATE=${RATE:-2000}; RATE_SECONDS=${RATE_SECONDS:-$(quick 10 3)}
STEP_WARMUP_SECONDS=${STEP_WARMUP_SECONDS:-$(quick 2 1)}; STEP_SECONDS=${STEP_SECONDS:-$(quick 5 2)}
LADDER_START=${LADDER_START:-4000}; LADDER_STEP=${LADDER_STEP:-$(quick 2000 4000)}; LADDER_MAX=${LADDER_MAX:-30000}
LADDER_FINE=${LADDER_FINE:-$(quick 250 1000)}; P99_LIMIT_MS=${P99_LIMIT_MS:-50}; BACKLOG_LIMIT=${BACKLOG_LIMIT:-1}
DRAIN_LIMIT=${DRAIN_LIMIT:-10}; OPEN_CONNECTIONS=${OPEN_CONNECTIONS:-128}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-$(quick 10 3)}; CONNECTIONS=${CONNECTIONS:-32}
STORE=${STORE:-memory}; PORT=${PORT:-18082}
# The store keeps every document on its heap, all of it long-lived: with default settings each young collection
# copied seconds' worth of new documents and paused the store 70-136 ms, a stall MongoDB itself does not have. A
# small young generation that promotes at once keeps those pauses near 10 ms.
STORE_JAVA_OPTIONS=${STORE_JAVA_OPTIONS:--Xmn64m -XX:MaxTenuringThreshold=0}
# The local run starts its broker with the quick (C1-only) compiler; production's runs the optimising one.
BROKER_JAVA_OPTIONS=${BROKER_JAVA_OPTIONS:--XX:TieredStopAtLevel=4}
GENERATOR_JAVA_OPTIONS=${GENERATOR_JAVA_OPTIONS:--XX:+UseSerialGC}
ARTICLE=bench-$(date +%s)
OUT=benchmarks/target/run; rm -rf "$OUT"; mkdir -p "$OUT"
log() { echo "$*" >&2; }

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
# a reactor build: the benchmark's class path points at the modules' own jars, nothing is installed
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -q -B -DskipTests package -pl benchmarks -am dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >&2
[ -s benchmarks/target/classpath.txt ] || { log "not built yet: run once without SKIP_BUILD=1"; exit 1; }
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

# Three processes, as in production and the local run: the store, the broker (started by the store's JVM) and the
# service, so each one's garbage collection and threads run in a process of its own, and each one's CPU can be read.
STORE_ARGUMENT=$([ "$STORE" = file ] && echo "$OUT/store.mv" || echo memory)
# shellcheck disable=SC2086 # option lists split into words on purpose
java $STORE_JAVA_OPTIONS -cp "$CP" org.erratum.benchmarks.BenchmarkInfrastructure "$ARTICLE" "$OUT/kafka" \
  "$STORE_ARGUMENT" $BROKER_JAVA_OPTIONS > "$OUT/infrastructure.log" 2>&1 &
INFRASTRUCTURE=$!
SERVER=; BROKER=
stop() { # the store's JVM stops the broker as it ends; the broker is killed too if it outlived it
  kill $SERVER $INFRASTRUCTURE 2>/dev/null || true
  wait $INFRASTRUCTURE 2>/dev/null || true
  [ -z "$BROKER" ] || kill "$BROKER" 2>/dev/null || true
}
trap stop EXIT
await_line() { # pattern file pid
  for _ in $(seq 1 180); do grep -q "$1" "$2" && return; kill -0 "$3" 2>/dev/null || break; sleep 1; done
  log "not started; see $2"; exit 1
}
await_line "INFRASTRUCTURE READY" "$OUT/infrastructure.log" $INFRASTRUCTURE
read -r KAFKA MONGO BROKER < <(grep -a "INFRASTRUCTURE READY" "$OUT/infrastructure.log" | awk '{print $3, $4, $5}')
# shellcheck disable=SC2086
java ${SERVER_JAVA_OPTIONS:-} -cp "$CP" org.erratum.benchmarks.BenchmarkServer "$PORT" "$KAFKA" "$MONGO" \
  > "$OUT/server.log" 2>&1 &
SERVER=$!
await_line "BENCHMARK SERVER READY" "$OUT/server.log" $SERVER
PROCESSES="service:$SERVER,store:$INFRASTRUCTURE,broker:$BROKER"

VOTE='{"articleId":"'$ARTICLE'","revision":1,"helpful":false,"reason":"CONFUSING"}'
REPORT='{"articleId":"'$ARTICLE'","revision":1,"category":"OUT_OF_DATE","passage":"Some text a reader could quote.","comment":"The guidance on this changed last year, please check the newer advice."}'
echo "$VOTE" > "$OUT/votes.json"; echo "$REPORT" > "$OUT/reports.json"
cat > "$OUT/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BODY")
LUA
ENDPOINTS="votes-baseline:bench/baseline/votes votes-real:api/feedback/votes votes-floor:bench/floor/votes
           reports-baseline:bench/baseline/reports reports-real:api/feedback/reports"

ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; } # utime+stime, all threads
await_idle() { # until service, store and broker each use under 5% of a core for half a second (at most 180 s)
  local before after p idle
  for _ in $(seq 1 360); do
    before=$(for p in $SERVER $INFRASTRUCTURE $BROKER; do ticks $p; done); sleep 0.5
    after=$(for p in $SERVER $INFRASTRUCTURE $BROKER; do ticks $p; done)
    idle=$(paste <(echo "$before") <(echo "$after") | awk -v hz="$(getconf CLK_TCK)" \
      '$2 - $1 > 0.025 * hz {busy = 1} END {print busy ? 0 : 1}')
    [ "$idle" = 1 ] && return
  done
  log "the processes did not go idle; going on"
}
wrk_post() { # seconds url body -> wrk's report; fails loudly on non-2xx answers
  local result; result=$(BODY="$3" wrk -t2 -c"$CONNECTIONS" -d"$1s" -s "$OUT/post.lua" "$2")
  if grep -q 'Non-2xx' <<<"$result"; then log "non-2xx answers from $2:"; log "$result"; exit 1; fi
  echo "$result"
}
# CPU the machine spent outside the measured processes and this script's children (other users' builds): noise
machine_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
own_ticks() { echo $(( $(ticks $SERVER) + $(ticks $INFRASTRUCTURE) + $(ticks $BROKER)
  + $(sed 's/.*) //' /proc/$$/stat | awk '{print $12 + $13 + $14 + $15}') )); } # this shell and its ended children

log "warming up ..." # the JIT needs tens of seconds at full load before each path reaches its steady speed
for endpoint in $ENDPOINTS; do
  kind=${endpoint%%-*}
  wrk_post "$WARMUP_SECONDS" "http://localhost:$PORT/${endpoint#*:}" "$(cat "$OUT/$kind.json")" >/dev/null
done
START=$(date +%s); BUSY_BEFORE=$(machine_busy); OWN_BEFORE=$(own_ticks)

declare -A ladder_start # later rounds start a coarse step below the round before's capacity: fewer steps, same knee
for round in $(seq 1 "$ROUNDS"); do
  for endpoint in $ENDPOINTS; do
    name=${endpoint%%:*}; kind=${endpoint%%-*}
    # shellcheck disable=SC2086
    java $GENERATOR_JAVA_OPTIONS -cp "$CP" org.erratum.benchmarks.CapacityLadder \
      url="http://localhost:$PORT/${endpoint#*:}" body="$OUT/$kind.json" processes="$PROCESSES" \
      clock-ticks="$(getconf CLK_TCK)" connections="$OPEN_CONNECTIONS" rate="$RATE" rate-seconds="$RATE_SECONDS" \
      start="${ladder_start[$name]:-$LADDER_START}" step="$LADDER_STEP" max="$LADDER_MAX" fine="$LADDER_FINE" \
      warm-up="$STEP_WARMUP_SECONDS" seconds="$STEP_SECONDS" p99-limit-ms="$P99_LIMIT_MS" \
      backlog-limit="$BACKLOG_LIMIT" drain-limit="$DRAIN_LIMIT" kafka="$KAFKA" store="$MONGO" \
      outboxes=votes,reports empty=votes,tallied_votes,reports \
      | sed -u "s/^/$name round=$round /" | tee -a "$OUT/capacity.log" >&2
    capacity=$(tail -1 "$OUT/capacity.log" | tr ' ' '\n' | awk -F= '$1 == "rate" {print $2; exit}')
    ladder_start[$name]=$(( capacity - LADDER_STEP > LADDER_START ? capacity - LADDER_STEP : LADDER_START ))
  done
done

for round in $(seq 1 "$ROUNDS"); do
  for endpoint in $ENDPOINTS; do
    name=${endpoint%%:*}; kind=${endpoint%%-*}
    await_idle # a backlog the previous run left (the service's own consumers) would slow this one
    result=$(wrk_post "$SECONDS_PER_RUN" "http://localhost:$PORT/${endpoint#*:}" "$(cat "$OUT/$kind.json")")
    echo "$name round=$round saturation rate=$(awk '/Requests\/sec/ {print $2}' <<<"$result")" \
      | tee -a "$OUT/saturation.log" >&2
  done
done
OTHERS=$(( ($(machine_busy) - BUSY_BEFORE) - ($(own_ticks) - OWN_BEFORE) ))

awk -f benchmarks/tables.awk -v rate="$RATE" -v p99_limit="$P99_LIMIT_MS" -v backlog_limit="$BACKLOG_LIMIT" \
  -v drain_limit="$DRAIN_LIMIT" \
  -v settings="$(date -u +%F), $(nproc) cores, $(java -version 2>&1 | head -1 | tr -d '"'); $ROUNDS rounds; steps \
${STEP_WARMUP_SECONDS} s unmeasured + ${STEP_SECONDS} s measured (the $RATE req/s step ${RATE_SECONDS} s), ladder \
from $LADDER_START by $LADDER_STEP, bisection to $LADDER_FINE req/s, $OPEN_CONNECTIONS connections; store $STORE; \
saturation: wrk -t2 -c$CONNECTIONS, ${SECONDS_PER_RUN} s runs" \
  -v noise="$(awk -v t="$OTHERS" -v s="$(( $(date +%s) - START ))" -v hz="$(getconf CLK_TCK)" -v n="$(nproc)" \
    'BEGIN {printf "%.0f%%", 100 * t / hz / s / n}')" \
  "$OUT/capacity.log" "$OUT/saturation.log"
