#!/usr/bin/env bash
# Live subscribers: SUBSCRIBERS (10,000) staff `ticketEvents` subscriptions on one ticket, first
# on one instance, then dealt out over two instances that share the database (events cross
# between them through Postgres NOTIFY). The client (bench/ws_subscribers.rs) times each of
# ROUNDS status changes from the mutation to its delivery at every subscriber, and reads the
# servers' resident memory before and after the subscribers connect (and, in a first run, of
# as many connections without a subscription).
#   bash bench/subscribers.sh
#   SUBSCRIBERS=2000 ROUNDS=3 bash bench/subscribers.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DB=deskql_subscribers_bench
DB_URL=postgres://postgres@127.0.0.1:5432/$DB
PORTS=(${BENCH_PORTS:-8101 8102})
SECRET=bench-secret-bench-secret-bench-secret
# Each side holds one socket per subscriber, plus headroom.
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $(( ${SUBSCRIBERS:-10000} + 1000 )) ] || {
    echo "the open-file limit ($(ulimit -n)) is too low for ${SUBSCRIBERS:-10000} subscribers"; exit 1; }

cargo build --release --locked -q
cargo build --release --locked -q --example ws_subscribers
BIN=./target/release/deskql
CLIENT=./target/release/examples/ws_subscribers
psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
export DATABASE_URL=$DB_URL DESKQL_JWT_SECRET=$SECRET RUST_LOG=warn
DESKQL_ADMIN_PASSWORD=bench-password $BIN create-admin --email ops@bench.test --name Ops >/dev/null

SERVERS=()
trap 'kill ${SERVERS[*]:-} 2>/dev/null || true' EXIT
start_servers() { # $1 = how many instances
    SERVERS=()
    for port in "${PORTS[@]:0:$1}"; do
        # No job workers: nothing but the measured status changes emits events. One user
        # holds every subscription, so its per-user cap is lifted.
        DESKQL_LISTEN=127.0.0.1:$port DESKQL_WORKERS=0 DESKQL_WS_MAX_SUBSCRIPTIONS_PER_USER=1000000 \
            $BIN serve >"/tmp/deskql-subscribers-$port.log" 2>&1 &
        SERVERS+=($!)
        for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
    done
}
stop_servers() { kill "${SERVERS[@]}" 2>/dev/null; wait "${SERVERS[@]}" 2>/dev/null || true; SERVERS=(); }

run() { # $1 = instances, then the client's own settings (CONNECT_ONLY=1)
    start_servers "$1"
    local http=http://127.0.0.1:${PORTS[0]}/graphql ws=""
    gql() { curl -sf "$http" -H 'content-type: application/json' ${2:+-H "authorization: Bearer $2"} -d "$1"; }
    local token ticket
    token=$(gql '{"query":"mutation { logIn(input: {email: \"ops@bench.test\", password: \"bench-password\"}) { token } }"}' \
        | sed -E 's/.*"token":"([^"]+)".*/\1/')
    ticket=$(gql '{"query":"mutation { createTicket(input: {title: \"Subscriber benchmark\", description: \"A ticket whose status the benchmark changes.\"}) { id } }"}' "$token" \
        | sed -E 's/.*"id":"([^"]+)".*/\1/')
    for port in "${PORTS[@]:0:$1}"; do ws+="ws://127.0.0.1:$port/graphql/ws,"; done
    local pids
    pids=$(IFS=,; echo "${SERVERS[*]}")
    env "${@:2}" BENCH_WS=$ws BENCH_HTTP=$http BENCH_TOKEN=$token BENCH_TICKET=$ticket SERVER_PIDS=$pids $CLIENT
    stop_servers
}

echo "== one instance, connections only"
run 1 CONNECT_ONLY=1
echo "== one instance"
run 1
echo "== two instances"
run 2
