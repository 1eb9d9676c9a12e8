#!/usr/bin/env bash
# Soak (issue 6): the app (Release) over a generated archive on 127.0.0.1, driven by Debian's wrk
# at CONNECTIONS connections over mixed pages for DURATION seconds, while the app's resident
# memory (VmRSS in /proc/PID/status) is sampled every few seconds. Reports errors (non-2xx/3xx
# answers, socket errors, timeouts) and memory growth (average of the last quarter of the samples
# against the first, after a warm-up). Exits 1 when a target is missed: any error, or growth of 10%
# or more. Figures are in docs/RELIABILITY.md.
#
# Usage: bash bench/soak/soak.sh [duration-seconds, default 600] [connections, default 256]
# Environment: SOAK_POSTS (2000), SOAK_COMMENTS (60000), SOAK_PORT (5190), SOAK_WARMUP (60 s),
#   SOAK_SAMPLE (5 s), SOAK_OUTPUT_CACHE (true: the app's default; false reads the database every time),
#   SOAK_APP_ENV (extra NAME=value settings for the app, e.g. "DOTNET_gcServer=0").
#
# Only 127.0.0.1 is listened on and loaded; every wait is bounded; the app is stopped on exit
# however the script ends. Output goes to bench/soak/out/.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

DURATION="${1:-600}"
CONNECTIONS="${2:-256}"
POSTS="${SOAK_POSTS:-2000}"
COMMENTS="${SOAK_COMMENTS:-60000}"
PORT="${SOAK_PORT:-5190}"
WARMUP="${SOAK_WARMUP:-60}"
SAMPLE="${SOAK_SAMPLE:-5}"
OUTPUT_CACHE="${SOAK_OUTPUT_CACHE:-true}"
OUT="$PWD/bench/soak/out"
RUN="$OUT/run-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RUN"

for tool in wrk curl python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "installing $tool (Debian)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
  fi
done

echo "== building (Release)"
dotnet build -c Release src/ProbationArchive.Web >/dev/null
dotnet build -c Release bench/ProbationArchive.CorpusGenerator >/dev/null
GENERATOR="bench/ProbationArchive.CorpusGenerator/bin/Release/net10.0/ProbationArchive.CorpusGenerator.dll"

CORPUS="$OUT/corpus-p$POSTS-c$COMMENTS"
if [[ ! -f "$CORPUS/manifest.json" ]]; then
  echo "== generating $POSTS posts, $COMMENTS comments"
  rm -rf "$CORPUS"
  timeout 900 dotnet "$GENERATOR" --posts "$POSTS" --comments "$COMMENTS" "$CORPUS" | tail -n 2
fi

DB="$OUT/archive-p$POSTS-c$COMMENTS.db"
import_if_stale "$DB" "$CORPUS/pages" "$CORPUS/manifest.json" 1800

APP_PID=""
SAMPLER_PID=""
stop() {
  [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
}
trap stop EXIT

echo "== starting the app on 127.0.0.1:$PORT (output cache: $OUTPUT_CACHE)"
# env, not VAR=value: a name with dots is no shell variable.
env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Archive=Data Source=$DB" Archive__ImportSeedsWhenEmpty=false \
  "Archive__OutputCache=$OUTPUT_CACHE" Serilog__MinimumLevel__Default=Warning \
  Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime=Warning \
  ${SOAK_APP_ENV:-} dotnet "$WEB" --urls "http://127.0.0.1:$PORT" >"$RUN/app.log" 2>&1 &
APP_PID=$!
wait_until_serving "$APP_PID" "http://127.0.0.1:$PORT/" 120 "$RUN/app.log"

echo "== URLs"
python3 bench/soak/urls.py "$DB" "$RUN/urls-all.txt"
# Every distinct URL is asked once; only those answering 200 are kept, so an error later is the load's.
sort -u "$RUN/urls-all.txt" | while read -r path; do
  code=$(curl -s -o /dev/null --max-time 30 -w '%{http_code}' "http://127.0.0.1:$PORT$path")
  [[ "$code" == "200" ]] || echo "$path" >>"$RUN/urls-dropped.txt"
done
if [[ -f "$RUN/urls-dropped.txt" ]]; then
  echo "dropped $(wc -l <"$RUN/urls-dropped.txt") URLs that did not answer 200 (see $RUN/urls-dropped.txt)"
  grep -vxF -f "$RUN/urls-dropped.txt" "$RUN/urls-all.txt" >"$RUN/urls.txt"
else
  cp "$RUN/urls-all.txt" "$RUN/urls.txt"
fi
echo "$(wc -l <"$RUN/urls.txt") URLs in the rotation"

echo "== sampling RSS of pid $APP_PID every ${SAMPLE}s"
# Columns: seconds, VmRSS (kB), threads, open database files (SQLite connections and their WAL), 1-minute load.
(
  # A descriptor closing while it is listed must not end the sampling: no errexit or pipefail here.
  set +e +o pipefail
  start=$(date +%s)
  for _ in $(seq 1 $(((DURATION + 60) / SAMPLE))); do
    status=$(cat "/proc/$APP_PID/status" 2>/dev/null) || break
    rss=$(awk '/^VmRSS:/ { print $2 }' <<<"$status")
    threads=$(awk '/^Threads:/ { print $2 }' <<<"$status")
    files=$(find "/proc/$APP_PID/fd" -lname "$DB*" 2>/dev/null | wc -l)
    echo "$(($(date +%s) - start)) $rss $threads $files $(cut -d' ' -f1 /proc/loadavg)" >>"$RUN/samples.tsv"
    sleep "$SAMPLE"
  done
) &
SAMPLER_PID=$!

echo "== wrk: ${DURATION}s, $CONNECTIONS connections, 2 threads, 10 s request timeout"
timeout $((DURATION + 120)) wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency \
  -s bench/soak/mixed-pages.lua "http://127.0.0.1:$PORT" -- "$RUN/urls.txt" | tee "$RUN/wrk.txt"
# Requests wrk abandons when it stops are logged as errors after this second; they reached no reader.
WRK_END=$(date +%H:%M:%S)
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
kill -0 "$APP_PID" 2>/dev/null || { echo "the app died during the soak:"; tail -n 40 "$RUN/app.log"; exit 1; }

{
  echo "== soak report $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine         $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "corpus          $POSTS posts, $COMMENTS comments; output cache $OUTPUT_CACHE; $CONNECTIONS connections for ${DURATION}s ${SOAK_APP_ENV:-}"
  echo "app log         $(awk -v end="$WRK_END" '/ (ERR|FTL)\] / && substr($1, 2) < end' "$RUN/app.log" | wc -l) error lines during the run, $(awk -v end="$WRK_END" '/ (ERR|FTL)\] / && substr($1, 2) >= end' "$RUN/app.log" | wc -l) after wrk stopped"
  python3 bench/soak/report.py "$RUN/samples.tsv" "$RUN/wrk.txt" "$WARMUP"
} | tee "$RUN/report.txt"
