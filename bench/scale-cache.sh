#!/usr/bin/env bash
# The output cache per node or in Redis (Archive:OutputCacheRedis), measured on one machine:
# PostgreSQL with the corpus imported, two app nodes behind Debian's nginx, and a throwaway
# redis-server, all on loopback. After a warm-up pass, for each store, with every cache empty at the
# start: the long tail (every sitemap address, shuffled: nearly all misses) through nginx over both
# nodes, the same walk again (what the first rendered is cached), then one popular page (the
# corpus's 300-comment post) asked over and over (all hits) through nginx and straight from one
# node, with 64 connections and with one. Stops everything it started. docs/SCALING.md has the figures.
# Usage: bash bench/scale-cache.sh [seconds, default 15] [connections, default 64]
# SCALE_POSTS / SCALE_COMMENTS make a smaller corpus (default: the benchmark's 10,000 / 300,000);
# SCALE_STORES="redis memory" runs the stores in the other order (to see what the order costs).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source bench/scale/long-tail.sh
source bench/scale/cluster.sh
SECONDS_PER_RUN="${1:-15}"
CONNECTIONS="${2:-64}"
OUT=bench/out/scale-cache
BALANCER=127.0.0.1:5190
NODES=(127.0.0.1:5191 127.0.0.1:5192)
REDIS_PORT=5193
mkdir -p "$OUT"
: > "$OUT/report.txt"

cluster_tools redis
trap cluster_stop EXIT
cluster_database
cluster_import
start_redis "$REDIS_PORT"
POPULAR="/$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['PopularPost']['Path'])" "$MANIFEST")"
echo "$POPULAR" > "$OUT/popular.txt"
echo "popular page: $POPULAR" | tee -a "$OUT/report.txt"

# A first pass that is not compared: it brings the archive into PostgreSQL's and the system's
# caches, so that the store measured first does not pay for that alone.
start_node "${NODES[0]}"
start_node "${NODES[1]}"
nginx_for "${NODES[0]}" "${NODES[1]}"
long_tail_urls "http://$BALANCER" "$OUT/urls.txt"
echo "long tail: $(wc -l < "$OUT/urls.txt") addresses" | tee -a "$OUT/report.txt"
echo "popular page: $(curl -fsS "http://${NODES[0]}$POPULAR" | wc -c) bytes uncompressed" | tee -a "$OUT/report.txt"
run_wrk "warm-up (not compared)" "http://$BALANCER" "$OUT/urls.txt" "$SECONDS_PER_RUN" "$CONNECTIONS" "$OUT"
stop_nodes

for store in ${SCALE_STORES:-memory redis}; do
  settings=()
  if [[ "$store" == redis ]]; then
    settings+=("Archive__OutputCacheRedis=$REDIS")
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" flushall >/dev/null
  fi
  echo "== $store: two nodes, empty caches, nginx on $BALANCER"
  start_node "${NODES[0]}" "${settings[@]}"
  start_node "${NODES[1]}" "${settings[@]}"
  nginx_for "${NODES[0]}" "${NODES[1]}"
  run_wrk "long tail, two nodes, $store" "http://$BALANCER" "$OUT/urls.txt" "$SECONDS_PER_RUN" "$CONNECTIONS" "$OUT"
  # The same walk again: what the first rendered is cached, on the node that rendered it (per node) or for both (Redis).
  run_wrk "long tail again, two nodes, $store" "http://$BALANCER" "$OUT/urls.txt" "$SECONDS_PER_RUN" "$CONNECTIONS" "$OUT"

  # Both nodes hold the page (per node: each rendered it; Redis: one rendered it, the other found it).
  for node in "${NODES[@]}"; do curl -fsS -o /dev/null "http://$node$POPULAR"; done
  run_wrk "one page, two nodes, $store" "http://$BALANCER" "$OUT/popular.txt" "$SECONDS_PER_RUN" "$CONNECTIONS" "$OUT"
  run_wrk "one page, one node straight, $store" "http://${NODES[0]}" "$OUT/popular.txt" "$SECONDS_PER_RUN" "$CONNECTIONS" "$OUT"
  # One connection: no two requests share a lookup (the framework lets concurrent lookups of one key share one).
  run_wrk "one page, one node, 1 connection, $store" "http://${NODES[0]}" "$OUT/popular.txt" "$SECONDS_PER_RUN" 1 "$OUT"
  if [[ "$store" == redis ]]; then
    echo "redis: $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" info memory | grep -E '^used_memory_human' | tr -d '\r'), $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" dbsize) keys" | tee -a "$OUT/report.txt"
  fi
  stop_nodes
done
