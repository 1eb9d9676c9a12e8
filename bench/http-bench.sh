#!/usr/bin/env bash
# HTTP benchmark (issue 5): the app and Debian's nginx on loopback over the generated archive,
# driven by wrk. Usage: bash bench/http-bench.sh [seconds-per-run, default 30] [connections, default 64]
#
# Everything it starts listens on 127.0.0.1 only, every wait is bounded, and the servers are
# stopped on exit, however the script ends. Output goes to bench/out/http/.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

DURATION="${1:-30}"
CONNECTIONS="${2:-64}"
APP_PORT=5180
NGINX_PORT=5181
KESTREL_PORT=5182
OUT="$PWD/bench/out/http"
mkdir -p "$OUT/static"

for tool in wrk nginx curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "installing $tool (Debian packages wrk, nginx-light, curl)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light curl >/dev/null
    break
  fi
done

echo "== building (Release)"
dotnet build -c Release src/ProbationArchive.Web >/dev/null
dotnet build -c Release bench/ProbationArchive.Benchmarks >/dev/null
dotnet build -c Release bench/ProbationArchive.KestrelFloor >/dev/null

echo "== corpus"
PAGES="$(dotnet bench/ProbationArchive.Benchmarks/bin/Release/net10.0/ProbationArchive.Benchmarks.dll corpus | tail -n 1)"
MANIFEST="$(dirname "$PAGES")/manifest.json"
read -r BIG BIG_N POPULAR POPULAR_N LABEL < <(python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(m['BigPost']['Path'], m['BigPost']['Count'], m['PopularPost']['Path'], m['PopularPost']['Count'], m['BusiestLabel']['Path'])" "$MANIFEST")

DB="$OUT/archive.db"
import_if_stale "$DB" "$PAGES" "$MANIFEST" 900

APP_PID=""
NGINX_PID=""
KESTREL_PID=""
stop_servers() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  [[ -n "$KESTREL_PID" ]] && kill "$KESTREL_PID" 2>/dev/null && wait "$KESTREL_PID" 2>/dev/null || true
}
trap stop_servers EXIT

echo "== starting the app on 127.0.0.1:$APP_PORT"
# Request logging at Information would measure the console, not the app: warnings only. wrk is
# one client, so the per-client search limit (429 past Search:PermitLimit) is raised to measure
# the page rather than the limiter.
ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Archive="Data Source=$DB" Archive__ImportSeedsWhenEmpty=false \
  Serilog__MinimumLevel__Default=Warning Search__PermitLimit=1000000000 \
  dotnet "$WEB" --urls "http://127.0.0.1:$APP_PORT" >"$OUT/app.log" 2>&1 &
APP_PID=$!
wait_until_serving "$APP_PID" "http://127.0.0.1:$APP_PORT/" 120 "$OUT/app.log"

# name|path: the pages of issue 5.
PAGES_TO_TEST=(
  "home|/"
  "post-$POPULAR_N-comments|/$POPULAR"
  "post-$BIG_N-comments|/$BIG"
  "label|/$LABEL"
  "search|/search?q=probation+officer"
)

echo "== saving the pages as static files for nginx"
for entry in "${PAGES_TO_TEST[@]}"; do
  name="${entry%%|*}"; path="${entry#*|}"
  code=$(curl -sS -o "$OUT/static/$name.html" -w '%{http_code}' --max-time 30 "http://127.0.0.1:$APP_PORT$path")
  echo "$name $path -> HTTP $code, $(stat -c %s "$OUT/static/$name.html") bytes"
  echo "$code" >"$OUT/static/$name.status"
done

cat >"$OUT/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/html html; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $OUT/static;
  }
}
NGINX
echo "== starting nginx on 127.0.0.1:$NGINX_PORT"
nginx -c "$OUT/nginx.conf" -p "$OUT" &
NGINX_PID=$!
wait_until_serving "$NGINX_PID" "http://127.0.0.1:$NGINX_PORT/home.html" 40 "$OUT/nginx-error.log"

# Bare Kestrel serving the same files from memory: the floor under the app's cached pages.
echo "== starting bare Kestrel on 127.0.0.1:$KESTREL_PORT"
dotnet bench/ProbationArchive.KestrelFloor/bin/Release/net10.0/ProbationArchive.KestrelFloor.dll "$OUT/static" "http://127.0.0.1:$KESTREL_PORT" >"$OUT/kestrel.log" 2>&1 &
KESTREL_PID=$!
wait_until_serving "$KESTREL_PID" "http://127.0.0.1:$KESTREL_PORT/home.html" 60 "$OUT/kestrel.log"

# Prints "requests/s p50 p99 errors" from wrk's --latency output.
run_wrk() {
  local url="$1" log="$2"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "$url" >"$log" 2>&1 || true
  python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s)", v)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
p50 = re.search(r"^\s+50%\s+(\S+)", text, re.M)
p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M)
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)
completed = re.search(r"(\d+) requests in", text)
if not completed or int(completed.group(1)) == 0:
    # Nothing answered within the run: every request in flight failed, whatever wrk counted.
    print("0 - - all")
else:
    print(f"{float(rps.group(1)):.0f} {ms(p50.group(1)):.2f} {ms(p99.group(1)):.2f} {errors}")
PY
}

REPORT="$OUT/http-report.txt"
{
  echo "HTTP benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), wrk -t2 -c$CONNECTIONS -d${DURATION}s"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-22s %9s %8s %8s %7s | %9s %8s %8s %7s | %9s %8s | %9s %11s\n' page "app req/s" "p50 ms" "p99 ms" errors "nginx r/s" "p50 ms" "p99 ms" errors "kestrel" "p99 ms" "app/nginx" "app/kestrel"
} | tee "$REPORT"
for entry in "${PAGES_TO_TEST[@]}"; do
  name="${entry%%|*}"; path="${entry#*|}"
  # A short warm-up, so JIT and the first render are not in the measured run.
  wrk -t2 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$APP_PORT$path" >/dev/null 2>&1 || true
  read -r app_rps app_p50 app_p99 app_err < <(run_wrk "http://127.0.0.1:$APP_PORT$path" "$OUT/wrk-app-$name.log")
  read -r ngx_rps ngx_p50 ngx_p99 ngx_err < <(run_wrk "http://127.0.0.1:$NGINX_PORT/$name.html" "$OUT/wrk-nginx-$name.log")
  wrk -t2 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$KESTREL_PORT/$name.html" >/dev/null 2>&1 || true
  read -r kst_rps _ kst_p99 _ < <(run_wrk "http://127.0.0.1:$KESTREL_PORT/$name.html" "$OUT/wrk-kestrel-$name.log")
  ratio=$(python3 -c "import sys; a,n=map(float,sys.argv[1:]); print(f'{a/n:.2f}' if n else '-')" "$app_rps" "$ngx_rps")
  floor=$(python3 -c "import sys; a,n=map(float,sys.argv[1:]); print(f'{a/n:.2f}' if n else '-')" "$app_rps" "$kst_rps")
  # Whether the app answered from its output cache (cached answers carry an Age header).
  cached=$(grep -qi '^age:' <(curl -sS -D - -o /dev/null --max-time 30 "http://127.0.0.1:$APP_PORT$path") && echo cached || echo "not cached")
  status=$(cat "$OUT/static/$name.status")
  note="  ($cached"; [[ "$status" != 200 ]] && note="$note, the app answers HTTP $status here"; note="$note)"
  printf '%-22s %9s %8s %8s %7s | %9s %8s %8s %7s | %9s %8s | %9s %11s%s\n' "$name" "$app_rps" "$app_p50" "$app_p99" "$app_err" "$ngx_rps" "$ngx_p50" "$ngx_p99" "$ngx_err" "$kst_rps" "$kst_p99" "$ratio" "$floor" "$note" | tee -a "$REPORT"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$REPORT"
echo "Report saved to $REPORT; wrk logs beside it."
