#!/usr/bin/env bash
# Reports benchmark: `ticketStats` with every field over the last 30 and 365 days of the
# 100,000-ticket demo data, one client at a time; prints p50, p99 and max per period.
#   bash bench/report.sh            (RUNS=50 requests per period by default)
set -euo pipefail
cd "$(dirname "$0")/.."

LISTEN=${BENCH_LISTEN:-127.0.0.1:8098}
RUNS=${RUNS:-50}

. bench/demo-server.sh
start_demo_server /tmp/deskql-report-bench.log tickets ticket_sla_clocks
TOKEN=$(demo_token admin1@demo.deskql.test)

FIELDS='total openNow unassignedNow byStatus { status count } byPriority { priority count }
  bySource { source count } byCategory { category { slug } count } byAssignee { assignee { name } count }
  firstResponse { businessMinutes { count mean median p90 } wallMinutes { count mean median p90 } }
  resolution { businessMinutes { count mean median p90 } wallMinutes { count mean median p90 } }
  resolutionRate reopenRate sla { metric total met breached compliance }
  satisfaction { average responses responseRate } volume { start created resolved }
  agents { agent { name } assigned resolved medianFirstResponseMinutes satisfactionAverage }'

request() {
    local days=$1
    python3 - "$days" "$FIELDS" <<'PY'
import json, sys, datetime
days, fields = int(sys.argv[1]), sys.argv[2]
to = datetime.datetime.now(datetime.timezone.utc)
frm = to - datetime.timedelta(days=days)
print(json.dumps({"query": "query($i: TicketStatsInput!) { ticketStats(input: $i) { %s } }" % fields,
    "variables": {"i": {"from": frm.isoformat(), "to": to.isoformat(), "timeZone": "Europe/Berlin"}}}))
PY
}

printf '%-8s %6s %9s %9s %9s %9s\n' period runs tickets p50 p99 max
for days in 30 365; do
    body=$(request "$days")
    check=$(curl -sf "http://$LISTEN/graphql" -H 'content-type: application/json' \
        -H "authorization: Bearer $TOKEN" -d "$body")
    tickets=$(python3 -c 'import json,sys; d=json.load(sys.stdin); assert "errors" not in d, d; print(d["data"]["ticketStats"]["total"])' <<<"$check")
    times=$(for _ in $(seq 1 "$RUNS"); do
        curl -sf -o /dev/null -w '%{time_total}\n' "http://$LISTEN/graphql" \
            -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d "$body"
    done)
    python3 - "$days" "$RUNS" "$tickets" <<PY
import sys, math
days, runs, tickets = sys.argv[1], int(sys.argv[2]), sys.argv[3]
t = sorted(float(x) * 1000 for x in """$times""".split())
pct = lambda p: t[min(len(t) - 1, math.ceil(p * len(t)) - 1)]
print(f"{days + 'd':<8} {runs:>6} {tickets:>9} {pct(0.5):>7.0f}ms {pct(0.99):>7.0f}ms {t[-1]:>7.0f}ms")
PY
done
