#!/usr/bin/env bash
# Past one machine, on one machine: PostgreSQL, the default corpus imported into it, two app nodes
# and Debian's nginx as a round-robin balancer, all on loopback. Runs the long-tail load (every
# address of the sitemap, shuffled) against nginx with one node behind it, then two, and reports
# requests/s, p99 and errors for each; then kills one node (SIGKILL) in the middle of a run and
# checks that no request failed. Stops everything it started. docs/SCALING.md has the figures.
# Usage: bash bench/scale-out.sh [seconds, default 30] [connections, default 64]
# SCALE_POSTS / SCALE_COMMENTS make a smaller corpus (default: the benchmark's 10,000 / 300,000).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source bench/scale/long-tail.sh
source bench/scale/cluster.sh
SECONDS_PER_RUN="${1:-30}"
CONNECTIONS="${2:-64}"
OUT=bench/out/scale
BALANCER=127.0.0.1:5190
NODES=(127.0.0.1:5191 127.0.0.1:5192)
mkdir -p "$OUT"
: > "$OUT/report.txt"

cluster_tools
trap cluster_stop EXIT
cluster_database
cluster_import

echo "== two nodes, nginx on $BALANCER"
start_node "${NODES[0]}"
start_node "${NODES[1]}"
nginx_for "${NODES[0]}"
long_tail_urls "http://$BALANCER" "$OUT/urls.txt"
echo "long tail: $(wc -l < "$OUT/urls.txt") addresses" | tee -a "$OUT/report.txt"

echo "== one node behind nginx"
run_wrk "one node" "http://$BALANCER" "$OUT/urls.txt" "$SECONDS_PER_RUN" "$CONNECTIONS" "$OUT"
echo "== two nodes behind nginx (the second node's cache cold, as the first's was)"
nginx_for "${NODES[0]}" "${NODES[1]}"
run_wrk "two nodes" "http://$BALANCER" "$OUT/urls.txt" "$SECONDS_PER_RUN" "$CONNECTIONS" "$OUT"

echo "== one node killed (SIGKILL) a third of the way through a run"
( sleep $((SECONDS_PER_RUN / 3)); kill -9 "${CLUSTER_PIDS[1]}"; echo "killed node ${NODES[1]} at $(date +%T)" >> "$OUT/report.txt" ) &
run_wrk "two nodes, one killed mid-run" "http://$BALANCER" "$OUT/urls.txt" "$SECONDS_PER_RUN" "$CONNECTIONS" "$OUT"
failed=$(tail -n 1 "$OUT/report.txt" | sed -E 's/.*errors ([0-9]+).*/\1/')
if [[ "$failed" == 0 ]]; then
  echo "failover: PASS, no request failed while nginx took the killed node out" | tee -a "$OUT/report.txt"
else
  echo "failover: FAIL, $failed requests failed" | tee -a "$OUT/report.txt"; exit 1
fi
