# Shared by bench/http-bench.sh and bench/soak/soak.sh; sourced from the repository root.

# WEB_DLL measures another build of the app (e.g. a copy of an older one, for before/after figures).
WEB="${WEB_DLL:-src/ProbationArchive.Web/bin/Release/net10.0/ProbationArchive.Web.dll}"

# import_if_stale DB PAGES MANIFEST TIMEOUT: imports PAGES into a fresh DB with the import command,
# unless DB is newer than the corpus's MANIFEST.
import_if_stale() {
  local db="$1" pages="$2" manifest="$3" limit="$4"
  [[ -f "$db" && ! "$manifest" -nt "$db" ]] && return 0
  echo "== importing the corpus into $db with the import command"
  rm -f "$db" "$db-wal" "$db-shm"
  ConnectionStrings__Archive="Data Source=$db" Serilog__MinimumLevel__Default=Warning \
    timeout "$limit" dotnet "$WEB" import "$pages" | tail -n 16
}

# wait_until_serving PID URL TRIES LOG: polls URL every half second until it answers, failing
# at once if the process has exited, and after TRIES polls.
wait_until_serving() {
  local pid="$1" url="$2" tries="$3" log="$4"
  for _ in $(seq 1 "$tries"); do
    kill -0 "$pid" 2>/dev/null || { echo "the server behind $url exited; see $log"; tail -n 40 "$log"; exit 1; }
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "nothing answered at $url; see $log"; exit 1
}

# corpus_archive DB: generates the default corpus if missing, imports it into DB if stale, and sets
# PAGES, MANIFEST and the manifest's named pages: BIG BIG_N (the 2,000-comment post), POPULAR
# POPULAR_N (the 300-comment one) and LABEL (the busiest label page), as paths without the leading /.
corpus_archive() {
  local db="$1"
  dotnet build -c Release bench/ProbationArchive.Benchmarks >/dev/null
  PAGES="$(dotnet bench/ProbationArchive.Benchmarks/bin/Release/net10.0/ProbationArchive.Benchmarks.dll corpus | tail -n 1)"
  MANIFEST="$(dirname "$PAGES")/manifest.json"
  read -r BIG BIG_N POPULAR POPULAR_N LABEL < <(python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(m['BigPost']['Path'], m['BigPost']['Count'], m['PopularPost']['Path'], m['PopularPost']['Count'], m['BusiestLabel']['Path'])" "$MANIFEST")
  mkdir -p "$(dirname "$db")"
  import_if_stale "$db" "$PAGES" "$MANIFEST" 900
}

# start_reading_app PORT DB LOG [NAME=VALUE...]: the Release app on 127.0.0.1:PORT over DB, warnings
# only, with any extra settings given; sets APP_PID and returns once it answers.
start_reading_app() {
  local port="$1" db="$2" log="$3"
  shift 3
  env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Archive="Data Source=$db" Archive__ImportSeedsWhenEmpty=false \
    Serilog__MinimumLevel__Default=Warning "$@" dotnet "$WEB" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
  APP_PID=$!
  wait_until_serving "$APP_PID" "http://127.0.0.1:$port/" 120 "$log"
}
