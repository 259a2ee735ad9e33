#!/usr/bin/env bash
# CSV export benchmark: on the 100,000-ticket demo data, the time to the first byte and to
# the last, the rows received, and how much the server's resident memory grows while it
# streams the whole export (peak RSS during the export minus RSS before it).
#   bash bench/export.sh
set -euo pipefail
cd "$(dirname "$0")/.."

LISTEN=${BENCH_LISTEN:-127.0.0.1:8099}
RUNS=${RUNS:-3}

. bench/demo-server.sh
start_demo_server /tmp/deskql-export-bench.log
TOKEN=$(demo_token admin1@demo.deskql.test)

rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$SERVER/status"; }
peak_kib() { awk '/^VmHWM/ { print $2 }' "/proc/$SERVER/status"; }

printf '%-4s %10s %10s %9s %10s %12s\n' run "first byte" "last byte" rows "MiB" "RSS growth"
for run in $(seq 1 "$RUNS"); do
    before=$(rss_kib)
    echo 5 >"/proc/$SERVER/clear_refs"   # reset the peak (VmHWM) to the current RSS
    out=$(mktemp)
    times=$(curl -sf -o "$out" -w '%{time_starttransfer} %{time_total}' \
        -H "authorization: Bearer $TOKEN" "http://$LISTEN/exports/tickets.csv")
    peak=$(peak_kib)
    rows=$(($(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))))' "$out") - 1))
    size=$(du -m "$out" | cut -f1)
    read -r first last <<<"$times"
    printf '%-4s %9.0fms %9.0fms %9s %10s %9.1f MiB\n' "$run" "$(echo "$first * 1000" | bc -l)" \
        "$(echo "$last * 1000" | bc -l)" "$rows" "$size" "$(echo "($peak - $before) / 1024" | bc -l)"
    rm -f "$out"
done
