# Sourced by bench/scale-out.sh and bench/scale-cache.sh, from the repository root, after
# bench/lib.sh: PostgreSQL with a throwaway role and database, the corpus imported into it, app
# nodes and Debian's nginx in front of them, and (for the cache comparison) a throwaway Redis, all
# on loopback. Everything started here is stopped by cluster_stop, which the scripts trap on EXIT.
# The functions read OUT and BALANCER, which the scripts set.

CLUSTER_PIDS=()
CLUSTER_PG_STARTED=0
CLUSTER_ROLE="bench_scale_$$"
CLUSTER_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
REDIS_PID=""

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -c \"$1\""; }

# cluster_tools [redis]: installs wrk, nginx-light, postgresql-15 (and redis-server) when missing.
cluster_tools() {
  local need=()
  command -v wrk >/dev/null || need+=(wrk)
  command -v nginx >/dev/null || need+=(nginx-light)
  command -v pg_ctlcluster >/dev/null || need+=(postgresql-15)
  [[ "${1:-}" == redis ]] && ! command -v redis-server >/dev/null && need+=(redis-server)
  if [[ ${#need[@]} -gt 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" curl >/dev/null
  fi
}

cluster_stop() {
  stop_nodes
  [[ -f "$OUT/nginx.pid" ]] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true
  [[ -n "$REDIS_PID" ]] && kill "$REDIS_PID" 2>/dev/null || true
  psql_admin "DROP DATABASE IF EXISTS $CLUSTER_ROLE WITH (FORCE)" 2>/dev/null || true
  psql_admin "DROP ROLE IF EXISTS $CLUSTER_ROLE" 2>/dev/null || true
  if [[ "$CLUSTER_PG_STARTED" == 1 ]]; then pg_ctlcluster 15 main stop || true; fi
}

# cluster_database: starts the PostgreSQL cluster if it is not running (cluster_stop stops it again
# only then), makes the role and database, and points the app and the import command at it.
cluster_database() {
  if ! pg_lsclusters -h | awk '$1 == 15 && $2 == "main" { print $4 }' | grep -q online; then
    pg_ctlcluster 15 main start
    CLUSTER_PG_STARTED=1
  fi
  psql_admin "CREATE ROLE $CLUSTER_ROLE LOGIN PASSWORD '$CLUSTER_PASSWORD'"
  psql_admin "CREATE DATABASE $CLUSTER_ROLE OWNER $CLUSTER_ROLE"
  export Archive__Provider=PostgreSQL
  export ConnectionStrings__Archive="Host=127.0.0.1;Database=$CLUSTER_ROLE;Username=$CLUSTER_ROLE;Password=$CLUSTER_PASSWORD;Maximum Pool Size=40"
  export Serilog__MinimumLevel__Default=Warning
}

# cluster_import: builds (Release), generates the corpus (SCALE_POSTS / SCALE_COMMENTS for a
# smaller one than the benchmark's default) and imports it with the import command; sets PAGES
# and MANIFEST, and reports the import's time.
cluster_import() {
  echo "== building (Release)"
  dotnet build -c Release src/ProbationArchive.Web >/dev/null
  dotnet build -c Release bench/ProbationArchive.Benchmarks >/dev/null
  echo "== corpus"
  local corpus_args=()
  [[ -n "${SCALE_POSTS:-}" ]] && corpus_args+=(--posts "$SCALE_POSTS")
  [[ -n "${SCALE_COMMENTS:-}" ]] && corpus_args+=(--comments "$SCALE_COMMENTS")
  PAGES="$(dotnet bench/ProbationArchive.Benchmarks/bin/Release/net10.0/ProbationArchive.Benchmarks.dll corpus "${corpus_args[@]}" | tail -n 1)"
  MANIFEST="$(dirname "$PAGES")/manifest.json"
  echo "== importing $PAGES into PostgreSQL (load $(cut -d' ' -f1-3 /proc/loadavg))"
  local start
  start=$(date +%s.%N)
  timeout 1800 dotnet "$WEB" import "$PAGES" | tail -n 16
  echo "import into PostgreSQL: $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }") s (load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/report.txt"
}

# start_node ADDRESS [NAME=VALUE...]: a node (Release, Production) on ADDRESS with any extra
# settings, behind $BALANCER; returns once /readyz answers.
start_node() {
  local address="$1"
  shift
  env ASPNETCORE_ENVIRONMENT=Production Archive__ImportSeedsWhenEmpty=false Search__PermitLimit=100000000 \
    Archive__PublicBaseUrl="http://$BALANCER/" Archive__KnownProxies__0=127.0.0.1 "$@" \
    dotnet "$WEB" --urls "http://$address" > "$OUT/node-${address##*:}.log" 2>&1 &
  CLUSTER_PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null --max-time 2 -H "Host: $BALANCER" "http://$address/readyz" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "node $address did not become ready"; tail -n 30 "$OUT/node-${address##*:}.log"; exit 1
}

# stop_nodes: stops every node started so far (and waits), so the next ones start with empty caches.
stop_nodes() {
  local pid
  for pid in "${CLUSTER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${CLUSTER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  CLUSTER_PIDS=()
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

# start_redis PORT: a throwaway redis-server on 127.0.0.1:PORT keeping nothing on disk; sets REDIS.
start_redis() {
  local port="$1"
  if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then echo "something already answers on 127.0.0.1:$port"; exit 1; fi
  redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --dir "$PWD/$OUT" --loglevel warning > "$OUT/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && { REDIS="127.0.0.1:$port"; return 0; }
    sleep 0.1
  done
  echo "redis-server did not start"; cat "$OUT/redis.log"; exit 1
}
