#!/usr/bin/env bash
# Proves the metrics, dashboards and alert rules against a real Prometheus scraping the real system:
#   1. starts the whole system without Docker (the packaged local system, as ./run-local.sh does) on a fresh,
#      temporary data directory, and a real Prometheus (Debian's package) scraping it every 2 seconds with
#      ops/prometheus/prometheus.yml pointed at localhost and the repo's alert rules;
#   2. drives the README's loop: votes (helpful, not helpful, invalid, spam, over the rate limit), a safety
#      report, then claim, revise, resolve and sign off the URGENT item it opens;
#   3. asks Prometheus (/api/v1/query) for the business series and checks their values, naming every series no
#      service exports; then evaluates every query of the dashboards and every alert rule on the live data.
# Exits non-zero on any failure; always stops what it started. Needs ports 8081-8083, 9092, 9093, 27017 and 3025 free.
#
#   bash ops/live-check.sh                                 # uses the jars of the last build, builds if there are none
#   ERRATUM_LIVE_CHECK_REBUILD=true bash ops/live-check.sh # builds first (./run-local.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
. bin/jdk.sh

ARTICLE=5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41 # the sample article content-service ships (revision 1)
CONTENT=http://localhost:8081 FEEDBACK=http://localhost:8082 REVIEW=http://localhost:8083
SYSTEM_JAR=local-system/target/local-system-0.1.0-SNAPSHOT-exec.jar

work=$(mktemp -d /tmp/erratum-live-check.XXXXXX)
system_pid="" prometheus_pid="" failures=0

log() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }
die() { echo "live-check: $*" >&2; exit 1; }

stop() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$prometheus_pid" ]; then kill "$prometheus_pid" 2>/dev/null || true; wait "$prometheus_pid" 2>/dev/null || true; fi
  if [ -n "$system_pid" ] && kill -0 "$system_pid" 2>/dev/null; then
    echo "Stopping the system ..."
    kill -TERM "$system_pid" 2>/dev/null || true # its shutdown hook stops the services, Kafka and the store
    for _ in $(seq 90); do kill -0 "$system_pid" 2>/dev/null || break; sleep 1; done
    # the system runs in a process group of its own: this reaches the service JVMs it started, and nothing else
    kill -KILL -- "-$system_pid" 2>/dev/null || true
  fi
  if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "Logs kept in $work (system.log, data/logs/, prometheus.log)"; fi
  exit "$status"
}
trap stop EXIT
trap 'exit 130' INT TERM

# --- 1. the system and Prometheus ----------------------------------------------------------------------------
command -v prometheus >/dev/null 2>&1 || {
  echo "Installing Prometheus (Debian package prometheus) ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null
}
for port in 8081 8082 8083 9092 9093 27017 3025; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is in use (is ./run-local.sh running?): stop it first"
  fi
done

if [ "${ERRATUM_LIVE_CHECK_REBUILD:-false}" = true ] || [ ! -f "$SYSTEM_JAR" ] \
    || [ ! -f local-system/target/services/review-service.jar ]; then
  log "Building and starting the system with ./run-local.sh (data in $work/data)"
  setsid ./run-local.sh -Derratum.data="$work/data" >"$work/system.log" 2>&1 &
  ready_within=1800 # the build comes first
else
  log "Starting the system from the last build (service jars of $(date -r local-system/target/services/review-service.jar '+%F %T')), data in $work/data"
  setsid java -Derratum.data="$work/data" -jar "$SYSTEM_JAR" >"$work/system.log" 2>&1 &
  ready_within=600
fi
system_pid=$!

wait_ready() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null --max-time 3 "$1"; do
    kill -0 "$system_pid" 2>/dev/null || { tail -n 30 "$work/system.log"; die "the system exited while starting"; }
    [ "$SECONDS" -lt "$deadline" ] || { tail -n 30 "$work/system.log"; die "$1 not ready within $2 s"; }
    sleep 2
  done
}
for service in $CONTENT $FEEDBACK $REVIEW; do wait_ready "$service/actuator/health/readiness" "$ready_within"; done
echo "The three services are ready"

prometheus_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PROM=http://127.0.0.1:$prometheus_port
# The compose config with the targets on localhost, a 2 s rhythm so the check needs seconds, not minutes, and the
# repo's own alert rules.
sed -e 's/^\(  *\)\(scrape_interval\|evaluation_interval\|scrape_timeout\): .*/\1\2: 2s/' \
    -e 's/"[a-z]*-service:\(808[123]\)"/"localhost:\1"/' \
    -e "s|^  - alerts.yml|  - $repo/ops/prometheus/alerts.yml|" \
    ops/prometheus/prometheus.yml >"$work/prometheus.yml"
grep -q -- '-service:808' "$work/prometheus.yml" && die "could not point $work/prometheus.yml at localhost"
promtool check config "$work/prometheus.yml" >/dev/null
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prometheus_port" >"$work/prometheus.log" 2>&1 &
prometheus_pid=$!
deadline=$((SECONDS + 60))
until curl -fs -o /dev/null "$PROM/-/ready"; do
  [ "$SECONDS" -lt "$deadline" ] || die "Prometheus not ready; see $work/prometheus.log"
  sleep 1
done
echo "Prometheus $(prometheus --version 2>&1 | head -1 | awk '{print $3}') on $PROM"

# --- 2. drive the README's loop -------------------------------------------------------------------------------
# call EXPECTED_STATUS CURL_ARGS... : the body goes to $work/body; anything but the expected status stops the check
call() {
  local expected=$1 status
  shift
  status=$(curl -s -o "$work/body" -w '%{http_code}' --max-time 20 "$@")
  [ "$status" = "$expected" ] || { echo "got $status, expected $expected, from: curl $*"; cat "$work/body"; echo; return 1; }
}
# retry SECONDS EXPECTED_STATUS CURL_ARGS... : for calls that wait for an event to reach another service
retry() {
  local deadline=$((SECONDS + $1))
  shift
  until call "$@" >/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || { call "$@"; return; } # once more, to show what it answers
    sleep 1
  done
}
json() { python3 -c "import json, sys; d = json.load(open('$work/body')); print($1)"; }
vote() { echo "{\"articleId\":\"$ARTICLE\",\"revision\":1,\"helpful\":$1${2:+,$2}}"; }
JSON=(-H 'Content-Type: application/json')

log "Driving the system"
# feedback-service learns about the article from content.articles
retry 60 200 "$FEEDBACK/api/feedback/articles/$ARTICLE/revisions/1/helpfulness"
call 202 -X POST "$FEEDBACK/api/feedback/votes" "${JSON[@]}" -d "$(vote true)"
call 202 -X POST "$FEEDBACK/api/feedback/votes" "${JSON[@]}" -d "$(vote true)"
call 202 -X POST "$FEEDBACK/api/feedback/votes" "${JSON[@]}" -d "$(vote false)"
call 400 -X POST "$FEEDBACK/api/feedback/votes" "${JSON[@]}" -d "{\"articleId\":\"$ARTICLE\",\"helpful\":true}"
call 202 -X POST "$FEEDBACK/api/feedback/votes" "${JSON[@]}" -d "$(vote true '"website":"http://cheap-pills.example"')"
echo "3 votes, 1 invalid vote, 1 spam vote"
call 202 -X POST "$FEEDBACK/api/feedback/reports" "${JSON[@]}" -d '{"articleId":"'$ARTICLE'","revision":1,"category":"SAFETY_CONCERN","passage":"every 4 to 6 hours","comment":"Please say clearly how many doses are allowed in 24 hours.","contactEmail":"reader@example.org","contactConsent":true}'
echo "1 safety report, its reader asking to hear back"
# the vote limit is per client and minute: this client reaches it within a few more votes
limited=""
for _ in $(seq 25); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$FEEDBACK/api/feedback/votes" "${JSON[@]}" -d "$(vote true)")
  [ "$status" = 429 ] && { limited=yes; break; }
done
[ -n "$limited" ] && echo "votes rate-limited (429)" || echo "no 429 within 25 more votes (the rate-limit check below will say more)"

# the report opens an URGENT item in review-service
deadline=$((SECONDS + 60))
until call 200 -u reviewer:reviewer-dev-password "$REVIEW/api/review/items?severity=URGENT" >/dev/null \
    && [ "$(json "sum(1 for i in (d if isinstance(d, list) else d.get('items', [])) if i.get('articleId') == '$ARTICLE')")" -gt 0 ]; do
  [ "$SECONDS" -lt "$deadline" ] || die "no URGENT review item for the article within 60 s"
  sleep 1
done
call 200 -u reviewer:reviewer-dev-password -X POST "$REVIEW/api/review/items/claim-next" \
  -H "Idempotency-Key: $(python3 -c 'import uuid; print(uuid.uuid4())')"
item=$(json "d['id']")
echo "claimed item $item"

# an editor publishes revision 2, the reviewer resolves the item with it, a senior reviewer signs it off
call 200 -u editor:editor-dev-password "$CONTENT/api/articles/$ARTICLE"
revised=$(json "json.dumps({'expectedRevision': d['revision'], 'title': d['title'], 'summary': d['summary'], 'sections': d['sections'], 'references': d['references'], 'authors': d['authors'], 'changeSummary': 'Stated the 24-hour maximum more clearly', 'significance': 'MAJOR'})")
call 200 -u editor:editor-dev-password -X PUT "$CONTENT/api/articles/$ARTICLE" "${JSON[@]}" -d "$revised"
retry 60 200 -u reviewer:reviewer-dev-password -X POST "$REVIEW/api/review/items/$item/resolve" "${JSON[@]}" \
  -d '{"outcome":"REVISED","revision":2,"summary":"Maximum daily dose made explicit"}'
# one key for every attempt: a retry of a sign-off that was stored answers it again instead of storing another
sign_off_key=$(python3 -c 'import uuid; print(uuid.uuid4())')
retry 60 202 -u senior:senior-dev-password -X POST "$REVIEW/api/review/articles/$ARTICLE/sign-off" "${JSON[@]}" \
  -H "Idempotency-Key: $sign_off_key" -d '{"revision":2,"itemId":"'"$item"'","reviewedWholeArticle":true}'
echo "revision 2 published, item resolved, article signed off"

# --- 3. what Prometheus sees ------------------------------------------------------------------------------------
# promql QUERY: prints "success N VALUE" (N results, VALUE of the first or -) or "error MESSAGE"
promql() {
  curl -s -G --max-time 20 --data-urlencode "query=$1" "$PROM/api/v1/query" | python3 -c '
import json, sys
try:
    r = json.load(sys.stdin)
except ValueError:
    r = {"error": "no answer from Prometheus"}
if r.get("status") != "success":
    print("error", r.get("error", "?"))
else:
    res = r["data"]["result"]
    if r["data"]["resultType"] in ("scalar", "string"):
        print("success 1", res[1])
    else:
        print("success", len(res), res[0]["value"][1] if res else "-")'
}

# Each check: METRIC (the series it rests on) ; QUERY ; CONDITION on its value (awk syntax, v is the value)
# A query with no result never passes (run_checks names the series as MISSING), so a condition states the value
# this run leaves, not mere presence: e.g. no relay failures with Kafka up, no article without an owner (both of
# content-service's sample articles name one, and revision 2 keeps it). The reader's acknowledgement may be dropped:
# the item is resolved seconds after the report, and an acknowledgement not yet sent by then gives way to the outcome.
CHECKS=$(cat <<'EOF'
up;sum(up{job=~"content-service|feedback-service|review-service"});v == 3
http_server_requests_seconds_count;count(count by (application) (http_server_requests_seconds_count));v == 3
http_server_requests_seconds_count;sum(http_server_requests_seconds_count{application="feedback-service", uri="/api/feedback/votes", status="202"});v >= 4
http_server_requests_seconds_bucket;count(count by (application) (http_server_requests_seconds_bucket));v == 3
erratum_feedback_accepted_total;sum(erratum_feedback_accepted_total{kind="vote", channel="json"});v >= 4
erratum_feedback_accepted_total;sum(erratum_feedback_accepted_total{kind="report", channel="json"});v >= 1
erratum_feedback_rejected_total;sum(erratum_feedback_rejected_total{kind="vote", status="400"});v >= 1
erratum_feedback_spam_total;sum(erratum_feedback_spam_total{kind="vote"});v >= 1
erratum_feedback_rate_limited_total;sum(erratum_feedback_rate_limited_total{kind="vote"});v >= 1
erratum_feedback_votes_total;sum(erratum_feedback_votes_total{answer="helpful"});v >= 2
erratum_feedback_votes_total;sum(erratum_feedback_votes_total{answer="not_helpful"});v >= 1
erratum_outbox_depth;max(erratum_outbox_depth{application="feedback-service"});v == 0
erratum_outbox_oldest_age_seconds;max(erratum_outbox_oldest_age_seconds);v < 60
erratum_outbox_published_total;sum(erratum_outbox_published_total{outbox="votes"});v >= 4
erratum_outbox_published_total;sum(erratum_outbox_published_total{outbox="sign-offs"});v >= 1
erratum_outbox_relay_failures_total;sum(erratum_outbox_relay_failures_total);v == 0
erratum_review_items;count(erratum_review_items{application="review-service"});v == 12
erratum_review_items;sum(erratum_review_items{severity="URGENT"});v == 0
erratum_review_items_opened_total;sum(erratum_review_items_opened_total{source="READER_REPORT"});v >= 1
erratum_review_time_to_claim_seconds_count;sum(erratum_review_time_to_claim_seconds_count{severity="URGENT"});v >= 1
erratum_review_time_to_claim_seconds_bucket;count(erratum_review_time_to_claim_seconds_bucket{severity="URGENT"});v > 1
erratum_review_time_to_resolve_seconds_count;sum(erratum_review_time_to_resolve_seconds_count{severity="URGENT", outcome="REVISED"});v >= 1
erratum_review_sla_breached;sum(erratum_review_sla_breached{severity="URGENT", target="claim"});v == 0
erratum_review_sla_breaches_total;count(erratum_review_sla_breaches_total);v >= 1
erratum_review_escalations_total;sum(erratum_review_escalations_total);v == 0
erratum_review_signoffs_total;sum(erratum_review_signoffs_total);v >= 1
erratum_feedback_mail_sent_total;sum(erratum_feedback_mail_sent_total{kind="acknowledgement"});v <= 1
erratum_feedback_mail_sent_total;sum(erratum_feedback_mail_sent_total{kind="revised"});v == 1
erratum_feedback_mail_failed_total;sum(erratum_feedback_mail_failed_total);v == 0
erratum_review_fix_verifications_total;sum(erratum_review_fix_verifications_total{outcome="not_improved"});v == 0
erratum_review_fix_verifications_pending;max(erratum_review_fix_verifications_pending);v == 1
erratum_review_reminders_sent_total;count(erratum_review_reminders_sent_total);v == 4
erratum_review_reminders_failed_total;sum(erratum_review_reminders_failed_total);v == 0
erratum_review_articles_without_owner;max(erratum_review_articles_without_owner);v == 0
erratum_content_revisions_total;sum(erratum_content_revisions_total{significance="MAJOR"});v >= 1
erratum_content_signoffs_applied_total;sum(erratum_content_signoffs_applied_total);v >= 1
erratum_content_review_backlog;max(erratum_content_review_backlog);v == 0
erratum_content_report_prompt_share;max(erratum_content_report_prompt_share);v == 1
spring_cloud_stream_binder_kafka_offset;count(spring_cloud_stream_binder_kafka_offset);v >= 1
mongodb_driver_commands_seconds_count;count(count by (application) (mongodb_driver_commands_seconds_count));v == 3
EOF
)
# run_checks QUIET: 0 when every check passes; prints one line per check unless QUIET
run_checks() {
  local bad=0 metric query condition answer count value
  while IFS=';' read -r metric query condition; do
    read -r answer count value < <(promql "$query")
    if [ "$answer" = success ] && [ "$value" != - ] && awk -v v="$value" "BEGIN { exit !($condition) }"; then
      [ "$1" = quiet ] || echo "ok       $query = $value"
      continue
    fi
    bad=1
    [ "$1" = quiet ] && continue
    if [ "$answer" != success ]; then fail "$query: $count $value"
    elif [ "$(promql "count($metric)" | cut -d' ' -f3)" = - ]; then echo "MISSING  $query: no service exports $metric"
    else fail "$query = $value, expected $condition"
    fi
  done <<<"$CHECKS"
  return "$bad"
}

log "Waiting for Prometheus to see it all (the queue gauges refresh every 15 s)"
deadline=$((SECONDS + 60))
until run_checks quiet; do [ "$SECONDS" -lt "$deadline" ] || break; sleep 3; done

log "Values"
run_checks loud | tee "$work/values.txt" || true
value_ok=$(grep -c '^ok' "$work/values.txt" || true)
value_failed=$(grep -c '^FAIL' "$work/values.txt" || true)
missing=$(grep '^MISSING' "$work/values.txt" | sed 's/.*no service exports //' | sort -u || true)

log "Every dashboard query and alert rule, evaluated"
python3 ops/dashboard-exprs.py ops/grafana/dashboards/*.json >"$work/queries.json"
sleep 3 # the rules have been evaluated at least once since the traffic (every 2 s)
# the alert rules as Prometheus loaded them, with the health of their last evaluation
curl -s "$PROM/api/v1/rules" | python3 -c '
import json, sys
for group in json.load(sys.stdin)["data"]["groups"]:
    for rule in group["rules"]:
        print(json.dumps({"where": "alert " + rule["name"], "expr": rule["query"], "health": rule["health"],
                          "lastError": rule.get("lastError", "")}))' >"$work/rules.jsonl"
rules_loaded=$(wc -l <"$work/rules.jsonl") rules_written=$(grep -c '^ *- alert:' ops/prometheus/alerts.yml)
[ "$rules_loaded" -eq "$rules_written" ] || fail "Prometheus loaded $rules_loaded alert rules, alerts.yml has $rules_written"
evaluated=0 no_data=0
while IFS=$'\x1f' read -r where expr health last_error; do # unit separator: fields may be empty
  read -r answer count value < <(promql "$expr")
  evaluated=$((evaluated + 1))
  if [ "$answer" != success ]; then fail "$where: $count $value"
  elif [ -n "$health" ] && [ "$health" != ok ]; then fail "$where: rule health $health: $last_error"
  elif [ "$count" = 0 ] && [ -z "$health" ]; then no_data=$((no_data + 1)); echo "no data  $where"
  fi
done < <(python3 -c '
import json, sys
queries = json.load(open(sys.argv[1])) + [json.loads(line) for line in open(sys.argv[2])]
for q in queries:
    fields = (q["where"], q["expr"], q.get("health", ""), q.get("lastError", ""))
    print(*(f.replace("\n", " ") for f in fields), sep="\x1f")' \
  "$work/queries.json" "$work/rules.jsonl")
echo "$evaluated expressions evaluated ($rules_loaded alert rules); $no_data dashboard queries returned no data"
# nothing this run does should fire an alert: every rule needs minutes of trouble, or a dead letter
firing=$(curl -s -G --data-urlencode 'query=ALERTS{alertstate="firing"}' "$PROM/api/v1/query" \
  | python3 -c 'import json, sys; print(" ".join(a["metric"]["alertname"] for a in json.load(sys.stdin)["data"]["result"]))')
[ -z "$firing" ] && echo "no alert firing" || fail "alerts firing: $firing"

log "Summary"
echo "value checks: $value_ok ok, $(grep -c . <<<"$missing" || true) series missing, $value_failed failed"
echo "queries:      $evaluated dashboard and alert expressions evaluated, $failures problem(s) (FAIL lines above)"
[ -z "$missing" ] || { echo "series no service exports yet:"; sed 's/^/  /' <<<"$missing"; }
if [ "$failures" -gt 0 ] || [ "$value_failed" -gt 0 ] || [ -n "$missing" ]; then
  echo "live-check: FAILED"
  exit 1
fi
echo "live-check: all checks passed"
