// What a single-page app on its own origin does with deskql: sign in with the cookie, query,
// subscribe over graphql-ws and upload a file with the GraphQL multipart spec. Each step
// records its outcome; the first failure ends the run (a foreign origin fails at sign-in).
window.runSpa = async function (config) {
  const steps = {};
  const graphql = async (query, variables) => {
    const response = await fetch(config.api + "/graphql", {
      method: "POST",
      credentials: "include",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  try {
    const login = await graphql(
      "mutation($e: String!, $p: String!) { logIn(input: { email: $e, password: $p }) { user { email } } }",
      { e: config.email, p: config.password }
    );
    steps.login = login.data && login.data.logIn && login.data.logIn.user ? login.data.logIn.user.email : JSON.stringify(login);
    // No token anywhere in this page: the HTTP-only cookie authenticates from here on.
    const me = await graphql("{ me { email role } }", {});
    steps.query = me.data && me.data.me ? me.data.me.email : JSON.stringify(me.errors);

    const client = graphqlWs.createClient({
      url: config.api.replace(/^http/, "ws") + "/graphql/ws",
      retryAttempts: 0,
      lazy: false,
    });
    const events = [];
    let notify = () => {};
    const arrived = (count) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no event within 15 s")), 15000);
        notify = () => {
          if (events.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        };
        notify();
      });
    client.subscribe(
      {
        query: "subscription($id: ID!) { ticketEvents(ticketId: $id, after: \"0\") { kind } }",
        variables: { id: config.ticketId },
      },
      {
        next: (message) => {
          events.push(message.data ? message.data.ticketEvents.kind : JSON.stringify(message.errors));
          notify();
        },
        error: (err) => {
          events.push("error: " + JSON.stringify(err));
          notify();
        },
        complete: () => {},
      }
    );
    // The replay proves the subscription is live before anything new happens.
    await arrived(1);

    const png = Uint8Array.from(atob(config.pngBase64), (c) => c.charCodeAt(0));
    const form = new FormData();
    form.append(
      "operations",
      JSON.stringify({
        query:
          "mutation($id: ID!, $input: AddTicketMessageInput!) { addTicketMessage(ticketId: $id, input: $input) { message { attachments { fileName contentType } } } }",
        variables: { id: config.ticketId, input: { body: "Screenshot from the SPA", attachments: [null] } },
      })
    );
    form.append("map", JSON.stringify({ 0: ["variables.input.attachments.0"] }));
    form.append("0", new Blob([png], { type: "image/png" }), "spa-shot.png");
    const uploaded = await (
      await fetch(config.api + "/graphql", { method: "POST", credentials: "include", body: form })
    ).json();
    steps.upload = uploaded.data
      ? uploaded.data.addTicketMessage.message.attachments.map((a) => a.fileName + " " + a.contentType)
      : JSON.stringify(uploaded.errors);

    await arrived(2);
    steps.subscription = events.slice();
    client.dispose();
  } catch (err) {
    steps.error = String(err);
  }
  return steps;
};
