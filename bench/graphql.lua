-- wrk script: POSTs the GraphQL document in $QUERY_FILE (JSON body) as $TOKEN.
local file = assert(io.open(os.getenv("QUERY_FILE"), "r"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

local errors = 0
function response(status, headers, body)
    if status ~= 200 or body:find('"errors"', 1, true) then
        errors = errors + 1
        if errors == 1 then io.stderr:write("first failed response: " .. body .. "\n") end
    end
end

function done(summary, latency, requests)
    io.write(string.format("RESULT req/s=%.0f p50_ms=%.2f p99_ms=%.2f requests=%d non2xx_or_graphql_errors=%d\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, summary.requests, errors))
end
