#!/usr/bin/env bash
# Search latency on the 100,000-ticket demo data: seeds it (tickets, one staff reply per
# assigned ticket), starts the release server, and runs each searchTickets query with wrk
# (4 connections, so the figures are latency, not saturation). Prints p50/p99 per query.
#   bash bench/search.sh
#   DURATION=5s bash bench/search.sh
set -euo pipefail
cd "$(dirname "$0")/.."

LISTEN=${BENCH_LISTEN:-127.0.0.1:8099}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-4}
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk"; exit 1; }

. bench/demo-server.sh
start_demo_server /tmp/deskql-search-bench.log tickets ticket_messages

gql() { curl -sf "http://$LISTEN/graphql" -H 'content-type: application/json' ${2:+-H "authorization: Bearer $2"} -d "$1"; }
STAFF=$(demo_token admin1@demo.deskql.test)
USER=$(demo_token user1@demo.deskql.test)
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
