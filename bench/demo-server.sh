# Sourced by the benchmarks that read the 100,000-ticket demo data: builds the release binary,
# seeds the data (a no-op when present), and starts `deskql serve` without workers on $LISTEN,
# stopped when the script exits.
#   start_demo_server LOG_FILE [VACUUM_TABLE ...]   then   TOKEN=$(demo_token admin1@demo.deskql.test)

DB_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/deskql_bench}

start_demo_server() {
    local log=$1
    shift
    cargo build --release --locked -q
    BIN=./target/release/deskql
    DATABASE_URL=$DB_URL $BIN seed-demo --users 1000 --tickets 100000 2>/dev/null
    # Settled tables, as autovacuum leaves them: statistics fresh, visibility map current
    # (index-only scans), GIN pending lists merged.
    for table in "$@"; do psql "$DB_URL" -q -c "VACUUM ANALYZE $table"; done
    DATABASE_URL=$DB_URL DESKQL_LISTEN=$LISTEN DESKQL_JWT_SECRET=bench-secret-bench-secret-bench-secret \
        DESKQL_WORKERS=0 RUST_LOG=warn $BIN serve >"$log" 2>&1 &
    SERVER=$!
    trap 'kill $SERVER 2>/dev/null || true' EXIT
    for _ in $(seq 1 100); do curl -sf "http://$LISTEN/readyz" >/dev/null && break; sleep 0.1; done
}

# An access token for a demo account.
demo_token() {
    curl -sf "http://$LISTEN/graphql" -H 'content-type: application/json' \
        -d "{\"query\":\"mutation { logIn(input: {email: \\\"$1\\\", password: \\\"deskql-demo-password\\\"}) { token } }\"}" \
        | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
