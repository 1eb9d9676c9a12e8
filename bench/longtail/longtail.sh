#!/usr/bin/env bash
# Long-tail run (issue 12): wrk spreading requests over every post, label and month address of the
# sitemap, uniformly and Zipf-like (longtail.lua), at 64 connections, against the app with its
# output cache on and its size limit as shipped; then nginx serving a sample of the same pages,
# saved as files, as the reference; then the app's resident memory.
# Usage: bash bench/longtail/longtail.sh [seconds per run, default 30] [connections, default 64] [nginx sample, default 1000]
# Loopback only, every wait bounded, both servers stopped on exit. Output in bench/out/longtail/.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

DURATION="${1:-30}"
CONNECTIONS="${2:-64}"
SAMPLE="${3:-1000}"
APP_PORT=5190
NGINX_PORT=5191
OUT="$PWD/bench/out/longtail"
rm -rf "$OUT/static"; mkdir -p "$OUT/static"
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light curl >/dev/null; break; }
done

dotnet build -c Release src/ProbationArchive.Web >/dev/null
DB="$PWD/bench/out/http/archive.db"
corpus_archive "$DB"

APP_PID=""; NGINX_PID=""
stop_servers() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
}
trap stop_servers EXIT
start_reading_app "$APP_PORT" "$DB" "$OUT/app.log"

# Every post, label and month address of the sitemap, in a fixed shuffled order: the order is the
# Zipf rank, so the popular addresses are spread over the archive rather than its newest posts.
curl -fsS --max-time 60 "http://127.0.0.1:$APP_PORT/sitemap.xml" | python3 -c "
import random, re, sys, urllib.parse
paths = [urllib.parse.urlsplit(u).path for u in re.findall(r'<loc>([^<]+)</loc>', sys.stdin.read())]
keep = [p for p in paths if re.fullmatch(r'/(\d{4}/\d{2}/[^/]+|undated/[^/]+|label/[^/]+|\d{4}/\d{2})', p)]
random.Random(12).shuffle(keep)
print('\n'.join(keep))" >"$OUT/urls.txt"
head -n "$SAMPLE" "$OUT/urls.txt" >"$OUT/sample.txt"
echo "$(wc -l <"$OUT/urls.txt") addresses (posts, labels, months); nginx serves the first $SAMPLE of them"

# nginx's pages: each address saved once as <path>.html, found by try_files (a month's address is
# also the folder of its posts).
while read -r path; do
  mkdir -p "$(dirname "$OUT/static$path")"
  curl -fsS --max-time 30 -o "$OUT/static$path.html" "http://127.0.0.1:$APP_PORT$path"
done <"$OUT/sample.txt"
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
  default_type text/html;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $OUT/static;
    location / { try_files \$uri.html =404; }
  }
}
NGINX
nginx -c "$OUT/nginx.conf" -p "$OUT" &
NGINX_PID=$!
wait_until_serving "$NGINX_PID" "http://127.0.0.1:$NGINX_PORT$(head -n1 "$OUT/sample.txt")" 40 "$OUT/nginx-error.log"

# Prints "req/s p50_ms p99_ms answered failed cached" for one run.
run() {
  local url="$1" urls="$2" mode="$3" log="$4"
  LONGTAIL_URLS="$urls" LONGTAIL_MODE="$mode" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s \
    -s bench/longtail/longtail.lua "$url" >"$log" 2>&1 || true
  python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
m = re.search(r"LONGTAIL answered=(\d+) failed=(\d+) cached=(\d+) p50_us=(\d+) p99_us=(\d+)", text)
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
errors = int(m.group(2)) + (sum(map(int, sock.groups())) if sock else 0)
print(f"{float(rps.group(1)):.0f} {int(m.group(4))/1000:.2f} {int(m.group(5))/1000:.2f} {m.group(1)} {errors} {m.group(3)}")
PY
}

REPORT="$OUT/longtail-report.txt"
{
  echo "Long-tail run, $(date -u '+%Y-%m-%d %H:%M') UTC, wrk -t2 -c$CONNECTIONS -d${DURATION}s, $(wc -l <"$OUT/urls.txt") addresses, output cache on (size limit as shipped)"
  printf '%-34s %9s %8s %8s %9s %7s %10s  %s\n' run "req/s" "p50 ms" "p99 ms" answered errors "cache hits" "load before"
} | tee "$REPORT"
for mode in uniform zipf; do
  for server in app nginx; do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    if [[ $server == app ]]; then
      read -r rps p50 p99 n errors hits < <(run "http://127.0.0.1:$APP_PORT" "$OUT/urls.txt" "$mode" "$OUT/wrk-app-$mode.log")
      label="app, every address, $mode"; ratio="$(python3 -c "print(f'{$hits/$n:.2f}')")"
    else
      read -r rps p50 p99 n errors hits < <(run "http://127.0.0.1:$NGINX_PORT" "$OUT/sample.txt" "$mode" "$OUT/wrk-nginx-$mode.log")
      label="nginx, $SAMPLE saved pages, $mode"; ratio="-"
    fi
    printf '%-34s %9s %8s %8s %9s %7s %10s  %s\n' "$label" "$rps" "$p50" "$p99" "$n" "$errors" "$ratio" "$load" | tee -a "$REPORT"
  done
done
rss_kb="$(ps -o rss= -p "$APP_PID" | tr -d ' ')"
echo "app resident memory after the runs: $((rss_kb / 1024)) MB (VmHWM $(grep VmHWM /proc/$APP_PID/status | awk '{print int($2/1024)}') MB)" | tee -a "$REPORT"
echo "Report saved to $REPORT"
