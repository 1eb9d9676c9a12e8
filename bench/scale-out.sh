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
SECONDS_PER_RUN="${1:-30}"
CONNECTIONS="${2:-64}"
OUT=bench/out/scale
BALANCER=127.0.0.1:5190
NODES=(127.0.0.1:5191 127.0.0.1:5192)
mkdir -p "$OUT"
: > "$OUT/report.txt"

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
command -v pg_ctlcluster >/dev/null || need+=(postgresql-15)
if [[ ${#need[@]} -gt 0 ]]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" curl >/dev/null
fi

pids=()
pg_started=0
role="bench_scale_$$"
password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -c \"$1\""; }
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f "$OUT/nginx.pid" ]] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true
  psql_admin "DROP DATABASE IF EXISTS $role WITH (FORCE)" 2>/dev/null || true
  psql_admin "DROP ROLE IF EXISTS $role" 2>/dev/null || true
  if [[ "$pg_started" == 1 ]]; then pg_ctlcluster 15 main stop || true; fi
}
trap stop_all EXIT

if ! pg_lsclusters -h | awk '$1 == 15 && $2 == "main" { print $4 }' | grep -q online; then
  pg_ctlcluster 15 main start
  pg_started=1
fi
psql_admin "CREATE ROLE $role LOGIN PASSWORD '$password'"
psql_admin "CREATE DATABASE $role OWNER $role"
export Archive__Provider=PostgreSQL
export ConnectionStrings__Archive="Host=127.0.0.1;Database=$role;Username=$role;Password=$password;Maximum Pool Size=40"
export Serilog__MinimumLevel__Default=Warning

echo "== building (Release)"
dotnet build -c Release src/ProbationArchive.Web >/dev/null
dotnet build -c Release bench/ProbationArchive.Benchmarks >/dev/null
echo "== corpus"
corpus_args=()
[[ -n "${SCALE_POSTS:-}" ]] && corpus_args+=(--posts "$SCALE_POSTS")
[[ -n "${SCALE_COMMENTS:-}" ]] && corpus_args+=(--comments "$SCALE_COMMENTS")
PAGES="$(dotnet bench/ProbationArchive.Benchmarks/bin/Release/net10.0/ProbationArchive.Benchmarks.dll corpus "${corpus_args[@]}" | tail -n 1)"
echo "== importing $PAGES into PostgreSQL (load $(cut -d' ' -f1-3 /proc/loadavg))"
start=$(date +%s.%N)
timeout 1800 dotnet "$WEB" import "$PAGES" | tail -n 16
echo "import into PostgreSQL: $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }") s (load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/report.txt"

start_node() {
  local address="$1"
  ASPNETCORE_ENVIRONMENT=Production Archive__ImportSeedsWhenEmpty=false Search__PermitLimit=100000000 \
    Archive__PublicBaseUrl="http://$BALANCER/" Archive__KnownProxies__0=127.0.0.1 \
    dotnet "$WEB" --urls "http://$address" > "$OUT/node-${address##*:}.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null --max-time 2 -H "Host: $BALANCER" "http://$address/readyz" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "node $address did not become ready"; tail -n 30 "$OUT/node-${address##*:}.log"; exit 1
}

# nginx_for ADDRESS...: a balancer on $BALANCER over those nodes, round robin. A node that fails
# a connection is taken out for 10 s (max_fails=1) and the request is passed to the next one.
nginx_for() {
  {
    echo "worker_processes 1; pid $PWD/$OUT/nginx.pid; error_log $PWD/$OUT/nginx-error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http { access_log off; upstream archive { keepalive 64;"
    for node in "$@"; do echo "  server $node max_fails=1 fail_timeout=10s;"; done
    echo "} server { listen $BALANCER reuseport; location / { proxy_pass http://archive; proxy_http_version 1.1;"
    echo "  proxy_set_header Connection \"\"; proxy_set_header Host \$http_host; proxy_set_header X-Forwarded-For \$remote_addr;"
    echo "  proxy_next_upstream error timeout http_502 http_503; proxy_next_upstream_tries 2; proxy_connect_timeout 1s; } } }"
  } > "$OUT/nginx.conf"
  if [[ -f "$OUT/nginx.pid" ]] && kill -0 "$(cat "$OUT/nginx.pid")" 2>/dev/null; then
    nginx -c "$PWD/$OUT/nginx.conf" -s reload; sleep 1
  else
    nginx -c "$PWD/$OUT/nginx.conf"
  fi
}

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
( sleep $((SECONDS_PER_RUN / 3)); kill -9 "${pids[1]}"; echo "killed node ${NODES[1]} at $(date +%T)" >> "$OUT/report.txt" ) &
run_wrk "two nodes, one killed mid-run" "http://$BALANCER" "$OUT/urls.txt" "$SECONDS_PER_RUN" "$CONNECTIONS" "$OUT"
failed=$(tail -n 1 "$OUT/report.txt" | sed -E 's/.*errors ([0-9]+).*/\1/')
if [[ "$failed" == 0 ]]; then
  echo "failover: PASS, no request failed while nginx took the killed node out" | tee -a "$OUT/report.txt"
else
  echo "failover: FAIL, $failed requests failed" | tee -a "$OUT/report.txt"; exit 1
fi
