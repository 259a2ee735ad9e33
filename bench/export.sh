#!/usr/bin/env bash
# CSV export benchmark: on the 100,000-ticket demo data, the time to the first byte and to
# the last, the rows received, and how much the server's resident memory grows while it
# streams the whole export (peak RSS during the export minus RSS before it).
#   bash bench/export.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DB_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/deskql_bench}
LISTEN=${BENCH_LISTEN:-127.0.0.1:8099}
RUNS=${RUNS:-3}

cargo build --release --locked -q
BIN=./target/release/deskql
DATABASE_URL=$DB_URL $BIN seed-demo --users 1000 --tickets 100000 2>/dev/null

DATABASE_URL=$DB_URL DESKQL_LISTEN=$LISTEN DESKQL_JWT_SECRET=bench-secret-bench-secret-bench-secret \
    DESKQL_WORKERS=0 RUST_LOG=warn $BIN serve >/tmp/deskql-export-bench.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://$LISTEN/readyz" >/dev/null && break; sleep 0.1; done

TOKEN=$(curl -sf "http://$LISTEN/graphql" -H 'content-type: application/json' \
    -d '{"query":"mutation { logIn(input: {email: \"admin1@demo.deskql.test\", password: \"deskql-demo-password\"}) { token } }"}' \
    | sed -E 's/.*"token":"([^"]+)".*/\1/')

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
