#!/usr/bin/env bash
# The output cache per node or in Redis (Archive:OutputCacheRedis), measured on one machine:
# PostgreSQL with the corpus imported, two app nodes behind Debian's nginx, and a throwaway
# redis-server, all on loopback. For each store, with every cache empty at the start: the long tail
# (every sitemap address, shuffled: nearly all misses) through nginx over both nodes, then one
# popular page (the corpus's 300-comment post) asked over and over (all hits) through nginx and
# straight from one node. Stops everything it started. docs/SCALING.md has the figures.
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
  [[ -f "$OUT/urls.txt" ]] || long_tail_urls "http://$BALANCER" "$OUT/urls.txt"
  # The sitemap itself was just rendered and cached: the long tail starts from the same state for both stores.
  run_wrk "long tail, two nodes, $store" "http://$BALANCER" "$OUT/urls.txt" "$SECONDS_PER_RUN" "$CONNECTIONS" "$OUT"

  # Both nodes hold the page (per node: each rendered it; Redis: one rendered it, the other found it).
  for node in "${NODES[@]}"; do curl -fsS -o /dev/null "http://$node$POPULAR"; done
  echo "popular page: $POPULAR, $(curl -fsS "http://${NODES[0]}$POPULAR" | wc -c) bytes" | tee -a "$OUT/report.txt"
  run_wrk "one page, two nodes, $store" "http://$BALANCER" "$OUT/popular.txt" "$SECONDS_PER_RUN" "$CONNECTIONS" "$OUT"
  run_wrk "one page, one node straight, $store" "http://${NODES[0]}" "$OUT/popular.txt" "$SECONDS_PER_RUN" "$CONNECTIONS" "$OUT"
  if [[ "$store" == redis ]]; then
    echo "redis: $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" info memory | grep -E '^used_memory_human' | tr -d '\r'), $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" dbsize) keys" | tee -a "$OUT/report.txt"
  fi
  stop_nodes
done
