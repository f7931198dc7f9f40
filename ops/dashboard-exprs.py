#!/usr/bin/env python3
"""Checks the Grafana dashboards and prints every PromQL query in them, ready for Prometheus.

    python3 ops/dashboard-exprs.py ops/grafana/dashboards/*.json

Prints a JSON list of {"where": "file › panel › refId", "expr": "..."}. Grafana's own interval variables are
replaced by fixed durations so the expressions are plain PromQL; any other variable is an error, because nothing
would replace it. Exits 1 when a dashboard does not parse, a query names another datasource than the provisioned
one, or a query uses an unknown variable. Used by ops/check.sh (syntax, with promtool) and ops/live-check.sh
(evaluation against a running Prometheus).
"""
import json
import pathlib
import sys

DATASOURCE_UID = "erratum-prometheus"  # ops/grafana/provisioning/datasources/prometheus.yml
GRAFANA_INTERVALS = {"$__rate_interval": "1m", "$__interval": "1m", "$__range": "1h"}


def panels(dashboard):
    for panel in dashboard.get("panels", []):
        yield panel
        yield from panel.get("panels", [])  # panels inside collapsed rows


def main(paths):
    queries, errors = [], []
    for path in paths:
        name = pathlib.Path(path).name
        try:
            dashboard = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            errors.append(f"{name}: not valid JSON: {e}")
            continue
        found = 0
        for panel in panels(dashboard):
            for target in panel.get("targets", []):
                where = f"{name} › {panel.get('title', '?')} › {target.get('refId', '?')}"
                for owner in (panel, target):  # Grafana uses both: the panel's picker and the query's own
                    uid = (owner.get("datasource") or {}).get("uid")
                    if uid != DATASOURCE_UID:
                        errors.append(f"{where}: datasource uid {uid!r}, expected {DATASOURCE_UID!r}")
                expr = target.get("expr", "")
                for variable, value in GRAFANA_INTERVALS.items():
                    expr = expr.replace(variable, value)
                if not expr.strip():
                    errors.append(f"{where}: empty expr")
                elif "$" in expr:
                    errors.append(f"{where}: unknown variable in {expr!r}")
                else:
                    queries.append({"where": where, "expr": expr})
                    found += 1
        if found == 0:
            errors.append(f"{name}: no queries found")
    for error in errors:
        print(f"dashboard error: {error}", file=sys.stderr)
    print(json.dumps(queries, ensure_ascii=False, indent=1))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]) if len(sys.argv) > 1 else "usage: dashboard-exprs.py DASHBOARD.json...")
