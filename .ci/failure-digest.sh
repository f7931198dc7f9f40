#!/usr/bin/env bash
# After a failed build: what the system tests' services logged, so a CI failure can be read without the files.
# Per service log: its last warnings and errors, and its last consumer-group moves (a stalled rebalance shows there).
cd "$(dirname "$0")/.."
shorten() { sed -E 's/ --- \[[^]]*\] \[[^]]*\] \[[^]]*\] +/ /' | cut -c1-330; }
for log in $(find . -path '*/target/*' -name '*.log' \( -path '*system-logs*' -o -path '*outage-logs*' \) \
    ! -name 'chromedriver.log' 2>/dev/null | sort); do
  echo "==== $log (last written $(date -u -r "$log" +%H:%M:%S))"
  grep -E ' (WARN|ERROR) ' "$log" | grep -v -E 'development value|high watermark|Prometheus requires|already been registered|already registered|SpringDoc' \
    | tail -n 6 | shorten
  grep -E 'partitions (assigned|revoked)|Request joining group due to|poll timeout|Started [A-Za-z]+Application' "$log" | grep -v ionShutdownHook \
    | tail -n 6 | shorten
done
