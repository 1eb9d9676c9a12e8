# Sourced by bench/scale-out.sh: the long-tail URL list and one wrk run through the balancer.

# long_tail_urls BASE FILE: every address of the sitemap (each post, label, year and month,
# and the home, labels and overview pages), as paths, in a shuffled order, one a line.
long_tail_urls() {
  curl -fsS --max-time 60 "$1/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed -E 's#<loc>https?://[^/]+##; s#</loc>##' \
    | awk 'BEGIN { srand(14) } { print rand() "\t" $0 }' | sort -k1,1 | cut -f2 > "$2"
  [[ -s "$2" ]] || { echo "no addresses in the sitemap at $1"; exit 1; }
}

# run_wrk NAME URL URLS SECONDS CONNECTIONS OUT: wrk over the list (bench/soak/mixed-pages.lua),
# then one report line: requests/s, p99, errors (non-2xx/3xx answers and socket errors).
run_wrk() {
  local name="$1" url="$2" urls="$3" seconds="$4" connections="$5" out="$6"
  timeout $((seconds + 30)) wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${seconds}s" --timeout 10s --latency \
    -s bench/soak/mixed-pages.lua "$url" -- "$urls" > "$out/wrk-$name.txt" 2>&1 || true
  local rate p99 non2xx sockets
  rate=$(awk '/Requests\/sec/ { print $2 }' "$out/wrk-$name.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$out/wrk-$name.txt")
  non2xx=$(awk '/Non-2xx or 3xx/ { print $5 }' "$out/wrk-$name.txt")
  sockets=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$out/wrk-$name.txt")
  printf '%-34s %10s req/s   p99 %8s   errors %s (non-2xx/3xx %s, socket %s)   load %s\n' \
    "$name" "${rate:-0}" "${p99:--}" "$(( ${non2xx:-0} + ${sockets:-0} ))" "${non2xx:-0}" "${sockets:-0}" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    | tee -a "$out/report.txt"
}
