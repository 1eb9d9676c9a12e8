#!/usr/bin/env bash
# Screenshots of the generated archive's 2,000-comment post on a phone (issue 15) into
# docs/screenshots: its top, the top of its comments, its thread outline, and its folded view. Debian's Chromium, headless,
# driven by puppeteer-core (bench/phone-screenshots.mjs), 390 x 844 CSS pixels at twice the density;
# the app on 127.0.0.1 only, stopped on exit.
# Usage: bash bench/phone-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

PORT=5184
OUT="$PWD/bench/out/screenshots"
SHOTS="$PWD/docs/screenshots"
mkdir -p "$OUT"

dotnet build -c Release src/ProbationArchive.Web >/dev/null
DB="$PWD/bench/out/http/archive.db"
corpus_archive "$DB"

APP_PID=""
stop_app() { [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; }
trap stop_app EXIT
start_reading_app "$PORT" "$DB" "$OUT/app.log"

# Lighthouse's install brings puppeteer-core, which drives the same Chromium.
PUPPETEER="$PWD/bench/out/lighthouse/node_modules/puppeteer-core"
[[ -d "$PUPPETEER" ]] || { echo "run bench/lighthouse.sh once first: it installs Lighthouse and puppeteer-core"; exit 1; }
# name=address: a fragment scrolls the page to that place before the picture is taken.
timeout 300 node bench/phone-screenshots.mjs "$PUPPETEER" "http://127.0.0.1:$PORT" "$SHOTS" \
  "big-thread-phone=/$BIG" "big-thread-comments-phone=/$BIG#comments-heading" "big-thread-outline-phone=/$BIG#thread-outline-heading" "big-thread-folded-phone=/$BIG?replies=hidden|#threads > li:nth-child(5) > details"
