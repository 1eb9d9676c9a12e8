#!/usr/bin/env bash
# Where an uncached render's time goes (issue 12): the app with its output cache off, EF Core's
# own log of each command's execution time and Serilog's request log, and 30 sequential requests
# per page; prints, per page, the median request time, the median of the SQL time inside it, and
# the commands per request. Usage: bash bench/miss-profile.sh   (WEB_DLL=... profiles another build)
# Loopback only; the app is stopped on exit. Output in bench/out/miss-profile/.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

PORT=5187
OUT="$PWD/bench/out/miss-profile"
mkdir -p "$OUT"
dotnet build -c Release src/ProbationArchive.Web >/dev/null
DB="$PWD/bench/out/http/archive.db"
corpus_archive "$DB"
YEAR="${BIG%%/*}"; MONTH="$(echo "$BIG" | cut -d/ -f1-2)"

APP_PID=""
stop_app() { [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; }
trap stop_app EXIT
# Console logging costs time too, the same for every page: the figures are for comparing shares.
start_reading_app "$PORT" "$DB" "$OUT/app.log" Archive__OutputCache=false Search__PermitLimit=1000000000 \
  Serilog__MinimumLevel__Default=Information \
  Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information \
  'Serilog__WriteTo__0__Args__outputTemplate={Message:lj}{NewLine}'

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/profile.txt"
python3 - "http://127.0.0.1:$PORT" "$OUT/app.log" "/" "/$LABEL" "/labels" "/$YEAR" "/$MONTH" "/$POPULAR" "/$BIG" \
  "/search?q=probation+officer" "/search?q=zzzqqqxxx" <<'PY' | tee -a "$OUT/profile.txt"
import re, statistics, sys, time, urllib.request
base, log, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
command = re.compile(r"Executed DbCommand \((\d+)ms\)")
request = re.compile(r"HTTP GET (\S+) responded (\d+) in ([\d.]+) ms")
print(f"{'page':<44} {'request p50 ms':>15} {'SQL p50 ms':>11} {'commands':>9}")
for page in pages:
    for _ in range(5):  # warm-up: JIT, the facts of this data version, SQLite's page cache
        urllib.request.urlopen(base + page).read()
    times, sql, counts = [], [], []
    for _ in range(30):
        start = len(open(log).read())
        urllib.request.urlopen(base + page).read()
        time.sleep(0.05)  # let the request's log lines land
        text = open(log).read()[start:]
        ms = [int(m) for m in command.findall(text)]
        done = request.findall(text)
        if done:
            times.append(float(done[-1][2]))
        sql.append(sum(ms)); counts.append(len(ms))
    print(f"{page[:44]:<44} {statistics.median(times):>15.1f} {statistics.median(sql):>11.1f} {statistics.median(counts):>9.0f}")
PY
