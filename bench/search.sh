#!/usr/bin/env bash
# Search latency on the 100,000-ticket demo data: seeds it (tickets, one staff reply per
# assigned ticket), starts the release server, and runs each searchTickets query with wrk
# (4 connections, so the figures are latency, not saturation). Prints p50/p99 per query.
#   bash bench/search.sh
#   DURATION=5s bash bench/search.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DB_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/deskql_bench}
LISTEN=${BENCH_LISTEN:-127.0.0.1:8099}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-4}
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk"; exit 1; }

cargo build --release --locked -q
BIN=./target/release/deskql
DATABASE_URL=$DB_URL $BIN seed-demo --users 1000 --tickets 100000 2>/dev/null
# As autovacuum would leave them: GIN pending lists merged, statistics fresh.
psql "$DB_URL" -q -c "VACUUM ANALYZE tickets" -c "VACUUM ANALYZE ticket_messages"

DATABASE_URL=$DB_URL DESKQL_LISTEN=$LISTEN DESKQL_JWT_SECRET=bench-secret-bench-secret-bench-secret \
    DESKQL_WORKERS=0 RUST_LOG=warn $BIN serve >/tmp/deskql-search-bench.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://$LISTEN/readyz" >/dev/null && break; sleep 0.1; done

gql() { curl -sf "http://$LISTEN/graphql" -H 'content-type: application/json' ${2:+-H "authorization: Bearer $2"} -d "$1"; }
token() {
    gql "{\"query\":\"mutation { logIn(input: {email: \\\"$1\\\", password: \\\"deskql-demo-password\\\"}) { token } }\"}" \
        | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
STAFF=$(token admin1@demo.deskql.test)
USER=$(token user1@demo.deskql.test)
NUMBER=$(gql '{"query":"{ tickets(first: 1) { edges { node { number } } } }"}' "$STAFF" | sed -E 's/.*"number":"([^"]+)".*/\1/')

WORK=$(mktemp -d)
query_file() {
    cat >"$WORK/$1.json" <<JSON
{"query":"query(\$q: String!) { searchTickets(query: \$q, first: 20) { totalCount edges { node { number title status } } } }","variables":{"q":"$2"}}
JSON
}
query_file common "password reset"         # title words of 1 in 8 tickets
query_file thread "refund issued"          # words only in staff replies
query_file rare "zebracorn"                # no match at all
query_file number "$NUMBER"                # exact number jump
query_file phrase '\"dark mode\" -export'  # web-search syntax

echo "query      viewer $(printf '%-64s' 'result') (wrk -t2 -c$CONNECTIONS -d$DURATION)"
for viewer in staff user; do
    tok=$STAFF; [ "$viewer" = user ] && tok=$USER
    for q in common thread rare number phrase; do
        result=$(TOKEN=$tok QUERY_FILE="$WORK/$q.json" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" \
            -s bench/graphql.lua "http://$LISTEN/graphql" 2>"$WORK/$q.err" | grep '^RESULT' || true)
        printf '%-10s %-6s %s\n' "$q" "$viewer" "${result#RESULT }"
        [ -s "$WORK/$q.err" ] && head -c 400 "$WORK/$q.err" && echo
    done
done
