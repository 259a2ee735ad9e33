#!/usr/bin/env bash
# Pipeline benchmark (release build, builtin triage, .eml email, on a fresh database):
#  0. idle latency: 20 tickets filed one at a time (0.2 s apart), creation → ASSIGNED p50/p99.
#  1. burst latency: 200 tickets filed at once (32 in flight) against `deskql serve` with its
#     default 4 workers; reports creation → ASSIGNED p50/p99 from the database timestamps
#     (tickets.created_at → ticket_events.occurred_at).
#  2. throughput: JOBS_TICKETS tickets filed with workers off, then one `deskql worker`
#     (DESKQL_WORKERS=4) drains triage with assignment, the duplicate search and both emails;
#     reports jobs/s and tickets/s.
#   bash bench/pipeline.sh
#   JOBS_TICKETS=5000 bash bench/pipeline.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DB=deskql_pipeline_bench
DB_URL=postgres://postgres@127.0.0.1:5432/$DB
LISTEN=${BENCH_LISTEN:-127.0.0.1:8098}
JOBS_TICKETS=${JOBS_TICKETS:-2000}
SECRET=bench-secret-bench-secret-bench-secret
MAIL=$(mktemp -d)
psql_() { psql -X -q -t -A -h 127.0.0.1 -U postgres -d "$DB" -c "$1"; }

cargo build --release --locked -q
BIN=./target/release/deskql
psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
# One customer files every ticket: lift the hourly createTicket allowance (60 by default).
export DATABASE_URL=$DB_URL DESKQL_JWT_SECRET=$SECRET DESKQL_MAIL_DIR=$MAIL RUST_LOG=warn \
    DESKQL_CREATE_TICKET_LIMIT_PER_USER=100000000
DESKQL_ADMIN_PASSWORD=bench-password $BIN create-admin --email ops@bench.test --name Ops >/dev/null

start_server() { # $1 = workers
    DESKQL_LISTEN=$LISTEN DESKQL_WORKERS=$1 $BIN serve >/tmp/deskql-pipeline-bench.log 2>&1 &
    SERVER=$!
    for _ in $(seq 1 100); do curl -sf "http://$LISTEN/readyz" >/dev/null && return; sleep 0.1; done
    echo "server did not start"; exit 1
}
stop_server() { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }
trap 'kill ${SERVER:-} ${WORKER:-} 2>/dev/null || true; rm -rf "$MAIL"' EXIT
gql() { curl -sf "http://$LISTEN/graphql" -H 'content-type: application/json' ${2:+-H "authorization: Bearer $2"} -d "$1"; }
token() { gql "{\"query\":\"mutation { logIn(input: {email: \\\"$1\\\", password: \\\"bench-password\\\"}) { token } }\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'; }
file_tickets() { # $1 = count, $2 = token
    seq 1 "$1" | xargs -P 32 -I{} curl -sf -o /dev/null "http://$LISTEN/graphql" \
        -H 'content-type: application/json' -H "authorization: Bearer $2" \
        -d '{"query":"mutation { createTicket(input: {title: \"Invoice charged twice {}\", description: \"My card was charged twice for the March invoice, please refund one payment.\"}) { id } }"}'
}

start_server 4
ADMIN=$(token ops@bench.test)
SKILLS=('["billing"]' '["billing","database"]' '["ui"]' '["authentication"]' '["billing","api"]' '["networking"]' '["billing"]' '["mobile"]')
for i in $(seq 0 7); do
    ID=$(gql "{\"query\":\"mutation { signUp(input: {email: \\\"mod$i@bench.test\\\", password: \\\"bench-password\\\", name: \\\"Mod $i\\\"}) { user { id } } }\"}" \
        | sed -E 's/.*"id":"([^"]+)".*/\1/')
    gql "{\"query\":\"mutation(\$id: ID!) { updateUser(id: \$id, input: {role: MODERATOR, skills: ${SKILLS[$i]//\"/\\\"}}) { id } }\",\"variables\":{\"id\":\"$ID\"}}" "$ADMIN" >/dev/null
done
gql '{"query":"mutation { signUp(input: {email: \"customer@bench.test\", password: \"bench-password\", name: \"Customer\"}) { token } }"}' >/dev/null
CUSTOMER=$(token customer@bench.test)

latency() { # $1 = label, $2 = ticket title pattern
    psql_ "SELECT 'RESULT $1 latency creation->ASSIGNED over ' || count(*) || ' tickets: p50 '
        || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) || ' ms, p99 '
        || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1) || ' ms, max '
        || round(max(ms)::numeric, 1) || ' ms'
        FROM (SELECT extract(epoch FROM e.occurred_at - t.created_at) * 1000 AS ms
              FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id AND e.kind = 'ASSIGNED'
              WHERE t.title LIKE '$2') s"
}

for i in $(seq 1 20); do
    curl -sf -o /dev/null "http://$LISTEN/graphql" -H 'content-type: application/json' \
        -H "authorization: Bearer $CUSTOMER" \
        -d '{"query":"mutation { createTicket(input: {title: \"Idle probe '"$i"'\", description: \"My card was charged twice for the March invoice.\"}) { id } }"}'
    sleep 0.2
done
for _ in $(seq 1 100); do
    [ "$(psql_ "SELECT count(*) FROM ticket_events WHERE kind = 'ASSIGNED'")" -ge 20 ] && break; sleep 0.1
done
latency idle 'Idle probe %'

file_tickets 200 "$CUSTOMER"
for _ in $(seq 1 600); do
    [ "$(psql_ "SELECT count(*) FROM ticket_events WHERE kind = 'ASSIGNED'")" -ge 220 ] && break; sleep 0.1
done
latency burst 'Invoice charged twice %'
stop_server

# Throughput: queue up work with no workers, then time one worker process draining it.
start_server 0
file_tickets "$JOBS_TICKETS" "$CUSTOMER"
stop_server
QUEUED=$(psql_ "SELECT count(*) FROM graphile_worker.jobs WHERE run_at <= now()")
BEGIN=$(date +%s.%N)
DESKQL_WORKERS=4 $BIN worker >/tmp/deskql-pipeline-worker.log 2>&1 &
WORKER=$!
# Each ticket makes 4 jobs: triage (which assigns too), duplicate search and the receipt (queued
# now), then the assignment email (enqueued while draining).
TOTAL=$((QUEUED + JOBS_TICKETS))
# Unassigned alerts are due minutes later and stay queued: only jobs due now count.
while [ "$(psql_ "SELECT count(*) FROM graphile_worker.jobs WHERE run_at <= now() AND attempts < max_attempts")" -gt 0 ] || \
      [ "$(psql_ "SELECT count(*) FROM ticket_events WHERE kind = 'ASSIGNED'")" -lt $((220 + JOBS_TICKETS)) ]; do
    sleep 0.2
done
END=$(date +%s.%N)
kill "$WORKER"; wait "$WORKER" 2>/dev/null || true
echo "RESULT throughput: $TOTAL jobs ($JOBS_TICKETS tickets) drained in $(echo "$END - $BEGIN" | bc) s = $(echo "$TOTAL / ($END - $BEGIN)" | bc) jobs/s, $(echo "$JOBS_TICKETS / ($END - $BEGIN)" | bc) tickets/s (4 workers)"
