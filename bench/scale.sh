#!/usr/bin/env bash
# Cost as the data grows: seeds the demo data at each size in SIZES (100,000 and 1,000,000
# tickets, a user per 100 tickets; each size its own database, kept for reruns), settles it
# (VACUUM ANALYZE), starts the release server on it and runs each query with one client
# (wrk -c1, so the figures are latency, not saturation). Prints p50/p99 per query and size.
#   bash bench/scale.sh
#   SIZES="100000" DURATION=5s bash bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-100000 1000000}
DURATION=${DURATION:-10s}
LISTEN=${BENCH_LISTEN:-127.0.0.1:8103}
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk"; exit 1; }

cargo build --release --locked -q
BIN=./target/release/deskql
WORK=$(mktemp -d)
SERVER=
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

gql() { curl -sf "http://$LISTEN/graphql" -H 'content-type: application/json' ${2:+-H "authorization: Bearer $2"} -d "$1"; }
# demo_token: an access token for a demo account, on $LISTEN.
. bench/demo-server.sh
query_file() { # $1 = name, $2 = JSON body
    printf '%s' "$2" >"$WORK/$1.json"
}
search() { # $1 = name, $2 = query text
    query_file "$1" "{\"query\":\"query(\$q: String!) { searchTickets(query: \$q, first: 20) { totalCount totalCountIsExact edges { node { number title status } } } }\",\"variables\":{\"q\":\"$2\"}}"
}

printf '%-10s %-16s %s\n' tickets query "result (wrk -t1 -c1 -d$DURATION, staff)"
for size in $SIZES; do
    db_url=postgres://postgres@127.0.0.1:5432/deskql_scale_$size
    seeded=$(date +%s)
    # Creates the database if needed; a no-op when the data is there.
    DATABASE_URL=$db_url $BIN seed-demo --users $((size / 100)) --tickets "$size" >/dev/null 2>&1
    echo "seeded or found $size tickets in $(( $(date +%s) - seeded )) s"
    psql -X -q "$db_url" -c "VACUUM ANALYZE tickets" -c "VACUUM ANALYZE ticket_messages" -c "VACUUM ANALYZE users"
    DATABASE_URL=$db_url DESKQL_LISTEN=$LISTEN DESKQL_JWT_SECRET=bench-secret-bench-secret-bench-secret \
        DESKQL_WORKERS=0 DESKQL_SEARCH_LIMIT_PER_USER=1000000 RUST_LOG=warn $BIN serve >"$WORK/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 100); do curl -sf "http://$LISTEN/readyz" >/dev/null && break; sleep 0.1; done
    staff=$(demo_token admin1@demo.deskql.test)
    id=$(gql '{"query":"{ tickets(first: 1) { edges { node { id } } } }"}' "$staff" | sed -E 's/.*"id":"([^"]+)".*/\1/')

    query_file list '{"query":"{ tickets(first: 50) { edges { node { id number title status priority createdAt requester { email } assignee { email } } } } }"}'
    query_file one "{\"query\":\"query(\$id: ID!) { ticket(id: \$id) { id number title status priority requester { email } } }\",\"variables\":{\"id\":\"$id\"}}"
    query_file count '{"query":"{ tickets(first: 1, filter: {status: [IN_PROGRESS], priority: [HIGH]}) { totalCount } }"}'
    search search_common "password reset"          # title words of 1 in 8 tickets
    search search_thread "refund issued"           # words only in staff replies
    search search_phrase '\"dark mode\" -export'   # web-search syntax
    search search_rare "zebracorn"                 # no match at all

    for q in list one count search_common search_thread search_phrase search_rare; do
        result=$(TOKEN=$staff QUERY_FILE="$WORK/$q.json" wrk -t1 -c1 -d"$DURATION" \
            -s bench/graphql.lua "http://$LISTEN/graphql" 2>"$WORK/$q.err" | grep '^RESULT' || true)
        printf '%-10s %-16s %s\n' "$size" "$q" "${result#RESULT }"
        [ -s "$WORK/$q.err" ] && head -c 400 "$WORK/$q.err" && echo
    done
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
done
