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
