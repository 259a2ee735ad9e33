// Drives chromium (Debian's /usr/bin/chromium, or $CHROMIUM) for tests/api/browser.rs and
// prints one JSON object of what each page saw. Input comes from the environment.
import { chromium } from "playwright-core";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const config = {
  api: env("DESKQL_API"),
  email: env("DESKQL_EMAIL"),
  password: env("DESKQL_PASSWORD"),
  ticketId: env("DESKQL_TICKET_ID"),
  pngBase64: env("DESKQL_PNG_BASE64"),
};
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const result = {};
// Console errors, page errors and failed requests of the GraphiQL page.
const problems = [];
let ide;
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(20000);

  await page.goto(env("ALLOWED_PAGE") + "/spa.html");
  result.allowed = await page.evaluate((c) => window.runSpa(c), config);

  // A page on an origin deskql does not list: the browser must block it at the CORS step.
  const foreign = await context.newPage();
  const foreignConsole = [];
  foreign.on("console", (m) => foreignConsole.push(m.text()));
  await foreign.goto(env("FOREIGN_PAGE") + "/spa.html");
  result.foreign = await foreign.evaluate((c) => window.runSpa(c), config);
  result.foreign.console = foreignConsole;

  // GraphiQL from the binary, offline, under its CSP: run the default query (signed in by
  // the cookie the SPA's login set for this host).
  ide = await context.newPage();
  ide.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  ide.on("pageerror", (e) => problems.push(String(e)));
  ide.on("requestfailed", (r) => problems.push("request failed: " + r.url()));
  await ide.goto(config.api + "/graphql");
  await ide.locator(".graphiql-execute-button").click();
  await ide.locator(".result-window").getByText(config.email).waitFor();
  result.graphiql = {
    result: await ide.locator(".result-window").innerText(),
    problems,
  };
} catch (err) {
  result.error = String(err);
  if (ide) {
    result.graphiqlProblems = problems;
    result.graphiqlText = (await ide.locator("body").innerText()).slice(0, 2000);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
