#!/usr/bin/env bash
# Static checks of the observability config, run by .ci/run before the build (no services needed):
#   - prometheus.yml and the alert rules are valid, and the alert rules pass their unit tests;
#   - the Grafana dashboards parse, use the provisioned datasource, and every query in them is valid PromQL.
# Fails on the first error. ops/live-check.sh proves the same queries against a real Prometheus.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v promtool >/dev/null 2>&1; then
  echo "Installing promtool (Debian package prometheus) ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null
fi
echo "Using $(promtool --version 2>&1 | head -1)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check config only parses: the compose host names (content-service:8081, ...) need not resolve here. It also
# checks the rule files the config names.
promtool check config ops/prometheus/prometheus.yml
promtool check rules ops/prometheus/alerts.yml
promtool test rules ops/prometheus/alerts.test.yml

# promtool cannot parse a lone query without a server, but it parses every rule's expression: one recording rule
# per dashboard query, named after the panel, makes any syntax error point at its panel.
python3 ops/dashboard-exprs.py ops/grafana/dashboards/*.json > "$tmp/queries.json"
python3 - "$tmp/queries.json" > "$tmp/dashboard-queries.rules.json" <<'PY'
import json, re, sys
queries = json.load(open(sys.argv[1], encoding="utf-8"))
rules = [{"record": "dashboard:" + re.sub(r"[^A-Za-z0-9_]+", "_", q["where"]).strip("_") + f"_{i}", "expr": q["expr"]}
         for i, q in enumerate(queries)]
# JSON is YAML, which is what promtool reads
print(json.dumps({"groups": [{"name": "dashboard-queries", "rules": rules}]}, indent=1))
PY
echo "Checking $(grep -c '"record"' "$tmp/dashboard-queries.rules.json") dashboard queries"
promtool check rules "$tmp/dashboard-queries.rules.json"

echo "ops/check.sh: all observability checks passed"
