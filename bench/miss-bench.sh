#!/usr/bin/env bash
# Cache-miss benchmark (issue 12): every request renders. The app runs with the output cache off
# (Archive:OutputCache=false) and is driven by one connection at a time (wrk -t1 -c1), so each
# figure is one render's latency; bare Kestrel answering the same saved bytes from memory is the
# floor, in the same run. Usage: bash bench/miss-bench.sh [seconds per page, default 10]
#
# Loopback only, every wait bounded, both servers stopped on exit. Output in bench/out/miss/.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

DURATION="${1:-10}"
APP_PORT=5185
KESTREL_PORT=5186
OUT="$PWD/bench/out/miss"
mkdir -p "$OUT/static"
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null

dotnet build -c Release src/ProbationArchive.Web >/dev/null
dotnet build -c Release bench/ProbationArchive.KestrelFloor >/dev/null
DB="$PWD/bench/out/http/archive.db"
corpus_archive "$DB"
YEAR="${BIG%%/*}"; MONTH="$(echo "$BIG" | cut -d/ -f1-2)"

APP_PID=""; KESTREL_PID=""
stop_servers() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [[ -n "$KESTREL_PID" ]] && kill "$KESTREL_PID" 2>/dev/null && wait "$KESTREL_PID" 2>/dev/null || true
}
trap stop_servers EXIT
# wrk is one client: the per-client search limit is raised to measure the search, not the limiter.
start_reading_app "$APP_PORT" "$DB" "$OUT/app.log" Archive__OutputCache=false Search__PermitLimit=1000000000

PAGES_TO_TEST=(
  "home|/"
  "label|/$LABEL"
  "labels|/labels"
  "year|/$YEAR"
  "month|/$MONTH"
  "post-$POPULAR_N-comments|/$POPULAR"
  "post-$BIG_N-comments|/$BIG"
  "search-two-words|/search?q=probation+officer"
  "search-no-hit|/search?q=zzzqqqxxx"
)
for entry in "${PAGES_TO_TEST[@]}"; do
  name="${entry%%|*}"; path="${entry#*|}"
  curl -fsS -o "$OUT/static/$name.html" --max-time 30 "http://127.0.0.1:$APP_PORT$path"
done
dotnet bench/ProbationArchive.KestrelFloor/bin/Release/net10.0/ProbationArchive.KestrelFloor.dll "$OUT/static" "http://127.0.0.1:$KESTREL_PORT" >"$OUT/kestrel.log" 2>&1 &
KESTREL_PID=$!
wait_until_serving "$KESTREL_PID" "http://127.0.0.1:$KESTREL_PORT/home.html" 60 "$OUT/kestrel.log"

# Prints "p50 p99 requests" in ms from wrk's --latency output.
latency() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s)", v)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
p50 = re.search(r"^\s+50%\s+(\S+)", text, re.M); p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M)
n = re.search(r"(\d+) requests in", text); bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
print(f"{ms(p50.group(1)):.2f} {ms(p99.group(1)):.2f} {n.group(1) if n else 0} {bad.group(1) if bad else 0}")
PY
}

REPORT="$OUT/miss-report.txt"
{
  echo "Cache misses, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, wrk -t1 -c1 -d${DURATION}s, Archive:OutputCache=false"
  printf '%-22s %10s %9s %9s %7s | %9s %9s | %12s\n' page bytes "p50 ms" "p99 ms" non-2xx "floor p50" "floor p99" "p50 / floor"
} | tee "$REPORT"
for entry in "${PAGES_TO_TEST[@]}"; do
  name="${entry%%|*}"; path="${entry#*|}"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  wrk -t1 -c1 -d2s "http://127.0.0.1:$APP_PORT$path" >/dev/null 2>&1 || true
  wrk -t1 -c1 -d"${DURATION}s" --timeout 10s --latency "http://127.0.0.1:$APP_PORT$path" >"$OUT/wrk-app-$name.log" 2>&1 || true
  wrk -t1 -c1 -d"${DURATION}s" --timeout 10s --latency "http://127.0.0.1:$KESTREL_PORT/$name.html" >"$OUT/wrk-floor-$name.log" 2>&1 || true
  read -r p50 p99 _ bad < <(latency "$OUT/wrk-app-$name.log")
  read -r f50 f99 _ _ < <(latency "$OUT/wrk-floor-$name.log")
  ratio=$(python3 -c "import sys; a,f=map(float,sys.argv[1:]); print(f'{a/f:.1f}')" "$p50" "$f50")
  printf '%-22s %10s %9s %9s %7s | %9s %9s | %12s  load %s\n' "$name" "$(stat -c %s "$OUT/static/$name.html")" "$p50" "$p99" "$bad" "$f50" "$f99" "$ratio" "$load" | tee -a "$REPORT"
done
echo "Report saved to $REPORT"
