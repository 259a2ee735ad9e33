#!/usr/bin/env bash
# Benchmark: seeds 1,000 users / 100,000 tickets, starts the release server and drives it on
# loopback with wrk (64 connections, 15 s per scenario). Prints req/s, p50, p99 and peak RSS.
#   bash bench/run.sh            # all scenarios
#   DURATION=5s bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DB_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/deskql_bench}
LISTEN=${BENCH_LISTEN:-127.0.0.1:8099}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk"; exit 1; }

cargo build --release --locked -q
BIN=./target/release/deskql
DATABASE_URL=$DB_URL $BIN seed-demo --users 1000 --tickets 100000 2>/dev/null

DATABASE_URL=$DB_URL DESKQL_LISTEN=$LISTEN DESKQL_JWT_SECRET=bench-secret-bench-secret-bench-secret \
    RUST_LOG=warn $BIN serve >/tmp/deskql-bench.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://$LISTEN/readyz" >/dev/null && break; sleep 0.1; done

gql() { curl -sf "http://$LISTEN/graphql" -H 'content-type: application/json' ${2:+-H "authorization: Bearer $2"} -d "$1"; }
TOKEN=$(gql '{"query":"mutation { logIn(input: {email: \"admin1@demo.deskql.test\", password: \"deskql-demo-password\"}) { token } }"}' \
    | sed -E 's/.*"token":"([^"]+)".*/\1/')
TICKET_ID=$(gql '{"query":"{ tickets(first: 1) { edges { node { id } } } }"}' "$TOKEN" | sed -E 's/.*"id":"([^"]+)".*/\1/')

WORK=$(mktemp -d)
cat >"$WORK/q_list.json" <<JSON
{"query":"{ tickets(first: 50) { edges { node { number title status priority createdAt requester { email } assignee { email } } } } }"}
JSON
cat >"$WORK/q_one.json" <<JSON
{"query":"query(\$id: ID!) { ticket(id: \$id) { number title status requester { email } } }","variables":{"id":"$TICKET_ID"}}
JSON
cat >"$WORK/m_create.json" <<JSON
{"query":"mutation { createTicket(input: {title: \"Benchmark ticket\", description: \"Created by the benchmark run.\"}) { id number } }"}
JSON

echo "scenario  $(printf '%-70s' 'result') (wrk -t2 -c$CONNECTIONS -d$DURATION)"
for scenario in q_list q_one m_create; do
    result=$(TOKEN=$TOKEN QUERY_FILE="$WORK/$scenario.json" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" \
        -s bench/graphql.lua "http://$LISTEN/graphql" 2>"$WORK/$scenario.err" | grep '^RESULT' || true)
    printf '%-9s %s\n' "${scenario^^}" "${result#RESULT }"
    [ -s "$WORK/$scenario.err" ] && head -c 400 "$WORK/$scenario.err" && echo
done
echo "peak RSS: $(grep VmHWM /proc/$SERVER/status | awk '{printf "%.0f MiB", $2/1024}')"
