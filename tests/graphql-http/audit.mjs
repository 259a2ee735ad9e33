// Runs the graphql-http audit suite against the server at process.argv[2] and prints one JSON
// line per result: {"status": "ok" | "warn" | "error", "id", "name", "reason"?}.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const results = await auditServer({ url });
for (const result of results) {
  const line = { status: result.status, id: result.id, name: result.name };
  if (result.status !== 'ok') {
    line.reason = result.reason;
  }
  console.log(JSON.stringify(line));
}
