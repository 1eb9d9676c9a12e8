#!/usr/bin/env bash
# Lighthouse over the generated archive (issue 15): the home page, the busiest label page, the
# 300- and the 2,000-comment posts, mobile profile with Lighthouse's default (simulated)
# throttling, Debian's Chromium, the output cache on (each page is fetched once before it is
# measured). Usage: bash bench/lighthouse.sh [runs per page, default 3] [extra path]...
# Prints the median run of each page: performance score, total blocking time, largest
# contentful paint, DOM elements and the document's bytes. Not part of CI (minutes per run).
#
# The app listens on 127.0.0.1 only and is stopped on exit; Lighthouse is installed from npm into
# the git-ignored bench/out/lighthouse, never downloads a browser, and is pointed at loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

RUNS="${1:-3}"
shift || true
EXTRA_PATHS=("$@")
PORT=5183
OUT="$PWD/bench/out/lighthouse"
LIGHTHOUSE_VERSION=12.2.3
mkdir -p "$OUT/runs"

command -v node >/dev/null || { echo "Lighthouse needs Node.js (20 or later)"; exit 1; }
[[ -x /usr/bin/chromium ]] || { echo "Lighthouse here drives Debian's /usr/bin/chromium: apt-get install -y chromium"; exit 1; }
if ! grep -q "\"version\": *\"$LIGHTHOUSE_VERSION\"" "$OUT/node_modules/lighthouse/package.json" 2>/dev/null; then
  echo "== installing lighthouse@$LIGHTHOUSE_VERSION into $OUT"
  npm i -E "lighthouse@$LIGHTHOUSE_VERSION" --prefix "$OUT" --no-audit --no-fund >/dev/null
fi

echo "== building (Release)"
dotnet build -c Release src/ProbationArchive.Web >/dev/null

echo "== corpus"
# The same archive file as bench/http-bench.sh, imported once for both.
DB="$PWD/bench/out/http/archive.db"
corpus_archive "$DB"

APP_PID=""
stop_app() { [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; }
trap stop_app EXIT
echo "== starting the app on 127.0.0.1:$PORT"
start_reading_app "$PORT" "$DB" "$OUT/app.log"

PAGES_TO_TEST=("home|/" "label|/$LABEL" "post-$POPULAR_N-comments|/$POPULAR" "post-$BIG_N-comments|/$BIG")
for extra in "${EXTRA_PATHS[@]}"; do PAGES_TO_TEST+=("extra-$(echo "$extra" | tr -c 'A-Za-z0-9' '-')|$extra"); done

REPORT="$OUT/lighthouse-report.txt"
{
  echo "Lighthouse $LIGHTHOUSE_VERSION, mobile, default throttling, $(/usr/bin/chromium --version 2>/dev/null), $(date -u '+%Y-%m-%d %H:%M') UTC, median of $RUNS runs"
  printf '%-22s %6s %8s %8s %8s %10s %10s  %s\n' page score "TBT ms" "LCP ms" "FCP ms" "DOM elems" "HTML bytes" "load before each run"
} | tee "$REPORT"
for entry in "${PAGES_TO_TEST[@]}"; do
  name="${entry%%|*}"; path="${entry#*|}"
  url="http://127.0.0.1:$PORT$path"
  # Rendered once so every run is served from the output cache, as a reader after the first would be.
  curl -fsS -o /dev/null --compressed --max-time 60 "$url"
  loads=()
  for run in $(seq 1 "$RUNS"); do
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")
    CHROME_PATH=/usr/bin/chromium timeout 300 node "$OUT/node_modules/lighthouse/cli/index.js" "$url" \
      --quiet --only-categories=performance --output=json --output-path="$OUT/runs/$name-$run.json" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>"$OUT/runs/$name-$run.log" || true
  done
  python3 - "$name" "$RUNS" "$OUT/runs" "${loads[*]}" <<'PY' | tee -a "$REPORT"
import json, os, sys
name, runs, folder, loads = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
results = []
for run in range(1, runs + 1):
    path = os.path.join(folder, f"{name}-{run}.json")
    if not os.path.exists(path):
        continue
    report = json.load(open(path))
    audits = report["audits"]
    score = report["categories"]["performance"]["score"]
    if score is None:
        continue
    document = next((r for r in audits["network-requests"]["details"]["items"] if r.get("resourceType") == "Document"), {})
    results.append((round(score * 100), audits["total-blocking-time"]["numericValue"], audits["largest-contentful-paint"]["numericValue"],
                    audits["first-contentful-paint"]["numericValue"], audits["dom-size"]["numericValue"], document.get("resourceSize", 0)))
if not results:
    print(f"{name:<22} no run finished; see {folder}/{name}-*.log")
else:
    # The run with the median score (then the median blocking time) stands for the page.
    results.sort(key=lambda r: (r[0], -r[1]))
    s, tbt, lcp, fcp, dom, size = results[len(results) // 2]
    scores = "/".join(str(r[0]) for r in results)
    print(f"{name:<22} {s:>6} {tbt:>8.0f} {lcp:>8.0f} {fcp:>8.0f} {dom:>10,.0f} {size:>10,}  {loads} (scores {scores})")
PY
done
echo "Report saved to $REPORT; the runs' JSON beside it in runs/."
